package dev.idsync.sim.okta;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

import dev.idsync.sim.FaultKind;
import dev.idsync.sim.Faults;
import dev.idsync.sim.SimExchange;
import dev.idsync.sim.okta.MinuteBudget.Quota;
import tools.jackson.databind.node.ArrayNode;

/**
 * Serves the pages of Okta's user listings, misbehaving on a page when an injected {@code okta} fault names it.
 */
final class OktaFaultyPages {

	private static final String SOURCE = "okta";

	/** A body cut inside the first user's id. */
	private static final byte[] BAD_JSON = "[{\"id\":\"00u".getBytes(StandardCharsets.UTF_8);

	private final OktaReplies replies;

	private final OktaTraffic traffic;

	private final Faults faults;

	private final Clock clock;

	private final Duration slowness;

	OktaFaultyPages(OktaReplies replies, OktaTraffic traffic, OktaBehaviour behaviour, Clock clock) {
		this.replies = replies;
		this.traffic = traffic;
		this.faults = behaviour.faults();
		this.slowness = behaviour.slowness();
		this.clock = clock;
	}

	/**
	 * Serves a page, or the fault injected on its number.
	 * @param exchange the request
	 * @param family the listing's endpoint family
	 * @param quota the rate-limit window after this request
	 * @param numbering the page's number within its listing, counted only when a fault is still to be injected
	 * @param links the page's {@code Link} values, {@code self} first
	 * @param body the page's JSON
	 */
	void serve(SimExchange exchange, OktaFamily family, Quota quota, IntSupplier numbering, List<String> links,
			ArrayNode body) {
		Optional<FaultKind> fault = this.faults.take(SOURCE, numbering);
		Map<String, List<String>> linkHeaders = Map.of("Link", links);
		if (fault.isEmpty()) {
			this.replies.json(exchange, 200, body, quota, linkHeaders);
			return;
		}
		switch (fault.get()) {
			case HTTP500 -> this.replies.error(exchange, OktaApiError.internalServerError(), quota.headers());
			case TRUNCATE -> exchange.respondTruncated(200, "application/json", this.replies.bytes(body),
					quota.headers());
			case EMPTY -> this.replies.json(exchange, 200, this.replies.array(), quota,
					Map.of("Link", links.subList(0, 1)));
			case SLOW -> {
				pause();
				this.replies.json(exchange, 200, body, quota, linkHeaders);
			}
			case BADJSON -> this.replies.json(exchange, 200, BAD_JSON, quota.headers(), linkHeaders);
			case RATELIMIT -> {
				this.traffic.refused(family);
				this.replies.error(exchange, OktaApiError.rateLimited(), storm(quota));
			}
		}
	}

	/** A 429 as in a storm: nothing left, and the window resets in a second. */
	private Map<String, List<String>> storm(Quota quota) {
		long reset = this.clock.instant().getEpochSecond() + 1;
		return new Quota(quota.limit(), 0, reset, false).headers();
	}

	private void pause() {
		try {
			Thread.sleep(this.slowness.toMillis());
		}
		catch (InterruptedException ex) {
			// the server is closing: answer at once
			Thread.currentThread().interrupt();
		}
	}

}
