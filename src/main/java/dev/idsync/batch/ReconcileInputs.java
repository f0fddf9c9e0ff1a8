package dev.idsync.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.ConfigException;
import dev.idsync.config.ReconcileProperties;
import dev.idsync.domain.Exemption;
import dev.idsync.domain.ManualMapping;
import dev.idsync.reconcile.ReconcileFiles;
import dev.idsync.store.MappingStore;

/**
 * What admins decided, as it stands now: manual mappings and exemptions from their files and tables, and the
 * protected accounts of the configuration. A file that cannot be read or has a bad line is a configuration error
 * naming the line and the fix: a half-read exemptions file could expose an account it meant to protect.
 */
final class ReconcileInputs {

	private final MappingStore mappings;

	private final ReconcileProperties properties;

	ReconcileInputs(MappingStore mappings, ReconcileProperties properties) {
		this.mappings = mappings;
		this.properties = properties;
	}

	/** The manual mappings of the table and the file. */
	List<ManualMapping> mappings() {
		List<ManualMapping> mapped = new ArrayList<>(this.mappings.mappings());
		String text = read(this.properties.mappingsFile(), "idsync.reconcile.mappings-file");
		if (text != null) {
			mapped.addAll(parse(() -> ReconcileFiles.mappings(name(this.properties.mappingsFile()), text),
					"idsync.reconcile.mappings-file"));
		}
		return mapped;
	}

	/** The exemptions of the table and the file, and the protected accounts (exemptions without expiry). */
	List<Exemption> exemptions() {
		List<Exemption> exempt = new ArrayList<>(this.mappings.exemptions());
		String text = read(this.properties.exemptionsFile(), "idsync.reconcile.exemptions-file");
		if (text != null) {
			exempt.addAll(parse(() -> ReconcileFiles.exemptions(name(this.properties.exemptionsFile()), text),
					"idsync.reconcile.exemptions-file"));
		}
		this.properties.protectedAccounts().forEach((username) -> exempt.add(new Exemption(username, "idsync "
				+ "configuration", "protected account: idsync never acts on it", null,
				"idsync.reconcile.protected-accounts")));
		return exempt;
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

	private static <T> List<T> parse(Supplier<List<T>> parser, String property) {
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
