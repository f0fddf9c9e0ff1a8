package dev.idsync.sim.okta;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OktaPage}.
 */
class OktaPageTests {

	private static final List<String> IDS = List.of("a", "b", "c", "d", "e", "f", "g");

	@Test
	void ofWhenFirstPageNumbersItOneAndPointsAtItsLastItem() {
		OktaPage<String> page = OktaPage.of(IDS, Function.identity(), (id) -> true, null, 3);
		assertThat(page.items()).containsExactly("a", "b", "c");
		assertThat(page.nextAfter()).isEqualTo("c");
		assertThat(page.number()).isEqualTo(1);
	}

	@Test
	void ofWhenCursorGivenNumbersThePageByItsOffset() {
		assertThat(OktaPage.of(IDS, Function.identity(), (id) -> true, "c", 3).number()).isEqualTo(2);
		assertThat(OktaPage.of(IDS, Function.identity(), (id) -> true, "f", 3).number()).isEqualTo(3);
		assertThat(OktaPage.of(IDS, Function.identity(), (id) -> true, "b", 3).number()).isEqualTo(1);
	}

	@Test
	void ofWhenFilteredCountsOnlyListedItems() {
		OktaPage<String> page = OktaPage.of(IDS, Function.identity(), (id) -> !id.equals("b"), "d", 2);
		assertThat(page.items()).containsExactly("e", "f");
		assertThat(page.number()).isEqualTo(2);
		assertThat(page.nextAfter()).isEqualTo("f");
	}

	@Test
	void ofWhenLastPageFullHasNoNext() {
		OktaPage<String> page = OktaPage.of(IDS, Function.identity(), (id) -> true, "d", 3);
		assertThat(page.items()).containsExactly("e", "f", "g");
		assertThat(page.nextAfter()).isNull();
	}

	@Test
	void ofWhenCursorUnknownStartsAfterItsPlaceInTheOrder() {
		OktaPage<String> page = OktaPage.of(IDS, Function.identity(), (id) -> true, "cc", 2);
		assertThat(page.items()).containsExactly("d", "e");
		assertThat(page.number()).isEqualTo(2);
	}

}
