(function () {
	'use strict';
	// One behaviour for every table of the report: click a header to sort, type or choose to filter.
	function key(row, column, numeric) {
		var cell = row.cells[column];
		if (!cell) { return numeric ? -Infinity : ''; }
		var value = cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent;
		return numeric ? (value === '' ? -Infinity : Number(value)) : value.toLowerCase();
	}
	var PAGE = 200;
	function setUp(box) {
		var table = box.querySelector('table.data');
		var body = table.tBodies[0];
		var rows = Array.prototype.slice.call(body.rows);
		var texts = null;
		var shown = box.querySelector('.shown');
		var text = box.querySelector('input[data-filter="text"]');
		var selects = Array.prototype.slice.call(box.querySelectorAll('select[data-filter]'));
		table.classList.add('js');
		// only a page of the matching rows is laid out at a time: a table of thousands stays quick to open and sort
		var limit = PAGE;
		var more = document.createElement('button');
		more.type = 'button';
		more.hidden = true;
		if (shown) { shown.parentNode.insertBefore(more, shown.nextSibling); }
		more.addEventListener('click', function () { limit = Infinity; filter(false); });
		function filter(reset) {
			if (reset !== false) { limit = PAGE; }
			var needle = text ? text.value.trim().toLowerCase() : '';
			if (needle && texts === null) {
				texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
			}
			var count = 0;
			rows.forEach(function (row, i) {
				var match = (!needle || texts[i].indexOf(needle) >= 0) && selects.every(function (select) {
					return !select.value || row.getAttribute('data-' + select.getAttribute('data-filter')) === select.value;
				});
				row.hidden = !match || count >= limit;
				if (match) { count++; }
			});
			if (shown) {
				shown.textContent = count + ' of ' + rows.length + ' shown' + (count > limit ? ' (the first ' + limit
						+ ' on the page)' : '');
			}
			more.hidden = count <= limit;
			more.textContent = 'Show all ' + count;
		}
		var timer = null;
		if (text) {
			text.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(filter, 150); });
		}
		selects.forEach(function (select) { select.addEventListener('change', filter); });
		Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
			if (!th.hasAttribute('data-sort')) { return; }
			th.addEventListener('click', function () {
				var ascending = th.getAttribute('aria-sort') !== 'ascending';
				var numeric = th.getAttribute('data-sort') === 'num';
				Array.prototype.forEach.call(th.parentNode.cells, function (other) { other.removeAttribute('aria-sort'); });
				th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
				var keyed = rows.map(function (row, i) { return [key(row, column, numeric), i, row]; });
				keyed.sort(function (a, b) {
					var order = a[0] < b[0] ? -1 : (a[0] > b[0] ? 1 : a[1] - b[1]);
					return ascending ? order : -order;
				});
				var fragment = document.createDocumentFragment();
				keyed.forEach(function (entry) { fragment.appendChild(entry[2]); });
				body.appendChild(fragment);
				rows = keyed.map(function (entry) { return entry[2]; });
				texts = null;
				filter(false);
			});
		});
		var expand = box.querySelector('button[data-expand]');
		if (expand) {
			expand.addEventListener('click', function () {
				var open = !table.classList.contains('expanded');
				table.classList.toggle('expanded', open);
				expand.textContent = open ? 'Collapse evidence' : 'Expand evidence';
			});
		}
		// a click on a rule shows or hides its evidence
		body.addEventListener('click', function (event) {
			var cell = event.target.closest('td.evidence');
			if (cell) { cell.parentNode.classList.toggle('open'); }
		});
		filter();
		return { filterBy: function (name, value) {
			selects.forEach(function (select) { if (select.getAttribute('data-filter') === name) { select.value = value; } });
			filter();
		} };
	}
	var boxes = {};
	document.querySelectorAll('.tablebox').forEach(function (box) { boxes[box.id] = setUp(box); });
	// a click on a category of the summary shows its findings
	document.querySelectorAll('table.categories tr.pick').forEach(function (row) {
		row.addEventListener('click', function () {
			boxes['findings-box'].filterBy('category', row.getAttribute('data-category'));
			document.getElementById('findings').scrollIntoView();
		});
	});
	document.body.setAttribute('data-ready', 'true');
}());
