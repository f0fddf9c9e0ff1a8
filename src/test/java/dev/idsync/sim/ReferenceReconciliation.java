package dev.idsync.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.MatchMethod;
import dev.idsync.sim.ReconcileSettings.Exemption;
import dev.idsync.sim.ReconcileSettings.Mapping;
import dev.idsync.sim.google.GoogleSimGroup;
import dev.idsync.sim.google.GoogleSimUser;
import dev.idsync.sim.okta.OktaSimGroup;
import dev.idsync.sim.okta.OktaSimUser;
import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeExternalAccount;
import dev.idsync.sim.phorge.PhorgeToken;
import dev.idsync.sim.phorge.PhorgeUser;
import dev.idsync.sim.phorge.PhorgeUserTransaction;

/**
 * The reconciliation rules (issue 5) applied to a synthetic organisation from its raw data alone, independently of
 * how the generator planted it: what the job configured as {@link Simulator#writeConfig} writes should report. Tests
 * compare it with the planted truth, at sizes the job is too slow to run at. A deliberately plain second reading of
 * the rules, not the job's implementation.
 */
final class ReferenceReconciliation {

	private static final long TOKEN_MAX_AGE = 365L * 86_400;

	private final SyntheticOrg org;

	private final boolean database;

	private final long now;

	private final Map<String, Person> people = new LinkedHashMap<>();

	private final Map<String, Set<Person>> byEmail = new HashMap<>();

	private final Map<String, Set<Person>> byUsername = new HashMap<>();

	private final Map<String, Person> byGoogleId = new HashMap<>();

	private final Map<String, Person> byUid = new HashMap<>();

	private final Map<String, List<PhorgeEmail>> emails = new HashMap<>();

	private final Map<String, List<PhorgeToken>> tokens = new HashMap<>();

	private final Map<String, Integer> claims = new HashMap<>();

	private final Set<Person> candidatesClaimed = new HashSet<>();

	/** The truth keys, and for each account the strongest method that matched it (for tests to inspect). */
	private final List<String> keys = new ArrayList<>();

	private final Map<String, MatchMethod> methods = new HashMap<>();

	private ReferenceReconciliation(SyntheticOrg org, PhorgeAccess access, Instant now) {
		this.org = org;
		this.database = access == PhorgeAccess.CONDUIT_AND_DATABASE;
		this.now = now.getEpochSecond();
	}

	/** The keys ({@link TruthEntry#key()}) of every finding the rules draw, as the job would at {@code now}. */
	static ReferenceReconciliation of(SyntheticOrg org, PhorgeAccess access, Instant now) {
		ReferenceReconciliation reconciliation = new ReferenceReconciliation(org, access, now);
		reconciliation.run();
		return reconciliation;
	}

	List<String> keys() {
		return this.keys;
	}

	/** The strongest method that matched each human account a person claims. */
	Map<String, MatchMethod> methods() {
		return this.methods;
	}

	private void run() {
		readPeople();
		this.org.phorgeTokensAt(Instant.ofEpochSecond(this.now))
			.forEach((t) -> this.tokens.computeIfAbsent(t.objectPhid(), (k) -> new ArrayList<>()).add(t));
		this.org.phorgeEmails().forEach((e) -> this.emails.computeIfAbsent(e.userPhid(), (k) -> new ArrayList<>()).add(e));
		Map<PhorgeUser, Map<MatchMethod, Set<Person>>> matches = new LinkedHashMap<>();
		for (PhorgeUser user : this.org.phorgeUsers()) {
			if (!user.bot() && !user.mailingList()) {
				Map<MatchMethod, Set<Person>> found = match(user);
				matches.put(user, found);
				strongest(found).forEach((person) -> this.claims.merge(person.key, 1, Integer::sum));
			}
		}
		for (PhorgeUser user : this.org.phorgeUsers()) {
			classify(user, (user.bot() || user.mailingList()) ? null : matches.get(user));
		}
		for (Person person : this.people.values()) {
			if (person.active() && person.entitled && !this.claims.containsKey(person.key)
					&& !this.candidatesClaimed.contains(person)) {
				this.keys.add("JOINER_NO_ACCOUNT " + person.key);
			}
			if (person.conflict()) {
				this.keys.add("SOURCE_CONFLICT " + person.key);
			}
		}
	}

