package dev.idsync.batch;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.source.CredentialCheck;
import dev.idsync.source.EntitlementSource;
import dev.idsync.source.IdentitySource;
import dev.idsync.source.file.FileIdentitySource;
import dev.idsync.source.google.Google;
import dev.idsync.source.okta.Okta;

/**
 * One configured identity source: its people and, when it has an entitlement rule, who of them may use Phorge.
 *
 * @param identities the people
 * @param entitlement the entitled people's ids, or {@code null} when everyone is entitled
 * @param admins the ids of the members of its admin groups, or {@code null} when it has none
 * @param credential its credential's check, or {@code null} for a source without one (a file)
 */
record SourcePlan(IdentitySource identities, @Nullable EntitlementSource entitlement,
		@Nullable EntitlementSource admins, @Nullable CredentialCheck credential) {

	/** The name of the source. */
	String name() {
		return this.identities.name();
	}

	/** Every configured identity source, in reading order. */
	static List<SourcePlan> of(IdsyncProperties properties, Credentials credentials) {
		List<SourcePlan> plans = new ArrayList<>();
		if (properties.okta() != null && credentials.okta() != null) {
			Okta okta = new Okta(properties.okta(), credentials.okta());
			plans.add(new SourcePlan(okta.identities(), okta.entitlement().orElse(null), okta.admins().orElse(null),
					okta.credential()));
		}
		if (properties.google() != null && credentials.google() != null) {
			Google google = new Google(properties.google(), credentials.google());
			plans.add(new SourcePlan(google.identities(), google.entitlement().orElse(null),
					google.admins().orElse(null), google.credential()));
		}
		properties.files()
			.forEach((file) -> plans.add(new SourcePlan(new FileIdentitySource(file), null, null, null)));
		return plans;
	}

}
