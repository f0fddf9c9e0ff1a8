package dev.idsync.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.idsync.config.ConfigException;
import dev.idsync.config.ReconcileProperties;
import dev.idsync.domain.Exemption;
import dev.idsync.domain.ManualMapping;
import dev.idsync.reconcile.ReconcileFiles;
import dev.idsync.store.MappingStore;
import dev.idsync.store.StagingStore;

/**
 * Stages what admins decided for this run: manual mappings (file and table), exemptions (file and table) and the
 * protected accounts. A file that cannot be read or has a bad line fails the run before any source is read, naming
 * the line and the fix: a half-read exemptions file could expose an account it meant to protect.
 */
final class StageReconcileInputsTasklet implements Tasklet {

	private final MappingStore mappings;

	private final StagingStore staging;

	private final ReconcileProperties properties;

	StageReconcileInputsTasklet(MappingStore mappings, StagingStore staging, ReconcileProperties properties) {
		this.mappings = mappings;
		this.staging = staging;
		this.properties = properties;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String runId = RunParameters.runId(contribution.getStepExecution());
		List<ManualMapping> mapped = new ArrayList<>(this.mappings.mappings());
		String mappingsText = read(this.properties.mappingsFile(), "idsync.reconcile.mappings-file");
		if (mappingsText != null) {
			mapped.addAll(parse(() -> ReconcileFiles.mappings(name(this.properties.mappingsFile()), mappingsText),
					"idsync.reconcile.mappings-file"));
		}
		this.staging.deleteMappings(runId);
		this.staging.insertMappings(runId, mapped);
		List<Exemption> exempt = new ArrayList<>(this.mappings.exemptions());
		String exemptionsText = read(this.properties.exemptionsFile(), "idsync.reconcile.exemptions-file");
		if (exemptionsText != null) {
			exempt.addAll(parse(() -> ReconcileFiles.exemptions(name(this.properties.exemptionsFile()), exemptionsText),
					"idsync.reconcile.exemptions-file"));
		}
		this.properties.protectedAccounts().forEach((username) -> exempt.add(new Exemption(username, "idsync "
				+ "configuration", "protected account: idsync never acts on it", null,
				"idsync.reconcile.protected-accounts")));
		this.mappings.deleteStagedExemptions(runId);
		this.mappings.stageExemptions(runId, exempt);
		contribution.incrementWriteCount(mapped.size() + exempt.size());
		return RepeatStatus.FINISHED;
	}

	private static @Nullable String read(@Nullable Path file, String property) {
		if (file == null) {
			return null;
		}
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ConfigException(property + ": cannot read " + file + " (" + ex.getClass().getSimpleName()
					+ "): create it (a header line is enough) or remove the property.");
		}
	}

	private static <T> List<T> parse(java.util.function.Supplier<List<T>> parser, String property) {
		try {
			return parser.get();
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigException(property + ": " + ex.getMessage());
		}
	}

	private static String name(@Nullable Path file) {
		return (file != null && file.getFileName() != null) ? file.getFileName().toString() : String.valueOf(file);
	}

}
