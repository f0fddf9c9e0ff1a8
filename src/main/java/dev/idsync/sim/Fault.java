package dev.idsync.sim;

import java.util.Set;

/**
 * One injected fault: {@code SOURCE:KIND[:PAGE][:once]}, e.g. {@code okta:http500:3} or {@code google:truncate:2:once},
 * or {@code phorge-db:down}, which makes Phorge's database unreachable for the whole run, or
 * {@code conduit-write:KIND:N}, which fails Conduit's writes ({@code user.edit}, {@code user.disable},
 * {@code user.enable}) from the N-th on, as a Phorge that goes down in the middle of idsync's apply.
 *
 * @param source {@code okta}, {@code google}, {@code conduit}, {@code conduit-write} or {@code phorge-db}
 * @param kind what goes wrong
 * @param page the page of a listing that fails, counting from 1 (each listing or filter pass counts on its own); for
 * {@code conduit-write}, the first write that fails
 * @param once whether the page fails only the first time it is asked (retries then recover), else every time
 */
public record Fault(String source, FaultKind kind, int page, boolean once) {

	/** Phorge's database, which serves no pages: it is either there or {@link FaultKind#DOWN}. */
	static final String PHORGE_DB = "phorge-db";

	/** Conduit's writes, which fail from the page-th on. */
	static final String CONDUIT_WRITE = "conduit-write";

	private static final Set<String> SOURCES = Set.of("okta", "google", "conduit", CONDUIT_WRITE, PHORGE_DB);

	public Fault {
		if (source.equals(PHORGE_DB) != (kind == FaultKind.DOWN)) {
			throw new IllegalArgumentException("Only phorge-db can be down, and it can only be down: " + source + ":"
					+ kind);
		}
	}

	/**
	 * Parses a fault as the command line gives it.
	 * @param spec {@code SOURCE:KIND[:PAGE][:once]}; the page defaults to 1
	 * @return the fault
	 * @throws IllegalArgumentException with a message naming what is wrong
	 */
	public static Fault parse(String spec) {
		String[] parts = spec.trim().split(":");
		if (parts.length < 2 || parts.length > 4) {
			throw new IllegalArgumentException("--fault '" + spec + "': use SOURCE:KIND[:PAGE][:once], "
					+ "e.g. okta:http500:3");
		}
		if (!SOURCES.contains(parts[0])) {
			throw new IllegalArgumentException("--fault '" + spec + "': the source must be okta, google, conduit, "
					+ "conduit-write or phorge-db");
		}
		if (parts[0].equals(PHORGE_DB) != parts[1].equals("down")) {
			throw new IllegalArgumentException("--fault '" + spec + "': Phorge's database knows only one fault, "
					+ "phorge-db:down, and only it can be down");
		}
		if (parts[0].equals(PHORGE_DB) && parts.length > 2) {
			throw new IllegalArgumentException("--fault '" + spec + "': phorge-db:down takes no page and no 'once': "
					+ "the database is down for the whole run");
		}
		int page = 1;
		boolean once = false;
		for (int i = 2; i < parts.length; i++) {
			if (parts[i].equals("once")) {
				once = true;
			}
			else if (parts[i].matches("[1-9][0-9]*") && i == 2) {
				page = Integer.parseInt(parts[i]);
			}
			else {
				throw new IllegalArgumentException("--fault '" + spec + "': '" + parts[i]
						+ "' is neither a page number (from 1) nor 'once'");
			}
		}
		return new Fault(parts[0], FaultKind.of(parts[1]), page, once);
	}

}
