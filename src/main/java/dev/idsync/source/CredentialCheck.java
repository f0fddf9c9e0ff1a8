package dev.idsync.source;

/**
 * One system's credential, proven with the cheapest authenticated request before the long reads, so that a wrong one
 * fails a run at once instead of after hours of reading the other systems.
 */
@FunctionalInterface
public interface CredentialCheck {

	/**
	 * Makes the request.
	 * @return what the system accepted, for the log (e.g. {@code conduit: @idsync-bot at https://…}), never a secret
	 * @throws SourceException when the system refuses the credential (the message names the property holding it) or
	 * does not answer (the system is then not asked again in this run)
	 */
	String check();

}
