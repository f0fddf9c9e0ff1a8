package dev.idsync.batch;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.idsync.config.BotProperties;
import dev.idsync.config.ReconcileProperties;
import dev.idsync.domain.AccountCase;
import dev.idsync.domain.AccountFacts;
import dev.idsync.domain.AccountKind;
import dev.idsync.domain.BotOwnership;
import dev.idsync.domain.Completeness;
import dev.idsync.domain.Exemption;
import dev.idsync.domain.Finding;
import dev.idsync.domain.SourceRead;
import dev.idsync.reconcile.Classifier;
import dev.idsync.reconcile.Rules;
import dev.idsync.store.LinkStore;
import dev.idsync.store.MappingStore;
import dev.idsync.store.RunStore;
import dev.idsync.store.StagingStore;

/**
 * Classifies each account, knowing how completely the run read its sources: it adds what idsync itself knows (the
 * account's exemption, contradicted links, the bot's token age) and, for a bot, looks up the registered owner among
 * the run's persons.
 */
final class ClassifyAccountProcessor implements ItemProcessor<AccountCase, List<Finding>>, StepExecutionListener {

	private final Map<String, BotProperties> bots;

	private final StagingStore staging;

	private final RunStore runs;

	private final MappingStore mappings;

	private final LinkStore links;

	private final ReconcileProperties reconcile;

	private final Set<String> adminReads;

	private final Clock clock;

	private @Nullable String runId;

	private Completeness completeness = Completeness.complete();

	private Rules rules;

	private Map<String, Exemption> exemptions = Map.of();

	private Map<String, List<String>> contradictions = Map.of();

	/**
	 * A processor.
	 * @param bots the bot registry
	 * @param staging the staged population
	 * @param runs the runs and their reads
	 * @param mappings the exemptions in force
	 * @param links the durable links
	 * @param reconcile the reconciliation settings
	 * @param adminReads the names of the configured admin-group reads ({@code okta:admins}, …)
	 * @param clock the run's clock
	 */
	ClassifyAccountProcessor(List<BotProperties> bots, StagingStore staging, RunStore runs, MappingStore mappings,
			LinkStore links, ReconcileProperties reconcile, Set<String> adminReads, Clock clock) {
		this.bots = bots.stream().collect(Collectors.toMap((bot) -> bot.username().toLowerCase(Locale.ROOT),
				Function.identity(), (first, second) -> first));
		this.staging = staging;
		this.runs = runs;
		this.mappings = mappings;
		this.links = links;
		this.reconcile = reconcile;
		this.adminReads = Set.copyOf(adminReads);
		this.clock = clock;
		this.rules = new Rules(clock.instant(), reconcile.tokenMaxAge(), false);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.runId = RunParameters.runId(stepExecution);
		// before the first query that joins the matches (the contradictions below, then the reader's): the
		// correlation steps have just written them
		this.staging.analyzeMatches();
		List<SourceRead> reads = this.runs.reads(this.runId);
		this.completeness = Completeness.of(reads);
		boolean adminsKnown = !this.adminReads.isEmpty() && reads.stream()
			.filter((read) -> this.adminReads.contains(read.name()))
			.allMatch(SourceRead::complete);
		this.rules = new Rules(this.clock.instant(), this.reconcile.tokenMaxAge(), adminsKnown);
		this.exemptions = this.mappings.stagedExemptions(this.runId);
		Set<String> complete = reads.stream().filter(SourceRead::complete).map(SourceRead::name)
			.collect(Collectors.toSet());
		this.contradictions = this.links.contradictions(this.runId, complete);
	}

	@Override
	public List<Finding> process(AccountCase accountCase) {
		String username = accountCase.account().username().toLowerCase(Locale.ROOT);
		BotProperties bot = (accountCase.account().kind() == AccountKind.BOT) ? this.bots.get(username) : null;
		Duration maxTokenAge = (bot != null) ? bot.maxTokenAge() : null;
		AccountFacts facts = new AccountFacts(this.exemptions.get(username), accountCase.facts().disabledByIdsync(),
				this.contradictions.getOrDefault(accountCase.account().phid(), List.of()), maxTokenAge);
		AccountCase known = accountCase.withFacts(facts);
		if (accountCase.account().kind() == AccountKind.BOT) {
			BotOwnership ownership = (bot != null && this.runId != null) ? new BotOwnership(bot.owner().toLowerCase(
					Locale.ROOT), this.staging.person(this.runId, bot.owner()).orElse(null)) : null;
			known = new AccountCase(known.account(), List.of(), ownership, known.details(), facts);
		}
		return Classifier.classifyAll(known, this.completeness, this.rules);
	}

}
