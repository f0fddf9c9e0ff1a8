package dev.idsync.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Loads idsync's configuration from exactly one YAML file: unknown or misspelt properties, wrong types and invalid
 * values stop idsync with one message that names the property and the fix; a file too large, not UTF-8 text or not
 * valid YAML, with one that says where and why.
 */
public final class ConfigLoader {

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("idsync");

	/** How many unknown properties a message lists before it says how many more there are. */
	private static final int LISTED = 10;

	/** The property a shared record's message starts with, e.g. {@code attempts} in "attempts: 11 is out of range". */
	private static final Pattern RELATIVE_NAME = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*");

	private ConfigLoader() {
	}

	/**
	 * Loads and validates a configuration file of at most 1 MiB of UTF-8 text.
	 * @param file the YAML file
	 * @return the configuration
	 * @throws ConfigException on any mistake
	 */
	public static IdsyncProperties load(Path file) {
		List<PropertySource<?>> sources = ConfigFile.read(file);
		rejectForeignRoots(sources);
		return bind(ConfigurationPropertySources.from(sources));
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
			throw new ConfigException("Unknown configuration property " + listed(foreign)
					+ ". Every property lives under 'idsync:'; see jobs/nightly-sync/idsync.example.yml.");
		}
	}

	private static IdsyncProperties bind(Iterable<ConfigurationPropertySource> sources) {
		UnusedProperties unused = new UnusedProperties();
		IdsyncProperties properties;
		try {
			properties = new Binder(sources).bindOrCreate(ROOT, Bindable.of(IdsyncProperties.class), unused);
		}
		catch (BindException ex) {
			throw translate(ex, sources);
		}
		List<ConfigurationProperty> unknown = unused.under(ROOT, sources);
		if (!unknown.isEmpty()) {
			throw new ConfigException("Unknown configuration property " + listed(unknown.stream()
				.map((property) -> property.getName() + where(property.getOrigin()))
				.toList()) + ". Check its spelling against jobs/nightly-sync/idsync.example.yml.");
		}
		return properties;
	}

	private static ConfigException translate(BindException ex, Iterable<ConfigurationPropertySource> sources) {
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof ConfigException config) {
				// records shared by several sections name their property relative to the section being bound
				return config.getMessage().startsWith("idsync.") ? located(config.getMessage(), sources)
						: relative(ex.getName(), config.getMessage(), sources);
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

	/** A record's message about one of its properties, with the line where that stands in the file, if it does. */
	private static ConfigException located(String message, Iterable<ConfigurationPropertySource> sources) {
		Matcher property = RELATIVE_NAME.matcher(message);
		if (!property.lookingAt()) {
			return new ConfigException(message);
		}
		return new ConfigException(property.group() + where(origin(sources, property.group()))
				+ message.substring(property.end()));
	}

	/** A shared record's message, with the full name of its property and the line where that stands. */
	private static ConfigException relative(ConfigurationPropertyName section, String message,
			Iterable<ConfigurationPropertySource> sources) {
		Matcher property = RELATIVE_NAME.matcher(message);
		if (!property.lookingAt()) {
			return new ConfigException(section + "." + message);
		}
		String name = section + "." + property.group();
		return new ConfigException(name + where(origin(sources, name)) + message.substring(property.end()));
	}

	/** The first few of many items: a file of thousands of unknown keys still gets a message one can read. */
	private static String listed(List<String> items) {
		String shown = String.join(", ", items.subList(0, Math.min(LISTED, items.size())));
		return (items.size() > LISTED) ? shown + " and " + (items.size() - LISTED) + " more" : shown;
	}

	private static String origin(PropertySource<?> source, String name) {
		return (source instanceof OriginTrackedMapPropertySource tracked) ? where(tracked.getOrigin(name)) : "";
	}

	private static @Nullable Origin origin(Iterable<ConfigurationPropertySource> sources, String name) {
		ConfigurationPropertyName key = ConfigurationPropertyName.ofIfValid(name);
		for (ConfigurationPropertySource source : sources) {
			ConfigurationProperty property = (key != null) ? source.getConfigurationProperty(key) : null;
			if (property != null) {
				return property.getOrigin();
			}
		}
		return null;
	}

	/** Where in the file a property stands, e.g. {@code (line 4 of /etc/idsync/idsync.yml)}. */
	private static String where(@Nullable Origin origin) {
		TextResourceOrigin text = text(origin);
		if (text != null && text.getLocation() != null && text.getResource() != null) {
			return " (line " + (text.getLocation().getLine() + 1) + " of " + text.getResource().getDescription() + ")";
		}
		return "";
	}

	private static @Nullable TextResourceOrigin text(@Nullable Origin origin) {
		if (origin instanceof PropertySourceOrigin wrapper && wrapper.getOrigin() != null) {
			return text(wrapper.getOrigin());
		}
		return (origin instanceof TextResourceOrigin text) ? text : null;
	}

}
