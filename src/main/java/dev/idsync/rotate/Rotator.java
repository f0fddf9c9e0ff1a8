package dev.idsync.rotate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.ApiTokenInfo;

/**
 * Rotates a bot's API token so that at least one valid token is delivered at every moment: the new token is created,
 * verified with Conduit and delivered to every sink before the old one is terminated, and only once the overlap
 * window has passed. Every phase is journalled before it is entered; a run that finds a rotation a crash left open
 * finishes it (the new token's value is read back from a sink that holds it, recognised by its hash) or rolls it
 * back (a new token no sink holds is terminated).
 */
public final class Rotator {

	private final BotTokens tokens;

	private final TokenCheck check;

	private final RotationJournal journal;

	private final Clock clock;

	private final PhaseHook hook;

	/**
	 * A rotator.
	 * @param tokens Phorge's token table
	 * @param check Conduit, to verify a token
	 * @param journal idsync's rotation journal
	 * @param clock the clock
	 * @param hook told each time a phase is journalled (crash tests stop the process there)
	 */
	public Rotator(BotTokens tokens, TokenCheck check, RotationJournal journal, Clock clock, PhaseHook hook) {
		this.tokens = tokens;
		this.check = check;
		this.journal = journal;
		this.clock = clock;
		this.hook = hook;
	}

	/**
	 * Finishes or rolls back the bot's open rotation, then rotates its token if it is due.
	 * @param bot the bot
	 * @param dryRun whether to change nothing and only say what would be done
	 * @return where the bot's rotation stands
	 */
	public Outcome rotate(BotRotation bot, boolean dryRun) {
		Optional<Rotation> open = this.journal.open(bot.username());
		if (open.isPresent()) {
			if (dryRun) {
				return new Outcome(bot.username(), open.get().phase(), "an open rotation (" + open.get().phase()
						+ ") would be finished or rolled back");
			}
			Rotation resumed = resume(bot, open.get());
			if (resumed.phase() != RotationPhase.ROLLED_BACK) {
				return new Outcome(bot.username(), resumed.phase(), resumed.detail());
			}
		}
		Instant now = this.clock.instant();
		Optional<ApiTokenInfo> oldest = this.tokens.live(bot.phid(), now).stream()
			.min(Comparator.comparingLong(ApiTokenInfo::createdEpochSecond));
		if (oldest.isEmpty()) {
			return new Outcome(bot.username(), null, "holds no live API token: nothing to rotate");
		}
		Duration age = Duration.between(Instant.ofEpochSecond(oldest.get().createdEpochSecond()), now);
		if (age.compareTo(bot.maxTokenAge()) < 0) {
			return new Outcome(bot.username(), null, "not due: its oldest live token is " + age.toDays()
					+ " days old (rotated at " + bot.maxTokenAge().toDays() + ")");
		}
		if (dryRun) {
			return new Outcome(bot.username(), null, "due: its oldest live token is " + age.toDays() + " days old; "
					+ "a run would create, verify and deliver a new one to " + bot.sinks().size() + " sink(s)");
		}
		return start(bot, now);
	}

	private Outcome start(BotRotation bot, Instant now) {
		TokenValue value = TokenValue.generate();
		String id = UUID.randomUUID().toString().substring(0, 8);
		List<Long> old = this.tokens.live(bot.phid(), now).stream().map(ApiTokenInfo::id).toList();
		Rotation rotation = save(new Rotation(id, bot.username(), bot.phid(), RotationPhase.CREATING,
				"idsync " + now.toString().substring(0, 10) + " " + id, value.hash(), null, old, Set.of(), now, null,
				"creating a new token"));
		long created = this.tokens.create(bot.phid(), value, rotation.newTokenName(), now);
		rotation = save(new Rotation(id, bot.username(), bot.phid(), RotationPhase.CREATED, rotation.newTokenName(),
				rotation.newTokenHash(), created, old, Set.of(), now, null, "created token #" + created));
		String owner;
		try {
			owner = this.check.ownerOf(value);
		}
		catch (RuntimeException ex) {
			return rollBack(rotation, "Conduit refused the new token (" + ex.getMessage() + ")");
		}
		if (!owner.equals(bot.phid())) {
			return rollBack(rotation, "Conduit says the new token acts as " + owner + ", not as " + bot.phid());
		}
		rotation = save(rotation.with(RotationPhase.DELIVERING, "verified with user.whoami; delivering"));
		return deliver(bot, rotation, value);
	}

