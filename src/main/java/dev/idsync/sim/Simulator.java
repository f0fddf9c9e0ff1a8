package dev.idsync.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.idsync.sim.google.GoogleSimServer;
import dev.idsync.sim.ReconcileSettings.Exemption;
import dev.idsync.sim.ReconcileSettings.Mapping;
import dev.idsync.sim.okta.OktaSimServer;
import dev.idsync.sim.phorge.ConduitSimServer;
import dev.idsync.sim.phorge.InMemoryPhorgeDirectory;
import dev.idsync.sim.phorge.PhorgeToken;
import dev.idsync.sim.phorge.db.DatabasePhorgeDirectory;
import dev.idsync.sim.phorge.db.PhorgeDatabaseSimServer;
import dev.idsync.sim.phorge.db.PhorgeRows;

/**
 * The running simulator: Okta, Google Workspace, Phorge Conduit and Phorge's database serving one synthetic
 * organisation on loopback. Conduit authenticates tokens from the database's {@code conduit_token} table and writes
 * its edits through to the {@code user} table (and its disables to {@code user_transaction}), so that both always
 * tell the same story. Everything the generator planted is served as planted, except what the job judges by the real
 * clock, which is dated from the simulator's start: the API tokens' creation and termination, the exemptions'
 * expiry, and a mass departure ({@link Scenario}).
 */
public final class Simulator implements AutoCloseable {

	/** The customer id the Google simulator accepts besides {@code my_customer}. */
	static final String GOOGLE_CUSTOMER = "C01simulated";

	private final SyntheticOrg org;

	private final Instant started;

	private final OktaSimServer okta;

	private final GoogleSimServer google;

	private final PhorgeDatabaseSimServer phorgeDatabase;

	private final ConduitSimServer conduit;

	private final Faults faults;

	private Simulator(SyntheticOrg org, SimPorts ports, Clock clock, Faults faults, int oktaUsersPerMinute) {
		this.org = org;
		this.faults = faults;
		this.started = clock.instant();
		List<PhorgeToken> tokens = org.phorgeTokensAt(this.started);
		this.okta = new OktaSimServer(org.oktaAt(this.started), clock, ports.okta(), faults, oktaUsersPerMinute);
		this.google = new GoogleSimServer(org.google(), ports.google(), faults);
		this.phorgeDatabase = new PhorgeDatabaseSimServer(new PhorgeRows(org.phorgeUsers(), org.phorgeEmails(),
				tokens, org.phorgeAuthProviders(), org.phorgeExternalAccounts(), org.phorgeTransactions()),
				ports.phorgeDatabase(), !faults.down(Fault.PHORGE_DB));
		this.conduit = new ConduitSimServer(new DatabasePhorgeDirectory(new InMemoryPhorgeDirectory(org.phorgeUsers(),
				org.phorgeEmails(), tokens, org.disablers()), this.phorgeDatabase.dataSource(),
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

	/** The injected faults: {@link Faults#heal()} ends an outage. */
	public Faults faults() {
		return this.faults;
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

	/** When the simulator started: what the tokens' and exemptions' dates are relative to. */
	public Instant started() {
		return this.started;
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
	 * (mode 0600, written atomically): idsync never reads a secret from the YAML itself. The reconciliation settings
	 * the truth assumes go with it: the Okta admin group, the domain aliases, the protected accounts, and the manual
	 * mappings ({@code <name>.mappings.csv}) and exemptions ({@code <name>.exemptions.csv}) in files beside it.
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
			.append("    admin-groups: [").append(SyntheticOrg.OKTA_ADMIN_GROUP).append("]\n")
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
			Path writer = writeSecret(dir.resolve(base + ".phorge-token-writer-password"),
					this.phorgeDatabase.writerPassword());
			yaml.append("      token-writer:\n")
				.append("        username: ").append(PhorgeDatabaseSimServer.TOKEN_WRITER).append('\n')
				.append("        password-file: ").append(writer).append('\n');
		}
		yaml.append("  bots:\n");
		new TreeMap<>(this.org.botOwners()).forEach((bot, owner) -> yaml.append("    - username: ")
			.append(bot)
			.append("\n      owner: ")
			.append(owner)
			.append('\n'));
		ReconcileSettings reconcile = this.org.reconcile();
		Path mappings = dir.resolve(base + ".mappings.csv");
		Path exemptions = dir.resolve(base + ".exemptions.csv");
		writeAtomically(mappings, mappingsCsv(reconcile.mappings()), false);
		writeAtomically(exemptions, exemptionsCsv(reconcile.exemptions()), false);
		yaml.append("  reconcile:\n")
			.append("    domain-aliases: [").append(String.join(", ", reconcile.domainAliases())).append("]\n")
			.append("    mappings-file: ").append(mappings).append('\n')
			.append("    exemptions-file: ").append(exemptions).append('\n')
			.append("    protected-accounts: [").append(String.join(", ", reconcile.protectedAccounts())).append("]\n");
		writeAtomically(file, yaml.toString(), false);
	}

	/** The manual mappings file: {@code username,identity,added_by,reason}. */
	private static String mappingsCsv(List<Mapping> mappings) {
		StringBuilder csv = new StringBuilder("username,identity,added_by,reason\n");
		mappings.forEach((m) -> csv.append(csv(m.username(), m.identity(), m.addedBy(), m.reason())));
		return csv.toString();
	}

	/** The exemptions file: {@code username,owner,reason,expires}, each expiry a UTC day counted from the start. */
	private String exemptionsCsv(List<Exemption> exemptions) {
		LocalDate today = LocalDate.ofInstant(this.started, ZoneOffset.UTC);
		StringBuilder csv = new StringBuilder("username,owner,reason,expires\n");
		exemptions.forEach((e) -> csv.append(csv(e.username(), e.owner(), e.reason(),
				today.plusDays(e.expiresInDays()).toString())));
		return csv.toString();
	}

	/** One CSV record (RFC 4180): a field with a comma, quote or line break is quoted, its quotes doubled. */
	private static String csv(String... fields) {
		return Arrays.stream(fields)
			.map((field) -> field.matches("(?s).*[,\"\r\n].*") ? "\"" + field.replace("\"", "\"\"") + "\"" : field)
			.collect(Collectors.joining(",")) + "\n";
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
	 * Writes the planted truth for a configuration that reads Phorge's database; see
	 * {@link #writeTruth(Path, PhorgeAccess)}.
	 * @param file the file to write
	 * @throws IOException if it cannot be written
	 */
	public void writeTruth(Path file) throws IOException {
		writeTruth(file, PhorgeAccess.CONDUIT_AND_DATABASE);
	}

	/**
	 * Writes the planted truth, every finding the job should report when it reads Phorge as {@code access} says:
	 * {@code {"access":…,"findings":[{"category":…,"username":…}|{"category":…,"identity":…}]}}.
	 * @param file the file to write
	 * @param access how the configuration the job runs with reads Phorge
	 * @throws IOException if it cannot be written
	 */
	public void writeTruth(Path file, PhorgeAccess access) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		ObjectNode root = json.createObjectNode().put("access", access.name());
		ArrayNode findings = root.putArray("findings");
		for (TruthEntry entry : this.org.truth(access)) {
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

	/** Every category planted for a job that reads Phorge as {@code access} says, with its count. */
	public Map<String, Long> plantedCounts(PhorgeAccess access) {
		Map<String, Long> counts = new TreeMap<>();
		this.org.truth(access).forEach((entry) -> counts.merge(entry.category(), 1L, Long::sum));
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
