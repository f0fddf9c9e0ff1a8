package dev.idsync.report;

import java.io.Writer;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.idsync.domain.LinkedPerson;

/**
 * Writes Backstage catalog {@code User} entities, one YAML document per linked person, so that a Backstage portal
 * shows each engineer's Phorge account: {@code metadata.name} from the email's local part, made valid and unique;
 * annotations with the Phorge username and PHID and the person's id in each identity source; a link to the Phorge
 * profile; {@code spec.profile} with email and display name.
 */
public final class BackstageExport {

	/** The entities' API version. */
	public static final String API_VERSION = "backstage.io/v1alpha1";

	/** The annotation holding the Phorge username. */
	public static final String USERNAME = "phorge.it/username";

	/** The annotation holding the Phorge account's PHID. */
	public static final String PHID = "phorge.it/phid";

	/** Backstage's longest entity name and annotation name. */
	static final int MAX_NAME = 63;

	private final YAMLMapper yaml = YAMLMapper.builder().build();

	private final String phorgeUrl;

	/**
	 * An export linking to profiles on this Phorge.
	 * @param phorgeUrl the Phorge instance, e.g. {@code https://phorge.example.com}
	 */
	public BackstageExport(String phorgeUrl) {
		this.phorgeUrl = phorgeUrl.endsWith("/") ? phorgeUrl.substring(0, phorgeUrl.length() - 1) : phorgeUrl;
	}

	/**
	 * Writes one entity per person.
	 * @param people the linked people, streamed
	 * @param out where to write (flushed, not closed)
	 * @return how many entities were written
	 */
	public int write(Iterator<LinkedPerson> people, Writer out) {
		if (!people.hasNext()) {
			return 0; // an empty file: YAML's emitter cannot write a stream of no documents
		}
		Set<String> taken = new HashSet<>();
		int written = 0;
		try (SequenceWriter documents = this.yaml.writer().writeValues(out)) {
			while (people.hasNext()) {
				LinkedPerson person = people.next();
				documents.write(entity(person, unique(entityName(person.email()), taken)));
				written++;
			}
		}
		return written;
	}

	private ObjectNode entity(LinkedPerson person, String name) {
		ObjectNode entity = JsonNodeFactory.instance.objectNode();
		entity.put("apiVersion", API_VERSION);
		entity.put("kind", "User");
		ObjectNode metadata = entity.putObject("metadata");
		metadata.put("name", name);
		ObjectNode annotations = metadata.putObject("annotations");
		annotations.put(USERNAME, person.username());
		annotations.put(PHID, person.phid());
		for (Map.Entry<String, String> id : person.sourceIds().entrySet()) {
			annotations.put(annotationKey(id.getKey()), id.getValue());
		}
		metadata.putArray("links").addObject().put("url", this.phorgeUrl + "/p/" + person.username() + "/")
			.put("title", "Phorge: @" + person.username()).put("icon", "user");
		ObjectNode spec = entity.putObject("spec");
		spec.putObject("profile").put("displayName", person.displayName()).put("email", person.email());
		spec.putArray("memberOf");
		return entity;
	}

	/**
	 * The annotation holding a person's id in an identity source: {@code okta.com/user-id},
	 * {@code google.com/user-id}, or {@code idsync.dev/<source>-user-id} for the other sources.
	 */
	static String annotationKey(String source) {
		return switch (source) {
			case "okta" -> "okta.com/user-id";
			case "google" -> "google.com/user-id";
			default -> "idsync.dev/" + valid(source, MAX_NAME - "-user-id".length(), "source") + "-user-id";
		};
	}

	/** An entity name from an email address's local part: letters and digits joined by {@code - _ .}, 63 at most. */
	static String entityName(String email) {
		int at = email.lastIndexOf('@');
		return valid((at > 0) ? email.substring(0, at) : email, MAX_NAME, "user");
	}

	/** The name, or the first of {@code name-2}, {@code name-3}, … that no earlier entity has (case-insensitively). */
	static String unique(String name, Set<String> taken) {
		String candidate = name;
		for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
			String suffix = "-" + n;
			candidate = valid(name.substring(0, Math.min(name.length(), MAX_NAME - suffix.length())), MAX_NAME,
					"user") + suffix;
		}
		return candidate;
	}

	private static String valid(String raw, int max, String fallback) {
		String name = raw.replaceAll("[^A-Za-z0-9_.-]+", "-");
		name = name.substring(0, Math.min(name.length(), max));
		name = name.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
		return name.isEmpty() ? fallback : name;
	}

}
