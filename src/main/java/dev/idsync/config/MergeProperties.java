package dev.idsync.config;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How records of one person from several sources are merged ({@code idsync.merge}).
 *
 * @param key {@code email} (default: records with the same primary email are one person) or {@code employee-id}
 * (records with the same employee id; records without one fall back to email)
 * @param precedence source names, most trusted first: where sources disagree about a person, the first listed that
 * knows them decides; empty (default) means the most active state wins. Contradictions are reported either way.
 */
public record MergeProperties(@DefaultValue("email") String key, @DefaultValue List<String> precedence) {

	public MergeProperties {
		key = key.trim().toLowerCase(Locale.ROOT);
		if (!key.equals("email") && !key.equals("employee-id")) {
			throw new ConfigException("idsync.merge.key: '" + key + "' is not one of email, employee-id.");
		}
		precedence = List.copyOf(precedence);
	}

}
