package dev.idsync.source.phorge;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many times each Conduit method was called, safe to count from every thread a run reads with: one call per
 * method invocation, whether it succeeded, failed or took retries (those are counted apart, per source).
 */
final class ConduitCalls {

	private final Map<String, LongAdder> byMethod = new ConcurrentHashMap<>();

	void count(String method) {
		this.byMethod.computeIfAbsent(method, (name) -> new LongAdder()).increment();
	}

	/** The counts so far, by method name in alphabetical order; a copy that later calls leave alone. */
	Map<String, Long> snapshot() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.byMethod.forEach((method, count) -> snapshot.put(method, count.sum()));
		return Collections.unmodifiableMap(snapshot);
	}

}
