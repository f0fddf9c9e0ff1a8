package dev.idsync.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import dev.idsync.config.LogProperties.Format;

/**
 * Switches idsync's logging between its formats while it runs: {@code logback.xml} picks the format from the system
 * property {@code idsync.log.format}, so the property is set and the same file read again. Each run's Spring Boot
 * application reads that file again as it starts, with the same property, and so keeps the format.
 */
final class Logback {

	/** The system property {@code logback.xml} reads the format from. */
	static final String FORMAT_PROPERTY = "idsync.log.format";

	private Logback() {
	}

	/**
	 * Logs in this format from now on, in this process.
	 * @param format the format
	 * @throws IllegalStateException when logback cannot be configured so
	 */
	static void use(Format format) {
		if (format.label().equals(System.getProperty(FORMAT_PROPERTY, Format.HUMAN.label()))
				|| !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return;
		}
		System.setProperty(FORMAT_PROPERTY, format.label());
		context.reset();
		context.getStatusManager().clear();
		try {
			new ContextInitializer(context).autoConfig();
		}
		catch (JoranException ex) {
			throw new IllegalStateException("cannot log in " + format.label() + ": " + ex.getMessage(), ex);
		}
		for (Status status : context.getStatusManager().getCopyOfStatusList()) {
			if (status.getLevel() == Status.ERROR) {
				throw new IllegalStateException("cannot log in " + format.label() + ": " + status.getMessage());
			}
		}
		if (format == Format.JSON && !SLF4JBridgeHandler.isInstalled()) {
			// java.util.logging (JDBC drivers, HTTP clients) would print plain text to standard error otherwise
			SLF4JBridgeHandler.removeHandlersForRootLogger();
			SLF4JBridgeHandler.install();
		}
	}

}
