package dev.idsync.rotate;

import java.util.Optional;

/**
 * The port to idsync's journal of rotations: each phase is durable before the step it announces is taken.
 */
public interface RotationJournal {

	/** The bot's unfinished rotation, if a run left one. */
	Optional<Rotation> open(String bot);

	/** Records a rotation as it now is (inserting or replacing it). */
	void save(Rotation rotation);

}
