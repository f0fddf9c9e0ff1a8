package dev.idsync.remediate;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.idsync.domain.Exemption;
import dev.idsync.domain.LiveAccount;

/**
 * The rules every write to Phorge is checked against at the last moment, as they stand then (not as the run staged
 * them, which a restart may have done days before): never an exempt or protected account, never idsync's own bot,
 * never an administrator unless allowed.
 *
 * @param exemptions the exemptions and protected accounts declared now (files, tables, configuration)
 * @param selfPhid idsync's own bot
 * @param allowAdmins whether idsync may act on administrators ({@code idsync.remediation.allow-admins})
 * @param today the day (UTC) exemptions are checked against
 */
public record WriteRules(List<Exemption> exemptions, String selfPhid, boolean allowAdmins, LocalDate today) {

	public WriteRules {
		exemptions = List.copyOf(exemptions);
	}

	/**
	 * Why no write may reach this account now, if none may.
	 * @param account the account as Phorge has it just before the write
	 * @return the reason, in one sentence
	 */
	public Optional<String> refusal(LiveAccount account) {
		if (account.phid().equals(this.selfPhid)) {
			return Optional.of("idsync's own bot: never acted on");
		}
		String username = account.username().toLowerCase(Locale.ROOT);
		Optional<Exemption> exempt = this.exemptions.stream()
			.filter((exemption) -> exemption.username().toLowerCase(Locale.ROOT).equals(username))
			.filter((exemption) -> exemption.holdsOn(this.today))
			.findFirst();
		if (exempt.isPresent()) {
			return Optional.of(exempt.get().describe() + ": never acted on");
		}
		if (account.admin() && !this.allowAdmins) {
			return Optional.of("a Phorge administrator: idsync acts on administrators only with "
					+ "idsync.remediation.allow-admins: true");
		}
		return Optional.empty();
	}

}
