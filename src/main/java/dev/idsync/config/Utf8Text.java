package dev.idsync.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Decodes a configuration file's bytes as UTF-8 text before any YAML parser sees them, so that a binary file or one
 * saved in another encoding is refused with the place of its first bad byte rather than a bare decoder exception.
 */
final class Utf8Text {

	private static final String FIX = "Save it as UTF-8 text; see jobs/nightly-sync/idsync.example.yml.";

	private Utf8Text() {
	}

	/**
	 * The text of a configuration file.
	 * @param file the file, for the message
	 * @param bytes its content
	 * @return the decoded text
	 * @throws ConfigException when the bytes are UTF-16, binary or not UTF-8
	 */
	static String decode(Path file, byte[] bytes) {
		rejectUtf16(file, bytes);
		rejectControlBytes(file, bytes);
		CharBuffer text = CharBuffer.allocate(bytes.length);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CoderResult result = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(in, text, true);
		if (result.isError()) {
			int offset = in.position();
			throw new ConfigException("The configuration file " + file + " is not UTF-8 text: byte "
					+ hex(bytes[offset]) + " at " + position(text.flip()) + " (byte offset " + offset
					+ ") is not valid UTF-8; the file may be in ISO-8859-1 or windows-1252. " + FIX);
		}
		return text.flip().toString();
	}

	private static void rejectUtf16(Path file, byte[] bytes) {
		boolean bigEndian = bytes.length >= 2 && bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF;
		boolean littleEndian = bytes.length >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE;
		if (bigEndian || littleEndian) {
			throw new ConfigException("The configuration file " + file + " is UTF-16 text; idsync reads UTF-8. " + FIX);
		}
	}

	/** NUL and the other control characters YAML does not allow: tab, line feed and carriage return are text. */
	private static void rejectControlBytes(Path file, byte[] bytes) {
		for (int offset = 0; offset < bytes.length; offset++) {
			int b = bytes[offset];
			if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) {
				throw new ConfigException("The configuration file " + file + " is not a text file: it holds the "
						+ "control byte " + hex(bytes[offset]) + " at line " + lineAt(bytes, offset) + " (byte offset "
						+ offset + "). Point --config at idsync's YAML configuration, saved as UTF-8 text.");
			}
		}
	}

	private static int lineAt(byte[] bytes, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			line += (bytes[i] == '\n') ? 1 : 0;
		}
		return line;
	}

	/** Where the text decoded so far ends, e.g. {@code line 3, column 12}. */
	private static String position(CharSequence decoded) {
		String text = decoded.toString();
		int lineStart = text.lastIndexOf('\n') + 1;
		long line = 1 + text.chars().filter((c) -> c == '\n').count();
		return "line " + line + ", column " + (text.codePointCount(lineStart, text.length()) + 1);
	}

	private static String hex(byte b) {
		return String.format("0x%02X", b & 0xFF);
	}

}
