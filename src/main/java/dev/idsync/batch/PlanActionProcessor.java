package dev.idsync.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.PlannedAction;
import dev.idsync.remediate.ActionContext;
import dev.idsync.remediate.Capabilities;
import dev.idsync.remediate.Hold;
import dev.idsync.remediate.Holds;
import dev.idsync.remediate.Planner;
import dev.idsync.remediate.RemediationPolicy;
import dev.idsync.source.phorge.Conduit;
import dev.idsync.source.phorge.Whoami;
import dev.idsync.store.FindingStore;

/**
 * Turns each finding into its action, held back where a never-touch rule or a grace period says so; the rest wait
 * for the run's safety gates ({@link ActionStatus#WOULD_APPLY} until then).
 */
final class PlanActionProcessor implements ItemProcessor<FindingStore.Actionable, PlannedAction>,
		StepExecutionListener {

	private final RemediationPolicy policy;

	private final Conduit conduit;

	private final Clock clock;

	private Instant now;

	private @Nullable String self;

	private Capabilities capabilities = new Capabilities(false, false);

	private final boolean canRevokeTokens;

	PlanActionProcessor(RemediationPolicy policy, Conduit conduit, Clock clock, boolean canRevokeTokens) {
		this.canRevokeTokens = canRevokeTokens;
		this.policy = policy;
		this.conduit = conduit;
		this.clock = clock;
		this.now = clock.instant();
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.now = this.clock.instant();
		// idsync never acts on its own bot: one user.whoami per run says which account that is
		Whoami whoami = this.conduit.whoami();
		this.self = whoami.phid();
		// approvals need an administrator; token revocation needs write access to Phorge's token table
		this.capabilities = new Capabilities(whoami.admin(), this.canRevokeTokens);
	}

	@Override
	public @Nullable PlannedAction process(FindingStore.Actionable item) {
		Optional<Action> planned = Planner.plan(item.finding());
		if (planned.isEmpty()) {
			return null;
		}
		Action action = planned.get();
		ActionContext context = new ActionContext(action, item.finding().history(), item.inactiveSince(),
				(item.accountCreated() != null) ? item.accountCreated() : Instant.EPOCH, item.admin(),
				action.phid().equals(this.self));
		Optional<Hold> hold = Holds.of(context, this.policy, this.now, this.capabilities);
		return hold.map((held) -> new PlannedAction(action, held.status(), held.reason()))
			.orElseGet(() -> new PlannedAction(action, ActionStatus.WOULD_APPLY, null));
	}

}
