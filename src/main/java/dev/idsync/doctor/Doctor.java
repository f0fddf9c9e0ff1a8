package dev.idsync.doctor;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

import dev.idsync.config.ConfigException;
import dev.idsync.config.Credentials;
import dev.idsync.config.GoogleProperties;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.config.OktaProperties;
import dev.idsync.config.Secret;
import dev.idsync.config.StoreProperties;
import dev.idsync.source.Page;
import dev.idsync.source.PagedSource;
import dev.idsync.source.google.Google;
import dev.idsync.source.okta.Okta;
import dev.idsync.store.IdsyncStore;

/**
 * Checks every connection and permission the configuration needs, without changing anything: Okta, Google, Conduit,
 * Phorge's database and idsync's own database, each only when configured.
 */
public final class Doctor {

	private Doctor() {
	}

	/**
	 * Runs every check.
	 * @param properties the configuration
	 * @param environment the process environment (credentials may come from it)
	 * @return the checks in a stable order: identity sources, Phorge, Phorge's database, idsync's database
	 */
	public static List<Check> examine(IdsyncProperties properties, Map<String, String> environment) {
		List<Check> checks = new ArrayList<>();
		if (properties.okta() != null) {
			checks.addAll(okta(properties.okta(), environment));
		}
		if (properties.google() != null) {
			checks.addAll(google(properties.google(), environment));
		}
		checks.addAll(ConduitChecks.of(properties.phorge(), environment));
		if (properties.phorge().database() != null) {
			checks.addAll(PhorgeDatabaseChecks.of(properties.phorge().database(), environment));
		}
		checks.addAll(store(properties.store(), environment));
		return checks;
	}

	private static List<Check> okta(OktaProperties properties, Map<String, String> environment) {
		String what = properties.usesPrivateKey() ? "the service app's private key" : "the API token";
		Secret credential;
		try {
			credential = Credentials.okta(properties, environment);
		}
		catch (ConfigException ex) {
			return List.of(missing("okta: credential", ex));
		}
		Okta okta = new Okta(properties, credential);
		List<Check> checks = new ArrayList<>();
		checks.add(firstPage("okta: read users", okta.identities(), "users",
				"Check " + what + " and that the app holds the scope okta.users.read and a read-only admin role "
						+ "(Okta Admin Console > Applications > idsync > Okta API Scopes / Admin roles)."));
		okta.entitlement().ifPresent((entitlement) -> checks.add(firstPage("okta: read entitlement", entitlement,
				"entitled users", (properties.entitlement().app() != null)
						? "Grant the scope okta.apps.read and check idsync.okta.entitlement.app names an existing app."
						: "Grant the scope okta.groups.read and check idsync.okta.entitlement.groups names existing "
								+ "groups.")));
		return checks;
	}

	private static List<Check> google(GoogleProperties properties, Map<String, String> environment) {
		Secret credential;
		try {
			credential = Credentials.google(properties, environment);
		}
		catch (ConfigException ex) {
			return List.of(missing("google: credential", ex));
		}
		Google google = new Google(properties, credential);
		List<Check> checks = new ArrayList<>();
		String delegation = "Google Admin console > Security > Access and data control > API controls > Domain-wide "
				+ "delegation: authorise the service account's client id for ";
		checks.add(firstPage("google: read users", google.identities(), "users",
				delegation + "https://www.googleapis.com/auth/admin.directory.user.readonly, and set "
						+ "idsync.google.subject to an administrator who may read users."));
		google.entitlement().ifPresent((entitlement) -> checks.add(firstPage("google: read group members",
				entitlement, "entitled members", delegation
						+ "https://www.googleapis.com/auth/admin.directory.group.member.readonly, and check "
						+ "idsync.google.entitlement-groups names existing groups.")));
		return checks;
	}

	private static List<Check> store(StoreProperties store, Map<String, String> environment) {
		Secret password;
		try {
			password = Credentials.storePassword(store, environment);
		}
		catch (ConfigException ex) {
			return List.of(missing("store: credential", ex));
		}
		List<Check> checks = new ArrayList<>();
		// opened as a read-only command opens it: through the loopback server of a run that holds an H2 store
		try (IdsyncStore open = IdsyncStore.open(store, password.reveal(), false);
				Connection connection = open.dataSource().getConnection()) {
			checks.add(Check.pass("store: connect", connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion() + " at " + store.display()));
			checks.add(schema(store, open.dataSource()));
		}
		catch (SQLException | RuntimeException ex) {
			checks.add(Check.fail("store: connect", "cannot connect to " + store.display() + ": " + ex.getMessage(),
					"Check idsync.store.url, idsync.store.username and the password (idsync.store.password-file or "
							+ store.passwordEnv() + "); the user needs to create tables in its database."));
		}
		return checks;
	}

	private static Check schema(StoreProperties store, DataSource dataSource) {
		try {
			MigrationInfoService info = Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:sql/common", "classpath:sql/" + (store.h2() ? "h2" : "postgresql"))
				.load()
				.info();
			if (info.current() == null) {
				return Check.pass("store: schema", "empty: the first run creates idsync's tables");
			}
			for (MigrationInfo migration : info.all()) {
				if (migration.getState().isFailed()) {
					return Check.fail("store: schema", "migration " + migration.getVersion() + " ("
							+ migration.getDescription() + ") failed half-way", "Restore idsync's database from "
							+ "its backup, or drop and recreate it (it holds only run history and findings).");
				}
				if (migration.getState() == MigrationState.FUTURE_SUCCESS) {
					return Check.fail("store: schema", "version " + info.current().getVersion() + " was written by "
							+ "a newer idsync than this one", "Run the idsync version that migrated this database, or "
							+ "point idsync.store.url at a database of its own.");
				}
			}
			int pending = info.pending().length;
			return Check.pass("store: schema", "version " + info.current().getVersion()
					+ ((pending > 0) ? ", " + pending + " migration(s) the next run applies" : ", up to date"));
		}
		catch (RuntimeException ex) {
			return Check.fail("store: schema", "cannot read the schema history: " + ex.getMessage(),
					"Check that the user may read flyway_schema_history in idsync's database.");
		}
	}

	/** Reads the first page of a source: proves the credential, the scope and the network path in one request. */
	static Check firstPage(String name, PagedSource<?> source, String what, String fix) {
		try {
			Page<?> page = source.page(null);
			return Check.pass(name, "read " + page.items().size() + " " + what + " (first page)"
					+ ((page.retries() > 0) ? " after " + page.retries() + " retries" : ""));
		}
		catch (RuntimeException ex) {
			return Check.fail(name, String.valueOf(ex.getMessage()), fix);
		}
	}

	/** A credential that is missing or unreadable: the configuration error says which property to set. */
	static Check missing(String name, ConfigException problem) {
		return Check.fail(name, "missing or unreadable", problem.getMessage());
	}

}
