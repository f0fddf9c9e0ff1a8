package dev.idsync.batch;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.idsync.domain.Match;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.Person;
import dev.idsync.source.EmailLookup;

/**
 * Looks up every address of a person in Phorge, one address per call. Runs concurrently across the persons of a
 * chunk (the step's task executor bounds how many lookups are in flight).
 */
final class MatchByEmailProcessor implements ItemProcessor<Person, List<Match>> {

	private final EmailLookup emails;

	MatchByEmailProcessor(EmailLookup emails) {
		this.emails = emails;
	}

	@Override
	public List<Match> process(Person person) {
		List<Match> matches = new ArrayList<>();
		for (String email : person.emails()) {
			for (String phid : this.emails.humanAccountsWithEmail(email)) {
				matches.add(new Match(person.key(), phid, MatchMethod.EMAIL, email));
			}
		}
		return matches;
	}

}
