package dev.idsync.config;

/**
 * One entry of the bot registry ({@code idsync.bots[]}): a Phorge bot and the person answerable for it.
 *
 * @param username the bot's Phorge username
 * @param owner the owner's primary email in the identity sources
 */
public record BotProperties(String username, String owner) {

	public BotProperties {
		if (username == null || username.isBlank()) {
			throw new ConfigException("idsync.bots[].username is required for every bot entry.");
		}
		if (owner == null || !owner.contains("@")) {
			throw new ConfigException("idsync.bots[].owner of bot '" + username
					+ "' must be the owner's email address, e.g. alice@example.com.");
		}
	}

}
