package dev.idsync.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * All of idsync's configuration ({@code idsync.*}).
 *
 * @param okta the Okta org, if idsync reads one
 * @param google the Google Workspace customer, if idsync reads one
 * @param phorge the Phorge instance
 * @param store idsync's own database
 * @param report where reports go
 * @param bots the bot registry: each bot's owner
 * @param completeness when a source's read is trusted as complete
 * @param merge how records of one person from several sources are merged
 * @param files exports of further identity sources (HR systems, other IdPs) as CSV or JSON lines
 * @param reconcile how identities are tied to accounts, exemptions, protected accounts and token age
 * @param remediation what idsync does about its findings: the mode, the safety gates and grace periods
 * @param notifications who hears about a run besides its report folder: a chat webhook ({@code idsync.notify})
 * @param log how idsync logs: human lines or JSON objects
 * @param schedule when {@code idsync serve} runs the nightly job
 * @param management the HTTP port of {@code idsync serve}: health, metrics, the latest report
 * @param metrics where a run without a long-lived process leaves its metrics: a Pushgateway, a node_exporter textfile
 */
@ConfigurationProperties("idsync")
public record IdsyncProperties(@NestedConfigurationProperty @Nullable OktaProperties okta,
		@NestedConfigurationProperty @Nullable GoogleProperties google,
		@NestedConfigurationProperty PhorgeProperties phorge,
		@NestedConfigurationProperty @DefaultValue StoreProperties store,
		@NestedConfigurationProperty @DefaultValue ReportProperties report, @DefaultValue List<BotProperties> bots,
		@NestedConfigurationProperty @DefaultValue CompletenessProperties completeness,
		@NestedConfigurationProperty @DefaultValue MergeProperties merge,
		@DefaultValue List<FileSourceProperties> files,
		@NestedConfigurationProperty @DefaultValue ReconcileProperties reconcile,
		@NestedConfigurationProperty @DefaultValue RemediationProperties remediation,
		@NestedConfigurationProperty @DefaultValue @Name("notify") NotifyProperties notifications,
		@NestedConfigurationProperty @DefaultValue LogProperties log,
		@NestedConfigurationProperty @DefaultValue ScheduleProperties schedule,
		@NestedConfigurationProperty @DefaultValue ManagementProperties management,
		@NestedConfigurationProperty @DefaultValue MetricsProperties metrics) {

	@ConstructorBinding
	public IdsyncProperties {
		if (phorge == null) { // the binder passes null when the section is missing
			throw new ConfigException("idsync.phorge is required: set idsync.phorge.url and idsync.phorge.token-file.");
		}
		files = List.copyOf(files);
		if (okta == null && google == null && files.isEmpty()) {
			throw new ConfigException("No identity source is configured: set idsync.okta.url, idsync.google or "
					+ "idsync.files (see jobs/nightly-sync/idsync.example.yml).");
		}
		Set<String> names = new HashSet<>();
		for (FileSourceProperties file : files) {
			if (!names.add(file.name())) {
				throw new ConfigException("idsync.files[].name: '" + file.name() + "' is used twice; each file source "
						+ "needs a name of its own.");
			}
		}
		bots = List.copyOf(bots);
		List<String> configured = sourceNames(okta, google, files);
		for (String source : merge.precedence()) {
			if (!configured.contains(source)) {
				throw new ConfigException("idsync.merge.precedence names '" + source + "', which is not a configured "
						+ "identity source. Configured: " + configured + ".");
			}
		}
	}

	/** The same configuration with default completeness and merge rules. */
	public IdsyncProperties(@Nullable OktaProperties okta, @Nullable GoogleProperties google, PhorgeProperties phorge,
			StoreProperties store, ReportProperties report, List<BotProperties> bots) {
		this(okta, google, phorge, store, report, bots, new CompletenessProperties(10, 50),
				new MergeProperties("email", List.of()), List.of(), ReconcileProperties.defaults(),
				RemediationProperties.defaults(), new NotifyProperties(null), LogProperties.defaults(),
				new ScheduleProperties("0 30 2 * * ?", "UTC", Duration.ofHours(6)), ManagementProperties.defaults(),
				MetricsProperties.none());
	}

	/** The names of the configured identity sources, in reading order. */
	public List<String> identitySources() {
		return sourceNames(this.okta, this.google, this.files);
	}

	private static List<String> sourceNames(@Nullable OktaProperties okta, @Nullable GoogleProperties google,
			List<FileSourceProperties> files) {
		List<String> names = new ArrayList<>();
		if (okta != null) {
			names.add("okta");
		}
		if (google != null) {
			names.add("google");
		}
		files.forEach((file) -> names.add(file.name()));
		return names;
	}

}
