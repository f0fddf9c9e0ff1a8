package dev.idsync.sim.phorge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PhpJsonTests {

	@Test
	void encodeEscapesSlashesAsPhpDoes() {
		assertThat(PhpJson.encode("http://127.0.0.1:8080/p/admin/"))
			.isEqualTo("\"http:\\/\\/127.0.0.1:8080\\/p\\/admin\\/\"");
	}

	@Test
	void encodeWritesNonAsciiAsLowerCaseUnicodeEscapes() {
		assertThat(PhpJson.encode("Zoë Zimmermann")).isEqualTo("\"Zo\\u00eb Zimmermann\"");
		assertThat(PhpJson.encode("Ωmega")).isEqualTo("\"\\u03a9mega\"");
	}

	@Test
	void encodeWritesAstralCharactersAsSurrogatePairs() {
		assertThat(PhpJson.encode("smile 😀")).isEqualTo("\"smile \\ud83d\\ude00\"");
	}

	@Test
	void encodeEscapesQuotesBackslashesAndControlCharacters() {
		assertThat(PhpJson.encode("say \"hi\"\\")).isEqualTo("\"say \\\"hi\\\"\\\\\"");
		assertThat(PhpJson.encode("Validation errors:\n  - x\t\r\b\f\u001f"))
			.isEqualTo("\"Validation errors:\\n  - x\\t\\r\\b\\f\\u001f\"");
	}

	@Test
	void encodeEscapesAngleBracketsAsPhorgeResponsesDo() {
		assertThat(PhpJson.encode("list<map<string, wild>>"))
			.isEqualTo("\"list\\u003cmap\\u003cstring, wild\\u003e\\u003e\"");
		assertThat(PhpJson.encode("a&b'c")).isEqualTo("\"a&b'c\"");
	}

	@Test
	void encodeKeepsMapOrderAndWritesNoSpaces() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("result", null);
		map.put("error_code", "ERR-X");
		map.put("list", List.of(1L, true, false));
		map.put("empty", Map.of());
		map.put("none", List.of());
		assertThat(PhpJson.encode(map))
			.isEqualTo("{\"result\":null,\"error_code\":\"ERR-X\",\"list\":[1,true,false],\"empty\":{},\"none\":[]}");
	}

	@Test
	void encodeWritesFloatsAsPhp() {
		assertThat(PhpJson.encode(2.5)).isEqualTo("2.5");
		assertThat(PhpJson.encode(5.0)).isEqualTo("5");
		assertThat(PhpJson.encode(1e25)).isEqualTo("1.0e+25");
		assertThat(PhpJson.encode(0.00001)).isEqualTo("1.0e-5");
	}

	@Test
	void decodeReturnsPhpValues() {
		Object decoded = PhpJson.decode("{\"limit\":2,\"big\":99999999999999999999,\"f\":1.5,\"list\":[\"a\",null],"
				+ "\"ok\":true}");
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("limit", 2L);
		expected.put("big", 1e20);
		expected.put("f", 1.5);
		expected.put("list", new ArrayList<>(Arrays.asList("a", null)));
		expected.put("ok", true);
		assertThat(decoded).isEqualTo(expected);
	}

	@Test
	void decodeAcceptsScalarsAndNull() {
		assertThat(PhpJson.decode("\"active\"")).isEqualTo("active");
		assertThat(PhpJson.decode(" null ")).isNull();
	}

	@Test
	void decodeWhenNotJsonThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> PhpJson.decode("{bad json"));
		assertThatIllegalArgumentException().isThrownBy(() -> PhpJson.decode("active"));
		assertThatIllegalArgumentException().isThrownBy(() -> PhpJson.decode("{} trailing"));
		assertThatIllegalArgumentException().isThrownBy(() -> PhpJson.decode(""));
	}

}
