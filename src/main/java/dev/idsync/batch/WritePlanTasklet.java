package dev.idsync.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.domain.Completeness;
import dev.idsync.domain.Mode;
import dev.idsync.domain.Plan;
import dev.idsync.domain.PlannedAction;
import dev.idsync.report.AtomicFile;
import dev.idsync.report.PlanJson;
import dev.idsync.store.CloseableIterator;
import dev.idsync.store.FindingStore;
import dev.idsync.store.RunStore;

/**
 * In plan mode, writes {@code plan.json} (to {@code idsync plan -o FILE}, else into the run's report folder)
 * atomically, and records its hash so that {@code idsync apply} refuses an edited plan.
 */
final class WritePlanTasklet implements Tasklet {

	static final String PLAN_PATH = "idsync.planPath";

	private final RunStore runs;

	private final FindingStore findings;

	private final Clock clock;

	private final Duration ttl;

	private final String phorge;

	WritePlanTasklet(RunStore runs, FindingStore findings, Clock clock, Duration ttl, String phorge) {
		this.runs = runs;
		this.findings = findings;
		this.clock = clock;
		this.ttl = ttl;
		this.phorge = phorge;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobParameters parameters = contribution.getStepExecution().getJobParameters();
		if (RunParameters.mode(parameters) != Mode.PLAN) {
			return RepeatStatus.FINISHED;
		}
		String runId = RunParameters.runId(contribution.getStepExecution());
		Completeness completeness = Completeness.of(this.runs.reads(runId));
		List<Plan.Item> items = new ArrayList<>();
		try (CloseableIterator<PlannedAction> actions = this.findings.actions(runId)) {
			actions.forEachRemaining((planned) -> items.add(new Plan.Item(planned, this.findings
				.finding(runId, planned.action().phid(), planned.action().because()).orElse(null))));
		}
		Instant now = this.clock.instant();
		Plan plan = new Plan(runId, now, now.plus(this.ttl), this.phorge, completeness.all(), completeness.incomplete(),
				this.runs.gates(runId), items);
		PlanJson.Written written = new PlanJson().write(plan);
		String file = parameters.getString(RunParameters.PLAN_FILE);
		Path target = (file != null) ? Path.of(file)
				: Path.of(String.valueOf(parameters.getString(RunParameters.REPORT_DIR)), runId, "plan.json");
		write(target, written.content());
		this.runs.recordPlan(runId, written.hash(), plan.createdAt(), plan.expiresAt());
		contribution.getStepExecution().getJobExecution().getExecutionContext().putString(PLAN_PATH,
				target.toString());
		return RepeatStatus.FINISHED;
	}

	private static void write(Path target, byte[] content) {
		try {
			Files.createDirectories(target.toAbsolutePath().getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the plan to " + target + ": " + ex.getMessage(), ex);
		}
		AtomicFile.write(target, (out) -> {
			out.write(content);
			return content.length;
		});
	}

}
