package dev.idsync.sim.phorge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * A {@link PhorgeDirectory} held in memory; the synthetic organisation and the recorded reference instance use it.
 */
public final class InMemoryPhorgeDirectory implements PhorgeDirectory {

	private final TreeMap<Long, PhorgeUser> byId = new TreeMap<>();

	private final Map<String, Long> idByPhid = new HashMap<>();

	private final Map<String, Long> idByName = new HashMap<>();

	private final Map<String, PhorgeEmail> emailByAddress = new HashMap<>();

	private final Map<String, List<PhorgeEmail>> emailsByUser = new HashMap<>();

	private final Map<String, PhorgeToken> tokens = new HashMap<>();

	private final Set<String> disablers;

	/** {@link #users()}, kept until the next change: a Conduit scan asks for every user on every page. */
	private @Nullable List<PhorgeUser> snapshot;

	/**
	 * Creates the directory.
	 * @param users the users
	 * @param emails their email rows
	 * @param tokens their Conduit tokens
	 * @param extraDisablers PHIDs that hold "Can Disable Users" besides the administrators (Phorge's default policy)
	 */
	public InMemoryPhorgeDirectory(List<PhorgeUser> users, List<PhorgeEmail> emails, List<PhorgeToken> tokens,
			Set<String> extraDisablers) {
		users.forEach(this::put);
		for (PhorgeEmail email : emails) {
			this.emailByAddress.put(key(email.address()), email);
			this.emailsByUser.computeIfAbsent(email.userPhid(), (phid) -> new ArrayList<>()).add(email);
		}
		this.emailsByUser.values().forEach((list) -> list.sort(Comparator.comparing((e) -> !e.primary())));
		tokens.forEach((token) -> this.tokens.put(token.token(), token));
		this.disablers = Set.copyOf(extraDisablers);
	}

	@Override
	public synchronized List<PhorgeUser> users() {
		if (this.snapshot == null) {
			this.snapshot = List.copyOf(this.byId.values());
		}
		return this.snapshot;
	}

	@Override
	public synchronized Optional<PhorgeUser> userByPhid(String phid) {
		return Optional.ofNullable(this.idByPhid.get(phid)).map(this.byId::get);
	}

	@Override
	public synchronized Optional<PhorgeUser> userById(long id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	@Override
	public synchronized Optional<PhorgeUser> userByName(String userName) {
		return Optional.ofNullable(this.idByName.get(key(userName))).map(this.byId::get);
	}

	@Override
	public synchronized Optional<PhorgeEmail> email(String address) {
		return Optional.ofNullable(this.emailByAddress.get(key(address)));
	}

	@Override
	public synchronized List<PhorgeEmail> emailsOf(String userPhid) {
		return List.copyOf(this.emailsByUser.getOrDefault(userPhid, List.of()));
	}

	@Override
	public synchronized Optional<PhorgeToken> token(String secret) {
		return Optional.ofNullable(this.tokens.get(secret));
	}

	@Override
	public synchronized PhorgeUser update(String phid, UnaryOperator<PhorgeUser> change) {
		PhorgeUser current = userByPhid(phid).orElseThrow(() -> new IllegalArgumentException("No user " + phid));
		PhorgeUser changed = change.apply(current);
		put(changed);
		return changed;
	}

	@Override
	public boolean canDisableUsers(PhorgeUser viewer) {
		return viewer.admin() || this.disablers.contains(viewer.phid());
	}

	private void put(PhorgeUser user) {
		this.snapshot = null;
		this.byId.put(user.id(), user);
		this.idByPhid.put(user.phid(), user.id());
		this.idByName.put(key(user.userName()), user.id());
	}

	/** Phorge's utf8mb4_unicode_ci collation, approximated by a root-locale lower-casing. */
	private static String key(String value) {
		return value.toLowerCase(Locale.ROOT);
	}

}
