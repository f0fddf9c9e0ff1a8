package dev.idsync.source.file;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.idsync.config.FileColumns;
import dev.idsync.domain.Lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

class PersonMapperTests {

	private static final FileColumns COLUMNS = new FileColumns("id", "email", "aliases", "name", "first", "last",
			"status", "employee", "login");

	private final PersonMapper mapper = new PersonMapper(FileSources.properties(Path.of("hr.csv"), COLUMNS));

	@Test
	void mapCarriesEmployeeIdAndUsernameHint() {
		Outcome outcome = this.mapper.map(row(Map.of("id", "W1", "email", "A@X.org", "aliases", "a@y.org;A@x.org",
				"name", " Ann Lee ", "status", "ON_LEAVE", "employee", " E1 ", "login", "alee")), 3);
		assertThat(outcome).isEqualTo(new FilePerson("W1", "A@X.org", List.of("A@X.org", "a@y.org", "A@x.org"),
				"Ann Lee", Lifecycle.SUSPENDED, "ON_LEAVE", "E1", "alee", null));
		assertThat(((FilePerson) outcome).identity("hr").emails()).containsExactly("a@x.org", "a@y.org");
	}

	@Test
	void mapWhenOptionalValuesBlankLeavesThemOut() {
		Outcome outcome = this.mapper.map(row(Map.of("id", "W1", "email", "a@x.org", "first", "Ann", "status",
				"active", "employee", " ", "login", "")), 3);
		assertThat(outcome).isEqualTo(new FilePerson("W1", "a@x.org", List.of("a@x.org"), "Ann", Lifecycle.ACTIVE,
				"active", null, null, null));
	}

	@Test
	void mapReadsStatusSinceAsAnInstantOrAsTheStartOfADayInUtc() {
		PersonMapper mapper = new PersonMapper(FileSources.properties(Path.of("hr.csv"),
				new FileColumns("id", "email", null, null, null, null, null, null, null, "since")));
		assertThat(mapper.map(row(Map.of("id", "W1", "email", "a@x.org", "since", "2026-09-01T10:30:00+02:00")), 3))
			.extracting((outcome) -> ((FilePerson) outcome).identity("hr").statusSince())
			.isEqualTo(Instant.parse("2026-09-01T08:30:00Z"));
		assertThat(mapper.map(row(Map.of("id", "W1", "email", "a@x.org", "since", " 2026-09-01 ")), 3))
			.extracting((outcome) -> ((FilePerson) outcome).statusSince())
			.isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
		assertThat(mapper.map(row(Map.of("id", "W1", "email", "a@x.org")), 3))
			.extracting((outcome) -> ((FilePerson) outcome).statusSince())
			.isNull();
		assertThat(mapper.map(row(Map.of("id", "W1", "email", "a@x.org", "since", "01/09/2026")), 3))
			.isEqualTo(new Problem(3, "status-since '01/09/2026' (column 'since') is neither an ISO-8601 instant "
					+ "(2026-09-01T08:30:00Z) nor a date (2026-09-01); fix it in the export"));
	}

	@Test
	void mapWhenIdSeenBeforeReportsTheFirstLine() {
		assertThat(this.mapper.map(row(Map.of("id", "W1", "email", "a@x.org", "status", "left")), 2))
			.isEqualTo(new Problem(3, "id 'W1' already appeared on line 2; ids must be unique within the file, so "
					+ "this row is ignored"));
	}

	private static Row.Values row(Map<String, String> values) {
		return new Row.Values() {

			@Override
			public int line() {
				return 3;
			}

			@Override
			public @Nullable String text(String column) {
				return values.get(column);
			}

		};
	}

}
