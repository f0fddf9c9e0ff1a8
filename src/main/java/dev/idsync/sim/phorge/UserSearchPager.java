package dev.idsync.sim.phorge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

import org.jspecify.annotations.Nullable;

/**
 * Cursor paging as {@code PhabricatorCursorPagedPolicyAwareQuery::executeWithCursorPager()} does it: cursors are
 * user ids as strings, one extra row tells whether more rows exist, and {@code before} pages run the query
 * backwards.
 */
final class UserSearchPager {

	/** What Phorge's query builder says when an id is not numeric. */
	static final String NOT_NUMERIC_ID = "Expected a numeric scalar or null for %Ld conversion. "
			+ "Query: user.id IN (%Ld)";

	private final PhorgeDirectory directory;

	UserSearchPager(PhorgeDirectory directory) {
		this.directory = directory;
	}

	/**
	 * One page of {@code matching} users.
	 * @param matching the users the constraints select, in any order
	 * @param order the result order
	 * @param fulltext whether the query has fulltext terms
	 * @param pageSize the page size, at least 1
	 * @param before the raw {@code before} parameter
	 * @param after the raw {@code after} parameter
	 */
	Page page(List<PhorgeUser> matching, UserSearchOrder order, boolean fulltext, long pageSize,
			@Nullable Object before, @Nullable Object after) {
		String afterId = PhpValues.stringCast(after);
		String beforeId = PhpValues.stringCast(before);
		String cursor = !afterId.isEmpty() ? afterId : beforeId;
		boolean reversed = afterId.isEmpty() && !beforeId.isEmpty();
		@Nullable PhorgeUser cursorRow = cursor.isEmpty() ? null : cursorRow(cursor);
		List<PhorgeUser> rows = rowsAfter(matching, order, fulltext, reversed, cursorRow,
				(int) Math.min(pageSize + 1, Integer.MAX_VALUE - 1));
		if (reversed) {
			Collections.reverse(rows);
		}
		int count = rows.size();
		List<PhorgeUser> sliced = rows;
		if (count > pageSize) {
			int from = PhpValues.truthy(before) ? (int) (count - pageSize) : 0;
			sliced = rows.subList(from, from + (int) pageSize);
		}
		String next = null;
		String previous = null;
		if (!sliced.isEmpty()) {
			if (PhpValues.truthy(before) || count > pageSize) {
				next = Long.toString(sliced.get(sliced.size() - 1).id());
			}
			if (PhpValues.truthy(after) || (PhpValues.truthy(before) && count > pageSize)) {
				previous = Long.toString(sliced.get(0).id());
			}
		}
		return new Page(List.copyOf(sliced), next, previous);
	}

	/**
	 * The first {@code limit} users after the cursor's row (all when it is {@code null}) in the order, from users in
	 * ascending id order.
	 */
	static List<PhorgeUser> rowsAfter(List<PhorgeUser> matching, UserSearchOrder order, boolean fulltext,
			boolean reversed, @Nullable PhorgeUser cursorRow, int limit) {
		Optional<Boolean> idDescending = order.idDescending(fulltext, reversed);
		return idDescending.isPresent() ? byId(matching, cursorRow, idDescending.get(), limit)
				: rowsAfterByScan(matching, order, fulltext, reversed, cursorRow, limit);
	}

	/** {@link #rowsAfter} by looking at every user: for orders other than by id alone. */
	static List<PhorgeUser> rowsAfterByScan(List<PhorgeUser> matching, UserSearchOrder order, boolean fulltext,
			boolean reversed, @Nullable PhorgeUser cursorRow, int limit) {
		Comparator<PhorgeUser> comparator = order.comparator(fulltext, reversed);
		return first(matching.stream()
			.filter((user) -> cursorRow == null || comparator.compare(user, cursorRow) > 0)
			.iterator(), comparator, limit);
	}

	/**
	 * The first {@code limit} users after the cursor's row in id order, from users in ascending id order: a binary
	 * search and the page itself, as MySQL reads Phorge's {@code ORDER BY id} through the primary key (scanning every
	 * user per page made reading a million accounts take hours).
	 */
	private static List<PhorgeUser> byId(List<PhorgeUser> ascending, @Nullable PhorgeUser cursorRow, boolean descending,
			int limit) {
		int size = ascending.size();
		List<PhorgeUser> rows = new ArrayList<>(Math.min(limit, size));
		if (descending) {
			// ids below the cursor's, largest first
			int end = (cursorRow == null) ? size : firstAtLeast(ascending, cursorRow.id());
			for (int i = end - 1; i >= 0 && rows.size() < limit; i--) {
				rows.add(ascending.get(i));
			}
		}
		else {
			int start = (cursorRow == null) ? 0 : firstAtLeast(ascending, cursorRow.id() + 1);
			for (int i = start; i < size && rows.size() < limit; i++) {
				rows.add(ascending.get(i));
			}
		}
		return rows;
	}

	/** The index of the first user whose id is at least {@code id} (the size when none is). */
	private static int firstAtLeast(List<PhorgeUser> ascending, long id) {
		int low = 0;
		int high = ascending.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (ascending.get(middle).id() < id) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/**
	 * The {@code limit} smallest users in {@code comparator}'s order (a total order: it always ends with the id), in
	 * that order: a bounded heap, so that paging through a hundred thousand users does not sort them all per page.
	 */
	private static List<PhorgeUser> first(Iterator<PhorgeUser> users, Comparator<PhorgeUser> comparator, int limit) {
		PriorityQueue<PhorgeUser> largestFirst = new PriorityQueue<>(comparator.reversed());
		while (users.hasNext()) {
			largestFirst.add(users.next());
			if (largestFirst.size() > limit) {
				largestFirst.poll();
			}
		}
		List<PhorgeUser> rows = new ArrayList<>(largestFirst);
		rows.sort(comparator);
		return rows;
	}

	/** The cursor's row: any existing user, whatever the constraints, as Phorge's cursor subquery only checks ids. */
	private PhorgeUser cursorRow(String cursor) {
		if (!PhpValues.isNumeric(cursor)) {
			throw ConduitError.core(NOT_NUMERIC_ID);
		}
		return this.directory.userById(PhpValues.intval(cursor))
			.orElseThrow(() -> ConduitError.core("Cursor \"" + cursor
					+ "\" does not identify a valid object in query \"PhabricatorPeopleQuery\"."));
	}

	/**
	 * One page of results.
	 * @param rows the users, in display order
	 * @param after the cursor for the next page, or {@code null} at the end
	 * @param before the cursor for the previous page, or {@code null}
	 */
	record Page(List<PhorgeUser> rows, @Nullable String after, @Nullable String before) {

	}

}
