package dev.idsync.source.phorge;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The kind of a failed Conduit call: Phorge's {@code error_code}, with {@code ERR-CONDUIT-CORE} and
 * {@code ERR-CONDUIT-CALL} told apart by their {@code error_info}, plus the failures that never reached Conduit.
 */
public enum ConduitFailure {

	/** {@code ERR-INVALID-SESSION}: Phorge received no token at all. */
	INVALID_SESSION(false, "Phorge received no token: check that idsync.phorge.token-file (or the token environment "
			+ "variable) holds the bot's token and that no proxy rewrites the request body"),

	/** {@code ERR-INVALID-AUTH}: the token is unknown, malformed or expired, or its owner may not use the API. */
	INVALID_AUTH(false, "the Conduit token is wrong, expired, or its bot is disabled: create a new token under the "
			+ "bot's Settings › Conduit API Tokens"),

	/** {@code ERR-CONDUIT-CALL} "… does not exist.": the instance has no such method (an older Phabricator). */
	UNKNOWN_METHOD(false, "this Phorge/Phabricator lacks the method: it is older than the version idsync was built "
			+ "against; upgrade it"),

	/** {@code ERR-CONDUIT-CALL} "… does not define these parameters": the method is older than idsync expects. */
	UNDECLARED_PARAMETER(false, "this Phorge/Phabricator does not know a parameter idsync sends: it is older than "
			+ "the version idsync was built against; upgrade it"),

	/**
	 * {@code ERR-PERMISSIONS} ("Only admins can call this method.") and {@code ERR-CONDUIT-CORE} policy refusals
	 * ({@code [You Shall Not Pass: …]}, e.g. the People application's "Can Disable Users").
	 */
	PERMISSION(false, "idsync's bot lacks a permission: Applications › People › Configure › Can Disable Users must "
			+ "include idsync's bot; the deprecated user.disable/user.enable of older Phabricator also need it to be "
			+ "an administrator"),

	/** {@code ERR-CONDUIT-CORE} "Validation errors: …": Phorge refused the edit (e.g. one's own account). */
	VALIDATION(false, null),

	/**
	 * {@code ERR-BAD-PHID}, and {@code ERR-CONDUIT-CORE} saying that no object has the given PHID, id or monogram:
	 * the identifier names no account.
	 */
	BAD_PHID(false, null),

	/** {@code ERR-INVALID-PAGE-SIZE}: a {@code *.search} page above 100. */
	INVALID_PAGE_SIZE(false, null),

	/** {@code ERR-INVALID-CONSTRAINT}: an unknown constraint, or one reserved to administrators ({@code mfa}). */
	INVALID_CONSTRAINT(false, "a search constraint is unknown to this Phorge or reserved to administrators"),

	/** {@code ERR-INVALID-ATTACHMENT}: an unknown attachment. */
	INVALID_ATTACHMENT(false, null),

	/** {@code ERR-BAD-QUERYKEY}: an unknown saved query, or one reserved to administrators ({@code approval}). */
	BAD_QUERY_KEY(false, "the saved query is unknown to this Phorge or reserved to administrators"),

	/** Any other {@code ERR-CONDUIT-CORE} (or {@code ERR-CONDUIT-CALL}): an exception inside Phorge. */
	CORE(false, null),

	/** An {@code error_code} idsync does not know (e.g. the legacy {@code ERR-BAD-TOKEN} of arc's handshake). */
	UNKNOWN_ERROR(false, null),

	/**
	 * Not Conduit's answer: I/O errors, timeouts, HTTP 5xx and Phorge's rate limiter (HTTP 429), once the retries
	 * ran out.
	 */
	TRANSPORT(true, "Phorge could not be reached or kept failing: check idsync.phorge.url, the network and Phorge's "
			+ "web server; if its rate limiter answered (HTTP 429), raise idsync.phorge.retry or the limit in "
			+ "support/preamble.php"),

	/**
	 * An answer idsync cannot make sense of: not JSON, not a Conduit envelope, an unexpected HTTP status, or a result
	 * Phorge never gives.
	 */
	MALFORMED(false, "the answer is not Conduit's: check that idsync.phorge.url points at the Phorge instance itself, "
			+ "not at a login page or proxy");

	private final boolean retryable;

	private final @Nullable String hint;

	ConduitFailure(boolean retryable, @Nullable String hint) {
		this.retryable = retryable;
		this.hint = hint;
	}

	/**
	 * The kind of a Conduit error answer.
	 * @param errorCode the {@code error_code}, e.g. {@code ERR-CONDUIT-CORE}
	 * @param errorInfo the {@code error_info}, or {@code null}
	 * @return its kind; {@link #UNKNOWN_ERROR} for a code idsync does not know
	 */
	public static ConduitFailure of(String errorCode, @Nullable String errorInfo) {
		String info = (errorInfo != null) ? errorInfo : "";
		return switch (errorCode) {
			case "ERR-INVALID-SESSION" -> INVALID_SESSION;
			case "ERR-INVALID-AUTH" -> INVALID_AUTH;
			case "ERR-CONDUIT-CALL" -> call(info);
			case "ERR-CONDUIT-CORE" -> core(info);
			case "ERR-PERMISSIONS" -> PERMISSION;
			case "ERR-BAD-PHID" -> BAD_PHID;
			case "ERR-INVALID-PAGE-SIZE" -> INVALID_PAGE_SIZE;
			case "ERR-INVALID-CONSTRAINT" -> INVALID_CONSTRAINT;
			case "ERR-INVALID-ATTACHMENT" -> INVALID_ATTACHMENT;
			case "ERR-BAD-QUERYKEY" -> BAD_QUERY_KEY;
			default -> UNKNOWN_ERROR;
		};
	}

	/** {@code ConduitCall} refuses unknown methods and undeclared parameters before authenticating. */
	private static ConduitFailure call(String info) {
		if (info.startsWith("Conduit API method ") && info.endsWith(" does not exist.")) {
			return UNKNOWN_METHOD;
		}
		return info.contains(" does not define these parameters: ") ? UNDECLARED_PARAMETER : CORE;
	}

	/** Policy refusals, validation errors and missing objects all arrive as uncaught exceptions. */
	private static ConduitFailure core(String info) {
		if (info.startsWith("[You Shall Not Pass")) {
			return PERMISSION;
		}
		if (info.startsWith("Validation errors:")) {
			return VALIDATION;
		}
		boolean noObject = info.startsWith("No object exists with ")
				|| (info.startsWith("Monogram ") && info.endsWith(" does not identify a valid object."));
		return noObject ? BAD_PHID : CORE;
	}

	/** Whether the same call may succeed when tried again later. */
	public boolean retryable() {
		return this.retryable;
	}

	/** What an administrator can do about it, when there is a fix beyond Phorge's own message. */
	public Optional<String> hint() {
		return Optional.ofNullable(this.hint);
	}

}
