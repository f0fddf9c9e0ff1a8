package dev.idsync.sim.phorge.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Phorge's tables as {@code SHOW CREATE TABLE} prints them on a real Phorge: the vendored copy of
 * {@code phorge-schema.sql}, where a comment names each statement's database (e.g.
 * {@code -- phabricator_user.user_email}). Creates them under any prefix, on H2 or on MariaDB.
 */
public final class PhorgeSchema {

	/** The prefix of Phorge's database names unless configured otherwise: {@code storage.default-namespace} + "_". */
	public static final String DEFAULT_PREFIX = "phabricator_";

	/** The vendored reference schema, beside this class. */
	static final String RESOURCE = "phorge-schema.sql";

	private static final Pattern ORIGIN = Pattern.compile("-- phabricator_(\\w+)\\.(\\w+)");

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{1,48}");

	private PhorgeSchema() {
	}

	/**
	 * Creates Phorge's databases ({@code <prefix>user}, {@code <prefix>auth}, {@code <prefix>conduit}) and every
	 * table of the reference schema in its database; none of them may exist yet.
	 * @param dataSource a connection with the right to create databases (H2: an administrator)
	 * @param prefix the prefix of the database names, e.g. {@link #DEFAULT_PREFIX}
	 * @param dialect the kind of database server
	 */
	public static void create(DataSource dataSource, String prefix, SqlDialect dialect) {
		requirePrefix(prefix);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		applications().forEach((application) -> jdbc.execute(dialect.createDatabase(prefix + application)));
		tables().forEach((table) -> jdbc.execute(dialect.createTable(table, prefix + table.application())));
	}

	/** The applications whose databases hold the tables, without the prefix: {@code conduit}, {@code user}, …. */
	static List<String> applications() {
		return tables().stream().map(PhorgeTable::application).distinct().toList();
	}

	/** Every table of the reference schema, in file order. */
	static List<PhorgeTable> tables() {
		List<PhorgeTable> tables = new ArrayList<>();
		Matcher origin = null;
		StringBuilder ddl = new StringBuilder();
		for (String line : read().split("\n")) {
			Matcher comment = ORIGIN.matcher(line);
			if (comment.matches()) {
				origin = comment;
				ddl.setLength(0);
			}
			else if (line.equals(";") && origin != null) {
				tables.add(new PhorgeTable(origin.group(1), origin.group(2), ddl.toString().strip()));
				origin = null;
			}
			else if (origin != null) {
				ddl.append(line).append('\n');
			}
		}
		return tables;
	}

	/** Refuses a prefix that is not a plain identifier: it is spliced into SQL. */
	static String requirePrefix(String prefix) {
		if (!PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("Not a database-name prefix: '" + prefix + "'");
		}
		return prefix;
	}

	private static String read() {
		try (InputStream in = PhorgeSchema.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Phorge's schema is missing from the classpath: " + RESOURCE);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
