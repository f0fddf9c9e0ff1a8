package dev.idsync.sim.google;

import java.util.Optional;

import dev.idsync.sim.FaultKind;
import dev.idsync.sim.Faults;
import dev.idsync.sim.SimExchange;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Acts out the faults injected into the pages of the Directory API's listings (source {@code google}).
 */
final class GoogleFaultyPages {

	private static final String SOURCE = "google";

	private final Faults faults;

	private final JsonMapper mapper;

	GoogleFaultyPages(Faults faults, JsonMapper mapper) {
		this.faults = faults;
		this.mapper = mapper;
	}

	/**
	 * Misbehaves on a page if a fault asks for it.
	 * @param exchange the request
	 * @param page the page's number, from 1
	 * @param body the page as it would normally be answered
	 * @param items the key of the page's list, e.g. {@code users}
	 * @return whether the page was answered; if not, answer it normally
	 * @throws GoogleApiError for the faults that are Google errors
	 */
	boolean actOut(SimExchange exchange, int page, ObjectNode body, String items) {
		Optional<FaultKind> fault = this.faults.take(SOURCE, page);
		if (fault.isEmpty()) {
			return false;
		}
		switch (fault.get()) {
			case HTTP500 -> throw GoogleApiError.backendError();
			case RATELIMIT -> throw GoogleApiError.rateLimitExceeded();
			case TRUNCATE -> exchange.respondTruncated(200, GoogleSimServer.JSON, this.mapper.writeValueAsBytes(body));
			case EMPTY -> exchange.respond(200, GoogleSimServer.JSON,
					this.mapper.writeValueAsString(empty(body, items)));
			case BADJSON -> exchange.respond(200, GoogleSimServer.JSON,
					"{\"kind\":\"" + body.get("kind").asString() + "\",\"" + items + "\":[{\"id\":");
			case SLOW -> {
				pause();
				return false;
			}
		}
		return true;
	}

	/** The page without its items and without a next page: a listing that silently ends early. */
	private static ObjectNode empty(ObjectNode body, String items) {
		ObjectNode copy = body.deepCopy();
		copy.remove(items);
		copy.remove("nextPageToken");
		return copy;
	}

	private static void pause() {
		try {
			Thread.sleep(FaultKind.SLOW_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
