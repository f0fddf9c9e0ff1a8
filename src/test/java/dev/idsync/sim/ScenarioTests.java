package dev.idsync.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScenarioTests {

	@ParameterizedTest
	@CsvSource({ "plain, plain, 0", "mass-departure, mass-departure, 30", "' mass-departure:5 ', mass-departure, 5",
			"mass-departure:100, mass-departure, 100" })
	void parseTakesTheNameAndThePercentOrItsDefault(String spec, String name, int percent) {
		Scenario scenario = Scenario.parse(spec);
		assertThat(scenario).isEqualTo(new Scenario(name, percent));
		assertThat(Scenario.parse(scenario.toString())).isEqualTo(scenario);
	}

	@ParameterizedTest
	@ValueSource(strings = { "exodus", "plain:30", "mass-departure:0", "mass-departure:101", "mass-departure:",
			"mass-departure:30:1", "mass-departure:3x" })
	void parseWhenMalformedSaysWhatItTakes(String spec) {
		assertThatIllegalArgumentException().isThrownBy(() -> Scenario.parse(spec))
			.withMessage("--scenario '" + spec + "': use plain or mass-departure[:PERCENT], with PERCENT from 1 to "
					+ "100 (default 30), e.g. mass-departure:30");
	}

}
