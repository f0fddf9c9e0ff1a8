package dev.idsync.remediate;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.Plan;

/**
 * Whether {@code idsync apply} may execute a written plan: it refuses one that was edited, has expired, was made from
 * incomplete sources, for another Phorge, or was applied already.
 */
public final class PlanCheck {

	private PlanCheck() {
	}

	/**
	 * Why a plan is refused.
	 * @param plan the plan
	 * @param declaredHash the hash the file declares
	 * @param actualHash the hash of the file's content
	 * @param recordedHash the hash idsync recorded when it wrote the plan, or {@code null} when it has none
	 * @param appliedAt when the plan was applied, or {@code null}
	 * @param phorge the Phorge instance the configuration names
	 * @param now the time
	 * @return the reason, or nothing when the plan may be applied
	 */
	public static Optional<String> refusal(Plan plan, String declaredHash, String actualHash,
			@Nullable String recordedHash, @Nullable Instant appliedAt, String phorge, Instant now) {
		String again = " Make a new plan with 'idsync plan' and review it.";
		if (!declaredHash.equals(actualHash)) {
			return Optional.of("the plan was edited after idsync wrote it: its content does not match its hash."
					+ again);
		}
		if (recordedHash == null) {
			return Optional.of("idsync's store has no plan of run " + plan.runId() + ": it was made against another "
					+ "store, or purged." + again);
		}
		if (!recordedHash.equals(actualHash)) {
			return Optional.of("the plan is not the one idsync wrote for run " + plan.runId() + "." + again);
		}
		if (!plan.sourcesComplete()) {
			return Optional.of("the plan was made from incomplete sources (" + String.join("; ", plan.incomplete())
					+ "); idsync applies only plans made from complete reads." + again);
		}
		if (!plan.phorge().equals(phorge)) {
			return Optional.of("the plan was made for the Phorge at " + plan.phorge() + ", the configuration names "
					+ phorge + ".");
		}
		if (appliedAt != null) {
			return Optional.of("the plan of run " + plan.runId() + " was applied already, at " + appliedAt + "."
					+ again);
		}
		if (!now.isBefore(plan.expiresAt())) {
			return Optional.of("the plan expired at " + plan.expiresAt() + " (idsync.remediation.plan-ttl)." + again);
		}
		return Optional.empty();
	}

}
