package dev.idsync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntBiFunction;
import java.util.function.ToIntFunction;

import dev.idsync.config.ConfigException;
import dev.idsync.config.ConfigLoader;
import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.config.StoreProperties;
import dev.idsync.store.IdsyncStore;
import dev.idsync.store.LockHolder;
import dev.idsync.store.LockedStore;
import dev.idsync.store.MappingStore;
import dev.idsync.store.StoreBusyException;
import dev.idsync.store.StoreFailure;

/**
 * Opens idsync's own database as a configuration names it, for the commands that read it (whatever runs) and those
 * that maintain its admin tables (holding the store's run lock, as a run does).
 */
final class StoreAccess {

	private StoreAccess() {
	}

	/**
	 * Runs a read-only command against the store a configuration names.
	 * @param config the configuration file
	 * @param err where a configuration mistake is reported
	 * @param command what to do with the store, returning the exit code
	 * @return the command's exit code, or 1 when the configuration is wrong
	 */
	static int withStore(Path config, PrintWriter err, ToIntFunction<IdsyncStore> command) {
		return withStore(config, err, (properties, store) -> command.applyAsInt(store));
	}

	/**
	 * Runs a read-only command against the store a configuration names, with the configuration.
	 * @param config the configuration file
	 * @param err where a configuration mistake is reported
	 * @param command what to do with the configuration and the store, returning the exit code
	 * @return the command's exit code, or 1 when the configuration is wrong
	 */
	static int withStore(Path config, PrintWriter err, ToIntBiFunction<IdsyncProperties, IdsyncStore> command) {
		IdsyncProperties properties;
		try {
			properties = ConfigLoader.load(config);
		}
		catch (ConfigException ex) {
			err.println("idsync: configuration error: " + ex.getMessage());
			return 1;
		}
		try (IdsyncStore store = IdsyncStore.open(properties.store(), password(properties.store()), true)) {
			return command.applyAsInt(properties, store);
		}
		catch (ConfigException ex) {
			err.println("idsync: configuration error: " + ex.getMessage());
			return 1;
		}
		catch (RuntimeException ex) {
			return storeFailure(ex, properties.store(), err);
		}
	}

	/** A failure of the store in one line (a full disk, a wrong password, …); anything else is thrown on. */
	private static int storeFailure(RuntimeException failure, StoreProperties store, PrintWriter err) {
		if (failure instanceof StoreBusyException) {
			throw failure;
		}
		String line = StoreFailure.describe(failure, store).orElseThrow(() -> failure);
		err.println("idsync: " + line);
		return 1;
	}

	/**
	 * Reads the admin tables of the store a configuration names.
	 * @param config the configuration file
	 * @param err where a configuration mistake is reported
	 * @param action what to do with the tables
	 * @return 0, or 1 when the configuration is wrong
	 */
	static int withMappings(Path config, PrintWriter err, Consumer<MappingStore> action) {
		return withStore(config, err, (store) -> {
			action.accept(new MappingStore(store.dataSource()));
			return 0;
		});
	}

	/**
	 * Changes the admin tables of the store a configuration names, holding the store's run lock.
	 * @param config the configuration file
	 * @param err where a configuration mistake is reported
	 * @param command the command, as a run refused the lock will name it
	 * @param action what to do with the tables
	 * @return 0, or 1 when the configuration is wrong
	 * @throws dev.idsync.store.StoreBusyException when a run holds the store
	 */
	static int changeMappings(Path config, PrintWriter err, String command, Consumer<MappingStore> action) {
		StoreProperties store;
		try {
			store = ConfigLoader.load(config).store();
		}
		catch (ConfigException ex) {
			err.println("idsync: configuration error: " + ex.getMessage());
			return 1;
		}
		try (LockedStore held = LockedStore.open(store, password(store),
				LockHolder.thisProcess(null, command, Instant.now()), Set.of())) {
			action.accept(new MappingStore(held.dataSource()));
			return 0;
		}
		catch (ConfigException ex) {
			err.println("idsync: configuration error: " + ex.getMessage());
			return 1;
		}
		catch (RuntimeException ex) {
			return storeFailure(ex, store, err);
		}
	}

	private static String password(StoreProperties store) {
		return Credentials.storePassword(store, System.getenv()).reveal();
	}

}
