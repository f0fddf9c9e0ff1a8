package dev.idsync.batch;

import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.domain.Exemption;
import dev.idsync.domain.ManualMapping;
import dev.idsync.store.MappingStore;
import dev.idsync.store.StagingStore;

/**
 * Stages what admins decided for this run: manual mappings (file and table), exemptions (file and table) and the
 * protected accounts. A file that cannot be read or has a bad line fails the run before any source is read. A restart
 * does not stage them again: the write guard checks every write against them as they stand at that moment.
 */
final class StageReconcileInputsTasklet implements Tasklet {

	private final ReconcileInputs inputs;

	private final MappingStore mappings;

	private final StagingStore staging;

	StageReconcileInputsTasklet(ReconcileInputs inputs, MappingStore mappings, StagingStore staging) {
		this.inputs = inputs;
		this.mappings = mappings;
		this.staging = staging;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String runId = RunParameters.runId(contribution.getStepExecution());
		List<ManualMapping> mapped = this.inputs.mappings();
		this.staging.deleteMappings(runId);
		this.staging.insertMappings(runId, mapped);
		List<Exemption> exempt = this.inputs.exemptions();
		this.mappings.deleteStagedExemptions(runId);
		this.mappings.stageExemptions(runId, exempt);
		contribution.incrementWriteCount(mapped.size() + exempt.size());
		return RepeatStatus.FINISHED;
	}

}
