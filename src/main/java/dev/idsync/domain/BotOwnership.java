package dev.idsync.domain;

import org.jspecify.annotations.Nullable;

/**
 * The configured owner of a bot and what the identity sources say about them.
 *
 * @param ownerEmail the owner as configured (an identity's email)
 * @param owner the owner as the sources know them, or {@code null} when no source knows that email
 */
public record BotOwnership(String ownerEmail, @Nullable Person owner) {
}
