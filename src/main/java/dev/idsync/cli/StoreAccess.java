package dev.idsync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.ToIntBiFunction;
import java.util.function.ToIntFunction;

import dev.idsync.config.ConfigException;
import dev.idsync.config.ConfigLoader;
import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.config.StoreProperties;
import dev.idsync.store.IdsyncStore;
import dev.idsync.store.MappingStore;

/**
 * Opens idsync's own database as a configuration names it, for the commands that maintain its tables.
 */
final class StoreAccess {

	private StoreAccess() {
	}

	/**
	 * Loads the configuration and opens the store it names.
	 * @param config the configuration file
	 * @return the open store
	 * @throws dev.idsync.config.ConfigException on a configuration mistake
	 */
	private static IdsyncStore open(Path config) {
		return open(ConfigLoader.load(config));
	}

	private static IdsyncStore open(IdsyncProperties properties) {
		StoreProperties store = properties.store();
		return IdsyncStore.open(store.url(), store.username(),
				Credentials.storePassword(store, System.getenv()).reveal());
	}

	/**
	 * Runs a command against the store a configuration names.
	 * @param config the configuration file
	 * @param err where a configuration mistake is reported
	 * @param command what to do with the store, returning the exit code
	 * @return the command's exit code, or 1 when the configuration is wrong
	 */
	static int withStore(Path config, PrintWriter err, ToIntFunction<IdsyncStore> command) {
		return withStore(config, err, (properties, store) -> command.applyAsInt(store));
	}

	/**
	 * Runs a command against the store a configuration names, with the configuration.
	 * @param config the configuration file
	 * @param err where a configuration mistake is reported
	 * @param command what to do with the configuration and the store, returning the exit code
	 * @return the command's exit code, or 1 when the configuration is wrong
	 */
	static int withStore(Path config, PrintWriter err, ToIntBiFunction<IdsyncProperties, IdsyncStore> command) {
		try {
			IdsyncProperties properties = ConfigLoader.load(config);
			try (IdsyncStore store = open(properties)) {
				return command.applyAsInt(properties, store);
			}
		}
		catch (ConfigException ex) {
			err.println("idsync: configuration error: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * Runs something against the admin tables of the store a configuration names.
	 * @param config the configuration file
	 * @param err where a configuration mistake is reported
	 * @param action what to do with the tables
	 * @return 0, or 1 when the configuration is wrong
	 */
	static int withMappings(Path config, PrintWriter err, Consumer<MappingStore> action) {
		try (IdsyncStore store = open(config)) {
			action.accept(new MappingStore(store.dataSource()));
			return 0;
		}
		catch (ConfigException ex) {
			err.println("idsync: configuration error: " + ex.getMessage());
			return 1;
		}
	}

}
