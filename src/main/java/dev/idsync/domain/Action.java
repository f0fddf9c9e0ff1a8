package dev.idsync.domain;

/**
 * One planned change to Phorge, with the finding that calls for it and the state it relies on.
 *
 * @param type what to do
 * @param phid the target account
 * @param username the target's username
 * @param because the finding that calls for the action
 * @param precondition the state of the target the action relies on, re-checked before it is applied
 */
public record Action(ActionType type, String phid, String username, Category because, Precondition precondition) {

	/** Whether the action changes Phorge (everything but a flag for review). */
	public boolean changes() {
		return this.type != ActionType.FLAG_FOR_REVIEW;
	}

}
