package dev.idsync.sim;

/**
 * What befalls the synthetic organisation besides its planted drift: nothing ({@code plain}), or a mass departure
 * ({@code mass-departure[:PERCENT]}), in which a share of the active people with an enabled account of their own
 * leave the identity providers at once, as the simulator starts, while their Phorge accounts stay enabled.
 *
 * @param name {@code plain} or {@code mass-departure}
 * @param percent the share of those people who leave, from 1 to 100 ({@code 0} for {@code plain})
 */
public record Scenario(String name, int percent) {

	/** Nothing befalls the organisation: only the planted drift. */
	public static final Scenario PLAIN = new Scenario("plain", 0);

	/** The share of people who leave in a mass departure unless a percentage is given. */
	public static final int DEFAULT_DEPARTURE_PERCENT = 30;

	private static final String MASS_DEPARTURE = "mass-departure";

	public Scenario {
		boolean valid = name.equals("plain") ? percent == 0
				: name.equals(MASS_DEPARTURE) && percent >= 1 && percent <= 100;
		if (!valid) {
			throw new IllegalArgumentException("Not a scenario: " + name + ":" + percent);
		}
	}

	/**
	 * Parses a scenario as the command line gives it.
	 * @param spec {@code plain} or {@code mass-departure[:PERCENT]}
	 * @return the scenario
	 * @throws IllegalArgumentException with a message naming what is wrong
	 */
	public static Scenario parse(String spec) {
		String[] parts = spec.trim().split(":", -1);
		if (parts.length == 1 && parts[0].equals(PLAIN.name)) {
			return PLAIN;
		}
		if (parts[0].equals(MASS_DEPARTURE) && parts.length == 1) {
			return new Scenario(MASS_DEPARTURE, DEFAULT_DEPARTURE_PERCENT);
		}
		if (parts[0].equals(MASS_DEPARTURE) && parts.length == 2 && parts[1].matches("0*([1-9][0-9]?|100)")) {
			return new Scenario(MASS_DEPARTURE, Integer.parseInt(parts[1]));
		}
		throw new IllegalArgumentException("--scenario '" + spec + "': use plain or mass-departure[:PERCENT], with "
				+ "PERCENT from 1 to 100 (default " + DEFAULT_DEPARTURE_PERCENT + "), e.g. mass-departure:30");
	}

	/** Whether nothing befalls the organisation. */
	public boolean plain() {
		return this.name.equals(PLAIN.name);
	}

	@Override
	public String toString() {
		return plain() ? this.name : this.name + ":" + this.percent;
	}

}
