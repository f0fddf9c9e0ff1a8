package dev.idsync.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Test support: Backstage's rules for catalog {@code User} entities, as its catalog-model validators state them
 * ({@code KubernetesValidatorFunctions}, {@code CommonValidatorFunctions} and the {@code User} kind's JSON schema):
 * a catalog file that breaks none of them is accepted by Backstage's catalog.
 */
public final class BackstageRules {

	/** An object name: letters and digits, separated by {@code - _ .}; 63 characters at most. */
	private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");

	/** An annotation key's prefix: a DNS subdomain. */
	private static final Pattern DNS_SUBDOMAIN = Pattern
		.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

	private BackstageRules() {
	}

	/**
	 * Parses a multi-document YAML catalog file.
	 * @param yaml the file's content
	 * @return its documents
	 */
	public static List<JsonNode> parse(String yaml) {
		List<JsonNode> documents = new ArrayList<>();
		try (MappingIterator<JsonNode> values = YAMLMapper.builder().build().readerFor(JsonNode.class)
			.readValues(yaml)) {
			values.forEachRemaining(documents::add);
		}
		return documents;
	}

	/**
	 * What is wrong with the entities of one catalog file, by Backstage's rules.
	 * @param entities the parsed documents
	 * @return one line per violation, none when Backstage accepts them all
	 */
	public static List<String> violations(List<JsonNode> entities) {
		List<String> violations = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (JsonNode entity : entities) {
			String name = entity.path("metadata").path("name").asString("");
			String where = "entity '" + name + "': ";
			require(violations, where + "apiVersion", "backstage.io/v1alpha1".equals(entity.path("apiVersion").asString("")));
			require(violations, where + "kind", "User".equals(entity.path("kind").asString("")));
			require(violations, where + "metadata.name is not a valid object name", name.length() <= 63
					&& NAME.matcher(name).matches());
			require(violations, where + "metadata.name is not unique", names.add(name.toLowerCase(Locale.ROOT)));
			for (Map.Entry<String, JsonNode> annotation : entity.path("metadata").path("annotations").properties()) {
				require(violations, where + "annotation key " + annotation.getKey(), validKey(annotation.getKey()));
				require(violations, where + "annotation " + annotation.getKey() + " is not a string",
						annotation.getValue().isString());
			}
			for (JsonNode link : entity.path("metadata").path("links")) {
				require(violations, where + "link without a url", link.path("url").isString()
						&& link.path("url").asString().matches("^https?://.+"));
			}
			JsonNode spec = entity.path("spec");
			require(violations, where + "spec.memberOf must be an array of strings", spec.path("memberOf").isArray());
			spec.path("memberOf").forEach((group) -> require(violations, where + "memberOf", group.isString()));
			JsonNode profile = spec.path("profile");
			require(violations, where + "spec.profile.email", profile.path("email").isString()
					&& profile.path("email").asString().contains("@"));
			require(violations, where + "spec.profile.displayName", profile.path("displayName").isString()
					&& !profile.path("displayName").asString().isBlank());
		}
		return violations;
	}

	/** {@code prefix/name}: the prefix a DNS subdomain of 253 at most, the name an object name of 63 at most. */
	private static boolean validKey(String key) {
		int slash = key.indexOf('/');
		String prefix = (slash >= 0) ? key.substring(0, slash) : null;
		String name = (slash >= 0) ? key.substring(slash + 1) : key;
		boolean prefixValid = prefix == null || (prefix.length() <= 253 && DNS_SUBDOMAIN.matcher(prefix).matches());
		return prefixValid && name.length() <= 63 && NAME.matcher(name).matches();
	}

	private static void require(List<String> violations, String rule, boolean holds) {
		if (!holds) {
			violations.add(rule);
		}
	}

}
