package dev.idsync.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * One entry of the bot registry ({@code idsync.bots[]}): a Phorge bot and the person answerable for it.
 *
 * @param username the bot's Phorge username
 * @param owner the owner's primary email in the identity sources
 * @param maxTokenAge the age at which the bot's API tokens are TOKEN_STALE, or {@code null} for
 * {@code idsync.reconcile.token-max-age}
 */
public record BotProperties(String username, String owner, @Nullable Duration maxTokenAge) {

	@ConstructorBinding
	public BotProperties {
		if (username == null || username.isBlank()) {
			throw new ConfigException("idsync.bots[].username is required for every bot entry.");
		}
		if (owner == null || !owner.contains("@")) {
			throw new ConfigException("idsync.bots[].owner of bot '" + username
					+ "' must be the owner's email address, e.g. alice@example.com.");
		}
		if (maxTokenAge != null && (maxTokenAge.isNegative() || maxTokenAge.isZero())) {
			throw new ConfigException("idsync.bots[].max-token-age of bot '" + username + "' must be positive, e.g. "
					+ "90d.");
		}
	}

	/** A bot whose tokens age as {@code idsync.reconcile.token-max-age} says. */
	public BotProperties(String username, String owner) {
		this(username, owner, null);
	}

}
