package dev.idsync.remediate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Confidence;
import dev.idsync.domain.Finding;

/**
 * Decides which action, if any, a finding calls for.
 */
public final class Planner {

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
					? action(ActionType.DISABLE, finding, "account is enabled")
					: action(ActionType.FLAG_FOR_REVIEW, finding, "none: a medium-confidence match is too weak to act on");
			case ORPHAN -> action(ActionType.DISABLE, finding, "account is enabled and no identity claims it");
			case PENDING_APPROVAL -> (finding.confidence() == Confidence.HIGH)
					? action(ActionType.APPROVE, finding, "account is not approved")
					: action(ActionType.FLAG_FOR_REVIEW, finding, "none: a medium-confidence match is too weak to act on");
			case REENABLE_CANDIDATE -> (finding.confidence() == Confidence.HIGH)
					? action(ActionType.ENABLE, finding, "account is disabled, by idsync")
					: action(ActionType.FLAG_FOR_REVIEW, finding, "none: a medium-confidence match is too weak to act on");
			case LEAVER_HAS_TOKENS -> action(ActionType.REVOKE_TOKENS, finding, "account is disabled and holds live "
					+ "API tokens");
			case BOT_NO_OWNER, BOT_OWNER_LEFT, LINKED_DISABLED, PRIVILEGED_DRIFT, TOKEN_STALE ->
				action(ActionType.FLAG_FOR_REVIEW, finding, "none: a human decides");
			case LINKED_OK, DISPUTED, UNLINKED_CANDIDATE, EXEMPT, MAILING_LIST, UNLINKED_DISABLED, JOINER_NO_ACCOUNT,
					SOURCE_CONFLICT, UNVERIFIED, ATTRIBUTE_DRIFT, EXEMPTION_EXPIRED ->
				Optional.empty();
		};
	}

	private static Optional<Action> action(ActionType type, Finding finding, String precondition) {
		if (finding.username() == null || finding.phid() == null) {
			return Optional.empty();
		}
		return Optional.of(new Action(type, finding.phid(), finding.username(), finding.category(), precondition));
	}

}
