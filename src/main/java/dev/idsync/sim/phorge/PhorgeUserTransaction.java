package dev.idsync.sim.phorge;

/**
 * One row of Phorge's {@code phabricator_user.user_transaction} table: a change Phorge's transaction editor applied to
 * a user. The simulator records the one type idsync reads, {@code user.disable}
 * ({@code PhorgeUserDisableTransaction}), whose old and new values are JSON booleans: {@code true} disables. The
 * columns Phorge fills the same way for every such row (policies, comment, metadata) are written by the database
 * simulator.
 *
 * @param phid the {@code PHID-XACT-USER-…} identifier
 * @param authorPhid who made the change ({@code getActingAsPHID()})
 * @param objectPhid the user changed
 * @param type the transaction type, e.g. {@link #DISABLE}
 * @param oldValue the value before, as JSON
 * @param newValue the value after, as JSON
 * @param contentSource where the change came from, serialized as {@code PhabricatorContentSource::serialize()} does,
 * e.g. {@link #CONDUIT}
 * @param dateCreated epoch seconds
 */
public record PhorgeUserTransaction(String phid, String authorPhid, String objectPhid, String type, String oldValue,
		String newValue, String contentSource, long dateCreated) {

	/** The type of disables and enables. */
	public static final String DISABLE = "user.disable";

	/** A change made through Conduit. */
	public static final String CONDUIT = "{\"source\":\"conduit\",\"params\":[]}";

	/** A change made in the web UI, e.g. an administrator's click on "Disable User". */
	public static final String WEB = "{\"source\":\"web\",\"params\":[]}";

	/**
	 * A disable or an enable.
	 * @param phid the transaction's PHID
	 * @param authorPhid who disabled or enabled the user
	 * @param userPhid the user
	 * @param disabled {@code true} to disable, {@code false} to enable
	 * @param contentSource {@link #CONDUIT} or {@link #WEB}
	 * @param dateCreated epoch seconds
	 * @return the transaction
	 */
	public static PhorgeUserTransaction disable(String phid, String authorPhid, String userPhid, boolean disabled,
			String contentSource, long dateCreated) {
		return new PhorgeUserTransaction(phid, authorPhid, userPhid, DISABLE, Boolean.toString(!disabled),
				Boolean.toString(disabled), contentSource, dateCreated);
	}

}
