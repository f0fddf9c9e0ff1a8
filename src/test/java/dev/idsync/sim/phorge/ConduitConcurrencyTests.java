package dev.idsync.sim.phorge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConduitConcurrencyTests {

	private static final int THREADS = 8;

	private static final int CALLS = 25;

	private final ConduitSimServer server = new ConduitSimServer(ReferenceInstance.directory(),
			Clock.fixed(Instant.ofEpochSecond(ReferenceInstance.NOW), ZoneOffset.UTC), 0, null);

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void queryFromEightThreadsAnswersEveryCallCorrectly() throws Exception {
		List<PhorgeUser> users = ReferenceInstance.users();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<List<String>>> answers = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				int offset = thread;
				answers.add(pool.submit(() -> {
					ConduitTestClient client = new ConduitTestClient(this.server.baseUrl());
					List<String> mismatches = new ArrayList<>();
					for (int call = 0; call < CALLS; call++) {
						PhorgeUser user = users.get((offset * CALLS + call) % users.size());
						Map<String, Object> envelope = client.call("user.query", ReferenceInstance.BOT_TOKEN,
								Map.of("phids", List.of(user.phid())));
						List<?> result = (List<?>) envelope.get("result");
						if (result == null || result.size() != 1
								|| !user.userName().equals(((Map<?, ?>) result.get(0)).get("userName"))) {
							mismatches.add(user.userName() + " -> " + envelope);
						}
					}
					return mismatches;
				}));
			}
			for (Future<List<String>> answer : answers) {
				assertThat(answer.get(60, TimeUnit.SECONDS)).isEmpty();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
