package dev.idsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.idsync.batch.JobSettings;
import dev.idsync.batch.NightlySync;
import dev.idsync.batch.RunResult;
import dev.idsync.config.ConfigLoader;
import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.domain.SourceRead;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.PhorgeAccess;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;

/**
 * Benchmark (run by {@code bench/phorge-read.sh}, never by the test suite): the whole nightly job against a simulated
 * organisation with about 100,000 Phorge accounts, once reading Phorge through Conduit alone and once with its
 * database, reporting accounts read per second, each Phorge read and correlation step's time, and Conduit calls per
 * 1,000 accounts.
 */
public final class PhorgeReadBenchmark {

	private static final String[] CONDUIT_METHODS = { "user.search", "user.query", "user.whoami", "user.edit" };

	private PhorgeReadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int people = (args.length > 0) ? Integer.parseInt(args[0]) : 121_000;
		long seed = (args.length > 1) ? Long.parseLong(args[1]) : 20261129;
		long started = System.nanoTime();
		SyntheticOrg org = OrgGenerator.generate(seed, people);
		System.out.printf("organisation: %,d people, %,d Phorge accounts, %,d addresses (seed %d, generated in "
				+ "%.1f s)%n", people, org.phorgeUsers().size(), org.phorgeEmails().size(), seed, seconds(started));
		for (PhorgeAccess access : PhorgeAccess.values()) {
			run(org, access);
		}
	}

	private static void run(SyntheticOrg org, PhorgeAccess access) throws IOException, SQLException {
		Path dir = Files.createTempDirectory("idsync-bench");
		long simStart = System.nanoTime();
		try (Simulator simulator = Simulator.start(org, SimPorts.ephemeral(), Clock.systemUTC())) {
			double simSeconds = seconds(simStart);
			Path config = dir.resolve("bench.yml");
			simulator.writeConfig(config, access);
			String store = "jdbc:h2:file:" + dir.resolve("idsync");
			Files.writeString(config, "  store:\n    url: " + store + "\n", StandardOpenOption.APPEND);
			IdsyncProperties properties = ConfigLoader.load(config);
			JobSettings settings = new JobSettings(properties, Credentials.resolve(properties, Map.of()),
					Clock.systemUTC());
			long start = System.nanoTime();
			RunResult result = NightlySync.run(settings, "bench-" + access.name().toLowerCase(), dir.resolve("r"));
			double wall = seconds(start);
			System.out.printf("%n## %s (simulator up in %.1f s)%n", access, simSeconds);
			if (result.summary() == null) {
				System.out.println("run failed: " + result.failure());
				return;
			}
			System.out.printf("job: %.1f s wall, exit %s, %,d findings%n", wall, result.exitCode(),
					result.summary().findings());
			int accounts = 0;
			for (SourceRead read : result.summary().sources()) {
				if (read.name().startsWith("phorge")) {
					System.out.printf("read %-17s %,9d rows in %,6d pages, %6.1f s, %,9.0f rows/s%s%n", read.name(),
							read.items(), read.pages(), read.durationMs() / 1000.0,
							read.items() * 1000.0 / Math.max(1, read.durationMs()),
							read.complete() ? "" : "  INCOMPLETE: " + read.reason());
				}
				if (read.name().equals("phorge")) {
					accounts = read.items();
				}
			}
			steps(store).forEach((step, millis) -> System.out.printf("step %-28s %7.1f s%n", step, millis / 1000.0));
			long total = 0;
			for (String method : CONDUIT_METHODS) {
				long calls = simulator.conduitCalls(method);
				total += calls;
				if (calls > 0) {
					System.out.printf("conduit %-12s %,9d calls, %8.1f per 1,000 accounts%n", method, calls,
							calls * 1000.0 / accounts);
				}
			}
			System.out.printf("conduit total        %,9d calls, %8.1f per 1,000 accounts%n", total,
					total * 1000.0 / accounts);
		}
	}

	/** Each Phorge read and correlation step's duration, from Spring Batch's job repository. */
	private static Map<String, Long> steps(String store) throws SQLException {
		Map<String, Long> steps = new LinkedHashMap<>();
		try (Connection connection = DriverManager.getConnection(store, "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT STEP_NAME, START_TIME, END_TIME FROM "
						+ "BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID")) {
			while (rows.next()) {
				String step = rows.getString(1);
				if (List.of("readAccountsStep", "correlateByEmailStep", "correlateByUsernameStep").contains(step)
						|| step.startsWith("readPhorge")) {
					steps.put(step, java.time.Duration.between(rows.getTimestamp(2).toInstant(),
							rows.getTimestamp(3).toInstant()).toMillis());
				}
			}
		}
		return steps;
	}

	private static double seconds(long sinceNanos) {
		return (System.nanoTime() - sinceNanos) / 1e9;
	}

}
