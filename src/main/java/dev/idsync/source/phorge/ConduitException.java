package dev.idsync.source.phorge;

import org.jspecify.annotations.Nullable;

import dev.idsync.source.SourceException;

/**
 * A Conduit call that failed: Phorge answered with an {@code error_code}, an unexpected HTTP status, or no valid
 * answer at all. The message never contains a token.
 */
public class ConduitException extends SourceException {

	private final String method;

	private final @Nullable String errorCode;

	ConduitException(String method, @Nullable String errorCode, String message, @Nullable Throwable cause) {
		super("conduit", method + ": " + message, cause);
		this.method = method;
		this.errorCode = errorCode;
	}

	/** The Conduit method that failed. */
	public String method() {
		return this.method;
	}

	/** Phorge's {@code error_code} (e.g. {@code ERR-INVALID-AUTH}), or {@code null} when the failure was not Phorge's. */
	public @Nullable String errorCode() {
		return this.errorCode;
	}

}
