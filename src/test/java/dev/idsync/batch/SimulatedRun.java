package dev.idsync.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.idsync.config.ConfigLoader;
import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.sim.PhorgeAccess;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.TruthEntry;

/**
 * Test support: job settings pointing at a running simulator, and report findings as comparable keys.
 */
public final class SimulatedRun {

	private SimulatedRun() {
	}

	/** Retries that wait milliseconds instead of seconds, for tests that inject persistent faults. */
	static final List<String> FAST_RETRIES = List.of("okta.retry.backoff: 5ms", "okta.retry.max-backoff: 20ms",
			"google.retry.backoff: 5ms", "google.retry.max-backoff: 20ms", "phorge.retry.backoff: 5ms",
			"phorge.retry.max-backoff: 20ms");

	/**
	 * Settings as a user gets them: the simulator's configuration file (reading Phorge as {@code access} says), with
	 * the store moved to {@code storeUrl} and further {@code idsync.*} properties (in flat form, e.g.
	 * {@code okta.retry.backoff: 5ms}).
	 */
	static JobSettings settings(Simulator simulator, PhorgeAccess access, String storeUrl, Path dir,
			List<String> properties) throws IOException {
		return settings(simulator, access, storeUrl, dir, properties, (config) -> {
		});
	}

	/**
	 * Settings as {@link #settings(Simulator, PhorgeAccess, String, Path, List)} gives them, from a configuration that
	 * {@code edit} changed before it was loaded (e.g. a credential file beside it, or an address in it).
	 */
	static JobSettings settings(Simulator simulator, PhorgeAccess access, String storeUrl, Path dir,
			List<String> properties, ConfigEdit edit) throws IOException {
		Path config = dir.resolve("sim.yml");
		simulator.writeConfig(config, access);
		edit.edit(config);
		StringBuilder extra = new StringBuilder("  store:\n    url: " + storeUrl + "\n");
		properties.forEach((property) -> extra.append("  ").append(property).append('\n'));
		Files.writeString(config, extra, StandardOpenOption.APPEND);
		IdsyncProperties loaded = ConfigLoader.load(config);
		return new JobSettings(loaded, Credentials.resolve(loaded, Map.of()), Clock.systemUTC());
	}

	/**
	 * Settings as a user gets them from the simulator's configuration file (Conduit and Phorge's database), with the
	 * store moved to {@code storeUrl} and further {@code idsync.*} properties.
	 */
	static JobSettings settings(Simulator simulator, String storeUrl, Path dir, List<String> properties)
			throws IOException {
		return settings(simulator, PhorgeAccess.CONDUIT_AND_DATABASE, storeUrl, dir, properties);
	}

	/** Settings as a user gets them, with the store moved to {@code storeUrl}. */
	static JobSettings settings(Simulator simulator, String storeUrl, Path dir) throws IOException {
		return settings(simulator, storeUrl, dir, List.of());
	}

	/** A change to a written configuration, or to the credential files beside it, before it is loaded. */
	@FunctionalInterface
	interface ConfigEdit {

		void edit(Path config) throws IOException;

	}

	/** The keys of the findings planted for a run that reads Phorge as {@code access} says. */
	static Set<String> truth(SyntheticOrg org, PhorgeAccess access) {
		Set<String> keys = new HashSet<>();
		org.truth(access).forEach((entry) -> keys.add(entry.key()));
		return keys;
	}

	/** The keys of the findings planted for a run that reads Phorge's database, as {@link #settings} configures. */
	static Set<String> truth(SyntheticOrg org) {
		return truth(org, PhorgeAccess.CONDUIT_AND_DATABASE);
	}

	public static JsonNode report(RunResult result) {
		return report(result.reportDir());
	}

	/** The report.json in a run's report folder. */
	public static JsonNode report(Path reportFolder) {
		return JsonMapper.builder().build().readTree(reportFolder.resolve("report.json").toFile());
	}

	static Set<String> findings(JsonNode report) {
		Set<String> keys = new HashSet<>();
		for (JsonNode finding : report.path("findings")) {
			JsonNode username = finding.path("username");
			keys.add(new TruthEntry(finding.path("category").asString(), username.isNull() ? null : username.asString(),
					finding.path("identity").asString(null)).key());
		}
		return keys;
	}

}
