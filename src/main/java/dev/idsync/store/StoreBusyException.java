package dev.idsync.store;

import org.jspecify.annotations.Nullable;

/**
 * Another run or admin command holds idsync's store: this one exits at once, having read and changed nothing.
 */
public final class StoreBusyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient @Nullable LockHolder holder;

	StoreBusyException(@Nullable LockHolder holder, String store, @Nullable String starting) {
		super("the store " + store + " is in use by "
				+ ((holder != null) ? holder.describe() : "another idsync process that is still starting"
						+ ((starting != null) ? " (" + starting + ")" : ""))
				+ ". Nothing was read or changed. Wait for it to end, or stop it: its lock frees itself the moment its "
				+ "process ends.");
		this.holder = holder;
	}

	StoreBusyException(String message) {
		super(message);
		this.holder = null;
	}

	/** Who holds the store, when it said so. */
	public @Nullable LockHolder holder() {
		return this.holder;
	}

}
