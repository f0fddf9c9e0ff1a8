package dev.idsync.domain;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An exemption of one account: idsync reports it as EXEMPT and never acts on it until it expires. A protected account
 * ({@code idsync.reconcile.protected-accounts}) is an exemption without expiry.
 *
 * @param username the account
 * @param owner who answers for the exemption
 * @param reason why
 * @param expires the last day (UTC) it holds, or {@code null} for a protected account
 * @param origin where it was declared, e.g. {@code exemptions.csv:4} or {@code exemption table #12}
 */
public record Exemption(String username, String owner, String reason, @Nullable LocalDate expires, String origin) {

	/** Whether the exemption holds on {@code day}. */
	public boolean holdsOn(LocalDate day) {
		return this.expires == null || !day.isAfter(this.expires);
	}

	/** One line of evidence. */
	public String describe() {
		return ((this.expires == null) ? "protected account" : "exempt until " + this.expires) + ", owner "
				+ this.owner + ": " + this.reason + " (" + this.origin + ")";
	}

}
