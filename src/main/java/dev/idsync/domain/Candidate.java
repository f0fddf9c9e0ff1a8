package dev.idsync.domain;

/**
 * A person who claims an account, with how they were matched.
 *
 * @param person the person
 * @param method the strongest method that tied them to the account
 * @param detail what tied them (the email address or the username)
 * @param accountsClaimed how many human accounts this person claims in all (more than one makes a dispute)
 */
public record Candidate(Person person, MatchMethod method, String detail, int accountsClaimed) {
}
