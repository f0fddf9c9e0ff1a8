package dev.idsync.batch;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.idsync.domain.Completeness;
import dev.idsync.domain.Finding;
import dev.idsync.domain.PersonCase;
import dev.idsync.reconcile.Classifier;
import dev.idsync.store.RunStore;

/**
 * Classifies each person (joiner, contradiction between sources), knowing how completely the run read its sources.
 */
final class ClassifyPersonProcessor implements ItemProcessor<PersonCase, List<Finding>>, StepExecutionListener {

	private final RunStore runs;

	private Completeness completeness = Completeness.complete();

	ClassifyPersonProcessor(RunStore runs) {
		this.runs = runs;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.completeness = Completeness.of(this.runs.reads(RunParameters.runId(stepExecution)));
	}

	@Override
	public @Nullable List<Finding> process(PersonCase person) {
		List<Finding> findings = Classifier.classifyPerson(person.person(), person.claimed(), this.completeness);
		return findings.isEmpty() ? null : findings;
	}

}
