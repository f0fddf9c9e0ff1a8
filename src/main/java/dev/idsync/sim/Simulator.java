package dev.idsync.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.idsync.sim.google.GoogleSimServer;
import dev.idsync.sim.okta.OktaSimServer;
import dev.idsync.sim.phorge.ConduitSimServer;
import dev.idsync.sim.phorge.InMemoryPhorgeDirectory;
import dev.idsync.sim.phorge.db.DatabasePhorgeDirectory;
import dev.idsync.sim.phorge.db.PhorgeDatabaseSimServer;
import dev.idsync.sim.phorge.db.PhorgeRows;

/**
 * The running simulator: Okta, Google Workspace, Phorge Conduit and Phorge's database serving one synthetic
 * organisation on loopback. Conduit authenticates tokens from the database's {@code conduit_token} table and writes
 * its edits through to the {@code user} table, so that both always tell the same story.
 */
public final class Simulator implements AutoCloseable {

	/** The customer id the Google simulator accepts besides {@code my_customer}. */
	static final String GOOGLE_CUSTOMER = "C01simulated";

	private final SyntheticOrg org;

	private final OktaSimServer okta;

	private final GoogleSimServer google;

	private final PhorgeDatabaseSimServer phorgeDatabase;

	private final ConduitSimServer conduit;

	private Simulator(SyntheticOrg org, SimPorts ports, Clock clock, Faults faults, int oktaUsersPerMinute) {
		this.org = org;
		this.okta = new OktaSimServer(org.okta(), clock, ports.okta(), faults, oktaUsersPerMinute);
		this.google = new GoogleSimServer(org.google(), ports.google(), faults);
		this.phorgeDatabase = new PhorgeDatabaseSimServer(new PhorgeRows(org.phorgeUsers(), org.phorgeEmails(),
				org.phorgeTokens(), org.phorgeAuthProviders(), org.phorgeExternalAccounts()), ports.phorgeDatabase(),
				!faults.down(Fault.PHORGE_DB));
		this.conduit = new ConduitSimServer(new DatabasePhorgeDirectory(new InMemoryPhorgeDirectory(org.phorgeUsers(),
				org.phorgeEmails(), org.phorgeTokens(), org.disablers()), this.phorgeDatabase.dataSource(),
				this.phorgeDatabase.prefix()), clock, ports.conduit(), null, "vm", faults);
	}

	/**
	 * Starts the services, without faults and with Okta's default rate limits.
	 * @param org the organisation they serve
	 * @param ports where they listen
	 * @param clock the services' clock
	 * @return the running simulator
	 */
	public static Simulator start(SyntheticOrg org, SimPorts ports, Clock clock) {
		return start(org, ports, clock, Faults.none(), OktaSimServer.DEFAULT_USERS_PER_MINUTE);
	}

	/**
	 * Starts the services.
	 * @param org the organisation they serve
	 * @param ports where they listen
	 * @param clock the services' clock
	 * @param faults the faults they inject
	 * @param oktaUsersPerMinute Okta's rate limit of {@code /api/v1/users}, per minute
	 * @return the running simulator
	 */
	public static Simulator start(SyntheticOrg org, SimPorts ports, Clock clock, Faults faults,
			int oktaUsersPerMinute) {
		return new Simulator(org, ports, clock, faults, oktaUsersPerMinute);
	}

	/** The Okta server, for its counters. */
	public OktaSimServer okta() {
		return this.okta;
	}

	/** The Google server, for its counters. */
	public GoogleSimServer google() {
		return this.google;
	}

	/** The organisation served. */
	public SyntheticOrg org() {
		return this.org;
	}

	/** The Okta org URL. */
	public String oktaUrl() {
		return this.okta.baseUrl();
	}

	/** The Google Directory API root URL. */
	public String googleUrl() {
		return this.google.baseUrl();
	}

	/** Phorge's base URL. */
	public String conduitUrl() {
		return this.conduit.baseUrl();
	}

	/** How many Conduit requests arrived for {@code method} (e.g. {@code user.query}) since the simulator started. */
	public long conduitCalls(String method) {
		return this.conduit.calls(method);
	}

	/** Phorge's database: its URL and reader, and Phorge's own connections for changing it behind Conduit's back. */
	public PhorgeDatabaseSimServer phorgeDatabase() {
		return this.phorgeDatabase;
	}

	/**
	 * Writes an idsync configuration that reads Phorge through Conduit and its database; see
	 * {@link #writeConfig(Path, PhorgeAccess)}.
	 * @param file the configuration file to write
	 * @throws IOException if it cannot be written
	 */
	public void writeConfig(Path file) throws IOException {
		writeConfig(file, PhorgeAccess.CONDUIT_AND_DATABASE);
	}

