package dev.idsync.source.phorge;

import org.jspecify.annotations.Nullable;

import dev.idsync.source.SourceException;

/**
 * A Conduit call that failed: Phorge answered with an {@code error_code}, an unexpected HTTP status, or no valid
 * answer at all, even after the retries its {@link #kind()} allowed. The message says what failed and, where there
 * is one, the fix; it never contains a token, because every message passes through the {@link Redactor}.
 */
public class ConduitException extends SourceException {

	private final String method;

	private final ConduitFailure kind;

	private final @Nullable String errorCode;

	private final String detail;

	ConduitException(String method, ConduitFailure kind, @Nullable String errorCode, String message) {
		this(method, kind, errorCode, message, 0, 0);
	}

	ConduitException(String method, ConduitFailure kind, @Nullable String errorCode, String message, int retries,
			int rateLimitWaits) {
		super("conduit", Redactor.tokensOut(method + ": " + message + kind.hint().map((hint) -> " (" + hint + ")")
			.orElse("")), null, retries, rateLimitWaits);
		this.method = method;
		this.kind = kind;
		this.errorCode = errorCode;
		this.detail = Redactor.tokensOut(message);
	}

	/** The Conduit method that failed. */
	public String method() {
		return this.method;
	}

	/** What kind of failure it is, and whether trying again later may help. */
	public ConduitFailure kind() {
		return this.kind;
	}

	/** What failed, without the method and the hint (e.g. {@code ERR-INVALID-AUTH: API token "…" is not valid.}). */
	String detail() {
		return this.detail;
	}

	/** Phorge's {@code error_code} (e.g. {@code ERR-INVALID-AUTH}), or {@code null} when the failure was not Phorge's. */
	public @Nullable String errorCode() {
		return this.errorCode;
	}

}
