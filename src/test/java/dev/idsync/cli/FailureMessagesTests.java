package dev.idsync.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import dev.idsync.sim.Fault;
import dev.idsync.sim.Faults;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.okta.OktaSimServer;
import dev.idsync.store.IdsyncStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Failures a person can act on: each case gives one clear message naming what to fix, exits 1, and leaves nothing
 * half-written behind. The full-disk cases mount a small tmpfs (as root, as CI runs); they are reported skipped where
 * one cannot be mounted.
 */
class FailureMessagesTests {

	@TempDir
	Path dir;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private Path mounted;

	@AfterEach
	void unmount() throws Exception {
		if (this.mounted != null) {
			new ProcessBuilder("umount", this.mounted.toString()).start().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void runWhenReportDirCannotBeCreatedRefusesBeforeReadingAnything() throws IOException {
		try (Simulator simulator = simulator()) {
			// given a report directory under a file
			Path config = config(simulator, store());
			Path file = Files.writeString(this.dir.resolve("hostname"), "db1\n");

			// when
			int exit = execute("run", "--config", config.toString(), "--report-dir", file.resolve("reports").toString());

			// then one line names the property and the fix, and nothing was read or recorded
			assertThat(exit).isOne();
			assertThat(this.err.toString().strip()).isEqualTo("idsync: the report directory " + file.resolve("reports")
					+ " cannot be written (" + file + " is a file, not a directory): set idsync.report.dir or "
					+ "--report-dir to a folder idsync may create and write");
			assertThat(simulator.okta().requestCount()).isZero();
			assertThat(this.dir.resolve("store")).doesNotExist();
		}
	}

	@Test
	void restartWithReportDirWritesTheReportThere() throws IOException {
		try (Simulator simulator = Simulator.start(OrgGenerator.generate(7, 300), SimPorts.ephemeral(),
				Clock.systemUTC(), new Faults(List.of(Fault.parse("conduit-write:http500:1"))),
				OktaSimServer.DEFAULT_USERS_PER_MINUTE)) {
			// given a run in apply mode that stopped at its first write
			Path config = config(simulator, store(), "phorge.retry.backoff: 5ms", "phorge.retry.max-backoff: 20ms");
			Path first = this.dir.resolve("first");
			assertThat(execute("run", "--config", config.toString(), "--mode", "apply", "--allow-first-run",
					"--allow-mass-change", "1000", "--report-dir", first.toString())).isOne();
			String runId = lastRun();

			// when Phorge answers again and the run is restarted with another report directory
			simulator.faults().heal();
			Path second = this.dir.resolve("second");
			int exit = execute("run", "--config", config.toString(), "--restart", runId, "--report-dir",
					second.toString());

			// then its report is written there
			assertThat(exit).as(this.err.toString()).isEqualTo(2);
			assertThat(second.resolve(runId).resolve("report.json")).exists();
			assertThat(first.resolve(runId)).doesNotExist();
		}
	}

	@Test
	void restartOfAnUnknownRunIsRefusedInOneLine() throws IOException {
		try (Simulator simulator = simulator()) {
			Path config = config(simulator, store());

			assertThat(execute("run", "--config", config.toString(), "--restart", "nosuch")).isOne();

			assertThat(this.err.toString().strip()).isEqualTo("idsync: cannot restart: no run nosuch is recorded in "
					+ "idsync's store; 'idsync history' lists runs");
		}
	}

	@Test
	void reportWriteOnAFullDiskLeavesNoPartialFolderAndNamesTheFile() throws Exception {
		try (Simulator simulator = simulator()) {
			// given a report directory on a disk that is full
			Path reports = mountTmpfs("1m");
			fill(reports);
			Path config = config(simulator, store());

			// when
			int exit = execute("run", "--config", config.toString(), "--report-dir", reports.toString());

			// then the run fails naming the file and the cause, and leaves nothing behind in the report directory
			assertThat(exit).isOne();
			assertThat(this.err.toString()).contains("cannot write the report into " + reports + " (idsync.report.dir, "
					+ "--report-dir): " + reports + "/").contains("No space left on device");
			try (Stream<Path> left = Files.list(reports)) {
				assertThat(left.map((path) -> path.getFileName().toString())).containsExactly("filler");
			}
			assertThat(runStatus()).isEqualTo("FAILED");
		}
	}

	@Test
	void runClearsPartialFoldersEarlierRunsLeft() throws IOException {
		try (Simulator simulator = simulator()) {
			// given a partial folder a killed run left two hours ago, and one being written right now
			Path reports = this.dir.resolve("reports");
			Path old = Files.createDirectories(reports.resolve(".20261207T000000Z-dead.partial"));
			Files.writeString(old.resolve("report.html"), "<html>");
			Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));
			Path fresh = Files.createDirectories(reports.resolve(".20261207T010000Z-live.partial"));

			// when a run writes its report
			assertThat(execute("run", "--config", config(simulator, store()).toString(), "--report-dir",
					reports.toString())).isEqualTo(2);

			// then the old one is gone, the fresh one kept
			assertThat(old).doesNotExist();
			assertThat(fresh).exists();
		}
	}

