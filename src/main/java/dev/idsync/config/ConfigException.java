package dev.idsync.config;

/**
 * A configuration mistake, naming the property and how to fix it. idsync stops before it touches anything.
 */
public class ConfigException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message the property, what is wrong with it and the fix, in one or two sentences
	 */
	public ConfigException(String message) {
		super(message);
	}

}
