package dev.idsync.sim.phorge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One Conduit method: its name, the parameters it declares, whether it needs a token, and what it does.
 *
 * @param name the method name, e.g. {@code user.search}
 * @param params the declared parameter names; others are refused before authentication
 * @param authenticated whether the call needs a valid token ({@code conduit.ping} does not)
 * @param handler computes the result from the directory's current state
 */
record ConduitMethod(String name, List<String> params, boolean authenticated, Handler handler) {

	/** Runs a call and returns its {@code result}, or throws a {@link ConduitError}. */
	@FunctionalInterface
	interface Handler {

		@Nullable Object execute(ConduitCall call);

	}

}
