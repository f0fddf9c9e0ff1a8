package dev.idsync.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionProviderTests {

	@Test
	void versionNamesTheBuildsCommitOrSaysItIsUnknown() throws Exception {
		// given: the git.properties the build wrote into the classes, or none outside a git checkout

		// when
		String[] lines = new VersionProvider().getVersion();

		// then
		assertThat(lines).singleElement()
			.asString()
			.matches("idsync \\S+ \\((commit [0-9a-f]{7,}( with uncommitted changes)?, \\S+"
					+ "|commit unknown: built outside a git checkout)\\)");
	}

}
