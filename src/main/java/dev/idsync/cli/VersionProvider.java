package dev.idsync.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version {@code --version} prints: the jar's, or {@code development} when run from the classes.
 */
final class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = IdsyncCli.class.getPackage().getImplementationVersion();
		return new String[] { "idsync " + ((version != null) ? version : "development") };
	}

}
