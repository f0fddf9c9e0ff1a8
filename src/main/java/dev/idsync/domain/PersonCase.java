package dev.idsync.domain;

/**
 * A person with whether any Phorge account was matched to them.
 *
 * @param person the person
 * @param claimed whether an account was matched
 */
public record PersonCase(Person person, boolean claimed) {
}
