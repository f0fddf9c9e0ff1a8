package dev.idsync.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The faults a simulator injects, consulted by each service for each page it serves. Thread-safe.
 */
public final class Faults {

	private final List<Fault> faults;

	/** The indexes of the {@code once} faults already used (by position: two identical specs fail twice). */
	private final Set<Integer> spent = new HashSet<>();

	private boolean healed;

	public Faults(List<Fault> faults) {
		this.faults = List.copyOf(faults);
	}

	/** No faults: every page answers normally. */
	public static Faults none() {
		return new Faults(List.of());
	}

	/**
	 * The fault to inject on a page, if any; a {@code once} fault is used up by this call.
	 * @param source {@code okta}, {@code google} or {@code conduit}
	 * @param page the page of the listing being served, from 1
	 * @return the fault's kind, or empty to answer normally
	 */
	public synchronized Optional<FaultKind> take(String source, int page) {
		return take(source, () -> page);
	}

	/**
	 * The fault to inject on a page whose number is costly to know: counted only when a fault of {@code source} is
	 * still to be injected.
	 */
	public synchronized Optional<FaultKind> take(String source, IntSupplier numbering) {
		int page = -1;
		for (int i = 0; i < this.faults.size() && !this.healed; i++) {
			Fault fault = this.faults.get(i);
			if (!fault.source().equals(source) || this.spent.contains(i)) {
				continue;
			}
			if (page < 0) {
				page = numbering.getAsInt();
			}
			if (fault.page() == page) {
				if (fault.once()) {
					this.spent.add(i);
				}
				return Optional.of(fault.kind());
			}
		}
		return Optional.empty();
	}

	/**
	 * The fault to inject on the {@code n}-th request of a source that fails from a given request on (e.g. Conduit's
	 * writes), if any; a {@code once} fault is used up by this call.
	 */
	public synchronized Optional<FaultKind> takeFrom(String source, int n) {
		for (int i = 0; i < this.faults.size() && !this.healed; i++) {
			Fault fault = this.faults.get(i);
			if (fault.source().equals(source) && fault.page() <= n && !this.spent.contains(i)) {
				if (fault.once()) {
					this.spent.add(i);
				}
				return Optional.of(fault.kind());
			}
		}
		return Optional.empty();
	}

	/** Stops injecting every fault from now on: the services recover, as after an outage. */
	public synchronized void heal() {
		this.healed = true;
	}

	/** Whether {@code source} is {@link FaultKind#DOWN} for the whole run. */
	public boolean down(String source) {
		return this.faults.stream()
			.anyMatch((fault) -> fault.source().equals(source) && fault.kind() == FaultKind.DOWN);
	}

	/** The configured faults, for a summary. */
	public List<Fault> all() {
		return this.faults;
	}

}
