package dev.idsync.cli;

import picocli.CommandLine.Option;

import dev.idsync.sim.OrgGenerator;
import dev.idsync.sim.SyntheticOrg;

/**
 * The options that choose the simulator's synthetic organisation, shared by {@code demo} and {@code sim serve}.
 */
final class OrgOptions {

	@Option(names = "--people", paramLabel = "N", defaultValue = "2000",
			description = "How many people the synthetic organisation has (at least 50; default ${DEFAULT-VALUE}).")
	int people;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "42",
			description = "Fixes the organisation: the same seed plants the same people (default ${DEFAULT-VALUE}).")
	long seed;

	/**
	 * Generates the organisation.
	 * @throws IllegalArgumentException when {@code --people} is too small (the command line reports it, exit 1)
	 */
	SyntheticOrg generate() {
		return OrgGenerator.generate(this.seed, this.people);
	}

}
