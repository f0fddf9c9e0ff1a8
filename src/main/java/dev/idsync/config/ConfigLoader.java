package dev.idsync.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Loads idsync's configuration from exactly one YAML file: unknown or misspelt properties, wrong types and invalid
 * values stop idsync with one message that names the property and the fix.
 */
public final class ConfigLoader {

	private ConfigLoader() {
	}

	/**
	 * Loads and validates a configuration file.
	 * @param file the YAML file
	 * @return the configuration
	 * @throws ConfigException on any mistake
	 */
	public static IdsyncProperties load(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new ConfigException("The configuration file " + file + " does not exist. Pass --config with the "
					+ "path of your idsync YAML file (see jobs/nightly-sync/idsync.example.yml).");
		}
		List<PropertySource<?>> sources = read(file);
		rejectForeignRoots(sources);
		return bind(sources);
	}

	private static List<PropertySource<?>> read(Path file) {
		try {
			return new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
		}
		catch (IOException | RuntimeException ex) {
			String reason = (ex.getMessage() != null) ? ex.getMessage().lines().findFirst().orElse("") : "";
			throw new ConfigException("The configuration file " + file + " is not valid YAML: " + reason);
		}
	}

	private static void rejectForeignRoots(List<PropertySource<?>> sources) {
		List<String> foreign = new ArrayList<>();
		for (PropertySource<?> source : sources) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (!name.startsWith("idsync.")) {
						foreign.add(name + origin(source, name));
					}
				}
			}
		}
		if (!foreign.isEmpty()) {
			throw new ConfigException("Unknown configuration property " + String.join(", ", foreign)
					+ ". Every property lives under 'idsync:'; see jobs/nightly-sync/idsync.example.yml.");
		}
	}

	private static IdsyncProperties bind(List<PropertySource<?>> sources) {
		Binder binder = new Binder(ConfigurationPropertySources.from(sources));
		try {
			return binder.bindOrCreate("idsync", Bindable.of(IdsyncProperties.class),
					new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
		}
		catch (BindException ex) {
			throw translate(ex);
		}
	}

	private static ConfigException translate(BindException ex) {
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof ConfigException config) {
				// records shared by several sections name their property relative to the section being bound
				return config.getMessage().startsWith("idsync.") ? config
						: new ConfigException(ex.getName() + "." + config.getMessage());
			}
			if (cause instanceof UnboundConfigurationPropertiesException unbound) {
				return new ConfigException("Unknown configuration property " + unbound.getUnboundProperties()
					.stream()
					.map(ConfigLoader::describe)
					.collect(Collectors.joining(", "))
						+ ". Check its spelling against jobs/nightly-sync/idsync.example.yml.");
			}
			cause = cause.getCause();
		}
		ConfigurationProperty property = ex.getProperty();
		if (property == null) {
			// a failure of the section as a whole: say what the binder said, from its deepest cause
			Throwable deepest = ex;
			while (deepest.getCause() != null) {
				deepest = deepest.getCause();
			}
			return new ConfigException(ex.getName() + ": " + deepest.getMessage()
					+ ". Every property is explained in jobs/nightly-sync/idsync.example.yml.");
		}
		return new ConfigException(property.getName() + ": '" + property.getValue() + "'" + where(property.getOrigin())
				+ " is not a valid " + ex.getTarget().getType()
				+ ". Fix the value; every property is explained in jobs/nightly-sync/idsync.example.yml.");
	}

	private static String describe(ConfigurationProperty property) {
		return property.getName() + where(property.getOrigin());
	}

	private static String origin(PropertySource<?> source, String name) {
		return (source instanceof OriginTrackedMapPropertySource tracked) ? where(tracked.getOrigin(name)) : "";
	}

	/** Where in the file a property stands, e.g. {@code (line 4 of /etc/idsync/idsync.yml)}. */
	private static String where(@Nullable Origin origin) {
		if (origin instanceof PropertySourceOrigin wrapper && wrapper.getOrigin() != null) {
			return where(wrapper.getOrigin());
		}
		if (origin instanceof TextResourceOrigin text && text.getLocation() != null && text.getResource() != null) {
			return " (line " + (text.getLocation().getLine() + 1) + " of " + text.getResource().getDescription()
				.replaceFirst("^file \\[(.*)\\]$", "$1") + ")";
		}
		return "";
	}

}