	/** Delivers to every sink that does not hold the token yet; a failure stops before anything is terminated. */
	private Outcome deliver(BotRotation bot, Rotation rotation, TokenValue value) {
		Set<String> delivered = new HashSet<>(rotation.delivered());
		for (SecretSink sink : bot.sinks()) {
			if (delivered.contains(sink.name())) {
				continue;
			}
			try {
				sink.deliver(value);
			}
			catch (RuntimeException ex) {
				if (delivered.isEmpty()) {
					return rollBack(rotation, "delivery to " + sink.name() + " failed (" + ex.getMessage() + ")");
				}
				Rotation stuck = save(withDelivered(rotation, delivered, "delivery to " + sink.name() + " failed ("
						+ ex.getMessage() + "); both tokens stay live until the next run delivers it"));
				return new Outcome(bot.username(), stuck.phase(), stuck.detail());
			}
			delivered.add(sink.name());
			rotation = save(withDelivered(rotation, delivered, "delivered to " + sink.name()));
		}
		Instant now = this.clock.instant();
		rotation = save(new Rotation(rotation.id(), rotation.bot(), rotation.botPhid(), RotationPhase.DELIVERED,
				rotation.newTokenName(), rotation.newTokenHash(), rotation.newTokenId(), rotation.oldTokenIds(),
				delivered, rotation.startedAt(), now, "delivered to every sink"));
		return finish(bot, rotation);
	}

	/** Terminates the old tokens once the overlap window has passed since delivery. */
	private Outcome finish(BotRotation bot, Rotation rotation) {
		Instant now = this.clock.instant();
		Instant due = (rotation.deliveredAt() != null) ? rotation.deliveredAt().plus(bot.overlap()) : now;
		if (now.isBefore(due)) {
			return new Outcome(bot.username(), rotation.phase(), "new token delivered; the old one(s) are terminated "
					+ "after the overlap, from " + due);
		}
		int terminated = 0;
		for (long old : rotation.oldTokenIds()) {
			terminated += this.tokens.terminate(old, now) ? 1 : 0;
		}
		Rotation done = save(rotation.with(RotationPhase.DONE, "rotated: token #" + rotation.newTokenId()
				+ " delivered, " + terminated + " old token(s) terminated"));
		return new Outcome(bot.username(), done.phase(), done.detail());
	}

	/** What a crash left: finish what can be finished, roll back what no sink holds. */
	private Rotation resume(BotRotation bot, Rotation rotation) {
		return switch (rotation.phase()) {
			case CREATING, CREATED -> rolledBack(rotation, "a run stopped before the new token was delivered");
			case DELIVERING -> resumeDelivery(bot, rotation);
			case DELIVERED -> reloaded(finish(bot, rotation), rotation);
			case DONE, ROLLED_BACK -> rotation;
		};
	}

	private Rotation resumeDelivery(BotRotation bot, Rotation rotation) {
		TokenValue held = null;
		Set<String> delivered = new HashSet<>();
		for (SecretSink sink : bot.sinks()) {
			Optional<TokenValue> current = sink.current();
			if (current.isPresent() && current.get().hash().equals(rotation.newTokenHash())) {
				held = current.get();
				delivered.add(sink.name());
			}
		}
		if (held == null) {
			return rolledBack(rotation, "a run stopped before any sink held the new token");
		}
		return reloaded(deliver(bot, withDelivered(rotation, delivered, "resumed delivery"), held), rotation);
	}

	private Rotation reloaded(Outcome outcome, Rotation rotation) {
		return this.journal.open(rotation.bot()).orElseGet(() -> rotation.with(outcome.phase(), outcome.message()));
	}

	private Outcome rollBack(Rotation rotation, String why) {
		Rotation rolled = rolledBack(rotation, why);
		return new Outcome(rotation.bot(), rolled.phase(), rolled.detail());
	}

	/** Terminates the new token (found by its name if the crash came before its id was journalled). */
	private Rotation rolledBack(Rotation rotation, String why) {
		Instant now = this.clock.instant();
		Long created = (rotation.newTokenId() != null) ? rotation.newTokenId()
				: this.tokens.find(rotation.botPhid(), rotation.newTokenName()).orElse(null);
		if (created != null) {
			this.tokens.terminate(created, now);
		}
		return save(rotation.with(RotationPhase.ROLLED_BACK, why + "; the new token "
				+ ((created != null) ? "#" + created + " was terminated" : "was never created")
				+ ", the old one(s) stay in use"));
	}

	private Rotation withDelivered(Rotation rotation, Set<String> delivered, String why) {
		return new Rotation(rotation.id(), rotation.bot(), rotation.botPhid(), RotationPhase.DELIVERING,
				rotation.newTokenName(), rotation.newTokenHash(), rotation.newTokenId(), rotation.oldTokenIds(),
				delivered, rotation.startedAt(), null, why);
	}

	private Rotation save(Rotation rotation) {
		this.journal.save(rotation);
		this.hook.reached(rotation);
		return rotation;
	}

	/**
	 * Told each time a rotation's phase is journalled.
	 */
	@FunctionalInterface
	public interface PhaseHook {

		/** No hook. */
		PhaseHook NONE = (rotation) -> {
		};

		/** The rotation has just been journalled in this state. */
		void reached(Rotation rotation);

	}

	/**
	 * Where a bot's rotation stands after a run.
	 *
	 * @param bot the bot
	 * @param phase the phase its rotation reached, or {@code null} when none was due
	 * @param message what happened, in one sentence
	 */
	public record Outcome(String bot, @Nullable RotationPhase phase, String message) {
	}

}
