package dev.idsync.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import dev.idsync.sim.Fault;
import dev.idsync.sim.Faults;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.PhorgeAccess;
import dev.idsync.sim.Scenario;
import dev.idsync.sim.SyntheticOrg;

/**
 * The options that shape the simulator, shared by {@code demo} and {@code sim serve}: its synthetic organisation and
 * what befalls it, the faults it injects and how the configuration it writes lets idsync read Phorge.
 */
final class OrgOptions {

	@Option(names = "--people", paramLabel = "N", defaultValue = "2000",
			description = "How many people the synthetic organisation has (at least 50; default ${DEFAULT-VALUE}).")
	int people;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "42",
			description = "Fixes the organisation: the same seed plants the same people (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--fault", paramLabel = "SOURCE:KIND[:PAGE][:once]",
			description = { "Makes the simulator misbehave (repeatable): SOURCE is okta, google or conduit; KIND is "
					+ "http500, truncate, empty, slow, badjson or ratelimit; PAGE counts from 1 (default 1) in each "
					+ "listing; a fault fails that page every time unless ':once' is added, when only the first "
					+ "attempt fails and retries recover. E.g. --fault okta:http500:3 --fault google:ratelimit:1:once",
					"--fault phorge-db:down makes Phorge's database unreachable for idsync (Conduit keeps working)." })
	List<String> faults = new ArrayList<>();

	@Option(names = "--scenario", paramLabel = "plain|mass-departure[:PERCENT]", defaultValue = "plain",
			description = "What befalls the organisation besides its planted drift (default ${DEFAULT-VALUE}). "
					+ "mass-departure: PERCENT %% (default 30) of the active people with an enabled Phorge account "
					+ "of their own leave at once as the simulator starts (Okta SUSPENDED, its statusChanged the "
					+ "start; suspended in Google), their accounts still enabled: the truth holds them as "
					+ "LEAVER_ACTIVE and the bots they own as BOT_OWNER_LEFT.")
	String scenario = "plain";

	@Option(names = "--conduit-only",
			description = "Leaves Phorge's database out of the configuration the simulator writes: idsync reads Phorge "
					+ "through Conduit only, as where it may not read the database.")
	boolean conduitOnly;

	/**
	 * The faults to inject.
	 * @throws IllegalArgumentException when one is malformed (the command line reports it, exit 1)
	 */
	Faults faults() {
		return new Faults(this.faults.stream().map(Fault::parse).toList());
	}

	/** Whether the configuration written for idsync includes Phorge's database. */
	PhorgeAccess access() {
		return this.conduitOnly ? PhorgeAccess.CONDUIT : PhorgeAccess.CONDUIT_AND_DATABASE;
	}

	/**
	 * The scenario.
	 * @throws IllegalArgumentException when it is malformed (the command line reports it, exit 1)
	 */
	Scenario scenario() {
		return Scenario.parse(this.scenario);
	}

	/**
	 * Generates the organisation.
	 * @throws IllegalArgumentException when {@code --people} is too small or the scenario malformed (the command line
	 * reports it, exit 1)
	 */
	SyntheticOrg generate() {
		return OrgGenerator.generate(this.seed, this.people, scenario());
	}

	/** The seed, and the scenario unless it is plain: e.g. {@code seed 42, scenario mass-departure:30}. */
	String describe() {
		Scenario scenario = scenario();
		return "seed " + this.seed + (scenario.plain() ? "" : ", scenario " + scenario);
	}

}
