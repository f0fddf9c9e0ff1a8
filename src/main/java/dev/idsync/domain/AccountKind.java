package dev.idsync.domain;

/**
 * What a Phorge account stands for.
 */
public enum AccountKind {

	/** A person's account. */
	HUMAN,

	/** A bot (Phorge's "system agent"): never a person, but owned by one. */
	BOT,

	/** A mailing list: never a person. */
	LIST

}
