package dev.idsync.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.idsync.domain.Lifecycle;
import dev.idsync.domain.Person;
import dev.idsync.domain.SourceIdentity;

/**
 * Merges what several sources say about one person (same primary email) into a {@link Person}.
 */
public final class PersonMerger {

	private PersonMerger() {
	}

	/**
	 * Merges the records of one person. Their lifecycle is the most active any source reports, so that a person is
	 * never treated as gone while one source still says they work here.
	 * @param records the records of one person, all with the same primary email, in a stable order
	 * @return the merged person
	 */
	public static Person merge(List<SourceIdentity> records) {
		if (records.isEmpty()) {
			throw new IllegalArgumentException("Nothing to merge");
		}
		SourceIdentity first = records.get(0);
		Lifecycle lifecycle = first.lifecycle();
		Set<String> emails = new LinkedHashSet<>();
		List<String> sources = new ArrayList<>();
		for (SourceIdentity record : records) {
			if (!record.primaryEmail().equals(first.primaryEmail())) {
				throw new IllegalArgumentException("Records of different people: " + first.primaryEmail() + ", "
						+ record.primaryEmail());
			}
			lifecycle = Lifecycle.mostActive(lifecycle, record.lifecycle());
			emails.addAll(record.emails());
			sources.add(record.source() + ":" + record.sourceId() + " " + record.rawStatus());
		}
		return new Person(first.primaryEmail(), first.displayName(), List.copyOf(emails), lifecycle,
				sources.stream().collect(Collectors.joining("; ")));
	}

}
