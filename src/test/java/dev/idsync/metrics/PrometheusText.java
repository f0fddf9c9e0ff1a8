package dev.idsync.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Test support: a small, strict parser of Prometheus' text exposition format (0.0.4), as Prometheus reads a scrape.
 * {@code # HELP} and {@code # TYPE} lines, other comments, samples with escaped label values, values including
 * {@code NaN} and {@code ±Inf}, optional millisecond timestamps. It rejects, naming the line, what Prometheus would
 * reject or what the format forbids: malformed names, labels, escapes, values or timestamps, trailing garbage, a type
 * declared twice or after its samples, a family split in two, a repeated sample, and text not ending in a line feed.
 * Values are taken in their canonical spelling only ({@code NaN}, {@code +Inf}, {@code -Inf}, decimal numbers), where
 * Prometheus would also take Go's other spellings ({@code inf}, {@code Infinity}).
 */
public final class PrometheusText {

	private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

	private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

	private static final Pattern TIMESTAMP = Pattern.compile("-?\\d{1,19}");

	private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

	private final Map<String, Family> families = new LinkedHashMap<>();

	private final Set<String> sampleKeys = new HashSet<>();

	private @Nullable String current;

	private int lineNumber;

	private PrometheusText() {
	}

	/**
	 * Parses a text.
	 * @throws IllegalArgumentException naming the line and what is wrong with it
	 */
	public static PrometheusText parse(String text) {
		PrometheusText parsed = new PrometheusText();
		if (!text.isEmpty() && !text.endsWith("\n")) {
			throw new IllegalArgumentException("the text does not end in a line feed");
		}
		for (String line : text.split("\n", -1)) {
			parsed.lineNumber++;
			parsed.line(line);
		}
		return parsed;
	}

	/** The metric families, by name, in the order the text gives them. */
	public Map<String, Family> families() {
		return this.families;
	}

	/** The family a sample name belongs to, or an exception when the text has none. */
	public Family family(String name) {
		Family family = this.families.get(name);
		if (family == null) {
			throw new IllegalArgumentException("no metric family " + name + " in " + this.families.keySet());
		}
		return family;
	}

	/** The value of the sample with this name and these labels (given as name, value, name, value, …). */
	public double value(String name, String... labels) {
		Map<String, String> wanted = new TreeMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		return samples(name).entrySet().stream().filter((entry) -> entry.getKey().equals(wanted)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no sample " + name + wanted + " among " + samples(name)))
			.getValue();
	}

	/** Every sample with this name, by its labels. */
	public Map<Map<String, String>, Double> samples(String name) {
		Map<Map<String, String>, Double> samples = new HashMap<>();
		for (Family family : this.families.values()) {
			family.samples().stream().filter((sample) -> sample.name().equals(name))
				.forEach((sample) -> samples.put(sample.labels(), sample.value()));
		}
		return samples;
	}

	private void line(String line) {
		if (line.isBlank()) {
			return;
		}
		if (line.startsWith("#")) {
			comment(line);
		}
		else {
			sample(line);
		}
	}

	private void comment(String line) {
		String[] words = line.split("[ \t]+", 4);
		if (words.length < 2 || !words[0].equals("#") || !(words[1].equals("HELP") || words[1].equals("TYPE"))) {
			return; // a plain comment
		}
		if (words.length < 3 || !METRIC_NAME.matcher(words[2]).matches()) {
			throw error("# " + words[1] + " without a valid metric name");
		}
		Family family = enter(words[2]);
		String rest = (words.length == 4) ? words[3] : "";
		if (words[1].equals("HELP")) {
			if (family.help != null) {
				throw error("a second HELP for " + family.name);
			}
			family.help = unescape(rest, false);
		}
		else {
			if (family.type != null || !family.samples.isEmpty()) {
				throw error("TYPE for " + family.name + " comes twice, or after its samples");
			}
			if (!TYPES.contains(rest.strip())) {
				throw error("unknown type '" + rest + "'");
			}
			family.type = rest.strip();
		}
	}

	private void sample(String line) {
		Cursor cursor = new Cursor(line);
		String name = cursor.token(METRIC_NAME, "a metric name");
		boolean blank = cursor.blanks();
		Map<String, String> labels = new TreeMap<>();
		if (cursor.peek('{')) {
			labels = labels(cursor);
			blank = cursor.blanks();
		}
		if (!blank) {
			throw error("a blank is missing before the value");
		}
		double value = value(cursor.word());
		cursor.blanks();
		Long timestamp = cursor.atEnd() ? null : timestamp(cursor.word());
		cursor.blanks();
		if (!cursor.atEnd()) {
			throw error("unexpected text after the sample");
		}
		Family family = enter(familyOf(name));
		if (!this.sampleKeys.add(name + labels)) {
			throw error("the sample " + name + labels + " comes twice");
		}
		family.samples.add(new Sample(name, labels, value, timestamp));
	}

	private Map<String, String> labels(Cursor cursor) {
		Map<String, String> labels = new TreeMap<>();
		cursor.expect('{');
		cursor.blanks();
		while (!cursor.peek('}')) {
			String label = cursor.token(LABEL_NAME, "a label name");
			if (label.startsWith("__")) {
				throw error("the label name " + label + " is reserved");
			}
			cursor.blanks();
			cursor.expect('=');
			cursor.blanks();
			if (labels.put(label, cursor.quoted()) != null) {
				throw error("the label " + label + " comes twice");
			}
			cursor.blanks();
			if (!cursor.peek('}')) {
				cursor.expect(',');
				cursor.blanks();
			}
		}
		cursor.expect('}');
		return labels;
	}

	/** The family a sample belongs to: the current one when the name is one of its series, else its own name. */
	private String familyOf(String name) {
		if (this.current != null && !name.equals(this.current)) {
			Family family = this.families.get(this.current);
			boolean composite = "histogram".equals(family.type) || "summary".equals(family.type);
			for (String suffix : List.of("_sum", "_count", "_bucket")) {
				if (composite && name.equals(this.current + suffix)) {
					return this.current;
				}
			}
		}
		return name;
	}

	/** Makes a family current; one seen before and left is an error: a family's lines form one group. */
	private Family enter(String name) {
		if (name.equals(this.current)) {
			return this.families.get(name);
		}
		if (this.families.containsKey(name)) {
			throw error("the lines of " + name + " are not in one group");
		}
		this.current = name;
		Family family = new Family(name);
		this.families.put(name, family);
		return family;
	}

	private long timestamp(String word) {
		try {
			if (TIMESTAMP.matcher(word).matches()) {
				return Long.parseLong(word);
			}
		}
		catch (NumberFormatException ex) {
			// out of range: said below
		}
		throw error("'" + word + "' is not a timestamp in milliseconds");
	}

	private double value(String word) {
		return switch (word) {
			case "NaN" -> Double.NaN;
			case "+Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> {
				if (!FLOAT.matcher(word).matches()) {
					throw error("'" + word + "' is not a value");
				}
				yield Double.parseDouble(word);
			}
		};
	}

	/** Undoes the escapes of a HELP text ({@code \\}, {@code \n}) or of a label value (those and {@code \"}). */
	private String unescape(String text, boolean quotes) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char next = (i + 1 < text.length()) ? text.charAt(++i) : ' ';
			switch (next) {
				case '\\' -> out.append('\\');
				case 'n' -> out.append('\n');
				case '"' -> {
					if (!quotes) {
						throw error("\\\" is no escape in a HELP text");
					}
					out.append('"');
				}
				default -> throw error("'\\" + next + "' is no escape");
			}
		}
		return out.toString();
	}

	private IllegalArgumentException error(String message) {
		return new IllegalArgumentException("line " + this.lineNumber + ": " + message);
	}

	/** Reads one sample line. */
	private final class Cursor {

		private final String line;

		private int at;

		Cursor(String line) {
			this.line = line;
		}

		String token(Pattern pattern, String what) {
			int start = this.at;
			while (this.at < this.line.length() && " \t{}=,\"".indexOf(this.line.charAt(this.at)) < 0) {
				this.at++;
			}
			String token = this.line.substring(start, this.at);
			if (!pattern.matcher(token).matches()) {
				throw error("'" + token + "' is not " + what);
			}
			return token;
		}

		String word() {
			int start = this.at;
			while (this.at < this.line.length() && " \t".indexOf(this.line.charAt(this.at)) < 0) {
				this.at++;
			}
			if (start == this.at) {
				throw error("a value is missing");
			}
			return this.line.substring(start, this.at);
		}

		String quoted() {
			expect('"');
			int start = this.at;
			while (this.at < this.line.length() && this.line.charAt(this.at) != '"') {
				this.at += (this.line.charAt(this.at) == '\\') ? 2 : 1;
			}
			if (this.at >= this.line.length()) {
				throw error("a label value is not closed");
			}
			String value = unescape(this.line.substring(start, this.at), true);
			this.at++;
			return value;
		}

		/** Skips blanks; whether there were any. */
		boolean blanks() {
			int start = this.at;
			while (this.at < this.line.length() && " \t".indexOf(this.line.charAt(this.at)) >= 0) {
				this.at++;
			}
			return this.at > start;
		}

		boolean peek(char c) {
			return this.at < this.line.length() && this.line.charAt(this.at) == c;
		}

		void expect(char c) {
			if (!peek(c)) {
				throw error("'" + c + "' expected at column " + (this.at + 1));
			}
			this.at++;
		}

		boolean atEnd() {
			return this.at >= this.line.length();
		}

	}

	/** A metric family: its name, type and help, and its samples. */
	public static final class Family {

		private final String name;

		private final List<Sample> samples = new ArrayList<>();

		private @Nullable String type;

		private @Nullable String help;

		Family(String name) {
			this.name = name;
		}

		public String name() {
			return this.name;
		}

		public @Nullable String type() {
			return this.type;
		}

		public @Nullable String help() {
			return this.help;
		}

		public List<Sample> samples() {
			return this.samples;
		}

	}

	/**
	 * One sample.
	 *
	 * @param name its metric name
	 * @param labels its labels, by name
	 * @param value its value
	 * @param timestamp its timestamp in milliseconds, if the line gives one
	 */
	public record Sample(String name, Map<String, String> labels, double value, @Nullable Long timestamp) {
	}

}
