package dev.idsync.sim;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.idsync.sim.google.GoogleSimCustomer;
import dev.idsync.sim.google.GoogleSimGroup;
import dev.idsync.sim.google.GoogleSimServiceAccount;
import dev.idsync.sim.okta.OktaSimApp;
import dev.idsync.sim.okta.OktaSimClient;
import dev.idsync.sim.okta.OktaSimGroup;
import dev.idsync.sim.okta.OktaSimOrg;
import dev.idsync.sim.okta.OktaSimUser;
import dev.idsync.sim.phorge.PhorgeEmail;
import dev.idsync.sim.phorge.PhorgeExternalAccount;
import dev.idsync.sim.phorge.PhorgeToken;
import dev.idsync.sim.phorge.PhorgeUser;
import dev.idsync.sim.phorge.PhorgeUserTransaction;

/**
 * Turns what the generator planted into the organisation: Phorge's rows in a shuffled id order, with their tokens,
 * disable transactions and sign-ins; the identity providers' orgs; and the truth, account by account.
 */
final class OrgAssembly {

	private static final String TOKEN_NAME = "Standard API Token";

	private final long seed;

	private final Random random;

	private final Ids ids;

	private final IdpPeople people;

	private final Plantings planted;

	OrgAssembly(long seed, Random random, Ids ids, IdpPeople people, Plantings planted) {
		this.seed = seed;
		this.random = random;
		this.ids = ids;
		this.people = people;
		this.planted = planted;
	}

	/**
	 * Builds the organisation.
	 * @param idsyncBot the username of idsync's own bot, whose token is the one idsync uses
	 * @param admin the username of the administrator who disabled every account idsync did not
	 * @param domainAliases {@code idsync.reconcile.domain-aliases}
	 */
	SyntheticOrg build(String idsyncBot, String admin, List<String> domainAliases) {
		List<Draft> shuffled = new ArrayList<>(this.planted.accounts());
		Collections.shuffle(shuffled, this.random);
		List<PhorgeUser> users = new ArrayList<>();
		List<PhorgeEmail> emails = new ArrayList<>();
		Map<String, PhorgeUser> byName = new HashMap<>();
		long created = OrgGenerator.EPOCH - 86_400L * 2_500;
		for (int i = 0; i < shuffled.size(); i++) {
			Draft draft = shuffled.get(i);
			created += 1 + this.random.nextInt(86_400);
			PhorgeUser user = draft.toUser(i + 1, this.ids.phid("USER"), created, this.ids.imagePath());
			users.add(user);
			byName.put(user.userName(), user);
			draft.emails().forEach((e) -> emails.add(new PhorgeEmail(user.phid(), e.address(), e.verified(),
					e.primary())));
		}
		List<PhorgeToken> tokens = tokens(users);
		String conduitToken = this.planted.tokens(idsyncBot).get(0).secret();
		String bot = byName.get(idsyncBot).phid();
		List<PhorgeUserTransaction> disables = disables(users, bot, byName.get(admin).phid());
		SignIns signIns = new SignIns(this.seed);
		// the one administrator without MFA is one whom nothing else makes a PRIVILEGED_DRIFT
		List<PhorgeUser> enrolled = signIns.enrolMfa(users, (user) -> !this.planted.isPrivileged(user.userName()));
		List<PhorgeExternalAccount> links = new ArrayList<>(signIns.link(enrolled, this::owner));
		for (PhorgeUser user : enrolled) {
			IdpUsers person = this.planted.externalLink(user.userName());
			if (person != null) {
				links.addAll(signIns.linkAll(user, person));
			}
		}
		KeyPair oktaKey = Keys.rsa();
		KeyPair googleKey = Keys.rsa();
		return new SyntheticOrg(okta(oktaKey), Keys.pem(oktaKey), google(googleKey), Keys.pem(googleKey), enrolled,
				emails, tokens, Set.of(bot), Map.copyOf(this.planted.botOwners()), conduitToken,
				truth(shuffled, enrolled), signIns.providers(), links, disables, this.planted.settings(domainAliases),
				Set.copyOf(this.people.departed()));
	}

	/** The planted tokens, in account order, dated relative to the generator's "now". */
	private List<PhorgeToken> tokens(List<PhorgeUser> users) {
		List<PhorgeToken> tokens = new ArrayList<>();
		for (PhorgeUser user : users) {
			for (PlantedToken token : this.planted.tokens(user.userName())) {
				Long expires = (token.terminatedSecondsAgo() != null)
						? OrgGenerator.EPOCH - token.terminatedSecondsAgo() : null;
				tokens.add(new PhorgeToken(user.phid(), "api", token.secret(), expires,
						OrgGenerator.EPOCH - token.ageSeconds(), TOKEN_NAME));
			}
		}
		return tokens;
	}

