package dev.idsync.batch;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import dev.idsync.remediate.CurrentRules;
import dev.idsync.remediate.WriteRules;
import dev.idsync.source.phorge.Conduit;
import dev.idsync.store.LockedStore;

/**
 * The write guard's rules, read afresh before each write: the exemptions and protected accounts as the files, tables
 * and configuration declare them now, idsync's own bot, and whether administrators may be acted on. First it checks
 * that this process still holds the store: a run that lost its lock writes nothing more.
 */
final class StoreRules implements CurrentRules {

	private final ReconcileInputs inputs;

	private final Conduit conduit;

	private final LockedStore store;

	private final boolean allowAdmins;

	private final Clock clock;

	private @Nullable String self;

	StoreRules(ReconcileInputs inputs, Conduit conduit, LockedStore store, boolean allowAdmins, Clock clock) {
		this.inputs = inputs;
		this.conduit = conduit;
		this.store = store;
		this.allowAdmins = allowAdmins;
		this.clock = clock;
	}

	@Override
	public WriteRules now() {
		this.store.assertHeld();
		if (this.self == null) {
			this.self = this.conduit.whoami().phid();
		}
		return new WriteRules(this.inputs.exemptions(), this.self, this.allowAdmins,
				LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC));
	}

}