	/** Okta and Google records merged by primary email; the most active state wins. */
	private void readPeople() {
		Set<String> oktaEntitled = members(this.org.okta().groups(), SyntheticOrg.OKTA_GROUP);
		Set<String> oktaAdmins = members(this.org.okta().groups(), SyntheticOrg.OKTA_ADMIN_GROUP);
		Set<String> googleEntitled = new HashSet<>();
		this.org.google().groups().stream().filter((g) -> g.email().equals(SyntheticOrg.GOOGLE_GROUP))
			.map(GoogleSimGroup::memberIds).forEach(googleEntitled::addAll);
		for (OktaSimUser user : this.org.oktaUsers()) {
			Person person = person(user.email(), user.firstName() + " " + user.lastName());
			person.okta = user;
			person.states.add(switch (user.status()) {
				case "STAGED", "PROVISIONED" -> "pending";
				case "SUSPENDED", "DEPROVISIONED" -> "inactive";
				default -> "active";
			});
			person.entitled |= oktaEntitled.contains(user.id());
			person.admin |= oktaAdmins.contains(user.id());
			person.hint = user.customAttributes().get(SyntheticOrg.USERNAME_ATTRIBUTE);
			for (String address : new String[] { user.email(), user.secondEmail(), user.login() }) {
				if (address != null && address.contains("@")) {
					person.emails.add(lower(address));
				}
			}
		}
		for (GoogleSimUser user : this.org.googleUsers()) {
			Person person = person(user.primaryEmail(), user.givenName() + " " + user.familyName());
			person.google = user;
			person.states.add((user.deleted() || user.suspended() || user.archived()) ? "inactive" : "active");
			person.entitled |= googleEntitled.contains(user.id());
			person.emails.add(lower(user.primaryEmail()));
			user.aliases().forEach((alias) -> person.emails.add(lower(alias)));
		}
		for (Person person : this.people.values()) {
			if (person.google != null) {
				this.byGoogleId.put("id(" + person.google.id() + ")", person);
			}
			if (person.okta != null) {
				this.byUid.put(lower(person.okta.login().substring(0, person.okta.login().indexOf('@'))), person);
			}
			person.emails.forEach((email) -> this.byEmail.computeIfAbsent(email, (k) -> new HashSet<>()).add(person));
			this.byUsername.computeIfAbsent(person.usernameCandidate(), (k) -> new HashSet<>()).add(person);
		}
	}

	private Person person(String email, String name) {
		return this.people.computeIfAbsent(lower(email), (key) -> new Person(key, name));
	}

	/** Every person each method ties to the account. */
	private Map<MatchMethod, Set<Person>> match(PhorgeUser user) {
		Map<MatchMethod, Set<Person>> found = new EnumMap<>(MatchMethod.class);
		for (Mapping mapping : this.org.reconcile().mappings()) {
			if (mapping.username().equalsIgnoreCase(user.userName())) {
				add(found, MatchMethod.MANUAL, mappedPerson(mapping.identity()));
			}
		}
		if (this.database) {
			for (PhorgeExternalAccount link : this.org.phorgeExternalAccounts()) {
				if (user.phid().equals(link.userPhid())) {
					link.identifiers().forEach((identifier) -> add(found, MatchMethod.EXTERNAL_ID,
							linkedPerson(link.provider().type(), identifier)));
				}
			}
		}
		for (PhorgeEmail email : this.emails.getOrDefault(user.phid(), List.of())) {
			MatchMethod method = (!this.database || email.verified()) ? MatchMethod.EMAIL : MatchMethod.UNVERIFIED_EMAIL;
			this.byEmail.getOrDefault(canonical(email.address()), Set.of()).forEach((p) -> add(found, method, p));
		}
		this.byUsername.getOrDefault(lower(user.userName()), Set.of())
			.forEach((p) -> add(found, MatchMethod.USERNAME, p));
		return found;
	}

