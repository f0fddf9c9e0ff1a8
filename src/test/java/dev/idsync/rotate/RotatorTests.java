package dev.idsync.rotate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.idsync.domain.ApiTokenInfo;
import dev.idsync.sim.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rotation procedure over in-memory fakes: overlap, sink failures, roll-back, and the token format.
 */
class RotatorTests {

	private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

	private static final String BOT = "PHID-USER-bot";

	private final MutableClock clock = new MutableClock(NOW);

	private final FakeTokens tokens = new FakeTokens();

	private final Map<String, Rotation> journal = new LinkedHashMap<>();

	private final RotationJournal rotations = new RotationJournal() {

		@Override
		public Optional<Rotation> open(String bot) {
			return RotatorTests.this.journal.values().stream().filter((r) -> r.bot().equals(bot) && !r.phase()
				.finished()).findFirst();
		}

		@Override
		public void save(Rotation rotation) {
			RotatorTests.this.journal.put(rotation.id(), rotation);
		}

	};

	private final Rotator rotator = new Rotator(this.tokens, this.tokens::ownerOf, this.rotations, this.clock,
			Rotator.PhaseHook.NONE);

	@Test
	void tokenValueHasPhorgesFormatAndNeverPrintsItself() {
		TokenValue token = TokenValue.generate();
		assertThat(token.reveal()).matches("api-[a-z2-7]{28}").hasSize(32);
		assertThat(token.toString()).doesNotContain(token.reveal());
		assertThat(TokenValue.generate().reveal()).isNotEqualTo(token.reveal());
		assertThat(token.hash()).hasSize(64).isEqualTo(TokenValue.of(token.reveal() + "\n").hash());
	}

	@Test
	void rotateWithOverlapKeepsTheOldTokenUntilTheWindowHasPassed() {
		long old = this.tokens.add(NOW.minus(Duration.ofDays(400)));
		FakeSink sink = new FakeSink("a");

		Rotator.Outcome first = this.rotator.rotate(bot(Duration.ofHours(24), sink), false);

		assertThat(first.phase()).isEqualTo(RotationPhase.DELIVERED);
		assertThat(first.message()).contains("terminated after the overlap");
		assertThat(this.tokens.live(BOT, NOW)).hasSize(2);
		this.clock.advance(Duration.ofHours(25));
		Rotator.Outcome next = this.rotator.rotate(bot(Duration.ofHours(24), sink), false);
		assertThat(next.phase()).isEqualTo(RotationPhase.DONE);
		assertThat(this.tokens.live(BOT, this.clock.instant())).extracting(ApiTokenInfo::id).doesNotContain(old)
			.hasSize(1);
		assertThat(sink.held.hash()).isEqualTo(this.tokens.valueOf(this.tokens.live(BOT, this.clock.instant()).get(0)
			.id()).hash());
	}

	@Test
	void rotateWhenTheFirstSinkFailsRollsBackAndTerminatesTheNewToken() {
		long old = this.tokens.add(NOW.minus(Duration.ofDays(400)));
		FakeSink broken = new FakeSink("broken");
		broken.failing = true;

		Rotator.Outcome outcome = this.rotator.rotate(bot(Duration.ZERO, broken), false);

		assertThat(outcome.phase()).isEqualTo(RotationPhase.ROLLED_BACK);
		assertThat(outcome.message()).contains("delivery to broken failed").contains("was terminated");
		assertThat(this.tokens.live(BOT, NOW)).extracting(ApiTokenInfo::id).containsExactly(old);
	}

