package dev.idsync.domain;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A written plan: every action a run calls for, with the finding and evidence behind it, what the safety gates made
 * of it and the precondition {@code idsync apply} re-checks; valid until it expires.
 *
 * @param runId the run that made it
 * @param createdAt when
 * @param expiresAt after when {@code idsync apply} refuses it
 * @param phorge the Phorge instance it was made for
 * @param sourcesComplete whether every source was read completely
 * @param incomplete each incomplete source with its reason
 * @param gates the outcome of each safety gate
 * @param items the actions, in the order they would be applied
 */
public record Plan(String runId, Instant createdAt, Instant expiresAt, String phorge, boolean sourcesComplete,
		List<String> incomplete, List<GateResult> gates, List<Item> items) {

	public Plan {
		incomplete = List.copyOf(incomplete);
		gates = List.copyOf(gates);
		items = List.copyOf(items);
	}

	/** How many items {@code idsync apply} would apply. */
	public long planned() {
		return this.items.stream().filter((item) -> item.planned().status() == ActionStatus.PLANNED).count();
	}

	/**
	 * One action of a plan.
	 *
	 * @param planned the action and what the gates made of it ({@link ActionStatus#PLANNED} for those to apply)
	 * @param finding the finding that calls for it, with its evidence, when it is still recorded
	 */
	public record Item(PlannedAction planned, @Nullable Finding finding) {
	}

}
