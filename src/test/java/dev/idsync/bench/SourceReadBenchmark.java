package dev.idsync.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.idsync.config.GoogleProperties;
import dev.idsync.config.OktaProperties;
import dev.idsync.config.Secret;
import dev.idsync.sim.Faults;
import dev.idsync.sim.google.GoogleSimServer;
import dev.idsync.sim.google.GoogleSimUser;
import dev.idsync.sim.okta.OktaSimClient;
import dev.idsync.sim.okta.OktaSimOrg;
import dev.idsync.sim.okta.OktaSimServer;
import dev.idsync.sim.okta.OktaSimUser;
import dev.idsync.source.IdentitySource;
import dev.idsync.source.Page;
import dev.idsync.source.google.Google;
import dev.idsync.source.okta.Okta;

/**
 * Benchmark (run by {@code bench/source-read.sh}, never by the test suite): reads N Okta users and M Google users
 * from the simulator with Okta's per-minute limit enforced, and reports wall time, requests, 429s and the ratio of the
 * Okta read's wall time to its rate-limit bound (pages / allowed requests per second).
 */
public final class SourceReadBenchmark {

	private SourceReadBenchmark() {
	}

	public static void main(String[] args) {
		int oktaUsers = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		int googleUsers = (args.length > 1) ? Integer.parseInt(args[1]) : 50_000;
		int perMinute = (args.length > 2) ? Integer.parseInt(args[2]) : 600;
		String token = "00benchmarkbenchmarkbenchmarkbenchmark0000";
		OktaSimOrg org = new OktaSimOrg(oktaUsers(oktaUsers), List.of(), List.of(), token,
				new OktaSimClient("0oabench", "none", null, Set.of()));
		try (OktaSimServer okta = new OktaSimServer(org, Clock.systemUTC(), 0, Faults.none(), perMinute);
				GoogleSimServer google = new GoogleSimServer(googleUsers(googleUsers), "ya29.bench", "C01", 0)) {
			Read oktaRead = read(new Okta(new OktaProperties(okta.baseUrl(), null, "UNSET"), Secret.of(token))
				.identities());
			Read googleRead = read(new Google(new GoogleProperties(google.baseUrl(), "my_customer", null, null, null,
					"UNSET"), Secret.of("ya29.bench")).identities());
			double bound = oktaRead.pages / (perMinute / 60.0);
			System.out.printf("okta:   %,d users in %,d pages, %.1f s, %d requests, %d 429s, %d pacing waits, "
					+ "bound %.1f s, ratio %.2f%n", oktaRead.items, oktaRead.pages, oktaRead.seconds,
					okta.requestCount(), okta.rateLimitedCount(), oktaRead.waits, bound, oktaRead.seconds / bound);
			System.out.printf("google: %,d users in %,d pages, %.1f s, %d requests%n", googleRead.items,
					googleRead.pages, googleRead.seconds, google.requestCount());
		}
	}

	private static Read read(IdentitySource source) {
		long start = System.nanoTime();
		int pages = 0;
		int items = 0;
		int waits = 0;
		String cursor = null;
		do {
			Page<?> page = source.page(cursor);
			pages++;
			items += page.items().size();
			waits += page.rateLimitWaits();
			cursor = page.next();
		}
		while (cursor != null);
		return new Read(items, pages, waits, (System.nanoTime() - start) / 1e9);
	}

	private static List<OktaSimUser> oktaUsers(int count) {
		List<OktaSimUser> users = new ArrayList<>(count);
		Instant created = Instant.parse("2024-01-01T00:00:00Z");
		for (int i = 0; i < count; i++) {
			String email = "user" + i + "@example.com";
			String status = (i % 100 == 0) ? "DEPROVISIONED" : "ACTIVE";
			users.add(new OktaSimUser(String.format("00u%017d", i), status, created, created, created, null, created,
					email, email, null, "User", Integer.toString(i), Map.of("employeeNumber", "E" + i)));
		}
		return users;
	}

	private static List<GoogleSimUser> googleUsers(int count) {
		List<GoogleSimUser> users = new ArrayList<>(count);
		Instant created = Instant.parse("2024-01-01T00:00:00Z");
		for (int i = 0; i < count; i++) {
			users.add(new GoogleSimUser(String.format("1%020d", i), "g" + i + "@example.com", "G", Integer.toString(i),
					false, false, false, created, created, null, List.of(), "/", "E" + i));
		}
		return users;
	}

	private record Read(int items, int pages, int waits, double seconds) {
	}

}
