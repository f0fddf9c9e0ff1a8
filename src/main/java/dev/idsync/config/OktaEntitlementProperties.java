package dev.idsync.config;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who in Okta is entitled to Phorge ({@code idsync.okta.entitlement}). Someone active in Okta but outside this scope
 * is reported as NOT_ENTITLED, a different finding from someone who left.
 *
 * @param mode {@code everyone} (default), {@code groups} (members of any of {@code groups}) or {@code app} (users
 * assigned to {@code app})
 * @param groups group names (or {@code 00g…} ids), with {@code mode: groups}
 * @param app the application's label or {@code 0oa…} id, with {@code mode: app}
 */
public record OktaEntitlementProperties(@DefaultValue("everyone") String mode, @DefaultValue List<String> groups,
		@Nullable String app) {

	public OktaEntitlementProperties {
		mode = mode.trim().toLowerCase(Locale.ROOT);
		groups = List.copyOf(groups);
		switch (mode) {
			case "everyone" -> {
			}
			case "groups" -> {
				if (groups.isEmpty()) {
					throw new ConfigException("idsync.okta.entitlement.groups is empty: with mode 'groups', list the "
							+ "Okta groups whose members may use Phorge, e.g. [phorge-users].");
				}
			}
			case "app" -> {
				if (app == null || app.isBlank()) {
					throw new ConfigException("idsync.okta.entitlement.app is required with mode 'app': the label or "
							+ "id of the Okta application assigned to Phorge's users.");
				}
			}
			default -> throw new ConfigException("idsync.okta.entitlement.mode: '" + mode
					+ "' is not one of everyone, groups, app.");
		}
	}

	/** Whether every Okta user is entitled (no entitlement read is needed). */
	public boolean everyone() {
		return this.mode.equals("everyone");
	}

}
