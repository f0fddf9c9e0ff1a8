package dev.idsync.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.idsync.batch.CatalogExport;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.store.IdsyncStore;

/**
 * {@code idsync export}: what idsync knows, for other tools.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Exports what idsync knows for other tools.",
		subcommands = ExportCommand.Backstage.class)
final class ExportCommand {

	/** {@code idsync export backstage}. */
	@Command(name = "backstage", mixinStandardHelpOptions = true,
			description = { "Writes a Backstage catalog file: one User entity (backstage.io/v1alpha1) per person "
					+ "durably linked to a Phorge account, as the newest run saw them, with the Phorge username and "
					+ "PHID, the person's id in each identity source as annotations, and a link to the Phorge profile. "
					+ "Only people active in the identity sources, unless --include-inactive.",
					"Refuses when the newest run did not complete or did not read every source completely: people "
							+ "missing from an incomplete read would vanish from the catalog." },
			footerHeading = "%nExit codes:%n",
			footer = { "  0 written, 1 no complete run to export from, or an error" })
	static final class Backstage implements Callable<Integer> {

		@Spec
		@Nullable CommandSpec spec;

		@Option(names = "--config", required = true, paramLabel = "FILE", description = "The idsync configuration.")
		@Nullable Path config;

		@Option(names = { "-o", "--output" }, required = true, paramLabel = "FILE",
				description = "The catalog file to write (replaced atomically), e.g. catalog/phorge-users.yaml.")
		@Nullable Path output;

		@Option(names = "--include-inactive", description = "Also people suspended or deprovisioned in the sources.")
		boolean includeInactive;

		@Override
		public Integer call() {
			return StoreAccess.withStore(this.config, this.spec.commandLine().getErr(), this::export);
		}

		private int export(IdsyncProperties properties, IdsyncStore store) {
			CatalogExport.Outcome outcome = CatalogExport.write(store.dataSource(), properties.phorge().url(),
					this.output, this.includeInactive);
			if (outcome.refusal() != null) {
				this.spec.commandLine().getErr().println("idsync: " + outcome.refusal());
				return 1;
			}
			this.spec.commandLine().getOut().println("Wrote " + outcome.written() + " Backstage User entities (run "
					+ outcome.runId() + ") to " + this.output);
			return 0;
		}

	}

}
