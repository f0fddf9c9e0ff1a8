package dev.idsync.sim.google;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The orders of {@code users.list}: {@code orderBy=email|familyName|givenName} with {@code sortOrder}, by id when
 * none is asked for; ties are always broken by id so that pages never overlap.
 */
final class GoogleUserOrder {

	private static final Comparator<GoogleSimUser> BY_ID = Comparator.comparing(GoogleSimUser::id);

	private GoogleUserOrder() {
	}

	/**
	 * The order a request asks for.
	 * @throws GoogleApiError 400 for an unknown {@code orderBy} or {@code sortOrder}
	 */
	static Comparator<GoogleSimUser> of(@Nullable String orderBy, @Nullable String sortOrder) {
		if (orderBy == null) {
			// Google's order without orderBy is unspecified; the simulator lists by id.
			return BY_ID;
		}
		Comparator<GoogleSimUser> order = switch (orderBy.toLowerCase(Locale.ROOT)) {
			case "email" -> text(GoogleSimUser::primaryEmail);
			case "familyname" -> text(GoogleSimUser::familyName);
			case "givenname" -> text(GoogleSimUser::givenName);
			default -> throw GoogleApiError.invalidParameter("orderBy", "Invalid value '" + orderBy + "'");
		};
		if (sortOrder == null || sortOrder.equalsIgnoreCase("ASCENDING")) {
			return order.thenComparing(BY_ID);
		}
		if (sortOrder.equalsIgnoreCase("DESCENDING")) {
			return order.reversed().thenComparing(BY_ID);
		}
		throw GoogleApiError.invalidParameter("sortOrder", "Invalid value '" + sortOrder + "'");
	}

	private static Comparator<GoogleSimUser> text(Function<GoogleSimUser, String> field) {
		return Comparator.comparing((user) -> field.apply(user).toLowerCase(Locale.ROOT));
	}

}
