package dev.idsync.source.file;

/**
 * What one record of the file yields: a person, or a problem to report.
 */
sealed interface Outcome permits FilePerson, Problem {

}
