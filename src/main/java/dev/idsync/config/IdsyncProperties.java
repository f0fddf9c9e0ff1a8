package dev.idsync.config;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * All of idsync's configuration ({@code idsync.*}).
 *
 * @param okta the Okta org, if idsync reads one
 * @param google the Google Workspace customer, if idsync reads one
 * @param phorge the Phorge instance
 * @param store idsync's own database
 * @param report where reports go
 * @param bots the bot registry: each bot's owner
 */
@ConfigurationProperties("idsync")
public record IdsyncProperties(@NestedConfigurationProperty @Nullable OktaProperties okta,
		@NestedConfigurationProperty @Nullable GoogleProperties google,
		@NestedConfigurationProperty PhorgeProperties phorge,
		@NestedConfigurationProperty @DefaultValue StoreProperties store,
		@NestedConfigurationProperty @DefaultValue ReportProperties report, @DefaultValue List<BotProperties> bots) {

	public IdsyncProperties {
		if (phorge == null) { // the binder passes null when the section is missing
			throw new ConfigException("idsync.phorge is required: set idsync.phorge.url and idsync.phorge.token-file.");
		}
		if (okta == null && google == null) {
			throw new ConfigException("No identity source is configured: set idsync.okta.url or idsync.google "
					+ "(see jobs/nightly-sync/idsync.example.yml).");
		}
		bots = List.copyOf(bots);
	}

}
