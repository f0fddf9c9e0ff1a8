package dev.idsync.sim;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeUser;

/**
 * A Phorge account before ids are assigned, with the state the job should report for it.
 *
 * @param username the username
 * @param realName the display name
 * @param bot whether it is a bot
 * @param list whether it is a mailing list
 * @param disabled whether it is disabled
 * @param approved whether it is approved
 * @param admin whether it is an administrator
 * @param emails its addresses (owner PHID left blank until ids are assigned)
 * @param category the planted account-state category
 * @param databaseCategory the category when idsync also reads Phorge's database, if that differs from
 * {@code category} (which is then what Conduit alone shows)
 */
record Draft(String username, String realName, boolean bot, boolean list, boolean disabled, boolean approved,
		boolean admin, List<PhorgeEmail> emails, String category, @Nullable String databaseCategory) {

	static Draft human(String username, String realName, AccountState account, List<PhorgeEmail> emails, String category) {
		return new Draft(username, realName, false, false, account.disabled, account.approved, account.admin, emails,
				category, null);
	}

	/** This account with another display name. */
	Draft withRealName(String name) {
		return new Draft(this.username, name, this.bot, this.list, this.disabled, this.approved, this.admin,
				this.emails, this.category, this.databaseCategory);
	}

	/** This account, of {@code category} whichever way idsync reads Phorge. */
	Draft withCategory(String category) {
		return new Draft(this.username, this.realName, this.bot, this.list, this.disabled, this.approved, this.admin,
				this.emails, category, null);
	}

	/** This account, of {@code category} when idsync reads Phorge's database too. */
	Draft inDatabase(String category) {
		return new Draft(this.username, this.realName, this.bot, this.list, this.disabled, this.approved, this.admin,
				this.emails, this.category, category);
	}

	PhorgeUser toUser(long id, String phid, long created, String imagePath) {
		boolean verified = this.emails.stream().filter(PhorgeEmail::primary).anyMatch(PhorgeEmail::verified);
		return new PhorgeUser(id, phid, this.username, this.realName, this.bot, this.list, this.admin, this.disabled,
				this.approved, verified, false, created, created, imagePath);
	}

}
