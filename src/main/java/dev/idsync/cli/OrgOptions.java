package dev.idsync.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import dev.idsync.sim.Fault;
import dev.idsync.sim.Faults;
import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SyntheticOrg;

/**
 * The options that shape the simulator, shared by {@code demo} and {@code sim serve}: its synthetic organisation and
 * the faults it injects.
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
					+ "attempt fails and retries recover. E.g. --fault okta:http500:3 --fault google:ratelimit:1:once" })
	List<String> faults = new ArrayList<>();

	/**
	 * The faults to inject.
	 * @throws IllegalArgumentException when one is malformed (the command line reports it, exit 1)
	 */
	Faults faults() {
		return new Faults(this.faults.stream().map(Fault::parse).toList());
	}

	/**
	 * Generates the organisation.
	 * @throws IllegalArgumentException when {@code --people} is too small (the command line reports it, exit 1)
	 */
	SyntheticOrg generate() {
		return OrgGenerator.generate(this.seed, this.people);
	}

}
