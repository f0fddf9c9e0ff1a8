package dev.idsync.source;

import org.jspecify.annotations.Nullable;

/**
 * A failure of an external system, with the context to diagnose it and never a secret.
 */
public class SourceException extends RuntimeException {

	private final String source;

	/**
	 * Creates the exception.
	 * @param source the source's name (e.g. {@code okta}, {@code conduit})
	 * @param message what failed, already free of secrets
	 * @param cause the underlying failure, or {@code null}
	 */
	public SourceException(String source, String message, @Nullable Throwable cause) {
		super(source + ": " + message, cause);
		this.source = source;
	}

	/** The source that failed. */
	public String source() {
		return this.source;
	}

}
