package dev.idsync.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.idsync.domain.Match;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.Person;
import dev.idsync.reconcile.CorrelationKeys;
import dev.idsync.source.EmailLookup;

/**
 * Looks up every address of a person in Phorge, one address per call. Runs concurrently across the persons of a
 * chunk (the step's task executor bounds how many lookups are in flight).
 */
final class MatchByEmailProcessor implements ItemProcessor<Person, List<Match>> {

	private final EmailLookup emails;

	private final CorrelationKeys keys;

	MatchByEmailProcessor(EmailLookup emails, CorrelationKeys keys) {
		this.emails = emails;
		this.keys = keys;
	}

	@Override
	public List<Match> process(Person person) {
		List<Match> matches = new ArrayList<>();
		Set<String> asked = new HashSet<>();
		for (String email : person.emails()) {
			// Conduit finds exact addresses only: every form a domain alias makes is looked up
			for (String form : this.keys.emailForms(email)) {
				if (asked.add(form)) {
					for (String phid : this.emails.humanAccountsWithEmail(form)) {
						matches.add(new Match(person.key(), phid, MatchMethod.EMAIL, form));
					}
				}
			}
		}
		return matches;
	}

}
