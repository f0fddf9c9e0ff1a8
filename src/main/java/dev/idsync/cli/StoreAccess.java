package dev.idsync.cli;

import java.nio.file.Path;

import dev.idsync.config.ConfigLoader;
import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.config.StoreProperties;
import dev.idsync.store.IdsyncStore;

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
	static IdsyncStore open(Path config) {
		IdsyncProperties properties = ConfigLoader.load(config);
		StoreProperties store = properties.store();
		return IdsyncStore.open(store.url(), store.username(),
				Credentials.storePassword(store, System.getenv()).reveal());
	}

}
