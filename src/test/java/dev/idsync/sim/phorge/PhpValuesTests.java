package dev.idsync.sim.phorge;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhpValuesTests {

	@Test
	void truthyFollowsPhp() {
		assertThat(List.of("0", "", 0L, 0.0, false, List.of(), Map.of())).noneMatch(PhpValues::truthy);
		assertThat(List.of("00", " ", "false", 1L, 0.5, true, List.of(""))).allMatch(PhpValues::truthy);
		assertThat(PhpValues.truthy(null)).isFalse();
	}

	@Test
	void compareWithNumericStringsComparesNumbers() {
		assertThat(PhpValues.compare("101", 100)).isPositive();
		assertThat(PhpValues.compare(" 99", 100)).isNegative();
		assertThat(PhpValues.compare("1e2", 100)).isZero();
	}

	@Test
	void compareWithOtherStringsComparesTextAsPhp8Does() {
		assertThat(PhpValues.compare("abc", 100)).isPositive();
		assertThat(PhpValues.compare("0abc", 1)).isNegative();
	}

	@Test
	void intvalReadsLeadingNumbersAndSaturates() {
		assertThat(PhpValues.intval("12abc")).isEqualTo(12);
		assertThat(PhpValues.intval("1e3")).isEqualTo(1000);
		assertThat(PhpValues.intval("abc")).isZero();
		assertThat(PhpValues.intval("1e99999")).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void asListAcceptsOnlyNaturalKeys() {
		assertThat(PhpValues.asList(Map.of("0", "a"))).containsExactly("a");
		assertThat(PhpValues.asList(Map.of("1", "a"))).isNull();
		assertThat(PhpValues.asList("a")).isNull();
	}

	@Test
	void normalizedTurnsNaturallyKeyedArraysIntoLists() {
		assertThat(PhpValues.normalized(Map.of("0", "username"))).isEqualTo(List.of("username"));
		assertThat(PhpValues.normalized(Map.of())).isEqualTo(List.of());
		assertThat(PhpValues.normalized(Map.of("a", Map.of("0", "x")))).isEqualTo(Map.of("a", List.of("x")));
	}

}