	/**
	 * Writes an idsync configuration that points at this simulator, with each credential in its own file beside it
	 * (mode 0600, written atomically): idsync never reads a secret from the YAML itself.
	 * @param file the configuration file to write
	 * @param access whether idsync reads Phorge's database besides Conduit ({@code idsync.phorge.database}, as the
	 * read-only user {@link PhorgeDatabaseSimServer#READER})
	 * @throws IOException if it cannot be written
	 */
	public void writeConfig(Path file, PhorgeAccess access) throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
		Path oktaKey = writeSecret(dir.resolve(base + ".okta-key.pem"), this.org.oktaPrivateKeyPem());
		Path googleKey = writeSecret(dir.resolve(base + ".google-key.json"), googleKeyJson());
		Path conduitToken = writeSecret(dir.resolve(base + ".conduit-token"), this.org.conduitToken());
		StringBuilder yaml = new StringBuilder();
		yaml.append("# idsync configuration for the simulator started by `idsync sim serve`.\n")
			.append("# Every property is explained in jobs/nightly-sync/idsync.example.yml.\n")
			.append("idsync:\n")
			.append("  okta:\n")
			.append("    url: ").append(oktaUrl()).append('\n')
			.append("    auth: private-key\n")
			.append("    client-id: ").append(this.org.okta().client().clientId()).append('\n')
			.append("    key-id: ").append(this.org.okta().client().keyId()).append('\n')
			.append("    private-key-file: ").append(oktaKey).append('\n')
			.append("    entitlement:\n")
			.append("      mode: groups\n")
			.append("      groups: [").append(SyntheticOrg.OKTA_GROUP).append("]\n")
			.append("    username-attribute: ").append(SyntheticOrg.USERNAME_ATTRIBUTE).append('\n')
			.append("  google:\n")
			.append("    url: ").append(googleUrl()).append('\n')
			.append("    customer: my_customer\n")
			.append("    credentials-file: ").append(googleKey).append('\n')
			.append("    subject: ").append(this.org.google().serviceAccount().subject()).append('\n')
			.append("    entitlement-groups: [").append(SyntheticOrg.GOOGLE_GROUP).append("]\n")
			.append("  phorge:\n")
			.append("    url: ").append(conduitUrl()).append('\n')
			.append("    token-file: ").append(conduitToken).append('\n');
		if (access == PhorgeAccess.CONDUIT_AND_DATABASE) {
			Path password = writeSecret(dir.resolve(base + ".phorge-db-password"),
					this.phorgeDatabase.readerPassword());
			yaml.append("    database:\n")
				.append("      url: ").append(this.phorgeDatabase.jdbcUrl()).append('\n')
				.append("      username: ").append(PhorgeDatabaseSimServer.READER).append('\n')
				.append("      password-file: ").append(password).append('\n')
				.append("      prefix: ").append(this.phorgeDatabase.prefix()).append('\n');
		}
		yaml.append("  bots:\n");
		new TreeMap<>(this.org.botOwners()).forEach((bot, owner) -> yaml.append("    - username: ")
			.append(bot)
			.append("\n      owner: ")
			.append(owner)
			.append('\n'));
		writeAtomically(file, yaml.toString(), false);
	}

	/** The service account's key file, as the Cloud console downloads it, with the simulator's token endpoint. */
	private String googleKeyJson() {
		JsonMapper json = JsonMapper.builder().build();
		ObjectNode key = json.createObjectNode()
			.put("type", "service_account")
			.put("project_id", "idsync-sim")
			.put("private_key_id", this.org.google().serviceAccount().keyId())
			.put("private_key", this.org.googlePrivateKeyPem())
			.put("client_email", this.org.google().serviceAccount().clientEmail())
			.put("client_id", this.org.google().serviceAccount().clientId())
			.put("token_uri", this.google.tokenUri());
		return json.writerWithDefaultPrettyPrinter().writeValueAsString(key);
	}

	/**
	 * Writes the planted truth: {@code {"findings":[{"category":…,"username":…}|{"category":…,"identity":…}]}}.
	 * @param file the file to write
	 * @throws IOException if it cannot be written
	 */
	public void writeTruth(Path file) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		ObjectNode root = json.createObjectNode();
		ArrayNode findings = root.putArray("findings");
		for (TruthEntry entry : this.org.truth()) {
			ObjectNode finding = findings.addObject().put("category", entry.category());
			if (entry.username() != null) {
				finding.put("username", entry.username());
			}
			else {
				finding.put("identity", entry.identity());
			}
		}
		writeAtomically(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", false);
	}

	/** Every planted category with its count, for a one-line summary. */
	public Map<String, Long> plantedCounts() {
		Map<String, Long> counts = new TreeMap<>();
		this.org.truth().forEach((entry) -> counts.merge(entry.category(), 1L, Long::sum));
		return counts;
	}

	@Override
	public void close() {
		this.okta.close();
		this.google.close();
		this.conduit.close();
		this.phorgeDatabase.close();
	}

	private static Path writeSecret(Path file, String secret) throws IOException {
		writeAtomically(file, secret + "\n", true);
		return file;
	}

	private static void writeAtomically(Path file, String content, boolean secret) throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
		try {
			if (secret) {
				restrict(temp);
			}
			Files.writeString(temp, content, StandardCharsets.UTF_8);
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the platform's default permissions apply
		}
	}

}
