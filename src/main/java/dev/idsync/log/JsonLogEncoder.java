package dev.idsync.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Spring Boot's structured logging (one JSON object per line), also outside a run's application. Boot's encoder reads
 * its settings ({@code logging.structured.*}) from the Spring {@link Environment} Boot puts in the logger context, and
 * there is none before a run's application starts (reading the configuration, taking the run lock) or after it ends.
 * There it gets the environment a run's application would have: {@code application.properties}, the system
 * properties and environment variables, the process id and idsync's version; only what Boot's formatter reads of it
 * reaches a line.
 */
public class JsonLogEncoder extends StructuredLogEncoder {

	@Override
	public void start() {
		if (getContext().getObject(Environment.class.getName()) == null) {
			getContext().putObject(Environment.class.getName(), outsideRun());
		}
		super.start();
	}

	private static Environment outsideRun() {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> application = new HashMap<>();
		application.put("spring.application.pid", ProcessHandle.current().pid());
		String version = JsonLogEncoder.class.getPackage().getImplementationVersion();
		if (version != null) {
			application.put("spring.application.version", version);
		}
		environment.getPropertySources().addLast(new MapPropertySource("application", application));
		try {
			environment.getPropertySources().addLast(new ResourcePropertySource("classpath:application.properties"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return environment;
	}

}
