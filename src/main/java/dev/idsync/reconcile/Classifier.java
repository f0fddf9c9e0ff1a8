package dev.idsync.reconcile;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.Account;
import dev.idsync.domain.AccountCase;
import dev.idsync.domain.AccountDetails;
import dev.idsync.domain.AccountFacts;
import dev.idsync.domain.AccountKind;
import dev.idsync.domain.BotOwnership;
import dev.idsync.domain.Candidate;
import dev.idsync.domain.Category;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.Confidence;
import dev.idsync.domain.Exemption;
import dev.idsync.domain.Finding;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.Person;

/**
 * Decides the state of every account and of every identity nobody matched, with the evidence for it. Every account
 * gets exactly one account-state finding per run ({@link Category#accountState()}), to which token, attribute,
 * privilege and exemption findings may add.
 */
public final class Classifier {

	/** Findings that conclude from someone's absence or inactivity: never drawn from an incomplete read. */
	private static final Set<Category> RESTS_ON_ABSENCE = EnumSet.of(Category.LEAVER_ACTIVE, Category.ORPHAN,
			Category.NOT_ENTITLED, Category.BOT_OWNER_LEFT);

	private Classifier() {
	}

	/**
	 * Classifies one Phorge account: its state first, then any additional findings (ATTRIBUTE_DRIFT,
	 * PRIVILEGED_DRIFT, TOKEN_STALE, LEAVER_HAS_TOKENS, EXEMPTION_EXPIRED). A state that rests on absence or inactivity
	 * (leaver, orphan, not entitled, owner left) becomes {@link Category#UNVERIFIED} when any source was incomplete: the
	 * missing part might hold the very person or record that would contradict it. An exempt or protected account is
	 * {@link Category#EXEMPT}, with the state it would otherwise have as evidence.
	 * @param accountCase the account, the people who claim it, its owner (bots), database details and idsync's facts
	 * @param completeness how completely the run read its sources
	 * @param rules the run-wide settings
	 * @return the findings, the account's state first
	 */
	public static List<Finding> classifyAll(AccountCase accountCase, Completeness completeness, Rules rules) {
		Finding state = classify(accountCase, completeness);
		AccountFacts facts = accountCase.facts();
		Exemption exemption = facts.exemption();
		List<Finding> findings = new ArrayList<>();
		if (exemption != null && exemption.holdsOn(rules.today())) {
			List<String> evidence = new ArrayList<>();
			evidence.add(exemption.describe());
			evidence.add("would otherwise be " + state.category() + ": " + state.rule());
			evidence.addAll(state.evidence());
			findings.add(new Finding(Category.EXEMPT, state.username(), state.phid(), state.identity(),
					(exemption.expires() == null) ? "a protected account is reported but never acted on"
							: "an exempt account is reported but never acted on until its exemption expires",
					evidence, state.matchedBy()));
		}
		else {
			findings.add(state);
		}
		Account account = accountCase.account();
		if (exemption != null && !exemption.holdsOn(rules.today())) {
			findings.add(additional(Category.EXEMPTION_EXPIRED, state,
					"an expired exemption no longer holds: renew it or drop it", List.of(exemption.describe())));
		}
		attributeDrift(accountCase, state).ifPresent(findings::add);
		privilegedDrift(accountCase, state, rules).ifPresent(findings::add);
		AccountDetails details = accountCase.details();
		if (details != null) {
			Duration maxAge = (facts.maxTokenAge() != null) ? facts.maxTokenAge() : rules.tokenMaxAge();
			Long oldest = details.oldestLiveToken();
			if (oldest != null && Duration.between(Instant.ofEpochSecond(oldest), rules.now()).compareTo(maxAge) > 0) {
				long days = Duration.between(Instant.ofEpochSecond(oldest), rules.now()).toDays();
				findings.add(additional(Category.TOKEN_STALE, state,
						"a live API token must be rotated before it is older than " + maxAge.toDays() + " days",
						List.of("phorge database: oldest live API token created " + Instant.ofEpochSecond(oldest)
								+ ", " + days + " days ago (limit " + maxAge.toDays() + " days); "
								+ details.liveTokens() + " live in all")));
			}
			if (account.disabled() && details.liveTokens() > 0) {
				findings.add(additional(Category.LEAVER_HAS_TOKENS, state,
						"a disabled account's API tokens must be revoked: Phorge keeps them on disable and they work "
								+ "again if the account is re-enabled",
						List.of(describe(account), "phorge database: " + details.liveTokens() + " live API token"
								+ ((details.liveTokens() == 1) ? "" : "s"))));
			}
		}
		return findings;
	}

