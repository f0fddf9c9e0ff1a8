package dev.idsync.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.idsync.domain.Category;
import dev.idsync.domain.Finding;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.MatchMethod;
import dev.idsync.store.CloseableIterator;

import static org.assertj.core.api.Assertions.assertThat;

class FindingSpoolTests {

	@TempDir
	Path dir;

	@Test
	void findingsComeBackAsTheyWereWrittenForEachFormatAndTheFileIsPrivateAndGoneAfter() throws Exception {
		// given findings with and without account, identity, method and history, and text beyond ASCII
		List<Finding> findings = List.of(
				new Finding(Category.ORPHAN, "ghost", "PHID-USER-1", null, "no identity claims the account",
						List.of("phorge: @ghost, enabled", "okta: nobody"), null,
						new FindingHistory(Instant.parse("2026-12-01T02:30:00.123456789Z"), 3,
								FindingHistory.Change.PERSISTING)),
				new Finding(Category.LINKED_OK, "zoë", "PHID-USER-2", "zoë.łukasz@example.com", "linked",
						List.of(), MatchMethod.EMAIL, null),
				new Finding(Category.JOINER_NO_ACCOUNT, null, null, "new@example.com", "no account yet",
						List.of("okta: ACTIVE, entitled"), null,
						new FindingHistory(Instant.parse("2026-12-07T02:30:00Z"), 1, FindingHistory.Change.NEW)));
		Path file = this.dir.resolve(".run.findings.tmp");

		// when spooled, and read twice
		try (FindingSpool spool = FindingSpool.write(file, iterate(findings))) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			for (int pass = 0; pass < 2; pass++) {
				try (Stream<Finding> read = spool.findings()) {
					// then
					assertThat(read.toList()).isEqualTo(findings);
				}
			}
		}
		assertThat(file).doesNotExist();
	}

	@Test
	void aFailedReadLeavesNoFile() {
		Path file = this.dir.resolve(".run.findings.tmp");
		CloseableIterator<Finding> failing = new CloseableIterator<>() {

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public Finding next() {
				throw new IllegalStateException("the store went away");
			}

			@Override
			public void close() {
			}

		};
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> FindingSpool.write(file, failing));
		assertThat(file).doesNotExist();
	}

	private static CloseableIterator<Finding> iterate(List<Finding> findings) {
		Iterator<Finding> iterator = findings.iterator();
		return new CloseableIterator<>() {

			@Override
			public boolean hasNext() {
				return iterator.hasNext();
			}

			@Override
			public Finding next() {
				return iterator.next();
			}

			@Override
			public void close() {
			}

		};
	}

}
