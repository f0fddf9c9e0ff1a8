package dev.idsync.rotate;

import java.time.Duration;
import java.util.List;

/**
 * One bot as the registry configures its rotation.
 *
 * @param username the bot
 * @param phid its PHID
 * @param maxTokenAge the age at which its token is rotated
 * @param overlap how long the old token lives on after the new one was delivered
 * @param sinks where its token is delivered
 */
public record BotRotation(String username, String phid, Duration maxTokenAge, Duration overlap,
		List<SecretSink> sinks) {

	public BotRotation {
		sinks = List.copyOf(sinks);
	}

}