	@Test
	void rotateWhenALaterSinkFailsKeepsBothTokensAndTheNextRunFinishes() {
		long old = this.tokens.add(NOW.minus(Duration.ofDays(400)));
		FakeSink first = new FakeSink("a");
		FakeSink second = new FakeSink("b");
		second.failing = true;

		Rotator.Outcome stuck = this.rotator.rotate(bot(Duration.ZERO, first, second), false);

		assertThat(stuck.phase()).isEqualTo(RotationPhase.DELIVERING);
		assertThat(this.tokens.live(BOT, NOW)).hasSize(2);
		second.failing = false;
		Rotator.Outcome done = this.rotator.rotate(bot(Duration.ZERO, first, second), false);
		assertThat(done.phase()).isEqualTo(RotationPhase.DONE);
		assertThat(second.held.hash()).isEqualTo(first.held.hash());
		assertThat(this.tokens.live(BOT, NOW)).extracting(ApiTokenInfo::id).doesNotContain(old).hasSize(1);
	}

	@Test
	void rotateWhenNotDueOrDryRunChangesNothing() {
		this.tokens.add(NOW.minus(Duration.ofDays(10)));
		assertThat(this.rotator.rotate(bot(Duration.ZERO, new FakeSink("a")), false).message()).contains("not due");
		this.tokens.add(NOW.minus(Duration.ofDays(400)));
		assertThat(this.rotator.rotate(bot(Duration.ZERO, new FakeSink("a")), true).message()).startsWith("due");
		assertThat(this.tokens.live(BOT, NOW)).hasSize(2);
		assertThat(this.journal).isEmpty();
	}

	private static BotRotation bot(Duration overlap, SecretSink... sinks) {
		return new BotRotation("ci-bot", BOT, Duration.ofDays(365), overlap, List.of(sinks));
	}

	/** Phorge's token table and its Conduit, in memory. */
	static final class FakeTokens implements BotTokens {

		private final List<ApiTokenInfo> rows = new ArrayList<>();

		private final Map<Long, TokenValue> values = new LinkedHashMap<>();

		long add(Instant created) {
			long id = this.rows.size() + 1;
			this.rows.add(new ApiTokenInfo(id, BOT, "api", "CI", created.getEpochSecond(), null));
			this.values.put(id, TokenValue.generate());
			return id;
		}

		TokenValue valueOf(long id) {
			return this.values.get(id);
		}

		String ownerOf(TokenValue token) {
			return this.values.entrySet().stream().filter((entry) -> entry.getValue().hash().equals(token.hash()))
				.map((entry) -> this.rows.get((int) (entry.getKey() - 1)).ownerPhid()).findFirst().orElseThrow();
		}

		@Override
		public List<ApiTokenInfo> live(String ownerPhid, Instant now) {
			return this.rows.stream().filter((row) -> row.ownerPhid().equals(ownerPhid)
					&& row.liveAt(now.getEpochSecond())).toList();
		}

		@Override
		public long create(String ownerPhid, TokenValue value, String name, Instant now) {
			long id = this.rows.size() + 1;
			this.rows.add(new ApiTokenInfo(id, ownerPhid, "api", name, now.getEpochSecond(), null));
			this.values.put(id, value);
			return id;
		}

		@Override
		public Optional<Long> find(String ownerPhid, String name) {
			return this.rows.stream().filter((row) -> row.name().equals(name)).map(ApiTokenInfo::id).findFirst();
		}

		@Override
		public boolean terminate(long tokenId, Instant now) {
			ApiTokenInfo row = this.rows.get((int) (tokenId - 1));
			if (!row.liveAt(now.getEpochSecond())) {
				return false;
			}
			this.rows.set((int) (tokenId - 1), new ApiTokenInfo(row.id(), row.ownerPhid(), row.type(), row.name(),
					row.createdEpochSecond(), now.getEpochSecond() - 60));
			return true;
		}

	}

	/** A sink in memory that can be made to fail. */
	static final class FakeSink implements SecretSink {

		private final String name;

		TokenValue held;

		boolean failing;

		FakeSink(String name) {
			this.name = name;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public void deliver(TokenValue token) {
			if (this.failing) {
				throw new IllegalStateException("permission denied");
			}
			this.held = token;
		}

		@Override
		public Optional<TokenValue> current() {
			return Optional.ofNullable(this.held);
		}

	}

}
