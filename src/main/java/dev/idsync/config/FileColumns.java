package dev.idsync.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where a file source keeps each of idsync's fields ({@code idsync.files[].columns}): CSV header names (matched
 * ignoring case and surrounding spaces), column numbers from 1 when the CSV has no header, or JSON keys (a key, or a
 * JSON Pointer such as {@code /profile/email} for a nested value).
 *
 * @param id the column holding the person's immutable id (an employee number, an IdP's user id; never an email)
 * @param email the column holding the primary email address
 * @param emails a column holding further addresses, separated by {@code ;} or {@code ,} (in JSON also an array)
 * @param name a column holding the display name
 * @param firstName a column holding the first name, used with {@code last-name} when {@code name} is unset or blank
 * @param lastName a column holding the last name
 * @param status a column holding the person's status, looked up in {@code status-map}; without it everyone listed
 * is active
 * @param employeeId a column holding the HR employee id, which links one person's records across sources
 * @param username a column holding the person's Phorge username, a hint for matching accounts
 * @param statusSince a column holding when the person's status last changed, an ISO-8601 instant
 * ({@code 2026-09-01T08:30:00Z}) or date ({@code 2026-09-01}, the start of that day in UTC)
 */
public record FileColumns(String id, String email, @Nullable String emails, @Nullable String name,
		@Nullable String firstName, @Nullable String lastName, @Nullable String status, @Nullable String employeeId,
		@Nullable String username, @Nullable String statusSince) {

	@ConstructorBinding
	public FileColumns {
		id = require("id", id, "the person's immutable id, e.g. employee_number");
		email = require("email", email, "the person's primary email address, e.g. work_email");
		emails = optional(emails);
		name = optional(name);
		firstName = optional(firstName);
		lastName = optional(lastName);
		status = optional(status);
		employeeId = optional(employeeId);
		username = optional(username);
		statusSince = optional(statusSince);
	}

	/** The columns of a file that does not say since when each person's status holds. */
	public FileColumns(String id, String email, @Nullable String emails, @Nullable String name,
			@Nullable String firstName, @Nullable String lastName, @Nullable String status, @Nullable String employeeId,
			@Nullable String username) {
		this(id, email, emails, name, firstName, lastName, status, employeeId, username, null);
	}

	/**
	 * Every mapped column by its property name, e.g. {@code email -> work_email}, in declaration order.
	 * @return the property names and the columns they name
	 */
	public Map<String, String> mapped() {
		Map<String, String> mapped = new LinkedHashMap<>();
		mapped.put("id", this.id);
		mapped.put("email", this.email);
		put(mapped, "emails", this.emails);
		put(mapped, "name", this.name);
		put(mapped, "first-name", this.firstName);
		put(mapped, "last-name", this.lastName);
		put(mapped, "status", this.status);
		put(mapped, "employee-id", this.employeeId);
		put(mapped, "username", this.username);
		put(mapped, "status-since", this.statusSince);
		return mapped;
	}

	private static void put(Map<String, String> mapped, String property, @Nullable String column) {
		if (column != null) {
			mapped.put(property, column);
		}
	}

	private static String require(String property, @Nullable String column, String holds) {
		if (column == null || column.isBlank()) { // the binder passes null when the property is missing
			throw new ConfigException("idsync.files[].columns." + property + " is required: set it to the column "
					+ "(CSV header) or key (JSON) holding " + holds + ".");
		}
		return column.trim();
	}

	private static @Nullable String optional(@Nullable String column) {
		return (column == null || column.isBlank()) ? null : column.trim();
	}

}
