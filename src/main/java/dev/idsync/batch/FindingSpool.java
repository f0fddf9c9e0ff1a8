package dev.idsync.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.Category;
import dev.idsync.domain.Finding;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.MatchMethod;
import dev.idsync.store.CloseableIterator;

/**
 * A run's findings read once from the store into a private file beside the report, for the report's formats to
 * stream one after the other: three reads of every finding, each sorted by the database (H2 sorts a large result in
 * a temporary file of its own), cost more than one read and three sequential passes over a compact file. Memory
 * stays flat; the file is removed when the spool is closed (and, were the process killed, with the report folder's
 * other leftovers by the next run).
 */
final class FindingSpool implements AutoCloseable {

	private static final Category[] CATEGORIES = Category.values();

	private static final MatchMethod[] METHODS = MatchMethod.values();

	private static final FindingHistory.Change[] CHANGES = FindingHistory.Change.values();

	private final Path file;

	private final long count;

	private FindingSpool(Path file, long count) {
		this.file = file;
		this.count = count;
	}

	/**
	 * Writes the findings to {@code file} (mode 0600: they hold personal data) and closes them.
	 * @param file the spool file
	 * @param findings the findings, in the report's order
	 * @return the spool
	 */
	static FindingSpool write(Path file, CloseableIterator<Finding> findings) {
		long count = 0;
		try (CloseableIterator<Finding> rows = findings;
				DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
						Files.newOutputStream(createPrivate(file)), 1 << 16))) {
			while (rows.hasNext()) {
				write(out, rows.next());
				count++;
			}
		}
		catch (IOException ex) {
			deleteQuietly(file);
			throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			deleteQuietly(file);
			throw ex;
		}
		return new FindingSpool(file, count);
	}

	/** The findings, in the order they were written; close the stream when done. */
	Stream<Finding> findings() {
		DataInputStream in;
		try {
			in = new DataInputStream(new BufferedInputStream(Files.newInputStream(this.file), 1 << 16));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(this.file + ": " + ex.getMessage(), ex);
		}
		Iterator<Finding> iterator = new Iterator<>() {

			private long read;

			@Override
			public boolean hasNext() {
				return this.read < FindingSpool.this.count;
			}

			@Override
			public Finding next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				this.read++;
				try {
					return read(in);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(FindingSpool.this.file + ": " + ex.getMessage(), ex);
				}
			}

		};
		return StreamSupport.stream(Spliterators.spliterator(iterator, this.count, Spliterator.ORDERED), false)
			.onClose(() -> {
				try {
					in.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
	}

	@Override
	public void close() {
		deleteQuietly(this.file);
	}

	private static void write(DataOutputStream out, Finding finding) throws IOException {
		out.writeByte(finding.category().ordinal());
		string(out, finding.username());
		string(out, finding.phid());
		string(out, finding.identity());
		string(out, finding.rule());
		out.writeInt(finding.evidence().size());
		for (String line : finding.evidence()) {
			string(out, line);
		}
		out.writeByte((finding.matchedBy() != null) ? finding.matchedBy().ordinal() : -1);
		FindingHistory history = finding.history();
		out.writeBoolean(history != null);
		if (history != null) {
			out.writeLong(history.firstSeen().getEpochSecond());
			out.writeInt(history.firstSeen().getNano());
			out.writeInt(history.runsSeen());
			out.writeByte(history.sinceLast().ordinal());
		}
	}

	private static Finding read(DataInputStream in) throws IOException {
		Category category = CATEGORIES[in.readByte()];
		String username = string(in);
		String phid = string(in);
		String identity = string(in);
		String rule = string(in);
		int lines = in.readInt();
		List<String> evidence = new ArrayList<>(lines);
		for (int i = 0; i < lines; i++) {
			evidence.add(string(in));
		}
		byte method = in.readByte();
		FindingHistory history = null;
		if (in.readBoolean()) {
			history = new FindingHistory(Instant.ofEpochSecond(in.readLong(), in.readInt()), in.readInt(),
					CHANGES[in.readByte()]);
		}
		return new Finding(category, username, phid, identity, rule, evidence, (method >= 0) ? METHODS[method] : null,
				history);
	}

	private static void string(DataOutputStream out, @Nullable String value) throws IOException {
		if (value == null) {
			out.writeInt(-1);
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static @Nullable String string(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0) {
			return null;
		}
		byte[] bytes = new byte[length];
		in.readFully(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * Creates the file with mode 0600 where the file system knows modes, and its folder if need be, replacing one a
	 * killed run left.
	 */
	private static Path createPrivate(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.deleteIfExists(file);
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
				? Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.createFile(file);
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// the next run's report removes what is left behind
		}
	}

}
