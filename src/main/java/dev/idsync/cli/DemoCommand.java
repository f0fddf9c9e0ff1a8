package dev.idsync.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.idsync.batch.JobSettings;
import dev.idsync.batch.NightlySync;
import dev.idsync.batch.RunResult;
import dev.idsync.config.BotProperties;
import dev.idsync.config.Credentials;
import dev.idsync.config.GoogleProperties;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.config.OktaProperties;
import dev.idsync.config.PhorgeProperties;
import dev.idsync.config.ReportProperties;
import dev.idsync.config.Secret;
import dev.idsync.config.StoreProperties;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;

/**
 * {@code idsync demo}: the nightly job against the built-in simulator, as a dry run, with no set-up.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Starts the built-in simulator (Okta, Google Workspace and Phorge on loopback, holding a "
				+ "synthetic organisation with planted drift), runs the nightly job against it as a dry run, prints "
				+ "what it found and checks the report against the planted truth.",
				"Uses the embedded H2 store (./var/idsync) and writes the report under --report-dir." },
		footerHeading = "%nExit codes:%n", footer = { "  0 the demo ran (drift is expected), 1 it failed" })
final class DemoCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Option(names = "--people", paramLabel = "N", defaultValue = "2000",
			description = "How many people the synthetic organisation has (at least 50; default ${DEFAULT-VALUE}).")
	int people;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "42",
			description = "Fixes the organisation: the same seed plants the same people (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "var/reports",
			description = "Where the report folder <runId>/ goes (default ${DEFAULT-VALUE}).")
	Path reportDir = Path.of("var/reports");

	@Override
	public Integer call() throws Exception {
		CommandSpec command = this.spec;
		if (this.people < OrgGenerator.MIN_PEOPLE) {
			command.commandLine().getErr().println("idsync: --people must be at least " + OrgGenerator.MIN_PEOPLE);
			return 1;
		}
		Clock clock = Clock.systemUTC();
		SyntheticOrg org = OrgGenerator.generate(this.seed, this.people);
		try (Simulator simulator = Simulator.start(org, SimPorts.ephemeral(), clock)) {
			command.commandLine().getOut().printf("Simulator: %d Okta users, %d Google users, %d Phorge accounts "
					+ "(seed %d)%n%n", org.oktaUsers().size(), org.googleUsers().size(), org.phorgeUsers().size(),
					this.seed);
			RunResult result = NightlySync.run(settings(simulator, clock), RunIds.next(clock), this.reportDir);
			ConsoleReport.print(result, command.commandLine().getOut(), command.commandLine().getErr(), true);
			if (result.reportDir() == null) {
				return 1;
			}
			command.commandLine().getOut().println(TruthCheck.compare(org, result.reportDir().resolve("report.json")));
			return 0;
		}
	}

	private static JobSettings settings(Simulator simulator, Clock clock) {
		SyntheticOrg org = simulator.org();
		List<BotProperties> bots = org.botOwners().entrySet().stream()
			.map((entry) -> new BotProperties(entry.getKey(), entry.getValue()))
			.toList();
		IdsyncProperties properties = new IdsyncProperties(
				new OktaProperties(simulator.oktaUrl(), null, "IDSYNC_OKTA_TOKEN"),
				new GoogleProperties(simulator.googleUrl(), "my_customer", null, null, null,
						"IDSYNC_GOOGLE_ACCESS_TOKEN"),
				new PhorgeProperties(simulator.conduitUrl(), null, "IDSYNC_CONDUIT_TOKEN", 4, Duration.ofSeconds(30)),
				new StoreProperties("jdbc:h2:file:./var/idsync", "sa", null, "IDSYNC_STORE_PASSWORD"),
				new ReportProperties(Path.of("var/reports")), bots);
		Credentials credentials = new Credentials(Secret.of(org.oktaToken()), Secret.of(org.googleToken()),
				Secret.of(org.conduitToken()), Secret.of(""));
		return new JobSettings(properties, credentials, clock);
	}

}
