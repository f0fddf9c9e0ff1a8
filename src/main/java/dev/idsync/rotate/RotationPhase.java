package dev.idsync.rotate;

/**
 * How far a rotation got, journalled before each step is taken: a crash at any point leaves a phase from which the
 * next run finishes the rotation or rolls it back.
 */
public enum RotationPhase {

	/** Started: the new token's name and hash are journalled; the row may or may not have been inserted. */
	CREATING,

	/** The new token's row exists (its id is journalled); it is not known to work yet, nor delivered anywhere. */
	CREATED,

	/** Conduit accepted the new token as the bot's; delivery to the sinks has begun (some may hold it). */
	DELIVERING,

	/** Every sink holds the new token; the old tokens live on until the overlap window has passed. */
	DELIVERED,

	/** The old tokens are terminated: one live, delivered token. */
	DONE,

	/** The new token was terminated before it was delivered anywhere: the old tokens stay as they were. */
	ROLLED_BACK;

	/** Whether the rotation is over. */
	public boolean finished() {
		return this == DONE || this == ROLLED_BACK;
	}

}
