package dev.idsync.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.idsync.sim.SimPorts;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.phorge.db.PhorgeDatabaseSimServer;

/**
 * {@code idsync sim serve}: runs the simulator as its own process until interrupted.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = { "Serves a synthetic organisation on loopback until interrupted (Ctrl-C): an Okta org, a "
				+ "Google Workspace customer and a Phorge instance (Conduit and its database), with every drift "
				+ "category planted in known numbers.",
				"Then run 'idsync run --config <the --config-out file>' in another shell." })
final class SimServeCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Mixin
	OrgOptions organisation = new OrgOptions();

	@Option(names = "--config-out", paramLabel = "FILE",
			description = "Writes an idsync configuration pointing at the simulator; its tokens go to files "
					+ "beside it (mode 0600), and so do the manual mappings and exemptions it names "
					+ "(<name>.mappings.csv, <name>.exemptions.csv).")
	@Nullable Path configOut;

	@Option(names = "--truth-out", paramLabel = "FILE",
			description = "Writes the planted truth: every finding the job should report, as JSON, for the way "
					+ "the --config-out file reads Phorge (with its database unless --conduit-only).")
	@Nullable Path truthOut;

	@Option(names = "--okta-port", paramLabel = "PORT", defaultValue = "0",
			description = "The Okta API's port (default: ephemeral).")
	int oktaPort;

	@Option(names = "--google-port", paramLabel = "PORT", defaultValue = "0",
			description = "The Google Directory API's port (default: ephemeral).")
	int googlePort;

	@Option(names = "--conduit-port", paramLabel = "PORT", defaultValue = "0",
			description = "Phorge's port (default: ephemeral).")
	int conduitPort;

	@Option(names = "--phorge-db-port", paramLabel = "PORT", defaultValue = "0",
			description = "The port of Phorge's database, an H2 database speaking H2's TCP protocol (default: "
					+ "ephemeral).")
	int phorgeDbPort;

	@Option(names = "--okta-rate-limit", paramLabel = "N", defaultValue = "600",
			description = "Okta's rate limit of /api/v1/users, requests per minute (default ${DEFAULT-VALUE}, "
					+ "Okta's Enterprise default).")
	int oktaRateLimit;

	@Override
	public Integer call() throws Exception {
		CommandSpec command = this.spec;
		SyntheticOrg org = this.organisation.generate();
		CountDownLatch stopped = new CountDownLatch(1);
		try (Simulator simulator = Simulator.start(org,
				new SimPorts(this.oktaPort, this.googlePort, this.conduitPort, this.phorgeDbPort), Clock.systemUTC(),
				this.organisation.faults(), this.oktaRateLimit)) {
			if (this.configOut != null) {
				simulator.writeConfig(this.configOut, this.organisation.access());
			}
			if (this.truthOut != null) {
				simulator.writeTruth(this.truthOut, this.organisation.access());
			}
			Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
			var out = command.commandLine().getOut();
			out.println("Simulating " + org + " (" + this.organisation.describe() + ")");
			out.println("  Okta:   " + simulator.oktaUrl());
			out.println("  Google: " + simulator.googleUrl());
			out.println("  Phorge: " + simulator.conduitUrl());
			out.println("  Phorge's database: " + simulator.phorgeDatabase().jdbcUrl() + " (user "
					+ PhorgeDatabaseSimServer.READER + (simulator.phorgeDatabase().reachable() ? ")" : "; down)"));
			out.println("  planted: " + simulator.plantedCounts(this.organisation.access()));
			if (!this.organisation.faults.isEmpty()) {
				out.println("  faults: " + this.organisation.faults);
			}
			if (this.configOut != null) {
				out.println("Configuration: " + this.configOut + "  (idsync run --config " + this.configOut + ")");
			}
			if (this.truthOut != null) {
				out.println("Truth: " + this.truthOut);
			}
			out.println("Serving until interrupted (Ctrl-C).");
			out.flush();
			stopped.await();
		}
		return 0;
	}

}
