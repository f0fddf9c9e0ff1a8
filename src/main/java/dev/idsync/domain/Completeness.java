package dev.idsync.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a run read its sources completely: only then may absence or inactivity be acted on.
 *
 * @param identities whether every identity source (and entitlement read) was complete
 * @param accounts whether Phorge's accounts were read completely
 * @param incomplete each incomplete source with its reason, e.g. {@code okta: HTTP 500 on page 3}
 */
public record Completeness(boolean identities, boolean accounts, List<String> incomplete) {

	/** The name under which Phorge's accounts are read. */
	public static final String ACCOUNTS = "phorge";

	public Completeness {
		incomplete = List.copyOf(incomplete);
	}

	/** Every source complete. */
	public static Completeness complete() {
		return new Completeness(true, true, List.of());
	}

	/** The completeness of a run's reads. */
	public static Completeness of(List<SourceRead> reads) {
		boolean identities = true;
		boolean accounts = true;
		List<String> incomplete = new ArrayList<>();
		for (SourceRead read : reads) {
			if (!read.complete()) {
				incomplete.add(read.name() + ": " + read.reason());
				if (read.name().equals(ACCOUNTS)) {
					accounts = false;
				}
				else {
					identities = false;
				}
			}
		}
		return new Completeness(identities, accounts, incomplete);
	}

	/** Whether every source was complete. */
	public boolean all() {
		return this.identities && this.accounts;
	}

}
