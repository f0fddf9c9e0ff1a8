package dev.idsync.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test support: idsync as an admin runs it, the command line in a JVM of its own (so that locks, kills and exits are
 * real), its standard output and error in a file.
 */
public final class ChildIdsync {

	private ChildIdsync() {
	}

	/** Starts {@code idsync ARGS…}; what it prints goes to {@code log}. */
	public static Process start(Path log, String... args) throws IOException {
		return start(log, List.of(), args);
	}

	/** Starts {@code idsync ARGS…} in a JVM with these options ({@code -Dname=value}, …). */
	public static Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.idsync.cli.IdsyncCli"));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** Runs {@code idsync ARGS…} to its end (at most two minutes) and returns its exit code. */
	public static int run(Path log, String... args) throws IOException, InterruptedException {
		Process child = start(log, args);
		if (!child.waitFor(2, TimeUnit.MINUTES)) {
			child.destroyForcibly();
			throw new IllegalStateException("idsync " + String.join(" ", args) + " did not end: " + output(log));
		}
		return child.exitValue();
	}

	/** What a child printed. */
	public static String output(Path log) throws IOException {
		return Files.exists(log) ? Files.readString(log) : "";
	}

}
