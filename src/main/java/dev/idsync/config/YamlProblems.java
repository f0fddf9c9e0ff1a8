package dev.idsync.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Puts SnakeYAML's syntax errors into words, in one line with the line and column (1-based) where the fix is needed:
 * its own messages span several lines and open with a context such as "while scanning for the next token".
 */
final class YamlProblems {

	private static final String TAB = "a tab character in indentation; YAML indents with spaces. Replace the tab "
			+ "with spaces.";

	private static final String UNCLOSED_QUOTE = "the quoted value that starts here is never closed. Add the "
			+ "closing quote.";

	private static final String COLON = "a ': ' that YAML cannot place. Quote a value that contains ': ', indent "
			+ "this key like the others of its section, or add the ':' that the key above lacks.";

	private static final String MISSING_COLON = "a key without its ':'. Write 'key: value', or '- value' for a list "
			+ "item.";

	private static final Pattern CANNOT_START = Pattern.compile("found character '(.)' that cannot start any token");

	private YamlProblems() {
	}

	/**
	 * Describes why a configuration file is not valid YAML.
	 * @param file the file, for the message
	 * @param text its text, to find both places of a duplicate key
	 * @param failure what the YAML loader threw
	 * @return the exception to throw
	 */
	static ConfigException describe(Path file, String text, Exception failure) {
		String prefix = "The configuration file " + file + " is not valid YAML";
		MarkedYAMLException marked = marked(failure);
		if (marked == null || marked.getProblemMark() == null) {
			return new ConfigException(prefix + ": " + oneLine(Objects.toString(failure.getMessage(), "")) + ".");
		}
		return new ConfigException(prefix + " " + explain(marked, text));
	}

	private static @Nullable MarkedYAMLException marked(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MarkedYAMLException marked) {
				return marked;
			}
		}
		return null;
	}

	private static String explain(MarkedYAMLException ex, String text) {
		if (ex instanceof DuplicateKeyException) {
			Mark at = ex.getProblemMark();
			return at(at) + duplicateKey(text, at, problem(ex)) + ". Keep one of them.";
		}
		String unclosed = unclosed(ex);
		return (unclosed != null) ? at(opened(ex)) + unclosed : at(ex.getProblemMark()) + words(ex);
	}

	/** Words for something left open, shown where it opens: the parser notices only where it should have ended. */
	private static @Nullable String unclosed(MarkedYAMLException ex) {
		String context = context(ex);
		if (context.startsWith("while scanning a quoted scalar")) {
			return UNCLOSED_QUOTE;
		}
		if (context.startsWith("while parsing a flow")) {
			String opening = context.endsWith("sequence") ? "'[' list" : "'{' mapping";
			return "the " + opening + " that starts here is never closed, or an item in it lacks its comma.";
		}
		return problem(ex).startsWith("could not find expected ':'") ? MISSING_COLON : null;
	}

	/** Words for a problem at the place where the parser noticed it. */
	private static String words(MarkedYAMLException ex) {
		String problem = problem(ex);
		Matcher character = CANNOT_START.matcher(problem);
		if (problem.contains("\\t(TAB)")) {
			return TAB;
		}
		if (character.find()) {
			return "a value cannot start with '" + character.group(1) + "'. Put the value in quotes.";
		}
		if (problem.startsWith("mapping values are not allowed here")) {
			return COLON;
		}
		if (problem.startsWith("expected <block end>")) {
			return "this line is indented differently from the other keys of the section that starts at "
					+ place(opened(ex)) + ". Indent every key of a section by the same number of spaces.";
		}
		return generic(ex);
	}

	/** SnakeYAML's own words, on one line. */
	private static String generic(MarkedYAMLException ex) {
		String context = context(ex).isEmpty() ? "" : ", " + oneLine(context(ex)) + " that starts at "
				+ place(opened(ex));
		return oneLine(problem(ex)) + context
				+ ". Every property is explained in jobs/nightly-sync/idsync.example.yml.";
	}

	private static String duplicateKey(String text, Mark at, String problem) {
		String described = DuplicateKeys.describe(text, at);
		return (described != null) ? described
				: oneLine(problem).replaceFirst("^found duplicate key (.*)$", "duplicate key '$1'");
	}

	private static String problem(MarkedYAMLException ex) {
		return Objects.toString(ex.getProblem(), "");
	}

	private static String context(MarkedYAMLException ex) {
		return Objects.toString(ex.getContext(), "");
	}

	private static Mark opened(MarkedYAMLException ex) {
		return (ex.getContextMark() != null) ? ex.getContextMark() : ex.getProblemMark();
	}

	private static String at(Mark mark) {
		return "(" + place(mark) + "): ";
	}

	private static String place(Mark mark) {
		return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
	}

	private static String oneLine(String message) {
		return message.strip().replaceAll("\\s+", " ").replaceAll("\\.$", "");
	}

}
