package dev.idsync.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How identities are tied to Phorge accounts and which findings are drawn ({@code idsync.reconcile}).
 *
 * @param domainAliases email domains that are the same mailbox domain, each as {@code alias=canonical}, e.g.
 * {@code corp.example.com=example.com}: addresses are compared after mapping the alias to the canonical domain
 * @param usernameRule how the username rule derives the username it looks for: {@code attribute-or-local-part}
 * (default: the source's username attribute, else the primary email's local part), {@code local-part},
 * {@code attribute} or {@code template}
 * @param usernameTemplate with {@code template}: e.g. {@code {f}{last}} or {@code {first}.{last}}; placeholders
 * {@code {local}}, {@code {first}}, {@code {last}}, {@code {f}} and {@code {l}} (initials), from the primary email
 * and the display name, lower-cased and reduced to ASCII
 * @param realNameCandidates whether an account whose real name equals exactly one unmatched person's name is proposed
 * as an UNLINKED_CANDIDATE (low confidence, never acted on)
 * @param mappingsFile a CSV of manual mappings ({@code username,identity,added_by,reason}), re-read every run
 * @param exemptionsFile a CSV of exemptions ({@code username,owner,reason,expires}), re-read every run
 * @param protectedAccounts usernames idsync reports on but never acts on (break-glass admins, its own bot)
 * @param tokenMaxAge the age at which a live API token is TOKEN_STALE, unless the bot registry sets the bot's own
 */
public record ReconcileProperties(@DefaultValue List<String> domainAliases,
		@DefaultValue("attribute-or-local-part") String usernameRule, @Nullable String usernameTemplate,
		@DefaultValue("true") boolean realNameCandidates, @Nullable Path mappingsFile, @Nullable Path exemptionsFile,
		@DefaultValue List<String> protectedAccounts, @DefaultValue("365d") Duration tokenMaxAge) {

	/** The username rules. */
	public static final List<String> USERNAME_RULES = List.of("attribute-or-local-part", "local-part", "attribute",
			"template");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)\\}");

	private static final List<String> PLACEHOLDERS = List.of("local", "first", "last", "f", "l");

	private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

	public ReconcileProperties {
		domainAliases = List.copyOf(domainAliases);
		domainAliases(domainAliases); // validates
		usernameRule = usernameRule.trim().toLowerCase(Locale.ROOT);
		if (!USERNAME_RULES.contains(usernameRule)) {
			throw new ConfigException("idsync.reconcile.username-rule: '" + usernameRule + "' is not one of "
					+ String.join(", ", USERNAME_RULES) + ".");
		}
		if (usernameRule.equals("template")) {
			if (usernameTemplate == null || usernameTemplate.isBlank()) {
				throw new ConfigException("idsync.reconcile.username-template is required with username-rule "
						+ "template, e.g. '{f}{last}' or '{first}.{last}'.");
			}
			Matcher placeholders = PLACEHOLDER.matcher(usernameTemplate);
			boolean any = false;
			while (placeholders.find()) {
				any = true;
				if (!PLACEHOLDERS.contains(placeholders.group(1))) {
					throw new ConfigException("idsync.reconcile.username-template: '{" + placeholders.group(1)
							+ "}' is not a placeholder. Use " + String.join(", ", PLACEHOLDERS.stream()
								.map((p) -> "{" + p + "}")
								.toList()) + ".");
				}
			}
			if (!any) {
				throw new ConfigException("idsync.reconcile.username-template: '" + usernameTemplate + "' has no "
						+ "placeholder, so every person would get the same username. Use e.g. '{f}{last}'.");
			}
		}
		protectedAccounts = protectedAccounts.stream().map((u) -> u.trim().toLowerCase(Locale.ROOT)).toList();
		if (tokenMaxAge.isNegative() || tokenMaxAge.isZero()) {
			throw new ConfigException("idsync.reconcile.token-max-age must be positive, e.g. 365d (default).");
		}
	}

	/** The defaults: no aliases, the source's attribute or the local part, real-name proposals, a year for tokens. */
	public static ReconcileProperties defaults() {
		return new ReconcileProperties(List.of(), "attribute-or-local-part", null, true, null, null, List.of(),
				Duration.ofDays(365));
	}

	/** The domain aliases as a map from alias to canonical domain, lower-cased. */
	public Map<String, String> aliases() {
		return domainAliases(this.domainAliases);
	}

	private static Map<String, String> domainAliases(List<String> entries) {
		Map<String, String> aliases = new LinkedHashMap<>();
		List<String> canonical = new ArrayList<>();
		for (String entry : entries) {
			int equals = entry.indexOf('=');
			String alias = (equals > 0) ? entry.substring(0, equals).trim().toLowerCase(Locale.ROOT) : "";
			String target = (equals > 0) ? entry.substring(equals + 1).trim().toLowerCase(Locale.ROOT) : "";
			if (!DOMAIN.matcher(alias).matches() || !DOMAIN.matcher(target).matches()) {
				throw new ConfigException("idsync.reconcile.domain-aliases: '" + entry + "' is not alias=canonical, "
						+ "e.g. corp.example.com=example.com.");
			}
			if (alias.equals(target) || aliases.containsKey(alias)) {
				throw new ConfigException("idsync.reconcile.domain-aliases: '" + alias + "' is listed twice or as its "
						+ "own alias; each alias maps to one canonical domain.");
			}
			aliases.put(alias, target);
			canonical.add(target);
		}
		for (String target : canonical) {
			if (aliases.containsKey(target)) {
				throw new ConfigException("idsync.reconcile.domain-aliases: '" + target + "' is both an alias and a "
						+ "canonical domain; map every alias straight to the canonical one.");
			}
		}
		return aliases;
	}

}
