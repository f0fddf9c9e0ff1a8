package dev.idsync.sim.phorge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One exchange of {@code phorge-conduit-exchanges.md}: a {@code ## title}, a fenced block with a curl command and a
 * fenced block with the raw response body followed by a line like {@code [HTTP 200 application/json]}; or a single
 * block that quotes a raw HTTP response ({@code HTTP/1.1 429 …}, headers, an empty line, the body), as the rate
 * limiter's exchange does.
 *
 * @param title the section title
 * @param command the curl command without its {@code $ } prompt, or {@code null} when the section has none
 * @param body the recorded response body, byte for byte, or {@code null}
 * @param status the recorded HTTP status, or 0
 * @param contentType the recorded content type, or {@code null}
 */
public record RecordedExchange(String title, @Nullable String command, @Nullable String body, int status,
		@Nullable String contentType) {

	private static final Pattern STATUS_LINE = Pattern.compile("\\[HTTP (\\d+) (.+)]");

	private static final Pattern RAW_STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d+) .*");

	/** The shared reference file beside the project directory ({@code ../shared/reference/…}), when there is one. */
	public static Path sharedFile() {
		return Path.of(System.getProperty("user.dir"))
			.resolveSibling("shared")
			.resolve("reference")
			.resolve("phorge-conduit-exchanges.md");
	}

	/** The copy kept in the repository, so that the tests run where {@code ../shared} is absent. */
	public static Path vendoredFile() {
		return Path.of("src/test/resources/reference/phorge-conduit-exchanges.md");
	}

	/** The reference to replay: the shared file where it exists (as in CI), else the vendored copy. */
	public static Path referenceFile() {
		Path shared = sharedFile();
		return Files.isRegularFile(shared) ? shared : vendoredFile();
	}

	/** Every exchange of the file, in file order. */
	public static List<RecordedExchange> readAll(Path file) {
		try {
			return parse(Files.readAllLines(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<RecordedExchange> parse(List<String> lines) {
		List<RecordedExchange> exchanges = new ArrayList<>();
		String title = null;
		List<List<String>> blocks = new ArrayList<>();
		List<String> block = null;
		for (String line : lines) {
			if (block == null && line.startsWith("## ")) {
				if (title != null) {
					exchanges.add(of(title, blocks));
				}
				title = line.substring(3);
				blocks = new ArrayList<>();
			}
			else if (line.equals("```")) {
				if (block == null) {
					block = new ArrayList<>();
				}
				else {
					blocks.add(block);
					block = null;
				}
			}
			else if (block != null) {
				block.add(line);
			}
		}
		if (title != null) {
			exchanges.add(of(title, blocks));
		}
		return exchanges;
	}

	private static RecordedExchange of(String title, List<List<String>> blocks) {
		String command = null;
		if (!blocks.isEmpty() && blocks.get(0).size() == 1 && blocks.get(0).get(0).startsWith("$ curl ")) {
			command = blocks.get(0).get(0).substring(2);
		}
		if (blocks.size() == 1 && command == null) {
			return raw(title, blocks.get(0));
		}
		if (blocks.size() < 2 || blocks.get(1).isEmpty()) {
			return new RecordedExchange(title, command, null, 0, null);
		}
		List<String> response = blocks.get(1);
		Matcher status = STATUS_LINE.matcher(response.get(response.size() - 1));
		if (!status.matches()) {
			return new RecordedExchange(title, command, null, 0, null);
		}
		String body = String.join("\n", response.subList(0, response.size() - 1));
		return new RecordedExchange(title, command, body, Integer.parseInt(status.group(1)), status.group(2));
	}

	/** A quoted raw HTTP response: its status line, headers up to an empty line, and the body after it. */
	private static RecordedExchange raw(String title, List<String> block) {
		int start = 0;
		while (start < block.size() && !RAW_STATUS_LINE.matcher(block.get(start)).matches()) {
			start++;
		}
		int blank = block.indexOf("");
		if (start == block.size() || blank < start) {
			return new RecordedExchange(title, null, null, 0, null);
		}
		Matcher status = RAW_STATUS_LINE.matcher(block.get(start));
		status.matches();
		String contentType = block.subList(start + 1, blank).stream()
			.filter((header) -> header.regionMatches(true, 0, "Content-Type: ", 0, 14))
			.map((header) -> header.substring(14))
			.findFirst()
			.orElse(null);
		String body = String.join("\n", block.subList(blank + 1, block.size()));
		return new RecordedExchange(title, null, body, Integer.parseInt(status.group(1)), contentType);
	}

}
