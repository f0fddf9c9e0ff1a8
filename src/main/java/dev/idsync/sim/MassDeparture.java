package dev.idsync.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import dev.idsync.sim.Names.Human;

/**
 * The {@code mass-departure} scenario: a share of the people planted active who have an enabled, approved account of
 * their own (linked, or not entitled) leave the identity providers at once, at the generator's "now", which the
 * simulator moves to its start. Their accounts stay enabled, so the truth holds them as LEAVER_ACTIVE, matched as
 * before, and the bots they own as BOT_OWNER_LEFT.
 */
final class MassDeparture {

	/** Mixed into the seed so that the choice is independent of the generator's draws. */
	private static final long SALT = 0x4d41_5353_4c45_4156L;

	private final long seed;

	private final int percent;

	MassDeparture(long seed, int percent) {
		this.seed = seed;
		this.percent = percent;
	}

	/** Makes the chosen people leave and rewrites the truth of their accounts and bots. */
	void apply(IdpPeople people, Plantings planted) {
		Set<Human> candidates = new LinkedHashSet<>();
		for (Draft draft : planted.accounts()) {
			Human owner = planted.owner(draft.username());
			if (owner != null && ownAccount(draft) && people.state(owner) == State.ACTIVE) {
				candidates.add(owner);
			}
		}
		List<Human> eligible = new ArrayList<>(candidates);
		Collections.shuffle(eligible, new Random(this.seed ^ SALT));
		Set<Human> leaving = new HashSet<>(eligible.subList(0, Math.round(eligible.size() * this.percent / 100f)));
		people.depart(leaving, Instant.ofEpochSecond(OrgGenerator.EPOCH));
		Set<String> emails = new HashSet<>();
		leaving.forEach((human) -> emails.add(human.email().toLowerCase(Locale.ROOT)));
		planted.accounts().replaceAll((draft) -> {
			if (leaving.contains(planted.owner(draft.username())) && ownAccount(draft)) {
				return draft.withCategory("LEAVER_ACTIVE");
			}
			boolean ownerLeft = draft.bot() && emails.contains(planted.botOwners().get(draft.username()));
			return (ownerLeft && draft.category().equals("LINKED_OK")) ? draft.withCategory("BOT_OWNER_LEFT") : draft;
		});
	}

	/** An enabled, approved human account the truth ties to one person whichever way Phorge is read. */
	private static boolean ownAccount(Draft draft) {
		return !draft.bot() && !draft.list() && !draft.disabled() && draft.approved()
				&& draft.databaseCategory() == null
				&& (draft.category().equals("LINKED_OK") || draft.category().equals("NOT_ENTITLED"));
	}

}
