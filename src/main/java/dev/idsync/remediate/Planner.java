package dev.idsync.remediate;

import java.util.Optional;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Confidence;
import dev.idsync.domain.Finding;

/**
 * Decides which action, if any, a finding calls for.
 */
public final class Planner {

	private Planner() {
	}

	/**
	 * The action a finding calls for. Only high-confidence correlations lead to a change; weaker ones, disputes and
	 * bots are flagged for a human; what could not be verified is never acted on.
	 * @param finding the finding
	 * @return the action, or nothing when the finding needs none
	 */
	public static Optional<Action> plan(Finding finding) {
		return switch (finding.category()) {
			case LEAVER_ACTIVE, NOT_ENTITLED -> (finding.confidence() == Confidence.HIGH)
					? action(ActionType.DISABLE, finding, "account is enabled")
					: action(ActionType.FLAG_FOR_REVIEW, finding, "none: a username match is too weak to act on");
			case ORPHAN -> action(ActionType.DISABLE, finding, "account is enabled and no identity claims it");
			case PENDING_APPROVAL -> (finding.confidence() == Confidence.HIGH)
					? action(ActionType.APPROVE, finding, "account is not approved")
					: action(ActionType.FLAG_FOR_REVIEW, finding, "none: a username match is too weak to act on");
			case BOT_NO_OWNER, BOT_OWNER_LEFT, LINKED_DISABLED ->
				action(ActionType.FLAG_FOR_REVIEW, finding, "none: a human decides");
			case LINKED_OK, DISPUTED, MAILING_LIST, UNLINKED_DISABLED, JOINER_NO_ACCOUNT, SOURCE_CONFLICT, UNVERIFIED,
					UNLINKED_CANDIDATE, EXEMPT, ATTRIBUTE_DRIFT, EXEMPTION_EXPIRED ->
				Optional.empty();
			case REENABLE_CANDIDATE, PRIVILEGED_DRIFT, TOKEN_STALE, LEAVER_HAS_TOKENS ->
				action(ActionType.FLAG_FOR_REVIEW, finding, "none: a human decides");
		};
	}

	private static Optional<Action> action(ActionType type, Finding finding, String precondition) {
		if (finding.username() == null || finding.phid() == null) {
			return Optional.empty();
		}
		return Optional.of(new Action(type, finding.phid(), finding.username(), finding.category(), precondition));
	}

}
