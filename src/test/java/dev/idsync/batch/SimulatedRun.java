package dev.idsync.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.idsync.config.BotProperties;
import dev.idsync.config.Credentials;
import dev.idsync.config.GoogleProperties;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.config.OktaProperties;
import dev.idsync.config.PhorgeProperties;
import dev.idsync.config.ReportProperties;
import dev.idsync.config.Secret;
import dev.idsync.config.StoreProperties;
import dev.idsync.sim.Simulator;
import dev.idsync.sim.SyntheticOrg;
import dev.idsync.sim.TruthEntry;

/**
 * Test support: job settings pointing at a running simulator, and report findings as comparable keys.
 */
final class SimulatedRun {

	private SimulatedRun() {
	}

	static JobSettings settings(Simulator simulator, String storeUrl, Path reportDir) {
		SyntheticOrg org = simulator.org();
		List<BotProperties> bots = org.botOwners().entrySet().stream()
			.map((entry) -> new BotProperties(entry.getKey(), entry.getValue()))
			.toList();
		IdsyncProperties properties = new IdsyncProperties(new OktaProperties(simulator.oktaUrl(), null, "UNSET"),
				new GoogleProperties(simulator.googleUrl(), "my_customer", null, null, null, "UNSET"),
				new PhorgeProperties(simulator.conduitUrl(), null, "UNSET", 4, Duration.ofSeconds(30)),
				new StoreProperties(storeUrl, "sa", null, "UNSET"), new ReportProperties(reportDir), bots);
		return new JobSettings(properties, new Credentials(Secret.of(org.oktaToken()), Secret.of(org.googleToken()),
				Secret.of(org.conduitToken()), Secret.of("")), Clock.systemUTC());
	}

	static Set<String> truth(SyntheticOrg org) {
		Set<String> keys = new HashSet<>();
		org.truth().forEach((entry) -> keys.add(entry.key()));
		return keys;
	}

	static JsonNode report(RunResult result) {
		return JsonMapper.builder().build().readTree(result.reportDir().resolve("report.json").toFile());
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
