package dev.idsync.config;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One entry of the bot registry ({@code idsync.bots[]}): a Phorge bot and the person answerable for it.
 *
 * @param username the bot's Phorge username
 * @param owner the owner's primary email in the identity sources
 * @param maxTokenAge the age at which the bot's API tokens are TOKEN_STALE, or {@code null} for
 * {@code idsync.reconcile.token-max-age}; idsync rotates them at that age when the bot has sinks
 * @param overlap how long the old token lives on once the new one is delivered to every sink (default 24h), so that
 * whatever reads a sink picks up the new token before the old one stops working
 * @param sinks where the bot's token is delivered when idsync rotates it; none means idsync never rotates it (and
 * reports it as TOKEN_STALE with the manual steps)
 */
public record BotProperties(String username, String owner, @Nullable Duration maxTokenAge,
		@Nullable Duration overlap, @DefaultValue List<SinkProperties> sinks) {

	@ConstructorBinding
	public BotProperties {
		if (username == null || username.isBlank()) {
			throw new ConfigException("idsync.bots[].username is required for every bot entry.");
		}
		if (owner == null || !owner.contains("@")) {
			throw new ConfigException("idsync.bots[].owner of bot '" + username
					+ "' must be the owner's email address, e.g. alice@example.com.");
		}
		sinks = List.copyOf(sinks);
		if (overlap != null && overlap.isNegative()) {
			throw new ConfigException("idsync.bots[].overlap of bot '" + username + "' cannot be negative, e.g. 24h.");
		}
		if (maxTokenAge != null && (maxTokenAge.isNegative() || maxTokenAge.isZero())) {
			throw new ConfigException("idsync.bots[].max-token-age of bot '" + username + "' must be positive, e.g. "
					+ "90d.");
		}
	}

	/** A bot whose tokens age as {@code idsync.reconcile.token-max-age} says. */
	public BotProperties(String username, String owner) {
		this(username, owner, null, null, List.of());
	}

	/** A bot without sinks: idsync reports its tokens, never rotates them. */
	public BotProperties(String username, String owner, @Nullable Duration maxTokenAge) {
		this(username, owner, maxTokenAge, null, List.of());
	}

	/** How long the old token lives on after the new one is delivered: 24 hours unless configured. */
	public Duration overlapOrDefault() {
		return (this.overlap != null) ? this.overlap : Duration.ofHours(24);
	}

}
