package dev.idsync.sim.phorge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConduitInputTests {

	@Test
	void decodeWhenParamsIsJsonReadsTypedValuesAndTokenFromConduitMetadata() {
		ConduitInput input = decode(List.of(Map.entry("params",
				"{\"limit\":2,\"constraints\":{\"isBot\":true},\"__conduit__\":{\"token\":\"api-x\"}}"),
				Map.entry("output", "json")));
		assertThat(input.strict()).isTrue();
		assertThat(input.metadata()).containsExactly(Map.entry("token", "api-x"));
		assertThat(input.params()).containsExactly(Map.entry("limit", 2L),
				Map.entry("constraints", Map.of("isBot", true)));
	}

	@Test
	void decodeWhenConsoleFieldsDecodesEachValueAsJson() {
		ConduitInput input = decode(List.of(Map.entry("params[__conduit__]", "{\"token\":\"api-x\"}"),
				Map.entry("params[limit]", "2"), Map.entry("params[constraints]", "{\"usernames\":[\"alice\"]}"),
				Map.entry("params[after]", "")));
		assertThat(input.strict()).isTrue();
		assertThat(input.metadata()).containsExactly(Map.entry("token", "api-x"));
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("limit", 2L);
		expected.put("constraints", Map.of("usernames", List.of("alice")));
		expected.put("after", null);
		assertThat(input.params()).isEqualTo(expected);
	}

	@Test
	void decodeWhenConsoleValueIsNotJsonFails() {
		assertThatExceptionOfType(ConduitError.class)
			.isThrownBy(() -> decode(List.of(Map.entry("params[queryKey]", "active"))))
			.satisfies((error) -> {
				assertThat(error.code()).isEqualTo("ERR-CONDUIT-CORE");
				assertThat(error.info()).startsWith("The value for parameter 'queryKey' is not valid JSON.")
					.endsWith("Value was: active.");
			});
	}

	@Test
	void decodeWhenPlainFieldsBuildsNestedStringsAndApiMetadata() {
		ConduitInput input = decode(List.of(Map.entry("api.token", "api-x"), Map.entry("limit", "2"),
				Map.entry("constraints[isBot]", "1"), Map.entry("constraints[usernames][0]", "alice"),
				Map.entry("constraints[usernames][1]", "KEVIN.K"), Map.entry("transactions[0][type]", "disabled"),
				Map.entry("transactions[0][value]", "1"), Map.entry("__csrf__", "dropped"),
				Map.entry("output", "json")));
		assertThat(input.strict()).isFalse();
		assertThat(input.metadata()).containsExactly(Map.entry("token", "api-x"), Map.entry("output", "json"));
		assertThat(input.params()).containsOnlyKeys("limit", "constraints", "transactions");
		assertThat(input.params().get("limit")).isEqualTo("2");
		assertThat(input.params().get("constraints"))
			.isEqualTo(Map.of("isBot", "1", "usernames", Map.of("0", "alice", "1", "KEVIN.K")));
		assertThat(PhpValues.asList(input.params().get("transactions")))
			.containsExactly(Map.of("type", "disabled", "value", "1"));
	}

	@Test
	void decodeWhenParamsIsMalformedJsonNamesTheMethod() {
		assertThatExceptionOfType(ConduitError.class)
			.isThrownBy(() -> decode(List.of(Map.entry("params", "{bad json"))))
			.satisfies((error) -> assertThat(error.info())
				.isEqualTo("Invalid parameter information was passed to method 'user.search'."));
	}

	@Test
	void decodeWhenContentTypeIsJsonRefuses() {
		assertThatExceptionOfType(ConduitError.class)
			.isThrownBy(() -> ConduitInput.decode("user.whoami", "application/json", Map.of()))
			.satisfies((error) -> assertThat(error.info()).startsWith("Use form-encoded data"));
	}

	private static ConduitInput decode(List<Map.Entry<String, String>> pairs) {
		return ConduitInput.decode("user.search", "application/x-www-form-urlencoded",
				PhpRequestData.parse(new ArrayList<>(pairs)));
	}

}
