package dev.idsync.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.idsync.sim.Names.Human;
import dev.idsync.sim.ReconcileSettings.Exemption;
import dev.idsync.sim.ReconcileSettings.Mapping;

/**
 * What the generator planted in Phorge before ids are assigned: the accounts with their states, the findings beside
 * them, their tokens, who disabled them and what ties them to people, and the reconciliation settings that go with
 * them.
 */
final class Plantings {

	private final List<Draft> accounts = new ArrayList<>();

	private final List<TruthEntry> identityTruth = new ArrayList<>();

	private final Map<String, List<TruthEntry>> additional = new HashMap<>();

	private final Map<String, List<PlantedToken>> tokens = new HashMap<>();

	private final Set<String> disabledByIdsync = new HashSet<>();

	private final Set<String> privileged = new HashSet<>();

	private final Map<String, IdpUsers> externalLinks = new HashMap<>();

	private final Map<String, Human> owners = new HashMap<>();

	private final Map<String, String> botOwners = new LinkedHashMap<>();

	private final List<Mapping> mappings = new ArrayList<>();

	private final List<Exemption> exemptions = new ArrayList<>();

	private final Set<String> protectedAccounts = new LinkedHashSet<>();

	/** Adds an account. */
	Draft add(Draft draft) {
		this.accounts.add(draft);
		return draft;
	}

	/** Adds an account made for {@code owner} (a disputed one: the person it was made for). */
	Draft add(Draft draft, Human owner) {
		this.owners.put(draft.username(), owner);
		return add(draft);
	}

	/** Replaces the account added last, which must be {@code draft}'s. */
	Draft replaceLast(Draft draft) {
		Draft last = this.accounts.set(this.accounts.size() - 1, draft);
		if (!last.username().equals(draft.username())) {
			throw new IllegalStateException("Not the last account: " + draft.username());
		}
		return draft;
	}

	/** Plants a finding about a person without an account of their own. */
	void identityFinding(String category, String email, @Nullable PhorgeAccess access) {
		this.identityTruth.add(new TruthEntry(category, null, email.toLowerCase(Locale.ROOT), access));
	}

	/** Plants a finding about an account beside its state. */
	void finding(String username, String category, @Nullable PhorgeAccess access) {
		this.additional.computeIfAbsent(username, (name) -> new ArrayList<>())
			.add(new TruthEntry(category, username, null, access));
	}

	/** Plants PRIVILEGED_DRIFT on an administrator, whichever way Phorge is read. */
	void privileged(String username) {
		this.privileged.add(username);
		finding(username, "PRIVILEGED_DRIFT", null);
	}

	/** Gives an account an API token. */
	void token(String username, PlantedToken token) {
		this.tokens.computeIfAbsent(username, (name) -> new ArrayList<>()).add(token);
	}

	/** Records that idsync's bot, not an administrator, disabled the account. */
	void disabledByIdsync(String username) {
		this.disabledByIdsync.add(username);
	}

	/** Links an account in Phorge's database to the accounts of a person it shares nothing else with. */
	void externalLink(String username, IdpUsers person) {
		this.externalLinks.put(username, person);
	}

	void botOwner(String bot, String ownerEmail) {
		this.botOwners.put(bot, ownerEmail.toLowerCase(Locale.ROOT));
	}

	void mapping(Mapping mapping) {
		this.mappings.add(mapping);
	}

	void exemption(Exemption exemption) {
		this.exemptions.add(exemption);
	}

	void protect(String username) {
		this.protectedAccounts.add(username);
	}

	List<Draft> accounts() {
		return this.accounts;
	}

	List<TruthEntry> identityTruth() {
		return this.identityTruth;
	}

	/** The findings planted beside an account's state. */
	List<TruthEntry> additional(String username) {
		return this.additional.getOrDefault(username, List.of());
	}

	List<PlantedToken> tokens(String username) {
		return this.tokens.getOrDefault(username, List.of());
	}

	boolean isDisabledByIdsync(String username) {
		return this.disabledByIdsync.contains(username);
	}

	/** Whether an administrator has PRIVILEGED_DRIFT already, whatever its MFA enrolment. */
	boolean isPrivileged(String username) {
		return this.privileged.contains(username);
	}

	@Nullable IdpUsers externalLink(String username) {
		return this.externalLinks.get(username);
	}

	/** The person an account was made for, if any. */
	@Nullable Human owner(String username) {
		return this.owners.get(username);
	}

	Map<String, String> botOwners() {
		return this.botOwners;
	}

	ReconcileSettings settings(List<String> domainAliases) {
		return new ReconcileSettings(domainAliases, this.mappings, this.exemptions, List.copyOf(this.protectedAccounts));
	}

}
