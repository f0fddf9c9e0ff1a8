package dev.idsync.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.idsync.sim.PhorgeAccess;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.TruthEntry;

/**
 * Compares a report's findings with the simulator's planted truth, by category and username (or identity).
 */
final class TruthCheck {

	private TruthCheck() {
	}

	/**
	 * Compares a report with the truth planted for a run that read Phorge as {@code access} says.
	 * @param org the simulated organisation
	 * @param access how the run read Phorge: some findings need its database
	 * @param reportJson the run's {@code report.json}
	 * @return one line saying whether they match, with examples of the differences
	 */
	static String compare(SyntheticOrg org, PhorgeAccess access, Path reportJson) {
		Set<String> expected = new HashSet<>();
		org.truth(access).forEach((entry) -> expected.add(entry.key()));
		Set<String> reported = keys(reportJson);
		Set<String> missing = new HashSet<>(expected);
		missing.removeAll(reported);
		Set<String> unexpected = new HashSet<>(reported);
		unexpected.removeAll(expected);
		if (missing.isEmpty() && unexpected.isEmpty()) {
			return "Truth check: the report's " + reported.size()
					+ " findings match the simulator's planted truth exactly.";
		}
		return "Truth check FAILED: " + missing.size() + " planted findings missing, " + unexpected.size()
				+ " unexpected. Missing e.g. " + missing.stream().sorted().limit(5).toList() + "; unexpected e.g. "
				+ unexpected.stream().sorted().limit(5).toList();
	}

	/** The comparison keys of a report's findings, as {@link TruthEntry#key()} builds them. */
	static Set<String> keys(Path reportJson) {
		JsonNode report = JsonMapper.builder().build().readTree(reportJson.toFile());
		Set<String> keys = new HashSet<>();
		for (JsonNode finding : report.path("findings")) {
			JsonNode username = finding.path("username");
			keys.add(new TruthEntry(finding.path("category").asString(),
					username.isNull() ? null : username.asString(), finding.path("identity").asString(null)).key());
		}
		return keys;
	}

}
