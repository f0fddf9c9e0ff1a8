package dev.idsync.source.phorge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.idsync.config.PhorgeProperties;
import dev.idsync.config.RetryProperties;
import dev.idsync.config.Secret;
import dev.idsync.sim.Faults;
import dev.idsync.sim.phorge.ConduitSimServer;
import dev.idsync.sim.phorge.InMemoryPhorgeDirectory;
import dev.idsync.sim.phorge.PhorgeUser;
import dev.idsync.sim.phorge.ReferenceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Account writes and the capability probe against the simulated recorded instance, on a current Phorge and on an
 * older Phabricator without {@code user.edit}.
 */
class ConduitAccountAdminTests {

	private static final String BOT = "PHID-USER-y553oueprtkrwtbxjttc";

	private static final String DAVE = "PHID-USER-o4wj67oupcb3sp3ffk3u";

	private static final String SYBIL = "PHID-USER-ht32pzjqy3ectrqotx4w";

	private static final String NADIA = "PHID-USER-5rhj6izfzvsqo7wwepmi";

	private InMemoryPhorgeDirectory directory;

	private ConduitSimServer server;

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void setDisabledDisablesOnceThenReportsNoChangeThenEnables() {
		// given
		Conduit conduit = start(Set.of(), Set.of(), ReferenceInstance.ADMIN_TOKEN);

		// when
		AccountChange disabled = conduit.setDisabled(DAVE, true);
		AccountChange again = conduit.setDisabled(DAVE, true);
		AccountChange enabled = conduit.setDisabled(DAVE, false);

		// then
		assertThat(disabled.before().disabled()).isFalse();
		assertThat(disabled.after().disabled()).isTrue();
		assertThat(disabled.changed()).isTrue();
		assertThat(disabled.method()).isEqualTo("user.edit");
		assertThat(disabled.transactionPhids()).singleElement().asString().matches("PHID-XACT-USER-[a-z2-7]{15}");
		assertThat(again.changed()).isFalse();
		assertThat(again.transactionPhids()).isEmpty();
		assertThat(again.before()).isEqualTo(again.after());
		assertThat(enabled.changed()).isTrue();
		assertThat(enabled.after().disabled()).isFalse();
		assertThat(user(DAVE).disabled()).isFalse();
		assertThat(this.server.calls("user.edit")).isEqualTo(3);
	}

	@Test
	void setApprovedByAdminApprovesAnUnapprovedAccount() {
		// given
		Conduit conduit = start(Set.of(), Set.of(), ReferenceInstance.ADMIN_TOKEN);

		// when
		AccountChange change = conduit.setApproved(SYBIL, true);

		// then
		assertThat(change.before().approved()).isFalse();
		assertThat(change.after().approved()).isTrue();
		assertThat(change.changed()).isTrue();
		assertThat(change.transactionPhids()).hasSize(1);
		assertThat(user(SYBIL).approved()).isTrue();
	}

