package dev.idsync.config;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class ConfigLoaderTests {

	private static final String VALID = """
			idsync:
			  okta:
			    url: https://acme.okta.com/
			    token-file: /run/secrets/okta
			  phorge:
			    url: https://phorge.example.com
			  bots:
			    - username: ci-bot
			      owner: alice@example.com
			""";

	@TempDir
	Path dir;

	@Test
	void loadWhenValidBindsEveryArea() throws IOException {
		IdsyncProperties properties = ConfigLoader.load(write(VALID));
		assertThat(properties.okta().url()).isEqualTo("https://acme.okta.com");
		assertThat(properties.okta().tokenEnv()).isEqualTo("IDSYNC_OKTA_TOKEN");
		assertThat(properties.google()).isNull();
		assertThat(properties.phorge().lookupConcurrency()).isEqualTo(4);
		assertThat(properties.store().url()).isEqualTo("jdbc:h2:file:./var/idsync");
		assertThat(properties.report().dir()).isEqualTo(Path.of("var/reports"));
		assertThat(properties.bots()).containsExactly(new BotProperties("ci-bot", "alice@example.com"));
	}

	@Test
	void loadWhenLogFormatUnsetLogsHumanLinesAndJsonWhenItSaysSo() throws IOException {
		assertThat(ConfigLoader.load(write(VALID)).log().configuredFormat()).isEqualTo(LogProperties.Format.HUMAN);
		assertThat(ConfigLoader.load(write(VALID + "  log:\n    format: JSON\n")).log().configuredFormat())
			.isEqualTo(LogProperties.Format.JSON);
	}

	@Test
	void loadWhenLogFormatUnknownNamesThePropertyItsLineAndTheFormats() throws IOException {
		Path file = write(VALID + "  log:\n    format: logstash\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("idsync.log.format (line 11 of " + file + "): 'logstash' is not a log format. Use human "
					+ "(default) or json.");
	}

	@Test
	void loadWhenScheduleAndManagementUnsetServesNightlyAt0230UtcOnLoopbackOnly() throws IOException {
		IdsyncProperties properties = ConfigLoader.load(write(VALID));
		assertThat(properties.schedule().cron()).isEqualTo("0 30 2 * * ?");
		assertThat(properties.schedule().zone()).isEqualTo(java.time.ZoneId.of("UTC"));
		assertThat(properties.schedule().misfireThreshold()).isEqualTo(Duration.ofHours(6));
		assertThat(properties.management()).isEqualTo(ManagementProperties.defaults());
	}

	@Test
	void loadWhenManagementListensBeyondLoopbackWithoutATokenRefusesAndSaysWhy() throws IOException {
		Path file = write(VALID + "  management:\n    address: 0.0.0.0\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageContaining("idsync.management.address")
			.withMessageContaining("0.0.0.0 is reachable from other hosts")
			.withMessageContaining("set idsync.management.token-file");
		Path withToken = write(VALID + "  management:\n    address: 0.0.0.0\n    token-file: /run/secrets/mgmt\n");
		assertThat(ConfigLoader.load(withToken).management().tokenFile()).isEqualTo(Path.of("/run/secrets/mgmt"));
	}

	@Test
	void loadWhenScheduleCronIsNotQuartzNamesThePropertyAndAnExample() throws IOException {
		Path file = write(VALID + "  schedule:\n    cron: '30 2 * * *'\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageContaining("idsync.schedule.cron")
			.withMessageContaining("'30 2 * * *' is not a Quartz cron expression")
			.withMessageContaining("'0 30 2 * * ?'");
	}

	@Test
	void loadWhenASinkIsIncompleteNamesThePropertyAndTheFix() throws IOException {
		Path file = write(VALID.replace("      owner: alice@example.com\n", "      owner: alice@example.com\n"
				+ "      sinks:\n        - {type: kubernetes-secret, namespace: ci}\n"));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageContaining("idsync.bots[].sinks[]: a kubernetes-secret sink needs namespace, secret and key");
	}

	@Test
	void loadTheDocumentedExampleConfiguration() {
		IdsyncProperties properties = ConfigLoader.load(Path.of("jobs/nightly-sync/idsync.example.yml"));
		assertThat(properties.okta().url()).isEqualTo("https://acme.okta.com");
		assertThat(properties.okta().usesPrivateKey()).isTrue();
		assertThat(properties.okta().entitlement().groups()).containsExactly("phorge-users");
		assertThat(properties.google().usesServiceAccount()).isTrue();
		assertThat(properties.google().entitlementGroups()).containsExactly("phorge@example.com");
		assertThat(properties.files()).singleElement().satisfies((file) -> {
			assertThat(file.name()).isEqualTo("hr");
			assertThat(file.columns().employeeId()).isEqualTo("employee_number");
			assertThat(file.columns().statusSince()).isEqualTo("status_changed");
		});
		assertThat(properties.identitySources()).containsExactly("okta", "google", "hr");
		assertThat(properties.completeness().maxDropCount()).isEqualTo(50);
		assertThat(properties.phorge().timeout()).hasSeconds(25);
		assertThat(properties.okta().timeout()).hasSeconds(25);
		assertThat(properties.google().timeout()).hasSeconds(20);
		assertThat(properties.bots()).hasSize(2);
		assertThat(properties.bots().get(0).sinks()).extracting(SinkProperties::describe).containsExactly(
				"file /etc/ci/phorge-token", "kubernetes secret ci/phorge-bot[token]");
		assertThat(properties.bots().get(0).overlapOrDefault()).hasHours(24);
		assertThat(properties.store().url()).isEqualTo("jdbc:h2:file:./var/idsync");
		// the example spells out every remediation default
		assertThat(properties.remediation()).isEqualTo(new RemediationProperties("report", Map.of("disable",
				new RemediationProperties.Limit(10, 2), "enable", new RemediationProperties.Limit(10, 2), "approve",
				new RemediationProperties.Limit(10, 2), "revoke-tokens", new RemediationProperties.Limit(10, 2)),
				java.time.Duration.ofDays(7), 7, 2, java.time.Duration.ofDays(14), false, false, 60,
				java.time.Duration.ofHours(24)));
		assertThat(properties.remediation().policy()).isEqualTo(dev.idsync.remediate.RemediationPolicy.defaults());
	}

	@Test
	void loadWhenPhorgeDatabaseSetBindsItWithDefaults() throws IOException {
		IdsyncProperties properties = ConfigLoader.load(write(VALID.replace("    url: https://phorge.example.com\n",
				"    url: https://phorge.example.com\n    database:\n      url: jdbc:mariadb://db:3306/\n")));
		PhorgeDatabaseProperties database = properties.phorge().database();
		assertThat(database.url()).isEqualTo("jdbc:mariadb://db:3306/");
		assertThat(database.username()).isEqualTo("idsync");
		assertThat(database.passwordEnv()).isEqualTo("IDSYNC_PHORGE_DB_PASSWORD");
		assertThat(database.database("user")).isEqualTo("phabricator_user");
		assertThat(database.poolSize()).isEqualTo(2);
		assertThat(ConfigLoader.load(write(VALID)).phorge().readsDatabase()).isFalse();
	}

	@Test
	void loadWhenPhorgeDatabaseUrlIsMysqlSaysToUseMariadb() throws IOException {
		Path file = write(VALID.replace("    url: https://phorge.example.com\n",
				"    url: https://phorge.example.com\n    database:\n      url: jdbc:mysql://db:3306/\n"));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageContaining("idsync.phorge.database.url")
			.withMessageContaining("use jdbc:mariadb://");
	}

	@Test
	void loadWhenPhorgeDatabasePrefixIsNotAnIdentifierRefusesIt() throws IOException {
		Path file = write(VALID.replace("    url: https://phorge.example.com\n", "    url: https://phorge.example.com\n"
				+ "    database:\n      url: jdbc:mariadb://db/\n      prefix: \"x`; DROP\"\n"));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageContaining("idsync.phorge.database.prefix")
			.withMessageContaining("phabricator_");
	}

	@Test
	void loadWhenPropertyMisspeltNamesIt() throws IOException {
		Path file = write(VALID.replace("    token-file:", "    tokenn-file:"));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageContaining("Unknown configuration property idsync.okta.tokenn-file")
			.withMessageContaining("(line 4 of " + file + ")");
	}

	@Test
	void loadWhenPropertyOutsideIdsyncNamesIt() throws IOException {
		Path file = write(VALID + "okta:\n  url: https://x.okta.com\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageContaining("Unknown configuration property okta.url");
	}

	@Test
	void loadWhenUrlMalformedNamesPropertyAndFix() throws IOException {
		Path file = write(VALID.replace("https://phorge.example.com", "https://phorge example.com"));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageMatching("idsync\\.phorge\\.url \\(line \\d+ of .*\\): 'https://phorge example\\.com' is not a "
					+ "valid URL.*")
			.withMessageContaining("e.g. https://phorge.example.com");
	}

	@Test
	void loadWhenPlainHttpToRemoteHostRefuses() throws IOException {
		Path file = write(VALID.replace("https://acme.okta.com/", "http://acme.okta.com"));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageContaining("idsync.okta.url")
			.withMessageContaining("plain http");
	}

	@Test
	void loadWhenPlainHttpToLoopbackAccepts() throws IOException {
		Path file = write(VALID.replace("https://acme.okta.com/", "http://127.0.0.1:8080"));
		assertThat(ConfigLoader.load(file).okta().url()).isEqualTo("http://127.0.0.1:8080");
	}

	@Test
	void loadWhenPhorgeMissingSaysWhatToSet() throws IOException {
		Path file = write("idsync:\n  okta:\n    url: https://acme.okta.com\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageContaining("idsync.phorge is required");
	}

	@Test
	void loadWhenNumberIsNotANumberNamesProperty() throws IOException {
		Path file = write(VALID.replace("    url: https://phorge.example.com",
				"    url: https://phorge.example.com\n    lookup-concurrency: many"));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageContaining("idsync.phorge.lookup-concurrency: 'many'")
			.withMessageContaining("is not a valid int");
	}

	@Test
	void loadWhenSharedRecordIsWrongNamesTheFullProperty() throws IOException {
		Path file = write(VALID.replace("    token-file: /run/secrets/okta", "    token-file: /run/secrets/okta\n"
				+ "    retry:\n      attempts: 11"));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageStartingWith("idsync.okta.retry.attempts (line 6 of " + file + "): 11 is out of range");
	}

	@Test
	void loadWhenPrivateKeyAuthLacksItsIdsSaysWhich() throws IOException {
		Path file = write(VALID.replace("    token-file: /run/secrets/okta", "    auth: private-key"));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageContaining("idsync.okta.client-id and idsync.okta.key-id are required with auth private-key");
	}

	@Test
	void loadWhenEntitlementGroupsMissingSaysWhatToList() throws IOException {
		Path file = write(VALID.replace("    token-file: /run/secrets/okta", "    entitlement:\n      mode: groups"));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageStartingWith("idsync.okta.entitlement.groups is empty");
	}

	@Test
	void loadWhenPrecedenceNamesAnUnknownSourceSaysWhichAreConfigured() throws IOException {
		Path file = write(VALID + "  merge:\n    precedence: [hr, okta]\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("idsync.merge.precedence names 'hr', which is not a configured identity source. "
					+ "Configured: [okta].");
	}

	@Test
	void loadWhenReconcileSectionIsGoodBindsIt() throws IOException {
		// given every property of idsync.reconcile, and a bot with its own token age
		Path file = write(VALID.replace("      owner: alice@example.com\n",
				"      owner: alice@example.com\n      max-token-age: 30d\n") + """
				  reconcile:
				    domain-aliases:
				      - corp.example.com=example.com
				      - Mail.Example.com = example.com
				    username-rule: Template
				    username-template: "{f}{last}"
				    real-name-candidates: false
				    mappings-file: /etc/idsync/mappings.csv
				    exemptions-file: /etc/idsync/exemptions.csv
				    protected-accounts: [BreakGlass, idsync-bot]
				    token-max-age: 90d
				""");

		// when
		IdsyncProperties properties = ConfigLoader.load(file);

		// then
		ReconcileProperties reconcile = properties.reconcile();
		assertThat(reconcile.aliases()).containsExactly(entry("corp.example.com", "example.com"),
				entry("mail.example.com", "example.com"));
		assertThat(reconcile.usernameRule()).isEqualTo("template");
		assertThat(reconcile.usernameTemplate()).isEqualTo("{f}{last}");
		assertThat(reconcile.realNameCandidates()).isFalse();
		assertThat(reconcile.mappingsFile()).isEqualTo(Path.of("/etc/idsync/mappings.csv"));
		assertThat(reconcile.exemptionsFile()).isEqualTo(Path.of("/etc/idsync/exemptions.csv"));
		assertThat(reconcile.protectedAccounts()).containsExactly("breakglass", "idsync-bot");
		assertThat(reconcile.tokenMaxAge()).isEqualTo(Duration.ofDays(90));
		assertThat(properties.bots()).singleElement()
			.isEqualTo(new BotProperties("ci-bot", "alice@example.com", Duration.ofDays(30)));
	}

	@Test
	void loadWhenReconcileSectionIsMissingUsesTheDefaults() throws IOException {
		assertThat(ConfigLoader.load(write(VALID)).reconcile()).isEqualTo(ReconcileProperties.defaults());
	}

	@Test
	void loadWhenUsernameRuleIsUnknownNamesTheRules() throws IOException {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(reconcile("    username-rule: nickname\n")))
			.withMessageMatching("idsync\\.reconcile\\.username-rule \\(line 11 of .*\\): 'nickname' is not one of "
					+ "attribute-or-local-part, local-part, attribute, template\\.");
	}

	@Test
	void loadWhenTemplateRuleHasNoTemplateSaysToSetIt() throws IOException {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(reconcile("    username-rule: template\n")))
			.withMessageStartingWith("idsync.reconcile.username-template is required with username-rule template");
	}

	@Test
	void loadWhenTemplateHasNoPlaceholderSaysEveryoneWouldShareAUsername() throws IOException {
		Path file = reconcile("    username-rule: template\n    username-template: admin\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageMatching("idsync\\.reconcile\\.username-template \\(line 12 of .*\\): 'admin' has no placeholder.*")
			.withMessageContaining("every person would get the same username");
	}

	@Test
	void loadWhenTemplateHasAnUnknownPlaceholderListsTheKnownOnes() throws IOException {
		Path file = reconcile("    username-rule: template\n    username-template: \"{first}.{middle}\"\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("idsync.reconcile.username-template (line 12 of " + file + "): '{middle}' is not a placeholder. "
					+ "Use {local}, {first}, {last}, {f}, {l}.");
	}

	@Test
	void loadWhenDomainAliasIsNotAliasEqualsCanonicalShowsTheForm() throws IOException {
		Path file = reconcile("    domain-aliases: [corp.example.com]\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("idsync.reconcile.domain-aliases: 'corp.example.com' is not alias=canonical, e.g. "
					+ "corp.example.com=example.com.");
	}

	@Test
	void loadWhenDomainAliasesChainSaysToMapStraightToTheCanonicalDomain() throws IOException {
		// given old.example.com -> corp.example.com -> example.com
		Path file = reconcile("    domain-aliases:\n      - old.example.com=corp.example.com\n"
				+ "      - corp.example.com=example.com\n");

		// when / then
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("idsync.reconcile.domain-aliases: 'corp.example.com' is both an alias and a canonical "
					+ "domain; map every alias straight to the canonical one.");
	}

	@Test
	void loadWhenTokenMaxAgeIsNotPositiveNamesTheProperty() throws IOException {
		for (String age : List.of("0d", "-30d")) {
			assertThatExceptionOfType(ConfigException.class)
				.isThrownBy(() -> ConfigLoader.load(reconcile("    token-max-age: " + age + "\n")))
				.as(age)
				.withMessageMatching("idsync\\.reconcile\\.token-max-age \\(line 11 of .*\\) must be positive, e\\.g\\. "
						+ "365d \\(default\\)\\.");
		}
	}

	@Test
	void loadWhenABotsMaxTokenAgeIsNotPositiveNamesTheBot() throws IOException {
		Path file = write(VALID.replace("      owner: alice@example.com\n",
				"      owner: alice@example.com\n      max-token-age: 0d\n"));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("idsync.bots[].max-token-age of bot 'ci-bot' must be positive, e.g. 90d.");
	}

	@Test
	void loadWhenYamlBrokenSaysSo() throws IOException {
		Path file = write("idsync:\n  okta: [unclosed\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageContaining("is not valid YAML");
	}

	@Test
	void loadWhenIndentedWithATabSaysWhereAndWhy() throws IOException {
		// given
		Path file = write(VALID.replace("    token-file:", "\ttoken-file:"));

		// when / then
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("The configuration file " + file + " is not valid YAML (line 4, column 1): a tab character in "
					+ "indentation; YAML indents with spaces. Replace the tab with spaces.");
	}

	@Test
	void loadWhenAKeyIsRepeatedNamesItsSectionAndBothLines() throws IOException {
		// given
		Path file = write(VALID.replace("    url: https://phorge.example.com\n",
				"    url: https://phorge.example.com\n    timeout: 10s\n    url: https://phorge2.example.com\n"));

		// when / then
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("The configuration file " + file + " is not valid YAML (line 8, column 5): duplicate key "
					+ "'url' under idsync.phorge, lines 6 and 8. Keep one of them.");
	}

	@Test
	void loadWhenAKeyOfAListItemIsRepeatedNamesTheItem() throws IOException {
		Path file = write(VALID + "      owner: bob@example.com\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageEndingWith("(line 10, column 7): duplicate key 'owner' under idsync.bots[0], lines 9 and 10. "
					+ "Keep one of them.");
	}

	@Test
	void loadWhenAQuoteIsNeverClosedSaysWhereItOpens() throws IOException {
		Path file = write(VALID.replace("url: https://phorge.example.com", "url: \"https://phorge.example.com"));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("The configuration file " + file + " is not valid YAML (line 6, column 10): the quoted value "
					+ "that starts here is never closed. Add the closing quote.");
	}

	@Test
	void loadWhenAKeyIsIndentedWronglySaysWhichLine() throws IOException {
		Path file = write(VALID.replace("    token-file:", "   token-file:"));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("The configuration file " + file + " is not valid YAML (line 4, column 4): this line is "
					+ "indented differently from the other keys of the section that starts at line 2, column 3. "
					+ "Indent every key of a section by the same number of spaces.");
	}

	@Test
	void loadWhenAValueHoldsColonSpaceSaysToQuoteIt() throws IOException {
		Path file = write(VALID.replace("owner: alice@example.com", "owner: Alice: CI"));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageStartingWith("The configuration file " + file + " is not valid YAML (line 9, column 19): a "
					+ "': ' that YAML cannot place. Quote a value that contains ': '");
	}

	@Test
	void loadWhenYamlIsBrokenOtherwiseStillSaysLineAndColumn() throws IOException {
		Path file = write(VALID + "  report: *undefined\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("The configuration file " + file + " is not valid YAML (line 10, column 11): found undefined "
					+ "alias undefined. Every property is explained in jobs/nightly-sync/idsync.example.yml.");
	}

	@Test
	void loadWhenNotUtf8SaysWhereTheFirstBadByteIs() throws IOException {
		// given the valid configuration saved as ISO-8859-1, with an accent on line 8
		Path file = Files.write(this.dir.resolve("idsync.yml"),
				VALID.replace("ci-bot", "café-bot").getBytes(StandardCharsets.ISO_8859_1));

		// when / then
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("The configuration file " + file + " is not UTF-8 text: byte 0xE9 at line 8, column 20 (byte "
					+ "offset 155) is not valid UTF-8; the file may be in ISO-8859-1 or windows-1252. Save it as UTF-8 "
					+ "text; see jobs/nightly-sync/idsync.example.yml.");
	}

	@Test
	void loadWhenUtf16SaysToSaveItAsUtf8() throws IOException {
		Path file = Files.write(this.dir.resolve("idsync.yml"), VALID.getBytes(StandardCharsets.UTF_16));
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("The configuration file " + file + " is UTF-16 text; idsync reads UTF-8. Save it as UTF-8 "
					+ "text; see jobs/nightly-sync/idsync.example.yml.");
	}

	@Test
	void loadWhenBinarySaysItIsNotATextFile() throws IOException {
		// given the start of a PNG image
		Path file = Files.write(this.dir.resolve("idsync.yml"),
				new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' });

		// when / then
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("The configuration file " + file + " is not a text file: it holds the control byte 0x1A at "
					+ "line 2 (byte offset 6). Point --config at idsync's YAML configuration, saved as UTF-8 text.");
	}

	@Test
	void loadWhenOneByteOverOneMebibyteRefusesIt() throws IOException {
		// given a valid configuration padded with a comment to one byte over the limit
		Path file = write(padded(ConfigFile.MAX_BYTES + 1));

		// when / then
		assertThat(file).hasSize(1_048_577);
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("The configuration file " + file + " is too large: 1048577 bytes, over the 1 MiB (1048576 "
					+ "bytes) that idsync reads; a configuration is a few kilobytes. Point --config at your idsync "
					+ "YAML file (see jobs/nightly-sync/idsync.example.yml).");
		assertThat(ConfigLoader.load(write(padded(ConfigFile.MAX_BYTES))).phorge().url())
			.isEqualTo("https://phorge.example.com");
	}

	@Test
	void loadWhenFiftyMegabytesRefusesItWithoutReadingIt() throws IOException {
		// given a sparse file of 50 MB
		Path file = this.dir.resolve("idsync.yml");
		try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
			sparse.setLength(50L * 1024 * 1024);
		}

		// when / then
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageStartingWith("The configuration file " + file + " is too large: 52428800 bytes");
	}

	@Test
	@Timeout(30)
	void loadWhenThousandsOfPropertiesAreUnknownListsTenAndCountsTheRest() throws IOException {
		// given 2,000 unknown keys under idsync
		Path file = write(VALID + unknownKeys("  unknown-", 2000));

		// when / then
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageStartingWith("Unknown configuration property idsync.unknown-0 (line 10 of " + file + "), "
					+ "idsync.unknown-1 (line 11 of " + file + "), ")
			.withMessageContaining("idsync.unknown-9 (line 19 of " + file + ") and 1990 more. Check its spelling")
			.withMessageNotContaining("idsync.unknown-10 ")
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(1000));
	}

	@Test
	@Timeout(30)
	void loadWhenAMebibyteOfPropertiesIsUnknownAnswersInSeconds() throws IOException {
		// given 30,000 unknown keys: Boot's own check filters all of them again for each one, minutes in all
		Path file = write(VALID + unknownKeys("  unknown-", 30_000));

		// when / then
		assertThat(Files.size(file)).isLessThan(ConfigFile.MAX_BYTES);
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageEndingWith(" and 29990 more. Check its spelling against jobs/nightly-sync/idsync.example.yml.");
	}

	@Test
	void loadWhenAPropertyOfALaterListItemIsMisspeltNamesIt() throws IOException {
		Path file = write(VALID + "    - username: deploy-bot\n      owner: bob@example.com\n      ownr: bob\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("Unknown configuration property idsync.bots[1].ownr (line 12 of " + file + "). Check its "
					+ "spelling against jobs/nightly-sync/idsync.example.yml.");
	}

	@Test
	void loadWhenManyPropertiesLieOutsideIdsyncListsTen() throws IOException {
		Path file = write(unknownKeys("unknown-", 50) + VALID);
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessageStartingWith("Unknown configuration property unknown-0 (line 1 of " + file + "), ")
			.withMessageContaining("unknown-9 (line 10 of " + file + ") and 40 more. Every property lives under");
	}

	@Test
	void loadWhenALimitsCountIsNegativeNamesItsTypeAndLine() throws IOException {
		Path file = write(VALID + "  remediation:\n    limits:\n      disable:\n        count: -1\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("idsync.remediation.limits.disable.count (line 13 of " + file + "): -1 is negative. Use 0 or "
					+ "more (default 10).");
	}

	@Test
	void loadWhenALimitsPercentIsOutOfRangeNamesItsTypeAndLine() throws IOException {
		Path file = write(VALID + "  remediation:\n    limits:\n      revoke-tokens:\n        count: 5\n"
				+ "        percent: 101\n");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
			.withMessage("idsync.remediation.limits.revoke-tokens.percent (line 14 of " + file + "): 101.0 is out of "
					+ "range. Use 0 to 100 (default 2).");
	}

	@Test
	void loadWhenWebhookSetBindsItWithDefaultsAndChecksTriggersAndItsUrl() throws IOException {
		// given
		Path webhook = write(VALID + "  notify:\n    webhook:\n      url-env: HOOK\n");
		Path wrongTrigger = this.dir.resolve("wrong.yml");
		Files.writeString(wrongTrigger, VALID + "  notify:\n    webhook:\n      send-on: [sometimes]\n");

		// when
		IdsyncProperties properties = ConfigLoader.load(webhook);

		// then
		assertThat(properties.notifications().webhook().sendOn()).containsExactly("new-drift", "gate");
		assertThat(properties.notifications().webhook().timeout()).hasSeconds(10);
		assertThat(ConfigLoader.load(write(VALID)).notifications().webhook()).isNull();
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(wrongTrigger))
			.withMessageContaining("idsync.notify.webhook.send-on: 'sometimes' is not a trigger");
		assertThat(Credentials.webhook(properties.notifications().webhook(), java.util.Map.of("HOOK",
				"https://hooks.example.com/T0/B0/secret")).reveal()).isEqualTo("https://hooks.example.com/T0/B0/secret");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> Credentials.webhook(
				properties.notifications().webhook(), java.util.Map.of("HOOK", "http://hooks.example.com/T0/B0/secret")))
			.withMessageContaining("is not an https URL")
			.withMessageNotContaining("secret");
	}

	@Test
	void loadWhenMetricsSetBindsThemWithDefaultsAndKeepsCredentialsOutOfMessages() throws IOException {
		// given
		Path metrics = write(VALID + "  metrics:\n    pushgateway:\n      url: https://idsync:pa55@pg.example.com/pg/\n"
				+ "    textfile: /var/lib/node_exporter/textfile/idsync.prom\n");

		// when
		IdsyncProperties properties = ConfigLoader.load(metrics);

		// then
		PushgatewayProperties pushgateway = properties.metrics().pushgateway();
		assertThat(pushgateway.job()).isEqualTo("idsync");
		assertThat(pushgateway.timeout()).hasSeconds(10);
		assertThat(pushgateway.endpoint()).isEqualTo("https://pg.example.com/pg");
		assertThat(pushgateway.userInfo()).isEqualTo("idsync:pa55");
		assertThat(pushgateway.toString()).doesNotContain("pa55");
		assertThat(properties.metrics().textfile()).hasFileName("idsync.prom");
		assertThat(properties.metrics().exported()).isTrue();
		assertThat(ConfigLoader.load(write(VALID)).metrics()).isEqualTo(MetricsProperties.none());
	}

	@Test
	void loadTheDocumentedExampleWithItsMetricsUncommented() throws IOException {
		// given
		String example = Files.readString(Path.of("jobs/nightly-sync/idsync.example.yml"));
		int metrics = example.indexOf("  # metrics:\n");
		String uncommented = example.substring(0, metrics) + example.substring(metrics).replace("\n  # ", "\n  ")
			.replaceFirst("^  # ", "  ");

		// when
		IdsyncProperties properties = ConfigLoader.load(write(uncommented));

		// then
		assertThat(properties.metrics().pushgateway().endpoint()).isEqualTo("http://pushgateway.monitoring:9091");
		assertThat(properties.metrics().pushgateway().job()).isEqualTo("idsync");
		assertThat(properties.metrics().textfile()).hasToString("/var/lib/node_exporter/textfile/idsync.prom");
	}

	@Test
	void loadWhenMetricsAreWrongNamesThePropertyAndTheFix() throws IOException {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(write(VALID + "  metrics:\n    pushgateway:\n      url: "
					+ "ftp://pg.example.com\n")))
			.withMessageStartingWith("idsync.metrics.pushgateway.url (line 12 of ")
			.withMessageContaining("'ftp://pg.example.com' is not an http(s) URL");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(write(VALID + "  metrics:\n    pushgateway:\n      url: "
					+ "http://idsync:pa55@pg.example.com:9091\n")))
			.withMessageStartingWith("idsync.metrics.pushgateway.url (line 12 of ")
			.withMessageContaining("'http://pg.example.com:9091' carries credentials over plain http")
			.withMessageNotContaining("pa55");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(write(VALID + "  metrics:\n    pushgateway:\n      job: idsync\n")))
			.withMessageContaining("idsync.metrics.pushgateway.url is required");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(write(VALID + "  metrics:\n    pushgateway:\n      url: "
					+ "http://127.0.0.1:9091\n      job: idsync/prod\n")))
			.withMessageStartingWith("idsync.metrics.pushgateway.job (line 13 of ")
			.withMessageContaining("'idsync/prod' is not a job name");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(write(VALID + "  metrics:\n    textfile: /var/lib/idsync.txt\n")))
			.withMessageStartingWith("idsync.metrics.textfile (line 11 of ")
			.withMessageContaining("'/var/lib/idsync.txt' does not end in .prom");
		assertThat(ConfigLoader.load(write(VALID + "  metrics:\n    pushgateway:\n      url: "
				+ "http://pushgateway.monitoring:9091\n")).metrics().pushgateway().userInfo()).isNull();
	}

	@Test
	void loadWhenFileMissingSaysSo() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(this.dir.resolve("nope.yml")))
			.withMessageContaining("does not exist");
	}

	/** The valid configuration and a comment, {@code size} bytes in all. */
	private static String padded(int size) {
		String comment = "# padding\n";
		return VALID + "#" + "x".repeat(size - VALID.length() - comment.length() - 1) + comment;
	}

	private static String unknownKeys(String prefix, int count) {
		StringBuilder keys = new StringBuilder();
		for (int i = 0; i < count; i++) {
			keys.append(prefix).append(i).append(": value\n");
		}
		return keys.toString();
	}

	private Path reconcile(String properties) throws IOException {
		return write(VALID + "  reconcile:\n" + properties);
	}

	private Path write(String yaml) throws IOException {
		return Files.writeString(this.dir.resolve("idsync.yml"), yaml);
	}

}
