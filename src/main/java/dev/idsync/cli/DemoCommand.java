package dev.idsync.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.idsync.batch.JobSettings;
import dev.idsync.batch.RunIds;
import dev.idsync.batch.NightlySync;
import dev.idsync.batch.RunOptions;
import dev.idsync.batch.RunResult;
import dev.idsync.config.ConfigLoader;
import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.domain.Mode;
import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.okta.OktaSimServer;

/**
 * {@code idsync demo}: the nightly job against the built-in simulator, as a dry run, with no set-up.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Starts the built-in simulator (Okta, Google Workspace and Phorge on loopback, holding a "
				+ "synthetic organisation with planted drift), runs the nightly job against it as a dry run of apply "
				+ "mode (what idsync would do tonight, through every safety gate; nothing is changed), prints what it "
				+ "found and checks the report against the planted truth.",
				"Uses an embedded H2 store of its own per organisation and access mode (./var/demo/seed-S-people-N-"
						+ "MODE/), so that running the demo again is the organisation's next night: durable links, "
						+ "new/persisting findings; a --scenario is another night of the same organisation (e.g. a "
						+ "mass departure the night after a plain run). Writes the report under --report-dir." },
		footerHeading = "%nExit codes:%n", footer = { "  0 the demo ran (drift is expected), 1 it failed" })
final class DemoCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Mixin
	OrgOptions organisation = new OrgOptions();

	@Mixin
	LogOptions logs = new LogOptions();

	@Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "var/reports",
			description = "Where the report folder <runId>/ goes (default ${DEFAULT-VALUE}).")
	Path reportDir = Path.of("var/reports");

	@Option(names = "--allow-mass-change", paramLabel = "N",
			description = "Show what apply would do if the blast-radius gate allowed up to N actions of each type.")
	@org.jspecify.annotations.Nullable Integer allowMassChange;

	@Override
	public Integer call() throws Exception {
		this.logs.useChosen();
		CommandSpec command = this.spec;
		Clock clock = Clock.systemUTC();
		SyntheticOrg org = this.organisation.generate();
		Path work = Files.createTempDirectory("idsync-demo");
		try (Simulator simulator = Simulator.start(org, SimPorts.ephemeral(), clock, this.organisation.faults(),
				OktaSimServer.DEFAULT_USERS_PER_MINUTE)) {
			command.commandLine().getOut().printf("Simulator: %d Okta users, %d Google users, %d Phorge accounts "
					+ "(%s)%n%n", org.oktaUsers().size(), org.googleUsers().size(), org.phorgeUsers().size(),
					this.organisation.describe());
			// the demo configures itself exactly as a user would: a configuration file written by the simulator
			Path config = work.resolve("demo.yml");
			simulator.writeConfig(config, this.organisation.access());
			// the next demo of the same organisation and mode is its next night; another organisation starts afresh
			Path store = Path.of("var", "demo", "seed-" + this.organisation.seed + "-people-" + this.organisation.people
					+ "-" + this.organisation.access().name().toLowerCase(java.util.Locale.ROOT), "idsync")
				.toAbsolutePath();
			Files.writeString(config, "  store:\n    url: jdbc:h2:file:" + store + "\n",
					java.nio.file.StandardOpenOption.APPEND);
			IdsyncProperties properties = ConfigLoader.load(config);
			JobSettings settings = new JobSettings(properties, Credentials.resolve(properties, System.getenv()), clock);
			// what apply would do tonight, as a dry run: the simulator is regenerated each time, so nothing is applied
			RunResult result = NightlySync.run(settings, RunIds.next(clock), this.reportDir,
					new RunOptions(Mode.APPLY, true, this.allowMassChange, false, null));
			ConsoleReport.print(result, command.commandLine().getOut(), command.commandLine().getErr(), true);
			if (result.reportDir() == null) {
				return 1;
			}
			command.commandLine().getOut().println(this.organisation.faults.isEmpty()
					? TruthCheck.compare(org, this.organisation.access(), result.reportDir().resolve("report.json"))
					: "Faults injected (" + String.join(", ", this.organisation.faults) + "): no truth check; note which "
							+ "sources were incomplete and that nobody was concluded to have left because of them.");
			return 0;
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

}
