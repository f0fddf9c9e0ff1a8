package dev.idsync.batch;

import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.config.WebhookProperties;
import dev.idsync.notify.Webhook;
import dev.idsync.report.ChatNotification;
import dev.idsync.report.RunSummary;
import dev.idsync.store.FindingStore;
import dev.idsync.store.RunStore;

/**
 * Tells the configured webhook about the run, once its report is written, when the run calls for it. A notification
 * that fails is logged and changes nothing: the report and the exit code are what the run is judged by.
 */
final class NotifyTasklet implements Tasklet {

	private static final Log log = LogFactory.getLog("dev.idsync.job");

	private final RunStore runs;

	private final FindingStore findings;

	private final JobSettings settings;

	NotifyTasklet(RunStore runs, FindingStore findings, JobSettings settings) {
		this.runs = runs;
		this.findings = findings;
		this.settings = settings;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		WebhookProperties webhook = this.settings.properties().notifications().webhook();
		StepExecution step = contribution.getStepExecution();
		if (webhook == null || this.settings.credentials().webhook() == null) {
			return RepeatStatus.FINISHED;
		}
		String runId = RunParameters.runId(step);
		RunSummary summary = new RunReports(this.runs, this.findings).summary(runId,
				RunParameters.describeMode(step.getJobParameters()), this.settings.clock().instant());
		if (!ChatNotification.due(summary, webhook.sendOn())) {
			return RepeatStatus.FINISHED;
		}
		String folder = step.getJobExecution().getExecutionContext().getString(WriteReportTasklet.REPORT_PATH);
		String report = (webhook.reportUrl() != null) ? webhook.reportUrl().replaceAll("/+$", "") + "/" + runId
				+ "/report.html" : Path.of(folder).toAbsolutePath().resolve("report.html").toString();
		try {
			new Webhook(this.settings.credentials().webhook(), webhook.timeout())
				.post(ChatNotification.body(summary, report));
			log.info("notified the webhook about run " + runId);
		}
		catch (RuntimeException ex) {
			// the one place a failure is logged and the run goes on: a notification must never fail the run
			log.warn("the webhook notification of run " + runId + " failed: " + ex.getMessage() + ". The report and "
					+ "the exit code are unchanged.");
		}
		return RepeatStatus.FINISHED;
	}

}
