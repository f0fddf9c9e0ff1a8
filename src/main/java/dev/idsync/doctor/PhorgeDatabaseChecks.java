package dev.idsync.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.ConfigException;
import dev.idsync.config.Credentials;
import dev.idsync.config.PhorgeDatabaseProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.PhorgeDatabase;
import dev.idsync.source.PhorgeDatabase.TableAccess;
import dev.idsync.source.phorge.JdbcBotTokens;
import dev.idsync.source.phorge.PhorgeDatabases;

/**
 * Phorge's database: reachable with the configured user, and each table idsync reads readable (exactly the columns
 * it reads, so that a grant that leaves out the token values passes).
 */
final class PhorgeDatabaseChecks {

	private PhorgeDatabaseChecks() {
	}

	static List<Check> of(PhorgeDatabaseProperties properties, Map<String, String> environment) {
		Secret password;
		try {
			password = Credentials.phorgeDatabase(properties, environment);
		}
		catch (ConfigException ex) {
			return List.of(Doctor.missing("phorge-db: credential", ex));
		}
		List<TableAccess> tables;
		try (PhorgeDatabase database = PhorgeDatabases.open(properties, password)) {
			tables = database.checkAccess();
		}
		List<Check> checks = new ArrayList<>();
		String unreachable = commonProblem(tables);
		if (unreachable != null) {
			checks.add(Check.fail("phorge-db: connect", unreachable, "Check idsync.phorge.database.url, "
					+ "idsync.phorge.database.username and the password (idsync.phorge.database.password-file or "
					+ properties.passwordEnv() + "), and that the database server accepts connections from this "
					+ "host."));
			return checks;
		}
		checks.add(Check.pass("phorge-db: connect", "connected to " + properties.url() + " as "
				+ properties.username()));
		for (TableAccess table : tables) {
			String database = table.table().substring(0, table.table().indexOf('.'));
			checks.add(table.readable() ? Check.pass("phorge-db: read " + table.table(), "readable")
					: Check.fail("phorge-db: read " + table.table(), String.valueOf(table.problem()),
							"GRANT SELECT ON " + database + ".* TO '" + properties.username() + "'@'%'; (or the "
									+ "column grants in the README, which keep token values out of reach)"));
		}
		if (properties.tokenWriter() != null) {
			checks.add(tokenWriter(properties, environment));
		}
		return checks;
	}

	/** The token writer may read the inventory, insert and terminate tokens (probed without changing a row). */
	private static Check tokenWriter(PhorgeDatabaseProperties properties, Map<String, String> environment) {
		String name = "phorge-db: token writer " + properties.tokenWriter().username();
		Secret password;
		try {
			password = Credentials.resolve(properties.tokenWriter(), environment);
		}
		catch (ConfigException ex) {
			return Doctor.missing(name, ex);
		}
		try (JdbcBotTokens tokens = new JdbcBotTokens(properties, password)) {
			String problem = tokens.probe();
			return (problem == null) ? Check.pass(name, "may list, create and terminate API tokens")
					: Check.fail(name, problem, "GRANT SELECT (id, objectPHID, tokenType, tokenName, dateCreated, "
							+ "expires), INSERT, UPDATE (expires, dateModified) ON " + properties.database("conduit")
							+ ".conduit_token TO '" + properties.tokenWriter().username() + "'@'%';");
		}
	}

	/** The problem every table shares when the server could not be reached at all, else {@code null}. */
	private static @Nullable String commonProblem(List<TableAccess> tables) {
		if (tables.isEmpty() || tables.stream().anyMatch(TableAccess::readable)) {
			return null;
		}
		String first = String.valueOf(tables.get(0).problem());
		boolean same = tables.stream().allMatch((table) -> first.equals(table.problem()));
		return (same && first.startsWith("cannot connect")) ? first : null;
	}

}
