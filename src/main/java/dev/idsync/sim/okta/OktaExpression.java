package dev.idsync.sim.okta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * A parser of Okta's {@code filter} and {@code search} expressions ({@code status eq "ACTIVE" or (lastUpdated gt
 * "…" and profile.login sw "a")}) into predicates over users or groups; anything it cannot read is Okta's E0000031.
 *
 * @param <T> the resource the predicates test
 */
final class OktaExpression<T> {

	private final List<Token> tokens;

	private final Predicate<String> attributeAllowed;

	private final OktaFields<T> fields;

	private int next;

	private OktaExpression(List<Token> tokens, Predicate<String> attributeAllowed, OktaFields<T> fields) {
		this.tokens = tokens;
		this.attributeAllowed = attributeAllowed;
		this.fields = fields;
	}

	/**
	 * Parses {@code text} into a predicate over users.
	 * @param text the expression
	 * @param attributeAllowed which attributes the expression may name
	 * @return the predicate
	 * @throws OktaApiError E0000031 when the expression cannot be read
	 */
	static Predicate<OktaSimUser> parse(String text, Predicate<String> attributeAllowed) {
		return parse(text, attributeAllowed, OktaAttributes.USERS);
	}

	/**
	 * Parses {@code text}.
	 * @param <T> the resource
	 * @param text the expression
	 * @param attributeAllowed which attributes the expression may name
	 * @param fields the resource's attributes
	 * @return the predicate
	 * @throws OktaApiError E0000031 when the expression cannot be read
	 */
	static <T> Predicate<T> parse(String text, Predicate<String> attributeAllowed, OktaFields<T> fields) {
		OktaExpression<T> parser = new OktaExpression<>(tokenize(text), attributeAllowed, fields);
		Predicate<T> predicate = parser.disjunction();
		if (parser.peek() != null) {
			throw OktaApiError.invalidSearch();
		}
		return predicate;
	}

	private Predicate<T> disjunction() {
		Predicate<T> predicate = conjunction();
		while (peekKeyword("or")) {
			this.next++;
			predicate = predicate.or(conjunction());
		}
		return predicate;
	}

	private Predicate<T> conjunction() {
		Predicate<T> predicate = factor();
		while (peekKeyword("and")) {
			this.next++;
			predicate = predicate.and(factor());
		}
		return predicate;
	}

	private Predicate<T> factor() {
		if (peekKeyword("(")) {
			this.next++;
			Predicate<T> inner = disjunction();
			expect(peekKeyword(")"));
			this.next++;
			return inner;
		}
		return comparison();
	}

	private Predicate<T> comparison() {
		Token attribute = take();
		expect(!attribute.quoted() && this.attributeAllowed.test(attribute.text()));
		Token operator = take();
		expect(!operator.quoted());
		if (operator.text().equalsIgnoreCase("pr")) {
			return (item) -> this.fields.value(item, attribute.text()) != null;
		}
		Token value = take();
		expect(value.quoted() || !value.text().equals("(") && !value.text().equals(")"));
		return OktaComparison.of(this.fields, attribute.text(), operator.text().toLowerCase(Locale.ROOT), value.text());
	}

	private boolean peekKeyword(String keyword) {
		Token token = peek();
		return token != null && !token.quoted() && token.text().equalsIgnoreCase(keyword);
	}

	private @Nullable Token peek() {
		return (this.next < this.tokens.size()) ? this.tokens.get(this.next) : null;
	}

	private Token take() {
		Token token = peek();
		expect(token != null);
		this.next++;
		return token;
	}

	private static void expect(boolean condition) {
		if (!condition) {
			throw OktaApiError.invalidSearch();
		}
	}

	private static List<Token> tokenize(String text) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '(' || c == ')') {
				tokens.add(new Token(String.valueOf(c), false));
				i++;
			}
			else if (c == '"') {
				i = quoted(text, i + 1, tokens);
			}
			else {
				int start = i;
				while (i < text.length() && !Character.isWhitespace(text.charAt(i))
						&& "()\"".indexOf(text.charAt(i)) < 0) {
					i++;
				}
				tokens.add(new Token(text.substring(start, i), false));
			}
		}
		return tokens;
	}

	private static int quoted(String text, int start, List<Token> tokens) {
		StringBuilder value = new StringBuilder();
		int i = start;
		while (i < text.length() && text.charAt(i) != '"') {
			if (text.charAt(i) == '\\' && i + 1 < text.length()) {
				i++;
			}
			value.append(text.charAt(i++));
		}
		expect(i < text.length());
		tokens.add(new Token(value.toString(), true));
		return i + 1;
	}

	private record Token(String text, boolean quoted) {
	}

}
