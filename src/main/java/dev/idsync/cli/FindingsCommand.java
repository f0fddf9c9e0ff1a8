package dev.idsync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.idsync.domain.Category;
import dev.idsync.domain.Finding;
import dev.idsync.domain.FindingHistory;
import dev.idsync.store.CloseableIterator;
import dev.idsync.store.FindingStore;
import dev.idsync.store.IdsyncStore;
import dev.idsync.store.RunStore;

/**
 * {@code idsync findings}: a recorded run's findings, filtered, one line each.
 */
@Command(name = "findings", mixinStandardHelpOptions = true,
		description = { "Lists the findings of the newest completed run (or of --run), one line each: category, "
				+ "severity, new or persisting, account, identity and the rule that decided. 'idsync report --format "
				+ "html' shows their evidence." },
		footerHeading = "%nExit codes:%n", footer = { "  0 listed (none may match), 1 no such run, or an error" })
final class FindingsCommand implements Callable<Integer> {

	private static final String ROW = "%-18s %-5s %-10s %-24s %-32s %s%n";

	@Spec
	@Nullable CommandSpec spec;

	@Option(names = "--config", required = true, paramLabel = "FILE", description = "The idsync configuration.")
	@Nullable Path config;

	@Option(names = "--run", paramLabel = "RUN_ID", description = "The run (default: the newest that completed).")
	@Nullable String runId;

	@Option(names = "--category", paramLabel = "CODE", split = ",",
			description = "Only findings of this category (repeatable, or comma-separated), e.g. LEAVER_ACTIVE.")
	List<String> categories = new ArrayList<>();

	@Option(names = "--new", description = "Only findings that are new since the last complete run.")
	boolean onlyNew;

	@Override
	public Integer call() {
		Set<Category> wanted = categories();
		return StoreAccess.withStore(this.config, this.spec.commandLine().getErr(), (store) -> list(store, wanted));
	}

	private int list(IdsyncStore store, Set<Category> wanted) {
		PrintWriter out = this.spec.commandLine().getOut();
		String picked = RecordedRuns.pick(new RunStore(store.dataSource()), this.runId,
				this.spec.commandLine().getErr());
		if (picked == null) {
			return 1;
		}
		int listed = 0;
		int all = 0;
		out.printf(ROW, "CATEGORY", "SEV", "SINCE LAST", "ACCOUNT", "IDENTITY", "RULE");
		try (CloseableIterator<Finding> findings = new FindingStore(store.dataSource()).findings(picked)) {
			while (findings.hasNext()) {
				Finding finding = findings.next();
				all++;
				if (matches(finding, wanted)) {
					listed++;
					out.printf(ROW, finding.category(), finding.category().severity(),
							(finding.history() != null) ? finding.history().sinceLast() : "-",
							(finding.username() != null) ? "@" + finding.username() : "-",
							(finding.identity() != null) ? finding.identity() : "-", finding.rule());
				}
			}
		}
		out.println(listed + " of the " + all + " findings of run " + picked + ".");
		return 0;
	}

	private boolean matches(Finding finding, Set<Category> wanted) {
		boolean fresh = finding.history() != null && finding.history().sinceLast() == FindingHistory.Change.NEW;
		return (wanted.isEmpty() || wanted.contains(finding.category())) && (!this.onlyNew || fresh);
	}

	private Set<Category> categories() {
		Set<Category> wanted = EnumSet.noneOf(Category.class);
		for (String code : this.categories) {
			try {
				wanted.add(Category.valueOf(code.trim().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new ParameterException(this.spec.commandLine(), "--category: '" + code + "' is not a category "
						+ "code. The codes: " + EnumSet.allOf(Category.class) + ".");
			}
		}
		return wanted;
	}

}
