package dev.idsync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.idsync.domain.Exemption;

/**
 * {@code idsync exemption}: the exemptions kept in idsync's database (the exemptions file is the other place).
 */
@Command(name = "exemption", mixinStandardHelpOptions = true,
		description = { "Exemptions kept in idsync's database: an account reported as EXEMPT and never acted on until "
				+ "the exemption expires; an expired one is reported. They apply from the next run. "
				+ "(idsync.reconcile.exemptions-file holds exemptions too; accounts never to be touched belong in "
				+ "idsync.reconcile.protected-accounts.)" },
		subcommands = { ExemptionCommand.Add.class, ExemptionCommand.ListExemptions.class })
final class ExemptionCommand {

	/** {@code idsync exemption add}. */
	@Command(name = "add", mixinStandardHelpOptions = true, description = "Adds an exemption.")
	static final class Add implements Callable<Integer> {

		@Spec
		@Nullable CommandSpec spec;

		@Option(names = "--config", required = true, paramLabel = "FILE", description = "The idsync configuration.")
		@Nullable Path config;

		@Option(names = "--username", required = true, paramLabel = "USER", description = "The Phorge account.")
		@Nullable String username;

		@Option(names = "--owner", required = true, paramLabel = "WHO",
				description = "Who answers for the exemption (an email address).")
		@Nullable String owner;

		@Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept as evidence).")
		@Nullable String reason;

		@Option(names = "--expires", required = true, paramLabel = "YYYY-MM-DD",
				description = "The last day (UTC) the exemption holds; today or later.")
		@Nullable LocalDate expires;

		@Override
		public Integer call() {
			LocalDate today = LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC));
			if (this.expires.isBefore(today)) {
				this.spec.commandLine().getErr().println("idsync: --expires " + this.expires + " is in the past; "
						+ "give the last day the exemption should hold (today is " + today + ").");
				return 1;
			}
			int exit = StoreAccess.changeMappings(this.config, this.spec.commandLine().getErr(),
					"idsync exemption add",
					(store) -> store.addExemption(this.username, this.owner, this.reason, this.expires, Instant.now()));
			if (exit != 0) {
				return exit;
			}
			this.spec.commandLine().getOut().println("Exempted @" + this.username + " until " + this.expires
					+ " (owner " + this.owner + "); it applies from the next run, and the write guard checks it before "
					+ "every write to Phorge, restarts and undos included.");
			return 0;
		}

	}

	/** {@code idsync exemption list}. */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the exemptions in idsync's database.")
	static final class ListExemptions implements Callable<Integer> {

		@Spec
		@Nullable CommandSpec spec;

		@Option(names = "--config", required = true, paramLabel = "FILE", description = "The idsync configuration.")
		@Nullable Path config;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			return StoreAccess.withMappings(this.config, this.spec.commandLine().getErr(), (store) -> {
				List<Exemption> exemptions = store.exemptions();
				if (exemptions.isEmpty()) {
					out.println("No exemptions in idsync's database.");
				}
				exemptions.forEach((e) -> out.println("@" + e.username() + "  " + e.describe()
						+ (e.holdsOn(today) ? "" : "  EXPIRED")));
			});
		}

	}

}
