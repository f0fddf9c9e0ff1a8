/**
 * The command line: arguments become job parameters, and the run's outcome becomes the exit code.
 */
@NullMarked
package dev.idsync.cli;

import org.jspecify.annotations.NullMarked;
