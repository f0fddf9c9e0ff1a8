package dev.idsync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.idsync.domain.ManualMapping;

/**
 * {@code idsync mapping}: the manual mappings kept in idsync's database (the mappings file is the other place).
 */
@Command(name = "mapping", mixinStandardHelpOptions = true,
		description = { "Manual mappings kept in idsync's database: an admin's statement that a Phorge account belongs "
				+ "to an identity, the strongest correlation evidence; it settles disputes and confirms a changed IdP "
				+ "id. They apply from the next run. (idsync.reconcile.mappings-file holds mappings too.)" },
		subcommands = { MappingCommand.Add.class, MappingCommand.ListMappings.class })
final class MappingCommand {

	/** {@code idsync mapping add}. */
	@Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a manual mapping.")
	static final class Add implements Callable<Integer> {

		@Spec
		@Nullable CommandSpec spec;

		@Option(names = "--config", required = true, paramLabel = "FILE", description = "The idsync configuration.")
		@Nullable Path config;

		@Option(names = "--username", required = true, paramLabel = "USER", description = "The Phorge account.")
		@Nullable String username;

		@Option(names = "--identity", required = true, paramLabel = "ID",
				description = "The person: one of their email addresses, or source:id (e.g. okta:00u1abc).")
		@Nullable String identity;

		@Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept as evidence).")
		@Nullable String reason;

		@Option(names = "--by", paramLabel = "WHO", description = "Who adds it (default: your login name).")
		@Nullable String by;

		@Override
		public Integer call() {
			ManualMapping mapping;
			try {
				mapping = new ManualMapping(this.username, this.identity, who(this.by), this.reason, "command line");
			}
			catch (IllegalArgumentException ex) {
				this.spec.commandLine().getErr().println("idsync: --identity: " + ex.getMessage()
						+ ". Use an email address or source:id.");
				return 1;
			}
			int exit = StoreAccess.changeMappings(this.config, this.spec.commandLine().getErr(), "idsync mapping add",
					(store) -> store.addMapping(mapping.username(), mapping.identity(), mapping.addedBy(),
							mapping.reason(), Instant.now()));
			if (exit != 0) {
				return exit;
			}
			this.spec.commandLine().getOut().println("Mapped @" + mapping.username() + " to " + mapping.identity()
					+ " (" + mapping.describe() + "); it applies from the next run.");
			return 0;
		}

	}

	/** {@code idsync mapping list}. */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the manual mappings in idsync's "
			+ "database.")
	static final class ListMappings implements Callable<Integer> {

		@Spec
		@Nullable CommandSpec spec;

		@Option(names = "--config", required = true, paramLabel = "FILE", description = "The idsync configuration.")
		@Nullable Path config;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			return StoreAccess.withMappings(this.config, this.spec.commandLine().getErr(), (store) -> {
				List<ManualMapping> mappings = store.mappings();
				if (mappings.isEmpty()) {
					out.println("No manual mappings in idsync's database.");
				}
				mappings.forEach((m) -> out.println("@" + m.username() + " = " + m.identity() + "  " + m.describe()));
			});
		}

	}

	static String who(@Nullable String by) {
		return (by != null && !by.isBlank()) ? by : System.getProperty("user.name", "unknown");
	}

}
