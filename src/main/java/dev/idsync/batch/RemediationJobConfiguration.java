package dev.idsync.batch;

import java.time.Duration;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import dev.idsync.remediate.AccountAdmin;
import dev.idsync.remediate.Applier;
import dev.idsync.remediate.CurrentRules;
import dev.idsync.remediate.Pacer;
import dev.idsync.source.phorge.Conduit;
import dev.idsync.store.FindingStore;
import dev.idsync.store.JournalStore;
import dev.idsync.store.LinkStore;
import dev.idsync.store.LockedStore;
import dev.idsync.store.RunStore;
import dev.idsync.store.StagingStore;

/**
 * Remediation: the safety gates and apply steps of {@code nightlySyncJob}, and the jobs {@code applyPlanJob}
 * ({@code idsync apply PLAN}) and {@code undoRunJob} ({@code idsync undo RUN_ID}).
 */
@Configuration(proxyBeanMethods = false)
class RemediationJobConfiguration {

	static final String APPLY_PLAN_JOB = "applyPlanJob";

	static final String UNDO_RUN_JOB = "undoRunJob";

	@Bean
	Pacer pacer(JobSettings settings) {
		return new Pacer(settings.properties().remediation().writesPerMinute(), settings.clock(),
				RemediationJobConfiguration::sleep);
	}

	@Bean
	AccountAdmin accountAdmin(Conduit conduit, JournalStore journalStore, PhorgeDatabaseReads phorgeDatabaseReads,
			TokenWriter tokenWriter, JobSettings settings) {
		return new PhorgeAccountAdmin(conduit, journalStore, phorgeDatabaseReads.database(), tokenWriter.tokens(),
				settings.clock());
	}

	@Bean
	CurrentRules currentRules(ReconcileInputs reconcileInputs, Conduit conduit, LockedStore lockedStore,
			JobSettings settings) {
		return new StoreRules(reconcileInputs, conduit, lockedStore, settings.properties().remediation().allowAdmins(),
				settings.clock());
	}

	@Bean
	Step gateActionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunStore runStore, FindingStore findingStore, StagingStore stagingStore, LinkStore linkStore,
			JobSettings settings) {
		return new StepBuilder("gateActionsStep", jobRepository)
			.tasklet(new GateActionsTasklet(runStore, findingStore, stagingStore, linkStore,
					settings.properties().remediation().policy()), transactionManager)
			.listener(new StepProgressListener())
			.build();
	}

	/**
	 * Outside any transaction on idsync's database: each journal entry and each action's outcome is committed the
	 * moment it is known.
	 */
	@Bean
	Step applyActionsStep(JobRepository jobRepository, FindingStore findingStore, JournalStore journalStore,
			AccountAdmin accountAdmin, Pacer pacer, CurrentRules currentRules) {
		return new StepBuilder("applyActionsStep", jobRepository)
			.tasklet(new ApplyActionsTasklet(findingStore, journalStore, new Applier(accountAdmin, journalStore,
					pacer, currentRules), accountAdmin),
					new ResourcelessTransactionManager())
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Step writePlanStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunStore runStore, FindingStore findingStore, JobSettings settings) {
		return new StepBuilder("writePlanStep", jobRepository)
			.tasklet(new WritePlanTasklet(runStore, findingStore, settings.clock(),
					settings.properties().remediation().planTtl(), settings.properties().phorge().url()),
					transactionManager)
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Step undoActionsStep(JobRepository jobRepository, JournalStore journalStore, AccountAdmin accountAdmin,
			Pacer pacer, CurrentRules currentRules) {
		return new StepBuilder("undoActionsStep", jobRepository)
			.tasklet(new UndoRunTasklet(journalStore, new Applier(accountAdmin, journalStore, pacer, currentRules),
					accountAdmin), new ResourcelessTransactionManager())
			.listener(new StepProgressListener())
			.build();
	}

	/** {@code idsync apply PLAN}: the plan's run applies its planned actions, then rewrites its report. */
	@Bean
	Job applyPlanJob(JobRepository jobRepository, RunStore runStore, JobSettings settings, Step applyActionsStep,
			Step writeReportStep, Step notifyStep) {
		return new JobBuilder(APPLY_PLAN_JOB, jobRepository)
			.listener(new RunRecordListener(runStore, settings.clock()))
			.start(applyActionsStep)
			.next(writeReportStep)
			.next(notifyStep)
			.build();
	}

	@Bean
	Job undoRunJob(JobRepository jobRepository, Step undoActionsStep) {
		return new JobBuilder(UNDO_RUN_JOB, jobRepository).start(undoActionsStep).build();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while pacing writes to Phorge", ex);
		}
	}

}
