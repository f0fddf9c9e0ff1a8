package dev.idsync.source.file;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One record of the file before it is mapped: its values, or the problem that keeps them from being read.
 */
sealed interface Row permits Row.Values, Problem {

	/** The 1-based number of the physical line the record starts on. */
	int line();

	/** A record whose values can be looked up by the column names of the configuration. */
	non-sealed interface Values extends Row {

		/** What separates the entries of a list value: exports use either. */
		Pattern SEPARATORS = Pattern.compile("[;,]");

		/**
		 * One value.
		 * @param column a configured column name
		 * @return the value as the file holds it, or {@code null} when the record has none
		 */
		@Nullable String text(String column);

		/**
		 * A value holding several entries, separated by {@code ;} or {@code ,}.
		 * @param column a configured column name
		 * @return the non-blank entries, trimmed
		 */
		default List<String> list(String column) {
			String text = text(column);
			if (text == null) {
				return List.of();
			}
			return Arrays.stream(SEPARATORS.split(text)).map(String::trim).filter((entry) -> !entry.isEmpty()).toList();
		}

	}

}
