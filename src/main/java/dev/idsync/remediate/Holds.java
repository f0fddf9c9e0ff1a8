package dev.idsync.remediate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;

/**
 * Decides, one action at a time, what is never touched and what a grace period holds back: a pure function of the
 * action, its finding's history and the policy.
 */
public final class Holds {

	private Holds() {
	}

	/**
	 * Why an action is not applied now, whatever the run's gates say.
	 * @param context the action and what the rules look at
	 * @param policy the policy
	 * @param now the run's time
	 * @param capabilities what idsync's bot may do in Phorge
	 * @return the hold, or nothing when only the run's gates stand between the action and Phorge
	 */
	public static Optional<Hold> of(ActionContext context, RemediationPolicy policy, Instant now,
			Capabilities capabilities) {
		ActionType type = context.action().type();
		if (type == ActionType.FLAG_FOR_REVIEW) {
			return hold(ActionStatus.FOR_REVIEW, (context.action().because() == Category.TOKEN_STALE)
					? staleToken(context.action().username()) : "a human decides; idsync changes nothing");
		}
		if (context.self()) {
			return hold(ActionStatus.NEVER_TOUCHED, "idsync's own bot: never acted on");
		}
		if (context.admin() && !policy.allowAdmins()) {
			return hold(ActionStatus.NEVER_TOUCHED, "a Phorge administrator: idsync acts on administrators only "
					+ "with idsync.remediation.allow-admins: true");
		}
		if (type == ActionType.APPROVE && !capabilities.canApprove()) {
			return hold(ActionStatus.MANUAL, "only Phorge administrators approve accounts and idsync's bot is none: "
					+ "approve @" + context.action().username() + " under People › Approval Queue, or make the bot an "
					+ "administrator");
		}
		if (type == ActionType.REVOKE_TOKENS && !capabilities.canRevokeTokens()) {
			return hold(ActionStatus.MANUAL, "idsync has no write access to Phorge's conduit_token table: revoke them "
					+ "with 'bin/auth revoke --type conduit --from @" + context.action().username() + " --force' on the "
					+ "Phorge host, or terminate each under Settings › Conduit API Tokens");
		}
		return grace(context, policy, now);
	}

	/** How to rotate a stale token: by idsync, given sinks and a token writer, or by hand as Phorge allows. */
	private static String staleToken(String username) {
		return "rotate it: give @" + username + " sinks in idsync.bots (with idsync.phorge.database.token-writer) and "
				+ "idsync rotates it; by hand: generate a new token under /settings/user/" + username
				+ "/page/apitokens/ (for a bot; a person under their own Settings › Conduit API Tokens), deliver it, "
				+ "then terminate the old one there, or 'bin/auth revoke --type conduit --from @" + username
				+ " --force' on the Phorge host, which revokes every token of the account";
	}

	private static Optional<Hold> grace(ActionContext context, RemediationPolicy policy, Instant now) {
		Category because = context.action().because();
		int runs = (context.history() != null) ? context.history().runsSeen() : 1;
		if (because == Category.LEAVER_ACTIVE) {
			return leaverGrace(context, policy, now, runs);
		}
		if (because == Category.ORPHAN || because == Category.NOT_ENTITLED) {
			Duration age = Duration.between(context.accountCreated(), now);
			if (age.compareTo(policy.newAccountGrace()) < 0) {
				return hold(ActionStatus.HELD_GRACE, "a new account (created " + day(context.accountCreated())
						+ "): not disabled before it is " + days(policy.newAccountGrace()) + " old, on "
						+ day(context.accountCreated().plus(policy.newAccountGrace())));
			}
			if (runs < policy.driftGraceRuns()) {
				return hold(ActionStatus.HELD_GRACE, "seen in " + runs + " consecutive complete run" + plural(runs)
						+ ": disabled once seen in " + policy.driftGraceRuns());
			}
		}
		return Optional.empty();
	}

	/** A leaver waits until the sources have shown them inactive long enough, or idsync has seen it often enough. */
	private static Optional<Hold> leaverGrace(ActionContext context, RemediationPolicy policy, Instant now, int runs) {
		Instant since = earliest(context.inactiveSince(),
				(context.history() != null) ? context.history().firstSeen() : null, now);
		Instant due = since.plus(policy.leaverGrace());
		if (!now.isBefore(due) || runs >= policy.leaverGraceRuns()) {
			return Optional.empty();
		}
		return hold(ActionStatus.HELD_GRACE, "inactive since " + day(since) + ((context.inactiveSince() != null)
				? " per the identity sources" : " as idsync first saw it") + ": disabled on " + day(due) + " (after "
				+ days(policy.leaverGrace()) + ") or once seen in " + policy.leaverGraceRuns()
				+ " consecutive complete runs (" + runs + " so far)");
	}

	private static Instant earliest(@Nullable Instant a, @Nullable Instant b, Instant now) {
		Instant earliest = now;
		for (Instant candidate : new Instant[] { a, b }) {
			if (candidate != null && candidate.isBefore(earliest)) {
				earliest = candidate;
			}
		}
		return earliest;
	}

	private static Optional<Hold> hold(ActionStatus status, String reason) {
		return Optional.of(new Hold(status, reason));
	}

	private static String day(Instant instant) {
		return instant.toString().substring(0, 10);
	}

	private static String days(Duration duration) {
		long days = duration.toDays();
		return (days * 86_400 == duration.toSeconds()) ? days + " day" + plural(days) : duration.toString();
	}

	private static String plural(long count) {
		return (count == 1) ? "" : "s";
	}

}
