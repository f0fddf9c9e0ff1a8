package dev.idsync.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimExchangeTests {

	@Test
	void parseFormDecodesLikePhpUrldecodeAndNeverFails() {
		List<Map.Entry<String, String>> pairs = SimExchange
			.parseForm("params=%7B%22a%22%3A1%7D&name=Zo%C3%AB+Z&bad=100%zz&&end%".getBytes(StandardCharsets.US_ASCII));
		assertThat(pairs).containsExactly(Map.entry("params", "{\"a\":1}"), Map.entry("name", "Zoë Z"),
				Map.entry("bad", "100%zz"), Map.entry("end%", ""));
	}

}
