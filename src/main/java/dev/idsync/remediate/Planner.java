package dev.idsync.remediate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Confidence;
import dev.idsync.domain.Finding;
import dev.idsync.domain.Precondition;

/**
 * Decides which action, if any, a finding calls for.
 */
public final class Planner {

	/** The categories that call for an action of some kind. */
	public static final Set<Category> ACTING = Set.copyOf(EnumSet.of(Category.LEAVER_ACTIVE, Category.NOT_ENTITLED,
			Category.ORPHAN, Category.PENDING_APPROVAL, Category.REENABLE_CANDIDATE, Category.LEAVER_HAS_TOKENS,
			Category.BOT_NO_OWNER, Category.BOT_OWNER_LEFT, Category.LINKED_DISABLED, Category.PRIVILEGED_DRIFT,
			Category.TOKEN_STALE));

	private Planner() {
	}

	/**
	 * The actions an account's findings call for: none at all when the account is exempt or protected.
	 * @param findings every finding of one account in one run
	 * @return the actions, possibly none
	 */
	public static List<Action> planAccount(List<Finding> findings) {
		if (findings.stream().anyMatch((finding) -> finding.category() == Category.EXEMPT)) {
			return List.of();
		}
		List<Action> actions = new ArrayList<>();
		findings.forEach((finding) -> plan(finding).ifPresent(actions::add));
		return actions;
	}

	/**
	 * The action a finding calls for. Only high-confidence correlations lead to a change; weaker ones, bots, tokens
	 * and privileges are flagged for a human; disputes, low-confidence candidates, exempt accounts and what could not
	 * be verified are never acted on.
	 * @param finding the finding
	 * @return the action, or nothing when the finding needs none
	 */
	public static Optional<Action> plan(Finding finding) {
		return switch (finding.category()) {
			case LEAVER_ACTIVE, NOT_ENTITLED -> (finding.confidence() == Confidence.HIGH)
					? action(ActionType.DISABLE, finding, Precondition.ENABLED)
					: review(finding);
			case ORPHAN -> action(ActionType.DISABLE, finding, Precondition.ENABLED);
			case PENDING_APPROVAL -> (finding.confidence() == Confidence.HIGH)
					? action(ActionType.APPROVE, finding, Precondition.NOT_APPROVED)
					: review(finding);
			case REENABLE_CANDIDATE -> (finding.confidence() == Confidence.HIGH)
					? action(ActionType.ENABLE, finding, Precondition.DISABLED_BY_IDSYNC)
					: review(finding);
			case LEAVER_HAS_TOKENS -> action(ActionType.REVOKE_TOKENS, finding, Precondition.DISABLED_WITH_TOKENS);
			case BOT_NO_OWNER, BOT_OWNER_LEFT, LINKED_DISABLED, PRIVILEGED_DRIFT, TOKEN_STALE -> review(finding);
			case LINKED_OK, DISPUTED, UNLINKED_CANDIDATE, EXEMPT, MAILING_LIST, UNLINKED_DISABLED, JOINER_NO_ACCOUNT,
					SOURCE_CONFLICT, UNVERIFIED, ATTRIBUTE_DRIFT, EXEMPTION_EXPIRED ->
				Optional.empty();
		};
	}

	/** A medium-confidence match, a bot, a token or a privilege: too weak or too sensitive to act on alone. */
	private static Optional<Action> review(Finding finding) {
		return action(ActionType.FLAG_FOR_REVIEW, finding, Precondition.NONE);
	}

	private static Optional<Action> action(ActionType type, Finding finding, Precondition precondition) {
		if (finding.username() == null || finding.phid() == null) {
			return Optional.empty();
		}
		return Optional.of(new Action(type, finding.phid(), finding.username(), finding.category(), precondition));
	}

}
