package dev.idsync.source.phorge;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConduitFailureTests {

	@Test
	void ofTellsCoreErrorsApartByTheirInfo() {
		assertThat(ConduitFailure.of("ERR-CONDUIT-CORE", "[You Shall Not Pass: People] (Can Disable Users) …"))
			.isEqualTo(ConduitFailure.PERMISSION);
		assertThat(ConduitFailure.of("ERR-CONDUIT-CORE", "Validation errors:\n  - You can not enable or disable "
				+ "your own account.")).isEqualTo(ConduitFailure.VALIDATION);
		assertThat(ConduitFailure.of("ERR-CONDUIT-CORE", "No object exists with PHID \"PHID-USER-x\"."))
			.isEqualTo(ConduitFailure.BAD_PHID);
		assertThat(ConduitFailure.of("ERR-CONDUIT-CORE", "No object exists with ID \"999\"."))
			.isEqualTo(ConduitFailure.BAD_PHID);
		assertThat(ConduitFailure.of("ERR-CONDUIT-CORE", "Lock wait timeout exceeded")).isEqualTo(ConduitFailure.CORE);
		assertThat(ConduitFailure.of("ERR-CONDUIT-CORE", null)).isEqualTo(ConduitFailure.CORE);
	}

	@Test
	void ofTellsCallErrorsApartByTheirInfo() {
		assertThat(ConduitFailure.of("ERR-CONDUIT-CALL", "Conduit API method \"user.edit\" does not exist."))
			.isEqualTo(ConduitFailure.UNKNOWN_METHOD);
		assertThat(ConduitFailure.of("ERR-CONDUIT-CALL",
				"API Method \"user.search\" does not define these parameters: 'bogus'."))
			.isEqualTo(ConduitFailure.UNDECLARED_PARAMETER);
		assertThat(ConduitFailure.of("ERR-CONDUIT-CALL", "something new")).isEqualTo(ConduitFailure.CORE);
	}

	@Test
	void ofWhenTheCodeIsUnknownSaysSo() {
		assertThat(ConduitFailure.of("ERR-SOMETHING-NEW", "…")).isEqualTo(ConduitFailure.UNKNOWN_ERROR);
		assertThat(ConduitFailure.of("ERR-BAD-TOKEN", "Token does not exist or has expired."))
			.isEqualTo(ConduitFailure.UNKNOWN_ERROR);
	}

	@Test
	void onlyTransportFailuresAreRetryable() {
		assertThat(Arrays.stream(ConduitFailure.values()).filter(ConduitFailure::retryable))
			.containsExactly(ConduitFailure.TRANSPORT);
	}

	@Test
	void tokenAndPermissionFailuresNameTheFix() {
		assertThat(ConduitFailure.INVALID_AUTH.hint()).hasValueSatisfying((hint) -> assertThat(hint)
			.contains("Settings › Conduit API Tokens"));
		assertThat(ConduitFailure.PERMISSION.hint()).hasValueSatisfying((hint) -> assertThat(hint)
			.contains("Applications › People › Configure › Can Disable Users must include idsync's bot"));
		assertThat(ConduitFailure.VALIDATION.hint()).isEmpty();
	}

}
