package dev.idsync.rotate;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One rotation of one bot's token as the journal holds it: never the token's value, only its hash.
 *
 * @param id the rotation's id
 * @param bot the bot's username
 * @param botPhid the bot's PHID
 * @param phase how far it got
 * @param newTokenName the new token's name in Phorge ({@code idsync <date> <id>}), by which a crash can find it
 * @param newTokenHash the SHA-256 of the new token's value
 * @param newTokenId the new token's row id, once created
 * @param oldTokenIds the live tokens it replaces
 * @param delivered the sinks that hold the new token
 * @param startedAt when it started
 * @param deliveredAt when every sink held the new token
 * @param detail what happened last, in one sentence
 */
public record Rotation(String id, String bot, String botPhid, RotationPhase phase, String newTokenName,
		String newTokenHash, @Nullable Long newTokenId, List<Long> oldTokenIds, Set<String> delivered,
		Instant startedAt, @Nullable Instant deliveredAt, String detail) {

	public Rotation {
		oldTokenIds = List.copyOf(oldTokenIds);
		delivered = Set.copyOf(delivered);
	}

	/** The same rotation in another phase. */
	public Rotation with(RotationPhase next, String why) {
		return new Rotation(this.id, this.bot, this.botPhid, next, this.newTokenName, this.newTokenHash,
				this.newTokenId, this.oldTokenIds, this.delivered, this.startedAt, this.deliveredAt, why);
	}

}
