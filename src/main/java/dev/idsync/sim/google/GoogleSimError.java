package dev.idsync.sim.google;

/**
 * An error the simulated Directory API can be told to answer next, in Google's JSON shape, to test how a client
 * copes with rate limits and refusals.
 */
public enum GoogleSimError {

	/** 403 {@code userRateLimitExceeded} (domain {@code usageLimits}): per-user queries per minute spent. */
	USER_RATE_LIMIT_EXCEEDED,

	/** 403 {@code quotaExceeded} (domain {@code usageLimits}): too many concurrent requests. */
	QUOTA_EXCEEDED,

	/** 429 {@code rateLimitExceeded} (domain {@code usageLimits}): the account's concurrent limit. */
	RATE_LIMIT_EXCEEDED,

	/** 403 {@code forbidden}: "Not Authorized to access this resource/api", not to be retried. */
	FORBIDDEN,

	/** 500 {@code backendError}: a transient failure. */
	BACKEND_ERROR;

	GoogleApiError toApiError() {
		return switch (this) {
			case USER_RATE_LIMIT_EXCEEDED -> GoogleApiError.userRateLimitExceeded();
			case QUOTA_EXCEEDED -> GoogleApiError.quotaExceeded();
			case RATE_LIMIT_EXCEEDED -> GoogleApiError.rateLimitExceeded();
			case FORBIDDEN -> GoogleApiError.forbidden();
			case BACKEND_ERROR -> GoogleApiError.backendError();
		};
	}

}