	@Test
	void storeOnAFullDiskFailsInOneLineNamingTheStoreAndIsRecordedFailed() throws Exception {
		try (Simulator simulator = Simulator.start(OrgGenerator.generate(7, 2000), SimPorts.ephemeral(),
				Clock.systemUTC())) {
			// given an H2 store on a disk too small for the night
			Path disk = mountTmpfs("3m");
			Path config = config(simulator, "jdbc:h2:file:" + disk.resolve("idsync"));

			// when
			int exit = execute("run", "--config", config.toString(), "--report-dir", this.dir.resolve("r").toString());

			// then one line names idsync.store.url and the cause in words, and the run is recorded FAILED
			assertThat(exit).isOne();
			assertThat(this.err.toString()).contains("failed: idsync's store (idsync.store.url): the disk that holds "
					+ "it is full (No space left on device)").doesNotContain("SQL statement").doesNotContain("\tat ");
			assertThat(disk.resolve("idsync.trace.db")).doesNotExist();
			this.out.getBuffer().setLength(0);
			assertThat(execute("history", "--config", config.toString())).isZero();
			assertThat(this.out.toString()).contains(" FAILED ");
		}
	}

	@Test
	void storeWithAWrongPasswordFailsInOneLineAndLeavesNoTraceFile() throws IOException {
		try (Simulator simulator = simulator()) {
			// given an H2 store created without a password, and a configuration that gives one
			Path config = config(simulator, store());
			assertThat(execute("history", "--config", config.toString())).isZero();
			Path password = Files.writeString(this.dir.resolve("store.password"), "wrong\n");
			Files.writeString(config, "  store.password-file: " + password + "\n", StandardOpenOption.APPEND);

			// when
			int history = execute("history", "--config", config.toString());

			// then
			assertThat(history).isOne();
			assertThat(this.err.toString().strip()).startsWith("idsync: idsync's store (idsync.store.url jdbc:h2:file:"
					+ this.dir.resolve("store/idsync") + "): the user or password is wrong");
			assertThat(this.dir.resolve("store/idsync.trace.db")).doesNotExist();
		}
	}

	@Test
	void applyOfAMissingOrTruncatedPlanSaysSoInOneLine() throws IOException {
		try (Simulator simulator = simulator()) {
			Path config = config(simulator, store());
			String reports = this.dir.resolve("r").toString();
			assertThat(execute("run", "--config", config.toString(), "--report-dir", reports)).isEqualTo(2);

			// a missing plan
			assertThat(execute("apply", "--config", config.toString(), "nosuch.json")).isOne();
			assertThat(this.err.toString().strip()).isEqualTo("idsync: cannot apply nosuch.json: there is no such "
					+ "file. Give the plan 'idsync plan -o PLAN' wrote");

			// a plan cut off half-way
			Path plan = this.dir.resolve("plan.json");
			assertThat(execute("plan", "--config", config.toString(), "-o", plan.toString(), "--report-dir",
					reports)).isIn(2, 3);
			byte[] whole = Files.readAllBytes(plan);
			Files.write(plan, java.util.Arrays.copyOf(whole, whole.length / 2));
			this.err.getBuffer().setLength(0);
			assertThat(execute("apply", "--config", config.toString(), plan.toString())).isOne();
			assertThat(this.err.toString().strip().lines()).singleElement().asString()
				.startsWith("idsync: cannot apply " + plan + ": not a plan as 'idsync plan' writes it: it ends early "
						+ "(cut off, or not completely written) at line ")
				.doesNotContain("StreamReadFeature").doesNotContain("run - failed");
		}
	}

