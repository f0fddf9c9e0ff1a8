package dev.idsync.cli;

import picocli.CommandLine.Command;

/**
 * {@code idsync sim}: the built-in simulator.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, description = "The built-in simulator of Okta, Google "
		+ "Workspace and Phorge, for trying idsync and for tests.", subcommands = SimServeCommand.class)
final class SimCommand {

}
