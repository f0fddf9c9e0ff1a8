package dev.idsync.sim.phorge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One parsed {@code user.edit} transaction and Phorge's rules for it.
 *
 * @param type the transaction type, one of {@code user.edit}'s edit types
 * @param value the value: a boolean for {@code disabled}, {@code approved} and {@code mfa}, else a string
 */
record UserEdit(String type, Object value) {

	/**
	 * Phorge's validation pass, type by type as its editor orders them (approval before disabling): approvals by
	 * non-administrators and changes to one's own account are errors, and changing anyone's disabled state needs
	 * "Can Disable Users", which is checked (and thrown) before the self check. Edits without effect are skipped.
	 */
	static void validate(PhorgeUser viewer, PhorgeUser target, List<UserEdit> edits, boolean canDisableUsers) {
		List<String> errors = new ArrayList<>();
		for (UserEdit edit : edits) {
			if (edit.type.equals("approved") && edit.hasEffect(target) && !viewer.admin()) {
				errors.add("You must be an administrator to approve users.");
			}
		}
		for (UserEdit edit : edits) {
			if (edit.type.equals("disabled") && edit.hasEffect(target)) {
				if (!canDisableUsers) {
					throw ConduitError.core("[You Shall Not Pass: People] (Can Disable Users) You do not have "
							+ "permission to disable or enable users. // Administrators can take this action.");
				}
				if (viewer.phid().equals(target.phid())) {
					errors.add("You can not enable or disable your own account.");
				}
			}
		}
		if (!errors.isEmpty()) {
			throw ConduitError.core("Validation errors:\n  - " + String.join("\n  - ", errors));
		}
	}

	/**
	 * Profile fields need "Can Edit" on the user: nobody but the user (and administrators, for bots and mailing
	 * lists). Phorge checks it even for edits without effect.
	 */
	void requireCapability(PhorgeUser viewer, PhorgeUser target) {
		if (!isProfileField() || viewer.phid().equals(target.phid())
				|| (viewer.admin() && (target.bot() || target.mailingList()))) {
			return;
		}
		String policy = (target.bot() || target.mailingList()) ? "Administrators can take this action."
				: "By default, no one can take this action.";
		throw ConduitError.core("[You Shall Not Pass: " + target.userName() + "] (Can Edit) You do not have "
				+ "permission to edit this object. // " + policy + " Only you can edit your information.");
	}

	/** Whether applying the edit changes {@code target}; profile fields the simulator does not hold always do. */
	boolean hasEffect(PhorgeUser target) {
		return switch (this.type) {
			case "disabled" -> (boolean) this.value != target.disabled();
			case "approved" -> (boolean) this.value != target.approved();
			case "realName" -> !this.value.equals(target.realName());
			case "mfa" -> (boolean) this.value;
			default -> true;
		};
	}

	/** Refuses the edits Phorge would apply but the simulator cannot represent. */
	void requireModelled() {
		if (!List.of("disabled", "approved", "realName").contains(this.type)) {
			throw ConduitError.core("The Conduit simulator does not model the \"" + this.type
					+ "\" transaction of users.");
		}
	}

	/**
	 * The transaction Phorge stores for this edit of {@code user} (as it was before it): {@code user.disable} for a
	 * change of {@code disabled}. The simulator records no other type, since idsync reads no other.
	 */
	Optional<PhorgeUserTransaction> transaction(String phid, PhorgeUser viewer, PhorgeUser user, long now) {
		return this.type.equals("disabled") ? Optional.of(PhorgeUserTransaction.disable(phid, viewer.phid(),
				user.phid(), (boolean) this.value, PhorgeUserTransaction.CONDUIT, now)) : Optional.empty();
	}

	/** The user after this edit, modified at {@code now}. */
	PhorgeUser applyTo(PhorgeUser user, long now) {
		return switch (this.type) {
			case "disabled" -> user.withDisabled((boolean) this.value, now);
			case "approved" -> user.withApproved((boolean) this.value, now);
			case "realName" -> user.withRealName((String) this.value, now);
			default -> throw new IllegalStateException("Not modelled: " + this.type);
		};
	}

	private boolean isProfileField() {
		return List.of("realName", "title", "icon", "blurb").contains(this.type);
	}

}
