package dev.idsync.sim.phorge.db;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Phorge's schema is created on one kind of database server.
 */
public enum SqlDialect {

	/** MariaDB or MySQL, what Phorge runs on: the reference statements verbatim, one database per application. */
	MARIADB {

		@Override
		String createDatabase(String name) {
			return "CREATE DATABASE `" + name + "` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
		}

		@Override
		String createTable(PhorgeTable table, String database) {
			return table.ddlIn(database);
		}

	},

	/**
	 * H2 in MySQL mode ({@code MODE=MySQL;DATABASE_TO_LOWER=TRUE}), where a MySQL database is a schema. H2 takes
	 * Phorge's statements with four rewrites, each keeping what MySQL does: an index name gains its table's name
	 * (MySQL wants index names unique per table, H2 per schema, and {@code key_phid} is in many tables); binary
	 * strings ({@code varbinary}, {@code binary}) become character strings (MySQL compares PHIDs with string
	 * parameters and reads them as strings, H2 refuses such comparisons and reads binary as hex); the two
	 * {@code utf8mb4_unicode_ci} columns, {@code user.userName} and {@code user_email.address}, become
	 * {@code VARCHAR_IGNORECASE}, so that they are unique and compared regardless of case as in Phorge while every
	 * other column stays case-sensitive like Phorge's {@code utf8mb4_bin}; and {@code int unsigned} becomes
	 * {@code bigint}, which H2 would otherwise make a signed {@code int} (the epoch seconds of 2038 and later would
	 * not fit, and MariaDB's driver reads {@code int unsigned} as a {@code Long} too).
	 */
	H2 {

		@Override
		String createDatabase(String name) {
			return "CREATE SCHEMA `" + name + "`";
		}

		@Override
		String createTable(PhorgeTable table, String database) {
			String ddl = table.ddlIn(database);
			ddl = replace(INDEX_NAME, ddl, (m) -> m.group(1) + "`" + table.name() + "_" + m.group(2) + "`");
			ddl = replace(CASE_INSENSITIVE, ddl, (m) -> "varchar_ignorecase(" + m.group(1) + ")");
			ddl = replace(VARBINARY, ddl, (m) -> "varchar(");
			ddl = replace(BINARY, ddl, (m) -> "char(");
			return replace(UNSIGNED_INT, ddl, (m) -> "bigint");
		}

	};

	private static final Pattern INDEX_NAME = Pattern.compile("(\\bKEY )`(\\w+)`");

	private static final Pattern CASE_INSENSITIVE = Pattern
		.compile("\\bvarchar\\((\\d+)\\) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");

	private static final Pattern VARBINARY = Pattern.compile("\\bvarbinary\\(");

	private static final Pattern BINARY = Pattern.compile("\\bbinary\\(");

	private static final Pattern UNSIGNED_INT = Pattern.compile("\\bint\\(\\d+\\) unsigned");

	/** The statement creating an empty database named {@code name}. */
	abstract String createDatabase(String name);

	/** The statement creating {@code table} in {@code database}. */
	abstract String createTable(PhorgeTable table, String database);

	private static String replace(Pattern pattern, String text, Function<MatchResult, String> replacement) {
		return pattern.matcher(text).replaceAll((match) -> Matcher.quoteReplacement(replacement.apply(match)));
	}

}