	/**
	 * Classifies one Phorge account's state, knowing how completely the run read its sources (no exemption applied).
	 * @param accountCase the account, the people who claim it and, for a bot, its owner
	 * @param completeness how completely the run read its sources
	 * @return the state finding
	 */
	public static Finding classify(AccountCase accountCase, Completeness completeness) {
		Finding finding = classify(accountCase);
		return (!completeness.all() && RESTS_ON_ABSENCE.contains(finding.category()))
				? unverified(finding, completeness) : finding;
	}

	/**
	 * Classifies a person: {@link Category#JOINER_NO_ACCOUNT} for an active, entitled person nobody matched (when the
	 * sources allow concluding it), and {@link Category#SOURCE_CONFLICT} when the sources contradict each other.
	 * @param person the person
	 * @param claimed whether any account was matched to the person, by any method
	 * @param completeness how completely the run read its sources
	 * @return the person's findings, possibly none
	 */
	public static List<Finding> classifyPerson(Person person, boolean claimed, Completeness completeness) {
		List<Finding> findings = new ArrayList<>();
		if (!claimed) {
			classifyUnclaimed(person).map((joiner) -> completeness.all() ? joiner : unverified(joiner, completeness))
				.ifPresent(findings::add);
		}
		if (person.conflict() != null) {
			findings.add(new Finding(Category.SOURCE_CONFLICT, null, null, person.key(),
					"sources that contradict each other are reported, never silently resolved",
					List.of(describe(person), "conflict: " + person.conflict()), null));
		}
		return findings;
	}

	/**
	 * Classifies one Phorge account's state, every source complete.
	 * @param accountCase the account, the people who claim it and, for a bot, its owner
	 * @return the state finding
	 */
	public static Finding classify(AccountCase accountCase) {
		Account account = accountCase.account();
		Finding finding = switch (account.kind()) {
			case LIST -> of(Category.MAILING_LIST, account, null, "mailing lists are never people",
					List.of(describe(account)), null);
			case BOT -> bot(account, accountCase.botOwnership());
			case HUMAN -> human(account, accountCase.candidates(), accountCase.facts());
		};
		if (accountCase.details() == null) {
			return finding;
		}
		List<String> evidence = new ArrayList<>(finding.evidence());
		evidence.add(accountCase.details().describe());
		return new Finding(finding.category(), finding.username(), finding.phid(), finding.identity(), finding.rule(),
				evidence, finding.matchedBy());
	}

	/**
	 * Classifies a person no account was matched to.
	 * @param person the person
	 * @return a joiner finding for an active, entitled person, nothing otherwise
	 */
	public static Optional<Finding> classifyUnclaimed(Person person) {
		if (!person.lifecycle().isActive() || !person.entitled()) {
			return Optional.empty();
		}
		return Optional.of(new Finding(Category.JOINER_NO_ACCOUNT, null, null, person.key(),
				"an active identity that no Phorge account matches by any correlation rule", List.of(describe(person)),
				null));
	}

