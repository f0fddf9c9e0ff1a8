package dev.idsync.sim;

import java.util.List;

/**
 * The reconciliation settings the planted truth assumes ({@code idsync.reconcile}), which
 * {@link Simulator#writeConfig} writes: the mappings and exemptions files beside the configuration.
 *
 * @param domainAliases {@code idsync.reconcile.domain-aliases}, each {@code alias=canonical}
 * @param mappings the rows of {@code idsync.reconcile.mappings-file}
 * @param exemptions the rows of {@code idsync.reconcile.exemptions-file}
 * @param protectedAccounts {@code idsync.reconcile.protected-accounts}
 */
public record ReconcileSettings(List<String> domainAliases, List<Mapping> mappings, List<Exemption> exemptions,
		List<String> protectedAccounts) {

	public ReconcileSettings {
		domainAliases = List.copyOf(domainAliases);
		mappings = List.copyOf(mappings);
		exemptions = List.copyOf(exemptions);
		protectedAccounts = List.copyOf(protectedAccounts);
	}

	/**
	 * An administrator's manual mapping: one row of the mappings file ({@code username,identity,added_by,reason}).
	 *
	 * @param username the Phorge username
	 * @param identity the person's lower-cased primary email, or {@code source:id}
	 * @param addedBy who added it
	 * @param reason why
	 */
	public record Mapping(String username, String identity, String addedBy, String reason) {
	}

	/**
	 * One row of the exemptions file ({@code username,owner,reason,expires}), its expiry relative to the day the
	 * simulator starts: the generator fixes everything but the clock, and the job judges expiry by the real one.
	 *
	 * @param username the Phorge username
	 * @param owner who answers for it
	 * @param reason why
	 * @param expiresInDays the last day it holds, counted from the simulator's start day (UTC); negative for an
	 * exemption that has expired
	 */
	public record Exemption(String username, String owner, String reason, int expiresInDays) {
	}

}
