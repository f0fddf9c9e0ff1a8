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

/**
 * The running simulator: Okta, Google Workspace and Phorge Conduit serving one synthetic organisation on loopback.
 */
public final class Simulator implements AutoCloseable {

	/** The customer id the Google simulator accepts besides {@code my_customer}. */
	static final String GOOGLE_CUSTOMER = "C01simulated";

	private final SyntheticOrg org;

	private final OktaSimServer okta;

	private final GoogleSimServer google;

	private final ConduitSimServer conduit;

	private Simulator(SyntheticOrg org, SimPorts ports, Clock clock) {
		this.org = org;
		this.okta = new OktaSimServer(org.oktaUsers(), org.oktaToken(), clock, ports.okta());
		this.google = new GoogleSimServer(org.googleUsers(), org.googleToken(), GOOGLE_CUSTOMER, ports.google());
		this.conduit = new ConduitSimServer(new InMemoryPhorgeDirectory(org.phorgeUsers(), org.phorgeEmails(),
				org.phorgeTokens(), org.disablers()), clock, ports.conduit(), null);
	}

	/**
	 * Starts the three services.
	 * @param org the organisation they serve
	 * @param ports where they listen
	 * @param clock the services' clock
	 * @return the running simulator
	 */
	public static Simulator start(SyntheticOrg org, SimPorts ports, Clock clock) {
		return new Simulator(org, ports, clock);
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

	/**
	 * Writes an idsync configuration that points at this simulator, with each credential in its own file beside it
	 * (mode 0600, written atomically): idsync never reads a secret from the YAML itself.
	 * @param file the configuration file to write
	 * @throws IOException if it cannot be written
	 */
	public void writeConfig(Path file) throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
		Path oktaToken = writeSecret(dir.resolve(base + ".okta-token"), this.org.oktaToken());
		Path googleToken = writeSecret(dir.resolve(base + ".google-token"), this.org.googleToken());
		Path conduitToken = writeSecret(dir.resolve(base + ".conduit-token"), this.org.conduitToken());
		StringBuilder yaml = new StringBuilder();
		yaml.append("# idsync configuration for the simulator started by `idsync sim serve`.\n")
			.append("# Every property is explained in jobs/nightly-sync/idsync.example.yml.\n")
			.append("idsync:\n")
			.append("  okta:\n")
			.append("    url: ").append(oktaUrl()).append('\n')
			.append("    token-file: ").append(oktaToken).append('\n')
			.append("  google:\n")
			.append("    url: ").append(googleUrl()).append('\n')
			.append("    customer: my_customer\n")
			.append("    access-token-file: ").append(googleToken).append('\n')
			.append("  phorge:\n")
			.append("    url: ").append(conduitUrl()).append('\n')
			.append("    token-file: ").append(conduitToken).append('\n')
			.append("  bots:\n");
		new TreeMap<>(this.org.botOwners()).forEach((bot, owner) -> yaml.append("    - username: ")
			.append(bot)
			.append("\n      owner: ")
			.append(owner)
			.append('\n'));
		writeAtomically(file, yaml.toString(), false);
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
