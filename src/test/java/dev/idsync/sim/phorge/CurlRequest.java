package dev.idsync.sim.phorge;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP request a recorded curl command sends: {@code curl -s URL} is a GET; {@code -d 'k=v'} adds a raw form
 * pair, {@code --data-urlencode 'k=v'} one with the value percent-encoded (both make it a form POST unless
 * {@code -H} sets another Content-Type); {@code -H 'Name: value'} adds a header.
 *
 * @param url the URL as recorded
 * @param body the form body, or {@code null} for a GET
 * @param headers the headers, including the Content-Type curl's {@code -d} implies
 */
record CurlRequest(String url, @Nullable String body, Map<String, String> headers) {

	/** Parses a recorded command line (without the prompt). */
	static CurlRequest parse(String command) {
		List<String> words = words(command);
		if (words.isEmpty() || !words.get(0).equals("curl")) {
			throw new IllegalArgumentException("Not a curl command: " + command);
		}
		String url = null;
		List<String> data = new ArrayList<>();
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < words.size(); i++) {
			String word = words.get(i);
			switch (word) {
				case "-s" -> {
				}
				case "-d" -> data.add(words.get(++i));
				case "--data-urlencode" -> data.add(urlencodeData(words.get(++i)));
				case "-H" -> {
					String header = words.get(++i);
					int colon = header.indexOf(':');
					headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
				}
				default -> {
					if (word.startsWith("-") || url != null) {
						throw new IllegalArgumentException("Unsupported curl argument " + word + " in " + command);
					}
					url = word;
				}
			}
		}
		if (url == null) {
			throw new IllegalArgumentException("No URL in " + command);
		}
		if (!data.isEmpty()) {
			headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
		}
		return new CurlRequest(url, data.isEmpty() ? null : String.join("&", data), headers);
	}

	/** The request against {@code baseUrl} instead of the recorded host; no Accept-Encoding, so no gzip. */
	HttpRequest toHttpRequest(String recordedBase, String baseUrl) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.url.replace(recordedBase, baseUrl)));
		this.headers.forEach(builder::header);
		if (this.body != null) {
			builder.POST(HttpRequest.BodyPublishers.ofString(this.body, StandardCharsets.UTF_8));
		}
		else {
			builder.GET();
		}
		return builder.build();
	}

	/** curl's {@code --data-urlencode name=content}: the content is percent-encoded, the name is not. */
	private static String urlencodeData(String argument) {
		int eq = argument.indexOf('=');
		if (eq < 0) {
			return percentEncode(argument);
		}
		return argument.substring(0, eq) + ((eq > 0) ? "=" : "") + percentEncode(argument.substring(eq + 1));
	}

	private static String percentEncode(String text) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
			}
		}
		return encoded.toString();
	}

	/** Splits a shell command line into words, honouring single quotes, double quotes and backslashes. */
	private static List<String> words(String command) {
		List<String> words = new ArrayList<>();
		StringBuilder word = null;
		for (int i = 0; i < command.length(); i++) {
			char c = command.charAt(i);
			if (Character.isWhitespace(c)) {
				if (word != null) {
					words.add(word.toString());
					word = null;
				}
				continue;
			}
			word = (word != null) ? word : new StringBuilder();
			if (c == '\'') {
				int end = command.indexOf('\'', i + 1);
				word.append(command, i + 1, end);
				i = end;
			}
			else if (c == '"') {
				for (i++; command.charAt(i) != '"'; i++) {
					if (command.charAt(i) == '\\' && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
						i++;
					}
					word.append(command.charAt(i));
				}
			}
			else if (c == '\\') {
				word.append(command.charAt(++i));
			}
			else {
				word.append(c);
			}
		}
		if (word != null) {
			words.add(word.toString());
		}
		return words;
	}

}
