package dev.idsync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code idsync}: keeps a Phorge/Phabricator instance's accounts honest against the identity providers.
 */
@Command(name = "idsync", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = { "Keeps a Phorge/Phabricator instance's accounts honest against Okta, Google Workspace "
				+ "and HR exports: reads everyone, correlates them with every Phorge account, and reports drift with "
				+ "the evidence for it." },
		subcommands = { RunCommand.class, PlanCommand.class, ApplyCommand.class, UndoCommand.class, RotateCommand.class,
				ServeCommand.class, DoctorCommand.class, MappingCommand.class, ExemptionCommand.class, ReportCommand.class,
				HistoryCommand.class, FindingsCommand.class, ExportCommand.class, DemoCommand.class, SimCommand.class,
				CommandLine.HelpCommand.class },
		footerHeading = "%nExit codes:%n",
		footer = { "  0  the run completed and found no drift",
				"  1  error: bad configuration, unreachable system, or a source read",
				"     incompletely (the report says which); nothing was changed",
				"  2  the run completed and found drift (report-only runs too, so that",
				"     cron can alert)",
				"  3  a safety gate stopped actions", "",
				"Run 'idsync demo' to see a report against the built-in simulator, no set-up needed." })
public final class IdsyncCli {

	private IdsyncCli() {
	}

	/**
	 * Runs a command and exits with its code.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/** The command line, with usage mistakes mapped to exit code 1 (2 means drift). */
	static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new IdsyncCli());
		commandLine.setParameterExceptionHandler((ex, args) -> {
			CommandLine failed = ex.getCommandLine();
			failed.getErr().println("idsync: " + ex.getMessage());
			failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
			return 1;
		});
		commandLine.setExecutionExceptionHandler((ex, failed, parsed) -> {
			failed.getErr().println("idsync: " + ex.getMessage());
			return 1;
		});
		return commandLine;
	}

}
