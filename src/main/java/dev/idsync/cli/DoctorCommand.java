package dev.idsync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.idsync.config.ConfigException;
import dev.idsync.config.ConfigLoader;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.doctor.Check;
import dev.idsync.doctor.Doctor;

/**
 * {@code idsync doctor}: checks every configured connection and permission and prints a PASS/FAIL table with the fix
 * for each failure. Changes nothing.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
		description = { "Checks every connection and permission the configuration needs and prints PASS or FAIL for "
				+ "each, with the fix for every FAIL. Changes nothing (the Can Disable Users probe asks Phorge to "
				+ "disable idsync's own bot, which Phorge always refuses after checking the capability).",
				"Checks: Okta (credential, scopes), Google (delegation, scopes), Conduit (token, bot account, Can "
						+ "Disable Users), Phorge's database (reachable, SELECT on each table idsync reads), idsync's "
						+ "own database (reachable, schema version)." },
		footerHeading = "%nExit codes:%n", footer = { "  0 every check passed, 1 a check failed or the configuration "
				+ "is invalid" })
final class DoctorCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Option(names = "--config", required = true, paramLabel = "FILE",
			description = "The idsync YAML configuration (see jobs/nightly-sync/idsync.example.yml).")
	@Nullable Path config;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		IdsyncProperties properties;
		try {
			properties = ConfigLoader.load(this.config);
		}
		catch (ConfigException ex) {
			this.spec.commandLine().getErr().println("idsync: configuration error: " + ex.getMessage());
			return 1;
		}
		List<Check> checks = Doctor.examine(properties, System.getenv());
		print(checks, out);
		return checks.stream().allMatch(Check::passed) ? 0 : 1;
	}

	static void print(List<Check> checks, PrintWriter out) {
		int width = checks.stream().mapToInt((check) -> check.name().length()).max().orElse(10);
		out.printf("%-6s  %-" + width + "s  %s%n", "RESULT", "CHECK", "DETAIL");
		for (Check check : checks) {
			out.printf("%-6s  %-" + width + "s  %s%n", check.passed() ? "PASS" : "FAIL", check.name(),
					oneLine(check.detail()));
			if (check.fix() != null) {
				out.printf("%-6s  %-" + width + "s  fix: %s%n", "", "", oneLine(check.fix()));
			}
		}
		long failed = checks.stream().filter((check) -> !check.passed()).count();
		out.println();
		out.println(checks.size() + " checks: " + (checks.size() - failed) + " passed, " + failed + " failed.");
	}

	/** Phorge's validation errors span lines; a table row does not. */
	private static String oneLine(String text) {
		return text.replaceAll("\\s*\\R\\s*-?\\s*", " ");
	}

}
