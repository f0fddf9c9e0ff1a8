package dev.idsync.reconcile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.Account;
import dev.idsync.domain.AccountCase;
import dev.idsync.domain.BotOwnership;
import dev.idsync.domain.Candidate;
import dev.idsync.domain.Category;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.Finding;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.Person;

/**
 * Decides the state of every account and of every identity nobody matched, with the evidence for it.
 */
public final class Classifier {

	/** Findings that conclude from someone's absence or inactivity: never drawn from an incomplete read. */
	private static final Set<Category> RESTS_ON_ABSENCE = EnumSet.of(Category.LEAVER_ACTIVE, Category.ORPHAN,
			Category.NOT_ENTITLED, Category.BOT_OWNER_LEFT);

	private Classifier() {
	}

	/**
	 * Classifies one Phorge account: exactly one account-state finding per account. A finding that rests on absence
	 * or inactivity (leaver, orphan, not entitled, owner left) becomes {@link Category#UNVERIFIED} when any source
	 * was incomplete: the missing part might hold the very person or record that would contradict it.
	 * @param accountCase the account, the people who claim it and, for a bot, its owner
	 * @param completeness how completely the run read its sources
	 * @return the finding
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
	 * @param claimed whether any account was matched to the person
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
	 * Classifies one Phorge account, every source complete.
	 * @param accountCase the account, the people who claim it and, for a bot, its owner
	 * @return the finding
	 */
	public static Finding classify(AccountCase accountCase) {
		Account account = accountCase.account();
		Finding finding = switch (account.kind()) {
			case LIST -> of(Category.MAILING_LIST, account, null, "mailing lists are never people",
					List.of(describe(account)), null);
			case BOT -> bot(account, accountCase.botOwnership());
			case HUMAN -> human(account, accountCase.candidates());
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
	 * @return a joiner finding for an active person, nothing otherwise
	 */
	public static Optional<Finding> classifyUnclaimed(Person person) {
		if (!person.lifecycle().isActive() || !person.entitled()) {
			return Optional.empty();
		}
		return Optional.of(new Finding(Category.JOINER_NO_ACCOUNT, null, null, person.key(),
				"an active identity that no Phorge account matches by email or username", List.of(describe(person)),
				null));
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

	private static Finding human(Account account, List<Candidate> candidates) {
		if (candidates.isEmpty()) {
			return account.disabled()
					? of(Category.UNLINKED_DISABLED, account, null, "a disabled account nobody claims needs nothing",
							List.of(describe(account)), null)
					: of(Category.ORPHAN, account, null,
							"an enabled human account must belong to an identity (by email or username)",
							List.of(describe(account), "no identity in any source matched it"), null);
		}
		if (candidates.size() > 1 || candidates.get(0).accountsClaimed() > 1) {
			return disputed(account, candidates);
		}
		Candidate only = candidates.get(0);
		List<String> evidence = List.of(describe(account), describe(only.person()), describe(only));
		if (only.person().lifecycle().isInactive()) {
			return account.disabled()
					? linked(Category.LINKED_OK, account, only, "a leaver's account is disabled", evidence)
					: linked(Category.LEAVER_ACTIVE, account, only,
							"an identity inactive in every source must not have an enabled account", evidence);
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
			case EMAIL -> "matched by email " + candidate.detail() + " (high confidence)";
			case UNVERIFIED_EMAIL -> "matched by email " + candidate.detail() + ", an address the account holds but "
					+ "never verified (medium confidence)";
			case USERNAME -> "matched by username rule: @" + candidate.detail()
					+ " is the local part of the primary email (medium confidence)";
			case MANUAL -> "mapped manually: " + candidate.detail() + " (high confidence)";
			case LINK -> "linked by an earlier run: " + candidate.detail() + " (high confidence)";
			case EXTERNAL_ID -> "linked in Phorge to external account " + candidate.detail() + " (high confidence)";
			case REAL_NAME -> "real name \"" + candidate.detail() + "\" equals the identity's (low confidence, "
					+ "never acted on)";
		};
	}

}
