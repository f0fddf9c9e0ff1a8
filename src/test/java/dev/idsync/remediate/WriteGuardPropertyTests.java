package dev.idsync.remediate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mockito.stubbing.Answer;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Exemption;
import dev.idsync.domain.LiveAccount;
import dev.idsync.domain.Precondition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Whatever a plan or a journal says, the write guard lets no write reach an exempt, protected, own-bot or (without
 * {@code allow-admins}) administrator account: not by applying, not by settling a crash's intents, not by undoing.
 * Phorge is a Mockito mock, so that "never written" is checked on the port itself.
 */
class WriteGuardPropertyTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	private static final String SELF = "PHID-USER-u0";

	@Property(tries = 300)
	void noWriteReachesAGuardedAccount(@ForAll("accounts") List<Target> targets, @ForAll boolean allowAdmins,
			@ForAll("actions") List<Planned> plan, @ForAll("actions") List<Planned> journalled) {
		// given Phorge's accounts, the rules as they stand, and a journal with intents and applied writes
		Map<String, LiveAccount> phorge = new LinkedHashMap<>();
		targets.forEach((target) -> phorge.put(target.account().phid(), target.account()));
		AccountAdmin admin = phorge(phorge);
		FakeJournal journal = new FakeJournal();
		for (Planned entry : journalled) {
			Action action = entry.on(targets);
			long id = journal.intent("r0", action, phorge.get(action.phid()), null);
			if (entry.settled()) {
				journal.outcome(id, ActionStatus.APPLIED, phorge.get(action.phid()), "applied");
			}
		}
		WriteRules rules = new WriteRules(exemptions(targets), SELF, allowAdmins, TODAY);
		Applier applier = new Applier(admin, journal, new Pacer(60_000, Clock.systemUTC(), (wait) -> {
		}), () -> rules);

		// when idsync settles the journal, applies the plan and undoes what the journal says was applied
		applier.recover();
		for (Planned planned : plan) {
			Action action = planned.on(targets);
			applier.apply("r1", action, phorge.get(action.phid()));
		}
		List<Journal.Entry> applied = journal.rows.stream()
			.filter((row) -> row.runId().equals("r0") && row.status().equals("APPLIED"))
			.map((row) -> new Journal.Entry(row.id(), row.runId(), row.action(), null))
			.toList();
		for (Journal.Entry entry : applied) {
			applier.undo("u1", entry, phorge.get(entry.action().phid()));
		}

		// then no guarded account was written to, and each refusal was journalled as skipped
		for (Target target : targets) {
			if (target.guarded(allowAdmins)) {
				String phid = target.account().phid();
				verify(admin, never()).setDisabled(eq(phid), anyBoolean());
				verify(admin, never()).setApproved(eq(phid), anyBoolean());
				verify(admin, never()).revokeTokens(phid);
			}
		}
		assertThat(journal.rows).filteredOn((row) -> row.detail() != null
				&& row.detail().startsWith("refused by the write guard"))
			.allSatisfy((row) -> assertThat(row.status()).isEqualTo("SKIPPED"));
	}

	@Provide
	Arbitrary<List<Target>> accounts() {
		Arbitrary<Target> target = Combinators.combine(Arbitraries.of(Rule.values()), Arbitraries.of(true, false),
				Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
				Arbitraries.integers().between(0, 3))
			.as((rule, disabled, approved, admin, byIdsync, tokens) -> new Target(rule,
					new LiveAccount("", "", disabled, approved, disabled && byIdsync, tokens, admin)));
		return target.list().ofMinSize(1).ofMaxSize(12).map(WriteGuardPropertyTests::named);
	}

	@Provide
	Arbitrary<List<Planned>> actions() {
		Arbitrary<Planned> planned = Combinators.combine(Arbitraries.integers().between(0, 11),
				Arbitraries.of(ActionType.DISABLE, ActionType.ENABLE, ActionType.APPROVE, ActionType.REVOKE_TOKENS),
				Arbitraries.of(Precondition.values()), Arbitraries.of(true, false))
			.as(Planned::new);
		return planned.list().ofMaxSize(20);
	}

	/** Names the accounts u0 (idsync's own bot), u1, …, in Phorge's case-insensitive usernames. */
	private static List<Target> named(List<Target> targets) {
		List<Target> named = new ArrayList<>();
		for (int i = 0; i < targets.size(); i++) {
			LiveAccount a = targets.get(i).account();
			Rule rule = (i == 0) ? Rule.SELF : (targets.get(i).rule() == Rule.SELF) ? Rule.NONE : targets.get(i).rule();
			named.add(new Target(rule, new LiveAccount("PHID-USER-u" + i, (i % 2 == 0) ? "U" + i : "u" + i,
					a.disabled(), a.approved(), a.disabledByIdsync(), a.liveTokens(), a.admin())));
		}
		return named;
	}

	private static List<Exemption> exemptions(List<Target> targets) {
		List<Exemption> exemptions = new ArrayList<>();
		for (Target target : targets) {
			String username = target.account().username().toLowerCase(Locale.ROOT);
			switch (target.rule()) {
				case EXEMPT -> exemptions.add(new Exemption(username, "owner", "why", TODAY, "exemptions.csv:2"));
				case EXPIRED -> exemptions.add(new Exemption(username, "owner", "why", TODAY.minusDays(1),
						"exemptions.csv:3"));
				case PROTECTED -> exemptions.add(new Exemption(username, "idsync configuration", "protected", null,
						"idsync.reconcile.protected-accounts"));
				default -> {
				}
			}
		}
		return exemptions;
	}

	/** Phorge as a mock: reads answer the current state, writes change it (and the mock records them). */
	private static AccountAdmin phorge(Map<String, LiveAccount> accounts) {
		AccountAdmin admin = mock(AccountAdmin.class);
		when(admin.live(anyCollection())).thenAnswer((call) -> {
			Map<String, LiveAccount> live = new HashMap<>();
			for (Object phid : (Collection<?>) call.getArgument(0)) {
				if (accounts.containsKey(phid)) {
					live.put((String) phid, accounts.get(phid));
				}
			}
			return live;
		});
		Answer<LiveAccount> disable = (call) -> change(accounts, call.getArgument(0), call.getArgument(1), null);
		when(admin.setDisabled(anyString(), anyBoolean())).thenAnswer(disable);
		when(admin.setApproved(anyString(), anyBoolean()))
			.thenAnswer((call) -> change(accounts, call.getArgument(0), null, call.getArgument(1)));
		when(admin.revokeTokens(anyString())).thenAnswer((call) -> {
			LiveAccount a = accounts.get((String) call.getArgument(0));
			LiveAccount after = new LiveAccount(a.phid(), a.username(), a.disabled(), a.approved(),
					a.disabledByIdsync(), 0, a.admin());
			accounts.put(a.phid(), after);
			return after;
		});
		return admin;
	}

	private static LiveAccount change(Map<String, LiveAccount> accounts, String phid, Boolean disabled,
			Boolean approved) {
		LiveAccount a = accounts.get(phid);
		boolean nowDisabled = (disabled != null) ? disabled : a.disabled();
		LiveAccount after = new LiveAccount(phid, a.username(), nowDisabled,
				(approved != null) ? approved : a.approved(), nowDisabled, a.liveTokens(), a.admin());
		accounts.put(phid, after);
		return after;
	}

	/** What the rules say of an account. */
	enum Rule {

		NONE, EXEMPT, EXPIRED, PROTECTED, SELF

	}

	record Target(Rule rule, LiveAccount account) {

		boolean guarded(boolean allowAdmins) {
			return this.rule == Rule.EXEMPT || this.rule == Rule.PROTECTED || this.rule == Rule.SELF
					|| (this.account.admin() && !allowAdmins);
		}

	}

	/** An action on the {@code index}-th account (modulo their number), as a plan or a journal may hold it. */
	record Planned(int index, ActionType type, Precondition precondition, boolean settled) {

		Action on(List<Target> targets) {
			LiveAccount target = targets.get(this.index % targets.size()).account();
			return new Action(this.type, target.phid(), target.username(), Category.LEAVER_ACTIVE, this.precondition);
		}

	}

}
