package dev.idsync.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.idsync.config.BotProperties;
import dev.idsync.domain.ApiTokenInfo;
import dev.idsync.source.phorge.Conduit;
import dev.idsync.source.phorge.Whoami;
import dev.idsync.store.AccountDetailStore;

/**
 * The age of idsync's own Conduit token, in one sentence for the report: from the token writer's live view when it
 * is configured, else from the token inventory this run read from Phorge's database.
 */
final class SelfToken {

	private final Conduit conduit;

	private final TokenWriter writer;

	private final AccountDetailStore details;

	private final boolean database;

	private final List<BotProperties> bots;

	private final Duration defaultMaxAge;

	private final Clock clock;

	SelfToken(Conduit conduit, TokenWriter writer, AccountDetailStore details, boolean database,
			List<BotProperties> bots, Duration defaultMaxAge, Clock clock) {
		this.conduit = conduit;
		this.writer = writer;
		this.details = details;
		this.database = database;
		this.bots = bots;
		this.defaultMaxAge = defaultMaxAge;
		this.clock = clock;
	}

	String describe(String runId) {
		Whoami self = this.conduit.whoami();
		Instant now = this.clock.instant();
		String who = "idsync's own Conduit token (@" + self.username() + ")";
		Optional<long[]> tokens;
		if (this.writer.tokens() != null) {
			List<ApiTokenInfo> live = this.writer.tokens().live(self.phid(), now);
			tokens = live.isEmpty() ? Optional.empty() : Optional.of(new long[] { live.size(),
					live.stream().mapToLong(ApiTokenInfo::createdEpochSecond).min().orElse(0) });
		}
		else if (this.database) {
			tokens = this.details.liveTokens(runId, self.phid(), now.getEpochSecond());
		}
		else {
			return who + ": its age is unknown without Phorge's database (idsync.phorge.database)";
		}
		if (tokens.isEmpty()) {
			return who + ": no live API token of the bot is listed (a cluster or session token?)";
		}
		Duration maxAge = this.bots.stream().filter((bot) -> bot.username().equalsIgnoreCase(self.username()))
			.map(BotProperties::maxTokenAge).filter(java.util.Objects::nonNull).findFirst().orElse(this.defaultMaxAge);
		Instant oldest = Instant.ofEpochSecond(tokens.get()[1]);
		long days = Duration.between(oldest, now).toDays();
		return who + ": " + tokens.get()[0] + " live API token" + ((tokens.get()[0] == 1) ? "" : "s")
				+ ", the oldest created " + oldest.toString().substring(0, 10) + " (" + days + " days ago; "
				+ ((days >= maxAge.toDays()) ? "older than its maximum age of " + maxAge.toDays() + " days: rotate it"
						: "maximum age " + maxAge.toDays() + " days").toLowerCase(Locale.ROOT) + ")";
	}

}
