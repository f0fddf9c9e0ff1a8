package dev.idsync.batch;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.source.CredentialCheck;

/**
 * Proves every system's credential with its cheapest authenticated request (Conduit's {@code user.whoami} first, then
 * each identity source's token or one user) before the long reads: a refused credential fails the run at once, naming
 * the property that holds it, and so does a system that does not answer (which is then not asked again in the run),
 * instead of either being found after every other system has been read.
 */
final class CheckCredentialsTasklet implements Tasklet {

	private static final Log log = LogFactory.getLog("dev.idsync.job");

	private final List<CredentialCheck> checks;

	CheckCredentialsTasklet(List<CredentialCheck> checks) {
		this.checks = List.copyOf(checks);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		for (CredentialCheck check : this.checks) {
			log.info("credential accepted: " + check.check());
			contribution.incrementReadCount();
		}
		return RepeatStatus.FINISHED;
	}

}
