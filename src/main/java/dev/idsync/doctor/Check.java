package dev.idsync.doctor;

import org.jspecify.annotations.Nullable;

/**
 * One check of {@code idsync doctor}: what was checked, whether it passed, what was seen and, for a failure, how
 * to fix it.
 *
 * @param name what was checked, e.g. {@code conduit: Can Disable Users}
 * @param passed whether it passed
 * @param detail what was seen (never a secret)
 * @param fix how to fix a failure, or {@code null} when it passed
 */
public record Check(String name, boolean passed, String detail, @Nullable String fix) {

	static Check pass(String name, String detail) {
		return new Check(name, true, detail, null);
	}

	static Check fail(String name, String detail, String fix) {
		return new Check(name, false, detail, fix);
	}

}
