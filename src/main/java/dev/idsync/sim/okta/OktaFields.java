package dev.idsync.sim.okta;

import org.jspecify.annotations.Nullable;

/**
 * The attributes of one kind of Okta resource that {@code filter} and {@code search} expressions compare.
 *
 * @param <T> the resource, e.g. a user or a group
 */
interface OktaFields<T> {

	/** Whether {@code attribute} holds a date, compared as an instant. */
	boolean temporal(String attribute);

	/**
	 * The value of {@code attribute}.
	 * @param item the resource
	 * @param attribute an attribute the caller has already allowed
	 * @return an {@link java.time.Instant} for the dates, a {@link String} otherwise, {@code null} if unset
	 */
	@Nullable Object value(T item, String attribute);

	/** Whether {@code eq} on text matches a prefix rather than the whole value. */
	default boolean equalityIsPrefix() {
		return false;
	}

}