	@Test
	void consoleSaysDriftAndInfoApartSinceTheLastRun() throws IOException {
		try (Simulator simulator = simulator()) {
			Path config = config(simulator, store());
			String reports = this.dir.resolve("r").toString();
			execute("run", "--config", config.toString(), "--report-dir", reports);
			this.out.getBuffer().setLength(0);

			assertThat(execute("run", "--config", config.toString(), "--report-dir", reports)).isEqualTo(2);

			assertThat(this.out.toString()).containsPattern("since run \\S+: drift 0 new, [1-9]\\d* persisting, "
					+ "0 resolved; info 0 new, [1-9]\\d* persisting, 0 resolved");
		}
	}

	@Test
	void simServeHelpPrintsNoPicocliWarnings() {
		PrintStream original = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			assertThat(execute("sim", "serve", "--help")).isZero();
			assertThat(execute("demo", "--help")).isZero();
		}
		finally {
			System.setErr(original);
		}
		assertThat(captured.toString(StandardCharsets.UTF_8) + this.err).doesNotContain("WARN");
		assertThat(this.out.toString()).contains("PERCENT %").doesNotContain("PERCENT %%");
	}

	private Simulator simulator() {
		return Simulator.start(OrgGenerator.generate(7, 300), SimPorts.ephemeral(), Clock.systemUTC());
	}

	private String store() {
		return "jdbc:h2:file:" + this.dir.resolve("store/idsync");
	}

	private Path config(Simulator simulator, String store, String... properties) throws IOException {
		Path config = this.dir.resolve("c.yml");
		simulator.writeConfig(config);
		StringBuilder extra = new StringBuilder("  store:\n    url: " + store + "\n");
		for (String property : properties) {
			extra.append("  ").append(property).append('\n');
		}
		Files.writeString(config, extra, StandardOpenOption.APPEND);
		return config;
	}

	private String lastRun() {
		try (IdsyncStore open = IdsyncStore.open(store(), "sa", "")) {
			return new org.springframework.jdbc.core.JdbcTemplate(open.dataSource()).queryForObject(
					"SELECT run_id FROM idsync_run ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY", String.class);
		}
	}

	private String runStatus() {
		try (IdsyncStore open = IdsyncStore.open(store(), "sa", "")) {
			return new org.springframework.jdbc.core.JdbcTemplate(open.dataSource()).queryForObject(
					"SELECT status FROM idsync_run ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY", String.class);
		}
	}

	/** A tmpfs of this size, or the test is skipped where none can be mounted (not root). */
	private Path mountTmpfs(String size) throws Exception {
		Path point = Files.createDirectories(this.dir.resolve("disk"));
		Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", point.toString())
			.redirectErrorStream(true).start();
		boolean ended = mount.waitFor(30, TimeUnit.SECONDS);
		assumeTrue(ended && mount.exitValue() == 0, "cannot mount a tmpfs here (idsync's CI runs as root): "
				+ new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
		this.mounted = point;
		return point;
	}

	/** Fills a disk to its last byte. */
	private static void fill(Path disk) {
		try (var filler = Files.newOutputStream(disk.resolve("filler"))) {
			byte[] block = new byte[64 * 1024];
			while (true) {
				filler.write(block);
			}
		}
		catch (IOException full) {
			// full
		}
	}

	private int execute(String... args) {
		CommandLine commandLine = IdsyncCli.commandLine();
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args);
	}

}
