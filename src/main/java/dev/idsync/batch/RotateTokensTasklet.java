package dev.idsync.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.config.BotProperties;
import dev.idsync.config.SinkProperties;
import dev.idsync.domain.Account;
import dev.idsync.rotate.BotRotation;
import dev.idsync.rotate.Rotator;
import dev.idsync.rotate.SecretSink;
import dev.idsync.source.phorge.Conduit;
import dev.idsync.store.RunStore;

/**
 * Rotates the registered bots' API tokens that are due (apply mode, or {@code idsync rotate}); in every other mode,
 * and with {@code --dry-run}, only says which are due. Outside any chunk transaction: each phase of each rotation is
 * journalled the moment it is reached.
 */
final class RotateTokensTasklet implements Tasklet {

	static final String OUTCOMES = "idsync.rotations";

	static final String BOT = "bot";

	private final List<BotProperties> bots;

	private final Duration defaultMaxAge;

	private final @Nullable Rotator rotator;

	private final Conduit conduit;

	private final Function<SinkProperties, SecretSink> sinks;

	private final SelfToken selfToken;

	private final RunStore runs;

	RotateTokensTasklet(List<BotProperties> bots, Duration defaultMaxAge, @Nullable Rotator rotator, Conduit conduit,
			Function<SinkProperties, SecretSink> sinks, SelfToken selfToken, RunStore runs) {
		this.bots = bots;
		this.defaultMaxAge = defaultMaxAge;
		this.rotator = rotator;
		this.conduit = conduit;
		this.sinks = sinks;
		this.selfToken = selfToken;
		this.runs = runs;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobParameters parameters = contribution.getStepExecution().getJobParameters();
		String only = parameters.getString(BOT);
		List<BotProperties> rotated = this.bots.stream().filter((bot) -> !bot.sinks().isEmpty())
			.filter((bot) -> only == null || bot.username().equalsIgnoreCase(only)).toList();
		List<String> outcomes = new ArrayList<>();
		String runId = RunParameters.runId(contribution.getStepExecution());
		outcomes.add(this.selfToken.describe(runId));
		if (only != null && rotated.isEmpty()) {
			throw new IllegalArgumentException("--bot " + only + ": no bot of that name with sinks in idsync.bots");
		}
		if (this.rotator == null) {
			rotated.forEach((bot) -> outcomes.add(bot.username() + ": not rotated: idsync.phorge.database.token-writer "
					+ "is not configured (see the README: without it, rotate by hand under /settings/user/"
					+ bot.username() + "/page/apitokens/, or 'bin/auth revoke --type conduit --from @" + bot.username()
					+ "' after delivering a new token)"));
		}
		else if (!rotated.isEmpty()) {
			Map<String, Account> accounts = this.conduit.accountsByUsername(rotated.stream()
				.map(BotProperties::username).toList());
			boolean dryRun = !RunParameters.applies(parameters) && !"rotate".equals(parameters.getString(
					RunParameters.MODE));
			for (BotProperties bot : rotated) {
				Account account = accounts.get(bot.username().toLowerCase(Locale.ROOT));
				if (account == null) {
					outcomes.add(bot.username() + ": not rotated: Phorge has no such account");
					continue;
				}
				Rotator.Outcome outcome = this.rotator.rotate(new BotRotation(bot.username(), account.phid(),
						(bot.maxTokenAge() != null) ? bot.maxTokenAge() : this.defaultMaxAge, bot.overlapOrDefault(),
						bot.sinks().stream().map(this.sinks).toList()), dryRun || RunParameters.dryRun(parameters));
				outcomes.add(outcome.bot() + ": " + ((outcome.phase() != null) ? outcome.phase() + ": " : "")
						+ outcome.message());
			}
		}
		// the nightly run's report shows them; 'idsync rotate' prints them and records no run (nor purges its notes)
		if (this.runs.startedAt(runId).isPresent()) {
			this.runs.recordNotes(runId, outcomes);
		}
		contribution.getStepExecution().getJobExecution().getExecutionContext().putString(OUTCOMES,
				String.join("\n", outcomes));
		return RepeatStatus.FINISHED;
	}

}
