package dev.idsync.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The faults a simulator injects, consulted by each service for each page it serves. Thread-safe.
 */
public final class Faults {

	private final List<Fault> faults;

	private final List<Fault> spent = new ArrayList<>();

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
		for (Fault fault : this.faults) {
			if (fault.source().equals(source) && fault.page() == page && !this.spent.contains(fault)) {
				if (fault.once()) {
					this.spent.add(fault);
				}
				return Optional.of(fault.kind());
			}
		}
		return Optional.empty();
	}

	/** The configured faults, for a summary. */
	public List<Fault> all() {
		return this.faults;
	}

}