	/**
	 * A person's name as names are compared: Unicode-normalised (NFC), whitespace collapsed.
	 * @param name a display or real name
	 * @return the name to compare
	 */
	public static String normalizeName(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFC).trim().replaceAll("\\s+", " ");
	}

	private static Finding bot(Account bot, @Nullable BotOwnership ownership) {
		if (ownership == null) {
			return of(Category.BOT_NO_OWNER, bot, null, "every bot needs an owner in idsync.bots",
					List.of(describe(bot), "idsync.bots: no entry for " + bot.username()), null);
		}
		Person owner = ownership.owner();
		if (owner == null || !owner.lifecycle().isActive()) {
			String said = (owner != null) ? describe(owner)
					: "owner " + ownership.ownerEmail() + ": no identity source has a person with this primary email";
			return new Finding(Category.BOT_OWNER_LEFT, bot.username(), bot.phid(), ownership.ownerEmail(),
					"a bot's owner must be an active identity", List.of(describe(bot), said), null);
		}
		return new Finding(Category.LINKED_OK, bot.username(), bot.phid(), owner.key(),
				"a bot is linked to its configured, active owner", List.of(describe(bot), describe(owner)), null);
	}

	private static Finding human(Account account, List<Candidate> claims, AccountFacts facts) {
		// a real name is only a proposal: it never competes with a stronger claim
		List<Candidate> all = claims.stream().anyMatch((c) -> c.method().confidence() != Confidence.LOW)
				? claims.stream().filter((c) -> c.method().confidence() != Confidence.LOW).toList() : claims;
		List<Candidate> manual = all.stream().filter((c) -> c.method() == MatchMethod.MANUAL).toList();
		List<Candidate> candidates = manual.isEmpty() ? all : manual;
		if (candidates.isEmpty()) {
			List<String> evidence = new ArrayList<>();
			evidence.add(describe(account));
			evidence.addAll(facts.linkContradictions());
			return account.disabled()
					? of(Category.UNLINKED_DISABLED, account, null, "a disabled account nobody claims needs nothing",
							evidence, null)
					: of(Category.ORPHAN, account, null,
							"an enabled human account must belong to an identity (by any correlation rule)",
							withLine(evidence, "no identity in any source matched it"), null);
		}
		if (candidates.stream().allMatch((c) -> c.method().confidence() == Confidence.LOW)) {
			List<String> evidence = new ArrayList<>();
			evidence.add(describe(account));
			candidates.forEach((c) -> evidence.add(describe(c.person()) + " | " + describe(c)));
			return account.disabled()
					? of(Category.UNLINKED_DISABLED, account, null, "a disabled account nobody claims needs nothing; "
							+ "a real name alone does not link it", evidence, null)
					: of(Category.UNLINKED_CANDIDATE, account, (candidates.size() == 1)
							? candidates.get(0).person().key() : null,
							"a real name alone never links an account: a human confirms it with a manual mapping",
							evidence, MatchMethod.REAL_NAME);
		}
		if (manual.isEmpty() && !facts.linkContradictions().isEmpty()) {
			List<String> evidence = new ArrayList<>();
			evidence.add(describe(account));
			candidates.forEach((c) -> evidence.add(describe(c.person()) + " | " + describe(c)));
			evidence.addAll(facts.linkContradictions());
			return of(Category.DISPUTED, account, (candidates.size() == 1) ? candidates.get(0).person().key() : null,
					"evidence that contradicts an earlier link is reported, never silently relinked: confirm the "
							+ "right identity with a manual mapping",
					evidence, (candidates.size() == 1) ? candidates.get(0).method() : null);
		}
		if (candidates.size() > 1 || (manual.isEmpty() && candidates.get(0).accountsClaimed() > 1)) {
			return disputed(account, candidates);
		}
		Candidate only = candidates.get(0);
		List<String> evidence = new ArrayList<>(List.of(describe(account), describe(only.person()), describe(only)));
		if (!manual.isEmpty() && all.size() > manual.size()) {
			evidence.add("the manual mapping settles " + (all.size() - manual.size()) + " weaker claim(s): "
					+ String.join("; ", all.stream().filter((c) -> c.method() != MatchMethod.MANUAL)
						.map((c) -> c.person().key() + " " + c.method()).toList()));
		}
		if (only.person().lifecycle().isInactive()) {
			return account.disabled()
					? linked(Category.LINKED_OK, account, only, "a leaver's account is disabled", evidence)
					: linked(Category.LEAVER_ACTIVE, account, only,
							"an identity inactive in every source must not have an enabled account", evidence);
		}
		if (only.person().lifecycle() == Lifecycle.PENDING) {
			return linked(Category.LINKED_OK, account, only, "a person who has not started yet is neither a joiner "
					+ "nor a leaver: their account is left as it is until they start", evidence);
		}
		if (!only.person().entitled()) {
			return account.disabled()
					? linked(Category.LINKED_OK, account, only, "a person outside Phorge's entitlement has a disabled "
							+ "account", evidence)
					: linked(Category.NOT_ENTITLED, account, only,
							"a person outside Phorge's entitlement (group or app assignment) must not have an enabled "
									+ "account",
							evidence);
		}
		if (account.disabled()) {
			if (facts.disabledByIdsync() != null && only.person().lifecycle().isActive()) {
				return linked(Category.REENABLE_CANDIDATE, account, only,
						"idsync disabled this account, and its person is active and entitled again",
						withLine(evidence, facts.disabledByIdsync()));
			}
			return linked(Category.LINKED_DISABLED, account, only,
					"an active person's account was disabled outside idsync; idsync re-enables only what it disabled",
					evidence);
		}
		if (!account.approved()) {
			return linked(Category.PENDING_APPROVAL, account, only, "an active person's account awaits approval",
					evidence);
		}
		return linked(Category.LINKED_OK, account, only, "an active person's account is enabled", evidence);
	}

	/** The account's real name differs from its one linked person's name (enabled human accounts only). */
	private static Optional<Finding> attributeDrift(AccountCase accountCase, Finding state) {
		Account account = accountCase.account();
		Candidate only = single(accountCase);
		if (account.kind() != AccountKind.HUMAN || account.disabled() || only == null
				|| state.category() == Category.DISPUTED) {
			return Optional.empty();
		}
		String phorge = normalizeName(account.realName());
		String identity = normalizeName(only.person().displayName());
		if (phorge.equals(identity)) {
			return Optional.empty();
		}
		return Optional.of(additional(Category.ATTRIBUTE_DRIFT, state,
				"an account's real name follows its identity's name",
				List.of("phorge: @" + account.username() + " real name \"" + account.realName() + "\"",
						"identity " + only.person().key() + ": name \"" + only.person().displayName() + "\" ("
								+ only.person().sources() + ")")));
	}

	/** An enabled human administrator outside the admin groups, or without MFA where Phorge's database shows it. */
	private static Optional<Finding> privilegedDrift(AccountCase accountCase, Finding state, Rules rules) {
		Account account = accountCase.account();
		if (!account.admin() || account.disabled() || account.kind() != AccountKind.HUMAN) {
			return Optional.empty();
		}
		List<String> reasons = new ArrayList<>();
		Candidate only = single(accountCase);
		// with admin groups read completely, a person no source lists in them is outside them (a person only in a
		// source without admin groups included)
		boolean outside = Boolean.FALSE.equals(only != null ? only.person().adminMember() : null)
				|| (only != null && only.person().adminMember() == null && rules.adminGroupsKnown());
		if (outside) {
			reasons.add("identity " + only.person().key() + " is in no configured admin group");
		}
		else if (only == null && rules.adminGroupsKnown()) {
			reasons.add("no single identity claims it, so nobody in the configured admin groups answers for it");
		}
		AccountDetails details = accountCase.details();
		if (details != null && Boolean.FALSE.equals(details.mfa())) {
			reasons.add("phorge database: not enrolled in MFA");
		}
		if (reasons.isEmpty()) {
			return Optional.empty();
		}
		List<String> evidence = new ArrayList<>();
		evidence.add(describe(account));
		evidence.addAll(reasons);
		return Optional.of(additional(Category.PRIVILEGED_DRIFT, state,
				"a Phorge administrator must be in a configured admin group and enrolled in MFA", evidence));
	}

	/** The one person linked to the account at medium confidence or better (a manual mapping settles others). */
	private static @Nullable Candidate single(AccountCase accountCase) {
		List<Candidate> strong = accountCase.candidates().stream()
			.filter((c) -> c.method().confidence() != Confidence.LOW).toList();
		List<Candidate> manual = strong.stream().filter((c) -> c.method() == MatchMethod.MANUAL).toList();
		List<Candidate> candidates = manual.isEmpty() ? strong : manual;
		if (candidates.size() != 1 || (manual.isEmpty() && candidates.get(0).accountsClaimed() > 1)
				|| (manual.isEmpty() && !accountCase.facts().linkContradictions().isEmpty())) {
			return null;
		}
		return candidates.get(0);
	}

	private static Finding additional(Category category, Finding state, String rule, List<String> evidence) {
		return new Finding(category, state.username(), state.phid(), state.identity(), rule, evidence,
				state.matchedBy());
	}

	private static Finding unverified(Finding finding, Completeness completeness) {
		List<String> evidence = new ArrayList<>(finding.evidence());
		completeness.incomplete().forEach((source) -> evidence.add("incomplete source " + source));
		return new Finding(Category.UNVERIFIED, finding.username(), finding.phid(), finding.identity(),
				"would be " + finding.category() + ", but a source was read incompletely, so it cannot be concluded",
				evidence, finding.matchedBy());
	}

	private static Finding disputed(Account account, List<Candidate> candidates) {
		List<String> evidence = new ArrayList<>();
		evidence.add(describe(account));
		for (Candidate candidate : candidates) {
			evidence.add(describe(candidate.person()) + " | " + describe(candidate)
					+ ((candidate.accountsClaimed() > 1) ? " | claims " + candidate.accountsClaimed() + " accounts"
							: ""));
		}
		String identity = (candidates.size() == 1) ? candidates.get(0).person().key() : null;
		MatchMethod method = (candidates.size() == 1) ? candidates.get(0).method() : null;
		return of(Category.DISPUTED, account, identity,
				"an account and an identity are linked only when each has exactly one counterpart", evidence, method);
	}

	private static Finding linked(Category category, Account account, Candidate candidate, String rule,
			List<String> evidence) {
		return of(category, account, candidate.person().key(), rule, evidence, candidate.method());
	}

	private static Finding of(Category category, Account account, @Nullable String identity, String rule,
			List<String> evidence, @Nullable MatchMethod method) {
		return new Finding(category, account.username(), account.phid(), identity, rule, evidence, method);
	}

	private static List<String> withLine(List<String> lines, String line) {
		List<String> all = new ArrayList<>(lines);
		all.add(line);
		return all;
	}

	static String describe(Account account) {
		List<String> state = new ArrayList<>();
		state.add(account.disabled() ? "disabled" : "enabled");
		state.add(account.approved() ? "approved" : "not approved");
		if (account.admin()) {
			state.add("admin");
		}
		return "phorge: @" + account.username() + " (" + account.kind().name().toLowerCase(Locale.ROOT) + ") "
				+ String.join(", ", state);
	}

	static String describe(Person person) {
		return "identity " + person.key() + ": " + person.sources()
				+ (person.entitled() ? "" : "; outside Phorge's entitlement");
	}

	static String describe(Candidate candidate) {
		return switch (candidate.method()) {
			case MANUAL -> "mapped manually: " + candidate.detail() + " (high confidence)";
			case LINK -> "linked by an earlier run: " + candidate.detail() + " (high confidence)";
			case EXTERNAL_ID -> "phorge database: linked to external account " + candidate.detail()
					+ " (high confidence)";
			case EMAIL -> "matched by email " + candidate.detail() + " (high confidence)";
			case UNVERIFIED_EMAIL -> "matched by email " + candidate.detail() + ", an address the account holds but "
					+ "never verified (medium confidence)";
			case USERNAME -> "matched by the username rule: @" + candidate.detail()
					+ " is the username derived for the identity (medium confidence)";
			case REAL_NAME -> "real name \"" + candidate.detail() + "\" equals the identity's (low confidence, "
					+ "never acted on)";
		};
	}

}