	/**
	 * A {@code user.disable} transaction for every disabled account, some days after it was created: by idsync's bot
	 * through Conduit where idsync disabled it, by the administrator in the web UI everywhere else.
	 */
	private List<PhorgeUserTransaction> disables(List<PhorgeUser> users, String bot, String admin) {
		List<PhorgeUserTransaction> disables = new ArrayList<>();
		for (PhorgeUser user : users.stream().filter(PhorgeUser::disabled).toList()) {
			boolean idsync = this.planted.isDisabledByIdsync(user.userName());
			disables.add(PhorgeUserTransaction.disable(this.ids.transactionPhid("USER"), idsync ? bot : admin,
					user.phid(), true, idsync ? PhorgeUserTransaction.CONDUIT : PhorgeUserTransaction.WEB,
					user.dateCreated() + 86_400L * (1 + this.random.nextInt(60))));
		}
		return disables;
	}

	/**
	 * Every account's state (one for each way of reading Phorge, where they differ) followed by the findings planted
	 * beside it, then the findings about people. An enabled administrator without MFA whom nothing else makes a
	 * PRIVILEGED_DRIFT is one only where the database shows MFA.
	 */
	private List<TruthEntry> truth(List<Draft> accounts, List<PhorgeUser> enrolled) {
		Map<String, PhorgeUser> users = new HashMap<>();
		enrolled.forEach((user) -> users.put(user.userName(), user));
		List<TruthEntry> truth = new ArrayList<>();
		for (Draft draft : accounts) {
			String username = draft.username();
			if (draft.databaseCategory() == null) {
				truth.add(new TruthEntry(draft.category(), username, null, null));
			}
			else {
				truth.add(new TruthEntry(draft.category(), username, null, PhorgeAccess.CONDUIT));
				truth.add(new TruthEntry(draft.databaseCategory(), username, null, PhorgeAccess.CONDUIT_AND_DATABASE));
			}
			truth.addAll(this.planted.additional(username));
			PhorgeUser user = users.get(username);
			if (user.admin() && !user.disabled() && !user.mfa() && !this.planted.isPrivileged(username)) {
				truth.add(new TruthEntry("PRIVILEGED_DRIFT", username, null, PhorgeAccess.CONDUIT_AND_DATABASE));
			}
		}
		truth.addAll(this.planted.identityTruth());
		return truth;
	}

	private OktaSimOrg okta(KeyPair key) {
		List<OktaSimUser> users = this.people.okta();
		return new OktaSimOrg(users,
				List.of(new OktaSimGroup(this.ids.oktaObject("00g"), SyntheticOrg.OKTA_GROUP,
						this.people.oktaEntitled()),
						new OktaSimGroup(this.ids.oktaObject("00g"), "Everyone",
								users.stream().map(OktaSimUser::id).toList()),
						new OktaSimGroup(this.ids.oktaObject("00g"), SyntheticOrg.OKTA_ADMIN_GROUP,
								this.people.oktaAdmins())),
				List.of(new OktaSimApp(this.ids.oktaObject("0oa"), SyntheticOrg.OKTA_APP, this.people.oktaEntitled())),
				this.ids.oktaToken(), new OktaSimClient(this.ids.oktaObject("0oa"), "idsync-key-1", key.getPublic(),
						Set.of("okta.users.read", "okta.groups.read", "okta.apps.read")));
	}

	private GoogleSimCustomer google(KeyPair key) {
		return new GoogleSimCustomer(this.people.google(),
				List.of(new GoogleSimGroup(this.ids.google(), SyntheticOrg.GOOGLE_GROUP, this.people.googleEntitled())),
				Simulator.GOOGLE_CUSTOMER, this.ids.googleToken(),
				new GoogleSimServiceAccount("idsync-reader@idsync-sim.iam.gserviceaccount.com", this.ids.google(),
						this.ids.keyId(), key.getPublic(), "admin@" + OrgGenerator.DOMAIN,
						Set.of("https://www.googleapis.com/auth/admin.directory.user.readonly",
								"https://www.googleapis.com/auth/admin.directory.group.member.readonly")));
	}

	/** Where the person behind an account exists, or {@code null} when no person stands behind it. */
	private @Nullable IdpUsers owner(PhorgeUser user) {
		return this.people.find(this.planted.owner(user.userName()));
	}

}
