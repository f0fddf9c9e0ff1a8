package dev.idsync.remediate;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.idsync.domain.LiveAccount;

/**
 * An in-memory Phorge for the remediation core: accounts by PHID, every effective write counted, and a failure on
 * demand.
 */
final class FakePhorge implements AccountAdmin {

	final Map<String, LiveAccount> accounts = new LinkedHashMap<>();

	final Map<String, Integer> writes = new HashMap<>();

	/** Fail the next write this many times; with {@code failAfterWrite} the write takes effect before it fails. */
	int failures;

	boolean failAfterWrite;

	boolean unreadable;

	void add(String phid, boolean disabled, boolean approved) {
		this.accounts.put(phid, new LiveAccount(phid, phid.substring(phid.lastIndexOf('-') + 1), disabled, approved,
				false, null, false));
	}

	@Override
	public Map<String, LiveAccount> live(Collection<String> phids) {
		if (this.unreadable) {
			throw new IllegalStateException("Phorge is down");
		}
		Map<String, LiveAccount> live = new LinkedHashMap<>();
		phids.stream().filter(this.accounts::containsKey).forEach((phid) -> live.put(phid, this.accounts.get(phid)));
		return live;
	}

	@Override
	public LiveAccount setDisabled(String phid, boolean disabled) {
		return write(phid, disabled, this.accounts.get(phid).approved());
	}

	@Override
	public LiveAccount setApproved(String phid, boolean approved) {
		return write(phid, this.accounts.get(phid).disabled(), approved);
	}

	@Override
	public LiveAccount revokeTokens(String phid) {
		LiveAccount account = this.accounts.get(phid);
		this.accounts.put(phid, new LiveAccount(phid, account.username(), account.disabled(), account.approved(),
				account.disabledByIdsync(), 0, account.admin()));
		return this.accounts.get(phid);
	}

	private LiveAccount write(String phid, boolean disabled, boolean approved) {
		if (this.failures > 0 && !this.failAfterWrite) {
			this.failures--;
			throw new IllegalStateException("HTTP 500 from user.edit");
		}
		LiveAccount before = this.accounts.get(phid);
		LiveAccount after = new LiveAccount(phid, before.username(), disabled, approved, disabled, null,
				before.admin());
		if (before.disabled() != disabled || before.approved() != approved) {
			this.writes.merge(phid, 1, Integer::sum);
		}
		this.accounts.put(phid, after);
		if (this.failures > 0) {
			this.failures--;
			throw new IllegalStateException("read timed out after user.edit");
		}
		return after;
	}

}
