package dev.idsync.sim;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaultTests {

	@Test
	void parsePhorgeDbDownMakesTheDatabaseDownForTheRun() {
		Faults faults = new Faults(List.of(Fault.parse("phorge-db:down"), Fault.parse("conduit:http500:2")));
		assertThat(faults.down("phorge-db")).isTrue();
		assertThat(faults.down("conduit")).isFalse();
		assertThat(Faults.none().down("phorge-db")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "phorge-db:http500", "okta:down", "conduit:down:1" })
	void parseWhenDownIsMisplacedSaysOnlyPhorgeDbCanBeDown(String spec) {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.parse(spec))
			.withMessageContaining("phorge-db:down");
	}

	@Test
	void parseWhenPhorgeDbDownHasAPageRefusesIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.parse("phorge-db:down:once"))
			.withMessageContaining("takes no page");
	}

	@Test
	void parseWhenSourceIsUnknownNamesEverySource() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.parse("ldap:http500"))
			.withMessageContaining("okta, google, conduit, conduit-write or phorge-db");
	}

}