	private @Nullable Person mappedPerson(String identity) {
		if (identity.startsWith("okta:") || identity.startsWith("google:")) {
			String id = identity.substring(identity.indexOf(':') + 1);
			return this.people.values().stream()
				.filter((p) -> (p.okta != null && p.okta.id().equals(id)) || (p.google != null && p.google.id().equals(id)))
				.findFirst().orElse(null);
		}
		return this.people.get(lower(identity));
	}

	/** Google: {@code id(<Google id>)}; LDAP: the uid, the local part of the Okta login. Other identifiers: none. */
	private @Nullable Person linkedPerson(String provider, String identifier) {
		return switch (provider) {
			case "google" -> this.byGoogleId.get(identifier);
			case "ldap" -> this.byUid.get(lower(identifier));
			default -> null;
		};
	}

	private void classify(PhorgeUser user, @Nullable Map<MatchMethod, Set<Person>> found) {
		String name = user.userName();
		if (user.mailingList()) {
			this.keys.add("MAILING_LIST @" + name);
		}
		else if (user.bot()) {
			String owner = this.org.botOwners().get(name);
			Person person = (owner != null) ? this.people.get(owner) : null;
			this.keys.add(((owner == null) ? "BOT_NO_OWNER" : (person == null || !person.active()) ? "BOT_OWNER_LEFT"
					: "LINKED_OK") + " @" + name);
		}
		else {
			human(user, found);
		}
		additional(user, found);
	}

	private void human(PhorgeUser user, Map<MatchMethod, Set<Person>> found) {
		String name = user.userName();
		Set<Person> candidates = strongest(found);
		Exemption exemption = exemption(name);
		String state;
		if (this.org.reconcile().protectedAccounts().contains(lower(name))
				|| (exemption != null && !expired(exemption))) {
			state = "EXEMPT";
		}
		else if (candidates.isEmpty()) {
			Person candidate = user.disabled() ? null : byRealName(user.realName());
			if (candidate != null) {
				this.candidatesClaimed.add(candidate);
			}
			state = (candidate != null) ? "UNLINKED_CANDIDATE" : user.disabled() ? "UNLINKED_DISABLED" : "ORPHAN";
		}
		else if (candidates.size() > 1 || this.claims.get(candidates.iterator().next().key) > 1) {
			state = "DISPUTED";
		}
		else {
			this.methods.put(name, found.keySet().iterator().next());
			state = linked(user, candidates.iterator().next());
		}
		this.keys.add(state + " @" + name);
		if (exemption != null && expired(exemption)) {
			this.keys.add("EXEMPTION_EXPIRED @" + name);
		}
	}

	private String linked(PhorgeUser user, Person person) {
		if (person.inactive()) {
			return user.disabled() ? "LINKED_OK" : "LEAVER_ACTIVE";
		}
		if (!person.entitled) {
			return user.disabled() ? "LINKED_OK" : "NOT_ENTITLED";
		}
		if (user.disabled()) {
			return disabledByIdsync(user) ? "REENABLE_CANDIDATE" : "LINKED_DISABLED";
		}
		return user.approved() ? "LINKED_OK" : "PENDING_APPROVAL";
	}

	/** Token, attribute and privilege findings beside the account's state. */
	private void additional(PhorgeUser user, @Nullable Map<MatchMethod, Set<Person>> found) {
		String name = user.userName();
		Person linked = (found != null) ? single(strongest(found)) : null;
		if (linked != null && !user.disabled() && !collapse(user.realName()).equals(collapse(linked.name))) {
			this.keys.add("ATTRIBUTE_DRIFT @" + name);
		}
		if (user.admin() && !user.disabled()
				&& (linked == null || !linked.admin || (this.database && !user.mfa()))) {
			this.keys.add("PRIVILEGED_DRIFT @" + name);
		}
		if (!this.database) {
			return;
		}
		List<PhorgeToken> live = this.tokens.getOrDefault(user.phid(), List.of()).stream()
			.filter((token) -> !token.expiredAt(this.now))
			.toList();
		if (live.stream().anyMatch((token) -> this.now - token.dateCreated() > TOKEN_MAX_AGE)) {
			this.keys.add("TOKEN_STALE @" + name);
		}
		if (user.disabled() && !live.isEmpty()) {
			this.keys.add("LEAVER_HAS_TOKENS @" + name);
		}
	}

