package dev.idsync.sim.okta;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * One page of a cursor-paged listing: Okta's cursor is the id of the previous page's last item.
 *
 * @param <T> the listed resource
 * @param items the page's items, by id
 * @param nextAfter the cursor of the next page, {@code null} on the last one
 * @param numbering the page's number within its listing, from 1, as the fault injector counts pages; counted only
 *     when asked for (it takes a pass over every earlier item)
 */
record OktaPage<T>(List<T> items, @Nullable String nextAfter, IntSupplier numbering) {

	OktaPage {
		items = List.copyOf(items);
	}

	/**
	 * The page after {@code after}. The cursor is found by a binary search, so that a page costs the same at the end
	 * of a listing of a million users as at its start, as Okta's own pages do (a scan from the start made a
	 * million-person read spend most of its time in the simulator).
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
		int from = (after != null) ? firstAfter(sortedById, id, after) : 0;
		List<T> items = new ArrayList<>();
		boolean more = false;
		for (T item : sortedById.subList(from, sortedById.size())) {
			if (!listed.test(item)) {
				continue;
			}
			if (items.size() == limit) {
				more = true;
				break;
			}
			items.add(item);
		}
		String next = more ? id.apply(items.get(items.size() - 1)) : null;
		IntSupplier numbering = () -> (int) sortedById.subList(0, from).stream().filter(listed).count() / limit + 1;
		return new OktaPage<>(items, next, numbering);
	}

	/** The index of the first item whose id sorts after {@code after}. */
	private static <T> int firstAfter(List<T> sortedById, Function<T, String> id, String after) {
		int low = 0;
		int high = sortedById.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (id.apply(sortedById.get(middle)).compareTo(after) <= 0) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/** The page's number within its listing, from 1. */
	int number() {
		return this.numbering.getAsInt();
	}

	/** This page as the last one, for listings that do not paginate. */
	OktaPage<T> last() {
		return new OktaPage<>(this.items, null, this.numbering);
	}

}
