package dev.idsync.sim.phorge;

import java.util.List;

/**
 * A user as an edit through Conduit left it, with the transactions Phorge stores for the edit.
 *
 * @param user the row after the edit
 * @param transactions the transactions recorded (none for an edit without effect)
 */
public record UserChange(PhorgeUser user, List<PhorgeUserTransaction> transactions) {

	public UserChange {
		transactions = List.copyOf(transactions);
	}

}
