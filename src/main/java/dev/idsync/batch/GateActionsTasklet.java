package dev.idsync.batch;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.GateResult;
import dev.idsync.domain.Mode;
import dev.idsync.remediate.Gates;
import dev.idsync.remediate.RemediationPolicy;
import dev.idsync.remediate.RunFacts;
import dev.idsync.store.FindingStore;
import dev.idsync.store.LinkStore;
import dev.idsync.store.RunStore;
import dev.idsync.store.StagingStore;

/**
 * Evaluates the run's safety gates over every action the findings call for (those held by grace periods included),
 * records them, and moves the actions the gates let through to what the mode does with them: reported
 * ({@code report}, {@code --dry-run}), written to the plan ({@code plan}) or applied next ({@code apply}).
 */
final class GateActionsTasklet implements Tasklet {

	private final RunStore runs;

	private final FindingStore findings;

	private final StagingStore staging;

	private final LinkStore links;

	private final RemediationPolicy policy;

	GateActionsTasklet(RunStore runs, FindingStore findings, StagingStore staging, LinkStore links,
			RemediationPolicy policy) {
		this.runs = runs;
		this.findings = findings;
		this.staging = staging;
		this.links = links;
		this.policy = policy;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = contribution.getStepExecution();
		String runId = RunParameters.runId(step);
		JobParameters parameters = step.getJobParameters();
		Completeness completeness = Completeness.of(this.runs.reads(runId));
		if (completeness.accounts()) {
			this.staging.dropStaleProvenance(runId);
		}
		RunFacts facts = new RunFacts(completeness, !this.links.anyBefore(runId), this.staging.humanAccounts(runId),
				Path.of(String.valueOf(parameters.getString(RunParameters.REPORT_DIR)), runId, "report.json")
					.toString());
		Map<ActionType, Map<ActionStatus, Long>> counts = this.findings.countByTypeAndStatus(runId);
		List<GateResult> gates = Gates.evaluate(facts, count(counts, true), count(counts, false), policy(parameters));
		this.runs.recordGates(runId, gates);
		if (!Gates.passed(gates)) {
			String reason = gates.stream().filter((gate) -> !gate.passed()).map(GateResult::gate)
				.reduce((a, b) -> a + ", " + b).map((failed) -> "stopped by the safety gate " + failed).orElse(null);
			this.findings.promote(runId, ActionStatus.WOULD_APPLY, ActionStatus.HELD_GATE, reason);
		}
		else if (RunParameters.mode(parameters) == Mode.PLAN) {
			this.findings.promote(runId, ActionStatus.WOULD_APPLY, ActionStatus.PLANNED, null);
		}
		else if (RunParameters.applies(parameters)) {
			this.findings.promote(runId, ActionStatus.WOULD_APPLY, ActionStatus.PENDING, null);
		}
		// in report mode and dry runs they stay WOULD_APPLY: what apply would do now
		return RepeatStatus.FINISHED;
	}

	private RemediationPolicy policy(JobParameters parameters) {
		RemediationPolicy allowed = this.policy;
		if ("true".equals(parameters.getString(RunParameters.ALLOW_FIRST_RUN))) {
			allowed = allowed.allowingFirstRun();
		}
		Integer mass = RunParameters.allowMassChange(parameters);
		return (mass != null) ? allowed.allowingMassChange(mass) : allowed;
	}

	/** Per type: every action the findings call for (with those held by grace), or only those held by grace. */
	private static Map<ActionType, Long> count(Map<ActionType, Map<ActionStatus, Long>> counts, boolean calledFor) {
		Map<ActionType, Long> byType = new EnumMap<>(ActionType.class);
		counts.forEach((type, byStatus) -> byType.put(type, byStatus.getOrDefault(ActionStatus.HELD_GRACE, 0L)
				+ (calledFor ? byStatus.getOrDefault(ActionStatus.WOULD_APPLY, 0L) : 0L)));
		return byType;
	}

}
