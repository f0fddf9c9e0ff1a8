package dev.idsync.remediate;

import java.util.Collection;
import java.util.Map;

import dev.idsync.domain.LiveAccount;

/**
 * The port remediation changes Phorge through. Each write is idempotent and returns the account as it is after it;
 * a failure is an unchecked exception whose message carries no secret.
 */
public interface AccountAdmin {

	/** The accounts as they are now, keyed by PHID; an unknown PHID is absent. */
	Map<String, LiveAccount> live(Collection<String> phids);

	/** Disables or enables an account. */
	LiveAccount setDisabled(String phid, boolean disabled);

	/** Approves an account, or withdraws its approval. */
	LiveAccount setApproved(String phid, boolean approved);

	/** Terminates every live API token of an account. */
	LiveAccount revokeTokens(String phid);

}
