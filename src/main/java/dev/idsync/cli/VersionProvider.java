package dev.idsync.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code --version} prints: the version and the commit the build was made from, as the build recorded them in
 * {@code git.properties}; a build made outside a git checkout says that its commit is unknown.
 */
final class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() throws IOException {
		Properties build = gitProperties();
		String version = build.getProperty("git.build.version", jarVersion());
		return new String[] { "idsync " + version + " (" + commit(build) + ")" };
	}

	private static Properties gitProperties() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = VersionProvider.class.getResourceAsStream("/git.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		return properties;
	}

	private static String jarVersion() {
		String version = IdsyncCli.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "development";
	}

	private static String commit(Properties build) {
		String id = build.getProperty("git.commit.id.abbrev");
		if (id == null) {
			return "commit unknown: built outside a git checkout";
		}
		String changes = Boolean.parseBoolean(build.getProperty("git.dirty")) ? " with uncommitted changes" : "";
		return "commit " + id + changes + ", " + build.getProperty("git.commit.time", "time unknown");
	}

}
