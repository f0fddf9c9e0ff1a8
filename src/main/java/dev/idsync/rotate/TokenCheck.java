package dev.idsync.rotate;

/**
 * The port that asks Phorge whose token a value is ({@code user.whoami} presented with it).
 */
@FunctionalInterface
public interface TokenCheck {

	/**
	 * The PHID of the account the token acts as.
	 * @throws RuntimeException when Phorge refuses the token (the message never carries it)
	 */
	String ownerOf(TokenValue token);

}
