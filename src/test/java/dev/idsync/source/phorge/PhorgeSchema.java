package dev.idsync.source.phorge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phorge's tables as {@code phorge-schema.sql} gives them ({@code SHOW CREATE TABLE} of a real instance, each after a
 * {@code -- phabricator_<application>.<table>} comment), to be created in the databases of any prefix.
 *
 * @param tables the tables, in file order
 */
record PhorgeSchema(List<Table> tables) {

	private static final Pattern HEADER = Pattern.compile("-- phabricator_(\\w+)\\.(\\w+)");

	/** H2 wants index and constraint names unique in a schema; Phorge reuses {@code key_phid} and others per table. */
	private static final Pattern INDEX_NAME = Pattern.compile("(KEY|INDEX) `(\\w+)`");

	/** The vendored {@code phorge-schema.sql}. */
	static PhorgeSchema read() {
		List<Table> tables = new ArrayList<>();
		Matcher header = null;
		StringBuilder ddl = new StringBuilder();
		for (String line : text("/reference/phorge-schema.sql").split("\n")) {
			Matcher candidate = HEADER.matcher(line);
			if (candidate.matches()) {
				header = candidate;
				ddl.setLength(0);
			}
			else if (line.equals(";")) {
				tables.add(new Table(header.group(1), header.group(2), ddl.toString().strip()));
			}
			else {
				ddl.append(line).append('\n');
			}
		}
		return new PhorgeSchema(List.copyOf(tables));
	}

	/** Phorge's applications (databases) the tables live in. */
	List<String> applications() {
		return this.tables.stream().map(Table::application).distinct().toList();
	}

	static String text(String resource) {
		try (InputStream in = PhorgeSchema.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the test classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One table.
	 *
	 * @param application the database without its prefix, e.g. {@code user}
	 * @param name the table, e.g. {@code user_email}
	 * @param ddl its {@code CREATE TABLE} statement, unqualified
	 */
	record Table(String application, String name, String ddl) {

		/** The statement that creates the table in the database of {@code prefix} on MariaDB or MySQL. */
		String createOnMariadb(String prefix) {
			return this.ddl.replaceFirst("CREATE TABLE `", "CREATE TABLE `" + prefix + this.application + "`.`");
		}

		/** The statement that creates the table in the schema of {@code prefix} on H2 in MySQL mode. */
		String createOnH2(String prefix) {
			return INDEX_NAME.matcher(createOnMariadb(prefix)).replaceAll("$1 `" + this.name + "_$2`");
		}

	}

}
