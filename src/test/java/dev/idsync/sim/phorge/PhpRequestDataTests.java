package dev.idsync.sim.phorge;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhpRequestDataTests {

	@Test
	void parseWhenKeysUseBracketsBuildsArraysLikePhp() {
		Map<String, Object> data = PhpRequestData
			.parse(List.of(Map.entry("emails[]", "a@x"), Map.entry("emails[]", "b@x"), Map.entry("a[b]", "1"),
					Map.entry("a[b][c]", "2"), Map.entry("x]", "plain"), Map.entry("", "ignored")));
		assertThat(PhpValues.asList(data.get("emails"))).containsExactly("a@x", "b@x");
		assertThat(data.get("a")).isEqualTo(Map.of("b", Map.of("c", "2")));
		assertThat(data).containsEntry("x]", "plain").doesNotContainKey("");
	}

	@Test
	void requestDataPrefersPostOverQueryString() {
		Map<String, Object> data = PhpRequestData.of(List.of(Map.entry("api.token", "from-post")),
				List.of(Map.entry("api.token", "from-query"), Map.entry("limit", "3")));
		assertThat(data).containsEntry("api.token", "from-post").containsEntry("limit", "3");
	}

}
