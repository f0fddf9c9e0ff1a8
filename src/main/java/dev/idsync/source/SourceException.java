package dev.idsync.source;

import org.jspecify.annotations.Nullable;

/**
 * A failure of an external system, with the context to diagnose it and never a secret.
 */
public class SourceException extends RuntimeException {

	private final String source;

	private final int retries;

	private final int rateLimitWaits;

	/**
	 * Creates the exception.
	 * @param source the source's name (e.g. {@code okta}, {@code conduit})
	 * @param message what failed, already free of secrets
	 * @param cause the underlying failure, or {@code null}
	 */
	public SourceException(String source, String message, @Nullable Throwable cause) {
		this(source, message, cause, 0, 0);
	}

	/**
	 * Creates the exception for a request that was retried in vain.
	 * @param source the source's name
	 * @param message what failed, already free of secrets
	 * @param cause the underlying failure, or {@code null}
	 * @param retries how many retries were made before giving up
	 * @param rateLimitWaits how many of them waited for a rate limit
	 */
	public SourceException(String source, String message, @Nullable Throwable cause, int retries, int rateLimitWaits) {
		super(source + ": " + message, cause);
		this.source = source;
		this.retries = retries;
		this.rateLimitWaits = rateLimitWaits;
	}

	/** How many retries were made before giving up. */
	public int retries() {
		return this.retries;
	}

	/** How many of the retries waited for a rate limit. */
	public int rateLimitWaits() {
		return this.rateLimitWaits;
	}

	/** The source that failed. */
	public String source() {
		return this.source;
	}

}
