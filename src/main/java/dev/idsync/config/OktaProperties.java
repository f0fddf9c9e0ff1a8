package dev.idsync.config;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Okta org idsync reads people from ({@code idsync.okta}); leave the section out to not use Okta.
 *
 * @param url the org's base URL, e.g. {@code https://acme.okta.com} (no path)
 * @param tokenFile a file holding an SSWS API token of a read-only admin
 * @param tokenEnv the environment variable holding the token when {@code token-file} is not set
 */
public record OktaProperties(String url, @Nullable Path tokenFile,
		@DefaultValue("IDSYNC_OKTA_TOKEN") String tokenEnv) {

	public OktaProperties {
		url = Endpoints.require("idsync.okta.url", url, "https://acme.okta.com").toString();
	}

}
