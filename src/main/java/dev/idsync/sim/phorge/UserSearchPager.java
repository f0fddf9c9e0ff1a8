package dev.idsync.sim.phorge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
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
		Comparator<PhorgeUser> comparator = order.comparator(fulltext, reversed);
		@Nullable PhorgeUser cursorRow = cursor.isEmpty() ? null : cursorRow(cursor);
		List<PhorgeUser> rows = first(matching.stream()
			.filter((user) -> cursorRow == null || comparator.compare(user, cursorRow) > 0)
			.iterator(), comparator, (int) Math.min(pageSize + 1, Integer.MAX_VALUE - 1));
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
