package dev.idsync.store;

import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.idsync.config.StoreProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 does not always keep the {@code IOException} of a failed write as a cause (seen in CI on a full tmpfs): the
 * message then says only how many bytes could not be written, and idsync decides from the free space of the store's
 * disk whether the disk is full.
 */
class StoreFailureTests {

	@TempDir
	Path folder;

	@Test
	void aWriteLargerThanTheFreeSpaceWithoutItsCauseIsADiskFull() {
		StoreProperties store = h2Store();
		Throwable failure = h2WriteFailed(Long.MAX_VALUE / 2);

		assertThat(StoreFailure.describe(failure, store)).hasValueSatisfying((line) -> assertThat(line)
			.startsWith("idsync's store (idsync.store.url jdbc:h2:file:" + this.folder.resolve("idsync") + "): ")
			.contains("the disk that holds it is full (No space left on device)")
			.doesNotContain("FileChannelImpl"));
	}

	@Test
	void aFailedWriteWithRoomToSpareIsNotCalledADiskFull() {
		Throwable failure = h2WriteFailed(4096);

		assertThat(StoreFailure.describe(failure, h2Store())).hasValueSatisfying((line) -> assertThat(line)
			.doesNotContain("disk that holds it is full")
			.contains("Writing to")
			.doesNotContain("SQL statement"));
	}

	@Test
	void theCauseItselfSaysTheDiskIsFull() {
		MVStoreException writeFailed = new MVStoreException(2, "Writing failed");
		writeFailed.initCause(new java.io.IOException("No space left on device"));
		Throwable failure = new SQLException("General error", "HY000", 50000, writeFailed);

		assertThat(StoreFailure.describe(failure)).hasValueSatisfying(
				(line) -> assertThat(line).contains("the disk that holds it is full (No space left on device)"));
	}

	@Test
	void aFailedBatchIsDescribedByTheServersErrorNotByItsStatement() {
		BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO "
				+ "stage_account_security (run_id, phid, mfa) VALUES (('night-2'), ('PHID-USER-1'), ('FALSE'::boolean)) "
				+ "was aborted: ERROR: new row for relation … Call getNextException to see other errors in the batch.",
				"23514", 0, new int[0]);
		batch.setNextException(new SQLException("ERROR: new row for relation \"stage_account_security\" violates "
				+ "check constraint \"refuse_all\"\n  Detail: Failing row contains (night-2, PHID-USER-1, f).", "23514"));

		assertThat(StoreFailure.describe(new RuntimeException("chunk failed", batch))).hasValue("idsync's store "
				+ "(idsync.store.url): ERROR: new row for relation \"stage_account_security\" violates check "
				+ "constraint \"refuse_all\"");
	}

	@Test
	void aFailureThatIsNotTheStoresIsNotDescribed() {
		assertThat(StoreFailure.describe(new IllegalStateException("something else"))).isEmpty();
	}

	private StoreProperties h2Store() {
		return new StoreProperties("jdbc:h2:file:" + this.folder.resolve("idsync"), "sa", null, "IDSYNC_STORE_PASSWORD");
	}

	private static Throwable h2WriteFailed(long length) {
		String message = "Writing to sun.nio.ch.FileChannelImpl@16c535ad failed; length " + length
				+ " at 2969600 [2.4.240/2]";
		return new SQLException("General error: \"" + message + "\"; SQL statement:\nINSERT INTO finding VALUES (?)",
				"HY000", 50000, new MVStoreException(2, message));
	}

}
