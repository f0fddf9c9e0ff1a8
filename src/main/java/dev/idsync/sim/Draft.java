package dev.idsync.sim;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeUser;

/**
 * A Phorge account before ids are assigned, with the finding the job should report about it.
 *
 * @param username the username
 * @param realName the display name
 * @param bot whether it is a bot
 * @param list whether it is a mailing list
 * @param disabled whether it is disabled
 * @param approved whether it is approved
 * @param admin whether it is an administrator
 * @param emails its addresses (owner PHID left blank until ids are assigned)
 * @param category the planted finding's category code
 * @param token its Conduit token, for bots
 */
record Draft(String username, String realName, boolean bot, boolean list, boolean disabled, boolean approved,
		boolean admin, List<PhorgeEmail> emails, String category, @Nullable String token) {

	static Draft human(String username, String realName, AccountState account, List<PhorgeEmail> emails, String category) {
		return new Draft(username, realName, false, false, account.disabled, account.approved, account.admin, emails,
				category, null);
	}

	PhorgeUser toUser(long id, String phid, long created, String imagePath) {
		boolean verified = this.emails.stream().filter(PhorgeEmail::primary).anyMatch(PhorgeEmail::verified);
		return new PhorgeUser(id, phid, this.username, this.realName, this.bot, this.list, this.admin, this.disabled,
				this.approved, verified, false, created, created, imagePath);
	}

}
