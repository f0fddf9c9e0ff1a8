package dev.idsync.sim.okta;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * One page of a cursor-paged listing: Okta's cursor is the id of the previous page's last item.
 *
 * @param <T> the listed resource
 * @param items the page's items, by id
 * @param nextAfter the cursor of the next page, {@code null} on the last one
 * @param number the page's number within its listing, from 1, as the fault injector counts pages
 */
record OktaPage<T>(List<T> items, @Nullable String nextAfter, int number) {

	OktaPage {
		items = List.copyOf(items);
	}

	/**
	 * The page after {@code after}.
	 * @param <T> the listed resource
	 * @param sortedById every resource, sorted by id
	 * @param id a resource's id
	 * @param listed which resources the listing holds
	 * @param after the cursor, or {@code null} for the first page
	 * @param limit the page size
	 * @return the page; its number is the offset of its first item divided by {@code limit}, plus 1
	 */
	static <T> OktaPage<T> of(List<T> sortedById, Function<T, String> id, Predicate<T> listed, @Nullable String after,
			int limit) {
		List<T> items = new ArrayList<>();
		int skipped = 0;
		boolean more = false;
		for (T item : sortedById) {
			if (!listed.test(item)) {
				continue;
			}
			if (after != null && id.apply(item).compareTo(after) <= 0) {
				skipped++;
			}
			else if (items.size() == limit) {
				more = true;
				break;
			}
			else {
				items.add(item);
			}
		}
		String next = more ? id.apply(items.get(items.size() - 1)) : null;
		return new OktaPage<>(items, next, skipped / limit + 1);
	}

	/** This page as the last one, for listings that do not paginate. */
	OktaPage<T> last() {
		return new OktaPage<>(this.items, null, this.number);
	}

}
