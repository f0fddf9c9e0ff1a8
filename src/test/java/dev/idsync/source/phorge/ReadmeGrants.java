package dev.idsync.source.phorge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test support: the {@code GRANT} statements of the README's {@code sql} blocks, exactly as documented, with only
 * the database prefix and the user replaced by a test run's own (and without the closing semicolon), so that a test
 * grants what an administrator following the README would.
 */
public final class ReadmeGrants {

	private static final Path README = Path.of("README.md");

	private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern GRANT = Pattern
		.compile("(GRANT .+? ON )phabricator_(\\w+\\.\\w+) TO (\\S+?);", Pattern.DOTALL);

	private ReadmeGrants() {
	}

	/** The grants the README documents for the read-only user ({@code idsync}). */
	public static List<String> reader(String prefix, String user) {
		return grants("idsync", prefix, user);
	}

	/** The grant the README documents for the token writer ({@code 'idsync_tokens'@'%'}). */
	public static List<String> tokenWriter(String prefix, String user) {
		return grants("'idsync_tokens'@'%'", prefix, user);
	}

	private static List<String> grants(String documentedUser, String prefix, String user) {
		List<String> grants = new ArrayList<>();
		Matcher block = SQL_BLOCK.matcher(readme());
		while (block.find()) {
			Matcher grant = GRANT.matcher(block.group(1));
			while (grant.find()) {
				if (grant.group(3).equals(documentedUser)) {
					grants.add((grant.group(1) + prefix + grant.group(2)).replaceAll("\\s+", " ") + " TO '" + user
							+ "'@'%'");
				}
			}
		}
		if (grants.isEmpty()) {
			throw new IllegalStateException("README.md documents no grant to " + documentedUser);
		}
		return grants;
	}

	private static String readme() {
		try {
			return Files.readString(README);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