	/** The one person whom the account's name, and nothing stronger, ties to it; else {@code null}. */
	private @Nullable Person byRealName(String realName) {
		List<Person> named = this.people.values().stream()
			.filter((p) -> !this.claims.containsKey(p.key) && lower(collapse(p.name)).equals(lower(collapse(realName))))
			.toList();
		return (named.size() == 1) ? named.get(0) : null;
	}

	/** Whether the last transaction that disabled or enabled the account was a disable by idsync's own bot. */
	private boolean disabledByIdsync(PhorgeUser user) {
		if (!this.database) {
			return false;
		}
		String bot = this.org.phorgeTokens().stream().filter((t) -> t.token().equals(this.org.conduitToken()))
			.findFirst().orElseThrow().objectPhid();
		PhorgeUserTransaction last = null;
		for (PhorgeUserTransaction transaction : this.org.phorgeTransactions()) {
			if (transaction.objectPhid().equals(user.phid()) && transaction.type().equals(PhorgeUserTransaction.DISABLE)) {
				last = transaction;
			}
		}
		return last != null && last.newValue().equals("true") && last.authorPhid().equals(bot);
	}

	private @Nullable Exemption exemption(String username) {
		return this.org.reconcile().exemptions().stream().filter((e) -> e.username().equalsIgnoreCase(username))
			.findFirst().orElse(null);
	}

	/** Whether the exemption's last day is before today; its expiry counts from the simulator's start, today. */
	private static boolean expired(Exemption exemption) {
		return exemption.expiresInDays() < 0;
	}

	/** An address with an alias domain mapped to its canonical domain, lower-cased. */
	private String canonical(String address) {
		String lowered = lower(address);
		for (String alias : this.org.reconcile().domainAliases()) {
			String[] parts = alias.split("=");
			if (lowered.endsWith("@" + parts[0])) {
				return lowered.substring(0, lowered.length() - parts[0].length()) + parts[1];
			}
		}
		return lowered;
	}

	/** The people the strongest method that ties anything ties to the account. */
	private static Set<Person> strongest(Map<MatchMethod, Set<Person>> found) {
		return found.isEmpty() ? Set.of() : found.values().iterator().next();
	}

	private static @Nullable Person single(Set<Person> people) {
		return (people.size() == 1) ? people.iterator().next() : null;
	}

	private static void add(Map<MatchMethod, Set<Person>> found, MatchMethod method, @Nullable Person person) {
		if (person != null) {
			found.computeIfAbsent(method, (m) -> new LinkedHashSet<>()).add(person);
		}
	}

	private static Set<String> members(List<OktaSimGroup> groups, String name) {
		Set<String> members = new HashSet<>();
		groups.stream().filter((g) -> g.name().equals(name)).map(OktaSimGroup::userIds).forEach(members::addAll);
		return members;
	}

	static String collapse(String name) {
		return name.strip().replaceAll("\\s+", " ");
	}

	private static String lower(String value) {
		return value.toLowerCase(Locale.ROOT);
	}

	/** One merged person. */
	private static final class Person {

		final String key;

		final String name;

		final Set<String> emails = new LinkedHashSet<>();

		final Set<String> states = new HashSet<>();

		boolean entitled;

		boolean admin;

		@Nullable String hint;

		@Nullable OktaSimUser okta;

		@Nullable GoogleSimUser google;

		Person(String key, String name) {
			this.key = key;
			this.name = name;
		}

		boolean active() {
			return this.states.contains("active");
		}

		/** Inactive in every source: no source says they work or will. */
		boolean inactive() {
			return !this.states.contains("active") && !this.states.contains("pending");
		}

		boolean conflict() {
			return this.states.contains("inactive") && this.states.size() > 1;
		}

		String usernameCandidate() {
			return lower((this.hint != null) ? this.hint : this.key.substring(0, this.key.indexOf('@')));
		}

	}

}
