package dev.idsync.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import org.jspecify.annotations.Nullable;

/**
 * Writes HTML: markup as given, every value escaped, so that nothing a source or Phorge holds can become markup.
 */
final class HtmlOut {

	private final Writer out;

	HtmlOut(Writer out) {
		this.out = out;
	}

	/** Writes markup as it is: only ever constants and escaped values. */
	HtmlOut raw(String markup) {
		try {
			this.out.write(markup);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes a value as text, escaped for an element or a quoted attribute; nothing for {@code null}. */
	HtmlOut text(@Nullable Object value) {
		return raw(escape(value));
	}

	/** Writes a table cell holding a value. */
	HtmlOut cell(@Nullable Object value) {
		return raw("<td>").text(value).raw("</td>");
	}

	/** Writes a table cell holding a value, sorted by {@code key}. */
	HtmlOut cell(@Nullable Object value, Object key) {
		return raw("<td data-v=\"").text(key).raw("\">").text(value).raw("</td>");
	}

	/** Writes a numeric table cell. */
	HtmlOut number(long value) {
		return raw("<td class=\"num\">").text(value).raw("</td>");
	}

	void flush() {
		try {
			this.out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A value escaped for HTML text and quoted attributes. */
	static String escape(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
