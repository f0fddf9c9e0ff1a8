(function () {
	'use strict';
	// One behaviour for every table of the report: click a header to sort, type or choose to filter.
	function key(row, column, numeric) {
		var cell = row.cells[column];
		if (!cell) { return numeric ? -Infinity : ''; }
		var value = cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent;
		return numeric ? (value === '' ? -Infinity : Number(value)) : value.toLowerCase();
	}
	function setUp(box) {
		var table = box.querySelector('table.data');
		var body = table.tBodies[0];
		var rows = Array.prototype.slice.call(body.rows);
		var texts = null;
		var shown = box.querySelector('.shown');
		var text = box.querySelector('input[data-filter="text"]');
		var selects = Array.prototype.slice.call(box.querySelectorAll('select[data-filter]'));
		function filter() {
			var needle = text ? text.value.trim().toLowerCase() : '';
			if (needle && texts === null) {
				texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
			}
			var count = 0;
			rows.forEach(function (row, i) {
				var visible = (!needle || texts[i].indexOf(needle) >= 0) && selects.every(function (select) {
					return !select.value || row.getAttribute('data-' + select.getAttribute('data-filter')) === select.value;
				});
				row.hidden = !visible;
				if (visible) { count++; }
			});
			if (shown) { shown.textContent = count + ' of ' + rows.length + ' shown'; }
		}
		var timer = null;
		if (text) {
			text.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(filter, 120); });
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
			});
		});
		var expand = box.querySelector('button[data-expand]');
		if (expand) {
			expand.addEventListener('click', function () {
				var open = expand.getAttribute('data-expand') !== 'open';
				box.querySelectorAll('details').forEach(function (d) { d.open = open; });
				expand.setAttribute('data-expand', open ? 'open' : 'closed');
				expand.textContent = open ? 'Collapse evidence' : 'Expand evidence';
			});
		}
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
