package dev.idsync.reconcile;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.idsync.domain.SourceRead;

import static org.assertj.core.api.Assertions.assertThat;

class SourceChecksTests {

	@Test
	void judgeWhenReadEndedNormallyWithinTheBandIsComplete() {
		assertThat(SourceChecks.judge(read(9_500), 10_000, 10, 600).complete()).isTrue();
		assertThat(SourceChecks.judge(read(10_400), 10_000, 10, 50).complete()).isTrue();
		assertThat(SourceChecks.judge(read(700), null, 10, 50).complete()).isTrue();
	}

	@Test
	void judgeWhenSourceReturnedNobodyIsIncomplete() {
		SourceRead judged = SourceChecks.judge(read(0), null, 10, 50);
		assertThat(judged.complete()).isFalse();
		assertThat(judged.reason()).contains("returned nobody");
	}

	@Test
	void judgeWhenSourceShrankBeyondEitherLimitIsIncomplete() {
		SourceRead byCount = SourceChecks.judge(read(9_940), 10_000, 10, 50);
		assertThat(byCount.complete()).isFalse();
		assertThat(byCount.reason()).contains("holds 9940, 60 fewer than its last complete read (10000)");
		SourceRead byPercent = SourceChecks.judge(read(80), 100, 10, 50);
		assertThat(byPercent.complete()).isFalse();
		assertThat(SourceChecks.judge(read(90), 100, 10, 50).complete()).isTrue();
	}

	@Test
	void judgeWhenRowsWereUnreadableIsIncomplete() {
		SourceRead withProblems = new SourceRead("hr", 1, 10, 0, 0, 5, true, null, List.of("line 7: no email"));
		assertThat(SourceChecks.judge(withProblems, null, 10, 50).reason())
			.isEqualTo("unreadable rows (first: line 7: no email)");
	}

	@Test
	void judgeKeepsTheReasonOfAFailedRead() {
		SourceRead failed = read(300).incomplete("okta: HTTP 500 (after 2 pages)");
		assertThat(SourceChecks.judge(failed, 300, 10, 50)).isEqualTo(failed);
	}

	private static SourceRead read(int items) {
		return new SourceRead("okta", 3, items, 0, 0, 100, true, null, List.of());
	}

}
