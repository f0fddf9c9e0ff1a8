package dev.idsync.source.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Reads a file's physical lines from any byte offset, counting line numbers and offsets exactly, so a read can stop
 * after any line and resume there. A line ends at a {@code \n} byte (a {@code \r} before it is dropped), which is
 * why the configuration admits only character sets that encode a line break as that one byte.
 */
final class LineReader implements Closeable {

	/** A longer line is no one's record: the file is probably not in the configured format. */
	static final int MAX_LINE_BYTES = 1 << 20;

	private final FileChannel channel;

	private final CharsetDecoder decoder;

	private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).limit(0);

	private byte[] line = new byte[512];

	private long offset;

	private int number;

	private @Nullable Line pending;

	private LineReader(FileChannel channel, Charset charset, long offset, int number) {
		this.channel = channel;
		this.decoder = charset.newDecoder();
		this.offset = offset;
		this.number = number;
	}

	/**
	 * Opens a file at a line's start.
	 * @param file the file
	 * @param charset its character set
	 * @param offset the byte offset of the line, {@code 0} for the first
	 * @param number the line's 1-based number
	 */
	static LineReader open(Path file, Charset charset, long offset, int number) throws IOException {
		FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
		channel.position(offset);
		return new LineReader(channel, charset, offset, number);
	}

	/** The next line, blank or not, or {@code null} at the end of the file. */
	@Nullable Line next() throws IOException {
		Line next = (this.pending != null) ? this.pending : read();
		this.pending = null;
		return next;
	}

	/** The next line that is not blank, or {@code null} at the end of the file. */
	@Nullable Line nextNonBlank() throws IOException {
		Line next = next();
		while (next != null && next.text().isBlank()) {
			next = next();
		}
		return next;
	}

	/** Whether only blank lines, if any, remain. */
	boolean atEnd() throws IOException {
		if (this.pending == null) {
			this.pending = nextNonBlank();
		}
		return this.pending == null;
	}

	/** The byte offset of the next unread line. */
	long offset() {
		return (this.pending != null) ? this.pending.start() : this.offset;
	}

	/** The number of the next unread line. */
	int number() {
		return (this.pending != null) ? this.pending.number() : this.number;
	}

	/** What to report about a line that is not text in the configured character set. */
	String undecodable() {
		return "is not valid " + this.decoder.charset().name() + " text; set idsync.files[].encoding to the file's "
				+ "encoding (e.g. windows-1252)";
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

	private @Nullable Line read() throws IOException {
		long start = this.offset;
		int length = 0;
		boolean ended = false;
		while (!ended && (this.buffer.hasRemaining() || fill())) {
			int from = this.buffer.position();
			int end = from;
			while (end < this.buffer.limit() && this.buffer.get(end) != '\n') {
				end++;
			}
			length = append(length, from, end - from);
			ended = end < this.buffer.limit();
			int consumed = end - from + (ended ? 1 : 0);
			this.buffer.position(from + consumed);
			this.offset += consumed;
		}
		if (this.offset == start) {
			return null;
		}
		if (length > 0 && this.line[length - 1] == '\r') {
			length--;
		}
		return decode(start, length);
	}

	private boolean fill() throws IOException {
		this.buffer.clear();
		int read = this.channel.read(this.buffer);
		this.buffer.flip();
		return read > 0;
	}

	private int append(int length, int from, int count) throws IOException {
		if (length + count > MAX_LINE_BYTES) {
			throw new IOException("line " + this.number + " is longer than " + (MAX_LINE_BYTES >> 20) + " MiB; is "
					+ "idsync.files[].format right for this file?");
		}
		if (length + count > this.line.length) {
			this.line = Arrays.copyOf(this.line, Math.max(this.line.length * 2, length + count));
		}
		this.buffer.get(from, this.line, length, count);
		return length + count;
	}

	private Line decode(long start, int length) {
		String text;
		boolean malformed = false;
		try {
			CharBuffer chars = this.decoder.reset().decode(ByteBuffer.wrap(this.line, 0, length));
			text = chars.toString();
		}
		catch (CharacterCodingException ex) {
			text = new String(this.line, 0, length, this.decoder.charset());
			malformed = true;
		}
		if (start == 0 && text.startsWith("\uFEFF")) { // a byte order mark, as Excel writes at the start of UTF-8
			text = text.substring(1);
		}
		return new Line(this.number++, start, text, malformed);
	}

	/**
	 * One physical line.
	 *
	 * @param number its 1-based number in the file
	 * @param start the byte offset where it starts
	 * @param text its text without the line break
	 * @param malformed whether its bytes are not valid in the character set (then {@code text} holds replacements)
	 */
	record Line(int number, long start, String text, boolean malformed) {
	}

}
