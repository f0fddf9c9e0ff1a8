package dev.idsync.batch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.idsync.config.BotProperties;
import dev.idsync.domain.AccountCase;
import dev.idsync.domain.AccountKind;
import dev.idsync.domain.BotOwnership;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.Finding;
import dev.idsync.reconcile.Classifier;
import dev.idsync.store.RunStore;
import dev.idsync.store.StagingStore;

/**
 * Classifies each account, knowing how completely the run read its sources; for a bot, it first looks up the
 * registered owner among the run's persons.
 */
final class ClassifyAccountProcessor implements ItemProcessor<AccountCase, Finding>, StepExecutionListener {

	private final Map<String, String> owners;

	private final StagingStore staging;

	private final RunStore runs;

	private @Nullable String runId;

	private Completeness completeness = Completeness.complete();

	ClassifyAccountProcessor(List<BotProperties> bots, StagingStore staging, RunStore runs) {
		this.owners = bots.stream().collect(Collectors.toMap((bot) -> bot.username().toLowerCase(Locale.ROOT),
				(bot) -> bot.owner().toLowerCase(Locale.ROOT), (first, second) -> first));
		this.staging = staging;
		this.runs = runs;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.runId = RunParameters.runId(stepExecution);
		this.completeness = Completeness.of(this.runs.reads(this.runId));
	}

	@Override
	public Finding process(AccountCase accountCase) {
		if (accountCase.account().kind() != AccountKind.BOT) {
			return Classifier.classify(accountCase, this.completeness);
		}
		String owner = this.owners.get(accountCase.account().username().toLowerCase(Locale.ROOT));
		BotOwnership ownership = (owner != null && this.runId != null)
				? new BotOwnership(owner, this.staging.person(this.runId, owner).orElse(null)) : null;
		return Classifier.classify(new AccountCase(accountCase.account(), List.of(), ownership,
				accountCase.details()), this.completeness);
	}

}
