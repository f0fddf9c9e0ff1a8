package dev.idsync.source.file;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.idsync.config.FileColumns;
import dev.idsync.config.FileSourceProperties;
import dev.idsync.domain.Lifecycle;

/**
 * Turns a record's values into a person, or into one problem naming everything wrong with the record.
 */
final class PersonMapper {

	/** The raw status of everyone in a file without a status column: being listed is all the file says. */
	static final String LISTED = "listed";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private final FileSourceProperties properties;

	private final FileColumns columns;

	PersonMapper(FileSourceProperties properties) {
		this.properties = properties;
		this.columns = properties.columns();
	}

	/** The record's id, trimmed, or {@code null} when blank. */
	@Nullable String id(Row.Values row) {
		return value(row, this.columns.id());
	}

	/**
	 * Maps one record.
	 * @param row the record
	 * @param firstLine the line its id first appeared on ({@code row.line()} when this is the first time)
	 * @return the person, or the problem
	 */
	Outcome map(Row.Values row, int firstLine) {
		List<String> issues = new ArrayList<>();
		String id = id(row);
		if (id == null) {
			issues.add(blank("id", this.columns.id(), "every row needs the person's immutable id"));
		}
		else if (firstLine < row.line()) {
			issues.add("id '" + id + "' already appeared on line " + firstLine + "; ids must be unique within the "
					+ "file, so this row is ignored");
		}
		List<String> emails = emails(row, issues);
		String rawStatus = (this.columns.status() != null) ? value(row, this.columns.status()) : LISTED;
		Lifecycle lifecycle = lifecycle(rawStatus, issues);
		Instant statusSince = statusSince(row, issues);
		if (!issues.isEmpty() || id == null || rawStatus == null || lifecycle == null) {
			return new Problem(row.line(), String.join("; ", issues));
		}
		return new FilePerson(id, emails.get(0), emails, displayName(row, emails.get(0)), lifecycle, rawStatus,
				optional(row, this.columns.employeeId()), optional(row, this.columns.username()), statusSince);
	}

	/** An ISO-8601 instant, or a date taken as the start of that day in UTC. */
	private @Nullable Instant statusSince(Row.Values row, List<String> issues) {
		String text = optional(row, this.columns.statusSince());
		if (text == null) {
			return null;
		}
		try {
			return text.contains("T") ? OffsetDateTime.parse(text).toInstant()
					: LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			issues.add("status-since '" + text + "' (column '" + this.columns.statusSince() + "') is neither an "
					+ "ISO-8601 instant (2026-09-01T08:30:00Z) nor a date (2026-09-01); fix it in the export");
			return null;
		}
	}

	private List<String> emails(Row.Values row, List<String> issues) {
		Set<String> emails = new LinkedHashSet<>();
		String primary = value(row, this.columns.email());
		if (primary == null) {
			issues.add(blank("email", this.columns.email(), "every row needs the person's primary email"));
		}
		else {
			emails.add(address(primary, this.columns.email(), issues));
		}
		String others = this.columns.emails();
		if (others != null) {
			row.list(others).forEach((email) -> emails.add(address(email, others, issues)));
		}
		return List.copyOf(emails);
	}

	private static String address(String email, String column, List<String> issues) {
		if (!EMAIL.matcher(email).matches()) {
			issues.add("email '" + email + "' (column '" + column + "') is not an email address; fix it in the export");
		}
		return email;
	}

	private @Nullable Lifecycle lifecycle(@Nullable String rawStatus, List<String> issues) {
		if (rawStatus == null) {
			issues.add(blank("status", String.valueOf(this.columns.status()), known()));
			return null;
		}
		if (this.columns.status() == null) {
			return Lifecycle.ACTIVE;
		}
		Lifecycle lifecycle = this.properties.lifecycle(rawStatus);
		if (lifecycle == null) {
			issues.add("status '" + rawStatus + "' (column '" + this.columns.status() + "') is not in "
					+ "idsync.files[].status-map; " + known() + ". Add it to status-map with ACTIVE, PENDING, "
					+ "SUSPENDED or DEPROVISIONED");
		}
		return lifecycle;
	}

	private String known() {
		return "known values: " + String.join(", ", this.properties.statusMap().keySet());
	}

	private String displayName(Row.Values row, String primaryEmail) {
		String name = optional(row, this.columns.name());
		if (name != null) {
			return name;
		}
		String first = optional(row, this.columns.firstName());
		String last = optional(row, this.columns.lastName());
		String joined = ((first != null) ? first : "") + " " + ((last != null) ? last : "");
		return joined.isBlank() ? primaryEmail : joined.trim();
	}

	private static String blank(String property, String column, String why) {
		return property + " is blank (column '" + column + "'); " + why;
	}

	private static @Nullable String optional(Row.Values row, @Nullable String column) {
		return (column != null) ? value(row, column) : null;
	}

	private static @Nullable String value(Row.Values row, String column) {
		String text = row.text(column);
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
