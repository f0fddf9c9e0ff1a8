package dev.idsync.sim.phorge;

/**
 * A failed Conduit call: the {@code error_code} and {@code error_info} Phorge answers with (always over HTTP 200).
 * The message holds only the code, because an {@code error_info} may echo the caller's token.
 */
final class ConduitError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String code;

	private final String info;

	ConduitError(String code, String info) {
		super(code, null, false, false);
		this.code = code;
		this.info = info;
	}

	/** An uncaught exception inside Phorge, which Conduit reports as {@code ERR-CONDUIT-CORE}. */
	static ConduitError core(String info) {
		return new ConduitError("ERR-CONDUIT-CORE", info);
	}

	/** A failure to set up the call (unknown method, undeclared parameter): {@code ERR-CONDUIT-CALL}. */
	static ConduitError call(String info) {
		return new ConduitError("ERR-CONDUIT-CALL", info);
	}

	/** Phorge's {@code ConduitParameterType} complaint about one parameter value. */
	static ConduitError badValue(String key, String problem) {
		return core("Error while reading \"" + key + "\": " + problem);
	}

	String code() {
		return this.code;
	}

	String info() {
		return this.info;
	}

}
