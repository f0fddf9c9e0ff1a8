package dev.idsync.sim.phorge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One authenticated (or deliberately anonymous) method call: who calls, with which parameters, and when.
 */
final class ConduitCall {

	private final @Nullable PhorgeUser viewer;

	private final Map<String, Object> params;

	private final boolean strict;

	private final long now;

	ConduitCall(@Nullable PhorgeUser viewer, Map<String, @Nullable Object> params, boolean strict, long now) {
		this.viewer = viewer;
		Map<String, Object> present = new LinkedHashMap<>();
		params.forEach((key, value) -> {
			if (value != null) {
				present.put(key, value);
			}
		});
		this.params = Collections.unmodifiableMap(present);
		this.strict = strict;
		this.now = now;
	}

	/** The authenticated caller; only methods that skip authentication have none. */
	PhorgeUser viewer() {
		if (this.viewer == null) {
			throw new IllegalStateException("This method runs without a viewer");
		}
		return this.viewer;
	}

	/**
	 * The parameter's value, or {@code null} when absent or null: Phorge's {@code ConduitAPIRequest::getValue()}
	 * coalesces the two.
	 */
	@Nullable Object value(String key) {
		return this.params.get(key);
	}

	/** Whether values carry JSON types (else plain form strings that parameter types coerce). */
	boolean strict() {
		return this.strict;
	}

	/** The call's time, in epoch seconds. */
	long now() {
		return this.now;
	}

}
