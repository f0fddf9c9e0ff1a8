package dev.idsync.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.IdentityRecord;
import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.MergePolicy;
import dev.idsync.domain.Person;
import dev.idsync.domain.SourceIdentity;

/**
 * Merges what several sources say about one person into a {@link Person}, reporting where they contradict each other.
 */
public final class PersonMerger {

	private PersonMerger() {
	}

	/**
	 * Merges the records of one person, compared by email.
	 * @param records the records of one person, all with the same primary email, in a stable order
	 * @return the merged person
	 */
	public static Person merge(List<SourceIdentity> records) {
		return merge(records.stream().map((record) -> new IdentityRecord(record, true)).toList(), MergePolicy.byEmail());
	}

	/**
	 * Merges the records of one person (records sharing {@link MergePolicy#keyOf}). Without a precedence the most
	 * active state wins, so that nobody is treated as gone while one source says they work here; with one, the most
	 * trusted source that knows the person decides. Either way a contradiction is kept as {@link Person#conflict()}.
	 * @param records the person's records with their entitlement, in a stable order
	 * @param policy how records are merged
	 * @return the merged person
	 */
	public static Person merge(List<IdentityRecord> records, MergePolicy policy) {
		if (records.isEmpty()) {
			throw new IllegalArgumentException("Nothing to merge");
		}
		String key = policy.keyOf(records.get(0).identity());
		List<SourceIdentity> ordered = new ArrayList<>();
		for (IdentityRecord record : records) {
			if (!policy.keyOf(record.identity()).equals(key)) {
				throw new IllegalArgumentException("Records of different people: " + key + ", "
						+ policy.keyOf(record.identity()));
			}
			ordered.add(record.identity());
		}
		ordered.sort(Comparator.comparingInt((SourceIdentity identity) -> policy.rank(identity.source())));
		SourceIdentity first = ordered.get(0);
		Set<String> emails = new LinkedHashSet<>(first.emails());
		ordered.forEach((identity) -> emails.addAll(identity.emails()));
		return new Person(first.primaryEmail(), first.displayName(), List.copyOf(emails), lifecycle(ordered, policy),
				describe(records), records.stream().anyMatch(IdentityRecord::entitled), conflict(ordered),
				ordered.stream().map(SourceIdentity::usernameHint).filter((hint) -> hint != null).findFirst()
					.orElse(null), adminMember(records),
				records.stream().map((record) -> record.identity().source() + ":" + record.identity().sourceId())
					.toList());
	}

	/** In an admin group of any source that has one; unknown when no source of the person has admin groups. */
	private static @Nullable Boolean adminMember(List<IdentityRecord> records) {
		Boolean member = null;
		for (IdentityRecord record : records) {
			if (record.admin() != null) {
				member = Boolean.TRUE.equals(member) || record.admin();
			}
		}
		return member;
	}

	private static Lifecycle lifecycle(List<SourceIdentity> ordered, MergePolicy policy) {
		if (!policy.precedence().isEmpty()) {
			return ordered.get(0).lifecycle();
		}
		Lifecycle merged = ordered.get(0).lifecycle();
		for (SourceIdentity identity : ordered) {
			merged = Lifecycle.mostActive(merged, identity.lifecycle());
		}
		return merged;
	}

	/** A contradiction: one source says the person may work, another that they are suspended or gone. */
	private static @Nullable String conflict(List<SourceIdentity> ordered) {
		boolean working = ordered.stream().anyMatch((identity) -> !identity.lifecycle().isInactive());
		boolean gone = ordered.stream().anyMatch((identity) -> identity.lifecycle().isInactive());
		if (!working || !gone) {
			return null;
		}
		return ordered.stream()
			.map((identity) -> identity.source() + " says " + identity.lifecycle().name().toLowerCase(Locale.ROOT) + " ("
					+ identity.rawStatus() + ")")
			.collect(Collectors.joining(", "));
	}

	private static String describe(List<IdentityRecord> records) {
		return records.stream()
			.map((record) -> record.identity().source() + ":" + record.identity().sourceId() + " "
					+ record.identity().rawStatus() + (record.entitled() ? "" : " (not entitled)"))
			.collect(Collectors.joining("; "));
	}

}