	@Test
	void setApprovedByBotThatIsNoAdminFailsAsValidation() {
		// given
		Conduit conduit = start(Set.of(BOT), Set.of(), ReferenceInstance.BOT_TOKEN);

		// when / then
		assertThatExceptionOfType(ConduitException.class).isThrownBy(() -> conduit.setApproved(SYBIL, true))
			.withMessageContaining("You must be an administrator to approve users.")
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ConduitFailure.VALIDATION));
		assertThat(user(SYBIL).approved()).isFalse();
	}

	@Test
	void setDisabledByBotWithoutCanDisableUsersFailsAsPermissionWithTheFix() {
		// given
		Conduit conduit = start(Set.of(), Set.of(), ReferenceInstance.BOT_TOKEN);

		// when / then
		assertThatExceptionOfType(ConduitException.class).isThrownBy(() -> conduit.setDisabled(DAVE, true))
			.withMessageContaining("(Can Disable Users)")
			.withMessageContaining("Applications › People › Configure › Can Disable Users must include idsync's bot")
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ConduitFailure.PERMISSION);
				assertThat(ex.errorCode()).isEqualTo("ERR-CONDUIT-CORE");
			});
		assertThat(user(DAVE).disabled()).isFalse();
	}

	@Test
	void setDisabledByBotHoldingCanDisableUsersDisablesAnAdministrator() {
		// given
		Conduit conduit = start(Set.of(BOT), Set.of(), ReferenceInstance.BOT_TOKEN);

		// when
		AccountChange change = conduit.setDisabled(NADIA, true);

		// then
		assertThat(change.changed()).isTrue();
		assertThat(change.before().admin()).isTrue();
		assertThat(user(NADIA).disabled()).isTrue();
	}

	@Test
	void setDisabledOfTheBotItselfFailsAsValidation() {
		// given
		Conduit conduit = start(Set.of(BOT), Set.of(), ReferenceInstance.BOT_TOKEN);

		// when / then
		assertThatExceptionOfType(ConduitException.class).isThrownBy(() -> conduit.setDisabled(BOT, true))
			.withMessageContaining("You can not enable or disable your own account.")
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ConduitFailure.VALIDATION));
	}

	@Test
	void setDisabledOfAnUnknownPhidFailsAsBadPhidWithoutWriting() {
		// given
		Conduit conduit = start(Set.of(), Set.of(), ReferenceInstance.ADMIN_TOKEN);

		// when / then
		assertThatExceptionOfType(ConduitException.class)
			.isThrownBy(() -> conduit.setDisabled("PHID-USER-doesnotexist00000000", true))
			.withMessageContaining("PHID-USER-doesnotexist00000000")
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ConduitFailure.BAD_PHID));
		assertThat(this.server.calls("user.edit")).isZero();
	}

	@Test
	void setDisabledWithoutUserEditFallsBackToTheDeprecatedMethodsAndRemembers() {
		// given
		Conduit conduit = start(Set.of(), ConduitSimServer.BEFORE_USER_EDIT, ReferenceInstance.ADMIN_TOKEN);

		// when
		AccountChange disabled = conduit.setDisabled(DAVE, true);
		AccountChange enabled = conduit.setDisabled(DAVE, false);
		AccountChange again = conduit.setDisabled(DAVE, false);

		// then
		assertThat(disabled.method()).isEqualTo("user.disable");
		assertThat(disabled.before().disabled()).isFalse();
		assertThat(disabled.after().disabled()).isTrue();
		assertThat(disabled.changed()).isTrue();
		assertThat(disabled.transactionPhids()).isEmpty();
		assertThat(enabled.method()).isEqualTo("user.enable");
		assertThat(enabled.changed()).isTrue();
		assertThat(again.changed()).isFalse();
		assertThat(user(DAVE).disabled()).isFalse();
		assertThat(this.server.calls("user.edit")).isEqualTo(1);
		assertThat(this.server.calls("user.disable")).isEqualTo(1);
		assertThat(this.server.calls("user.enable")).isEqualTo(2);
	}

	@Test
	void setDisabledWithoutUserEditByBotThatIsNoAdminFailsAsPermission() {
		// given
		Conduit conduit = start(Set.of(BOT), ConduitSimServer.BEFORE_USER_EDIT, ReferenceInstance.BOT_TOKEN);

		// when / then
		assertThatExceptionOfType(ConduitException.class).isThrownBy(() -> conduit.setDisabled(DAVE, true))
			.withMessageContaining("Only admins can call this method.")
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ConduitFailure.PERMISSION);
				assertThat(ex.method()).isEqualTo("user.disable");
			});
		assertThat(user(DAVE).disabled()).isFalse();
	}

	@Test
	void setApprovedWithoutUserEditFailsClearlyAndChangesNothing() {
		// given
		Conduit conduit = start(Set.of(), ConduitSimServer.BEFORE_USER_EDIT, ReferenceInstance.ADMIN_TOKEN);

		// when / then
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(ConduitException.class).isThrownBy(() -> conduit.setApproved(SYBIL, true))
				.withMessageContaining("no older Conduit method approves accounts")
				.withMessageContaining(SYBIL)
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ConduitFailure.UNKNOWN_METHOD));
		}
		assertThat(user(SYBIL).approved()).isFalse();
		assertThat(this.server.calls("user.edit")).isEqualTo(1);
	}

	@Test
	void probeWhenTheBotHoldsCanDisableUsersSaysSoAndLeavesTheBotEnabled() {
		// given
		Conduit conduit = start(Set.of(BOT), Set.of(), ReferenceInstance.BOT_TOKEN);

		// when
		DisableUsersProbe probe = conduit.probeCanDisableUsers();

		// then
		assertThat(probe.canDisableUsers()).isTrue();
		assertThat(probe.bot().phid()).isEqualTo(BOT);
		assertThat(probe.bot().bot()).isTrue();
		assertThat(probe.evidence()).contains("You can not enable or disable your own account.");
		assertThat(user(BOT).disabled()).isFalse();
	}

	@Test
	void probeWhenTheBotLacksCanDisableUsersSaysSoAndLeavesTheBotEnabled() {
		// given
		Conduit conduit = start(Set.of(), Set.of(), ReferenceInstance.BOT_TOKEN);

		// when
		DisableUsersProbe probe = conduit.probeCanDisableUsers();

		// then
		assertThat(probe.canDisableUsers()).isFalse();
		assertThat(probe.evidence()).contains("(Can Disable Users)");
		assertThat(user(BOT).disabled()).isFalse();
	}

	@Test
	void probeWithoutUserEditFailsAsUnknownMethod() {
		// given
		Conduit conduit = start(Set.of(BOT), ConduitSimServer.BEFORE_USER_EDIT, ReferenceInstance.BOT_TOKEN);

		// when / then
		assertThatExceptionOfType(ConduitException.class).isThrownBy(conduit::probeCanDisableUsers)
			.withMessageContaining("Conduit API method \"user.edit\" does not exist.")
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ConduitFailure.UNKNOWN_METHOD));
	}

	private Conduit start(Set<String> disablers, Set<String> absentMethods, String token) {
		this.directory = ReferenceInstance.directory(disablers);
		this.server = new ConduitSimServer(this.directory,
				Clock.fixed(Instant.ofEpochSecond(ReferenceInstance.NOW), ZoneOffset.UTC), 0, null, "vm",
				Faults.none(), absentMethods);
		return new Conduit(new PhorgeProperties(this.server.baseUrl(), null, "UNSET", 4, Duration.ofSeconds(5),
				new RetryProperties(2, Duration.ofMillis(1), Duration.ofMillis(1)), null), Secret.of(token),
				(pause) -> {
				});
	}

	private PhorgeUser user(String phid) {
		return this.directory.userByPhid(phid).orElseThrow();
	}

}
