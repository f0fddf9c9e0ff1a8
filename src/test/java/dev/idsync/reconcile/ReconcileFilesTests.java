package dev.idsync.reconcile;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.idsync.domain.Exemption;
import dev.idsync.domain.ManualMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReconcileFilesTests {

	private static final String MAPPING_HEADER = "username,identity,added_by,reason\n";

	private static final String EXEMPTION_HEADER = "username,owner,reason,expires\n";

	@Test
	void mappingsWhenFileIsGoodReadsEveryLineWithItsOrigin() {
		// given comments, blank lines, quoted fields with commas and quotes, and both kinds of identity
		String text = """
				# manual mappings, reviewed every quarter
				Username, Identity ,added_by,REASON

				asmith,Alice.Smith@Example.com,admin@example.com,"shared address, Alice owns it"
				  # an indented comment
				jdoe,okta:00u1abc,admin@example.com,"said ""yes"" in OPS-12"
				""";

		// when
		List<ManualMapping> mappings = ReconcileFiles.mappings("mappings.csv", text);

		// then
		assertThat(mappings).containsExactly(
				new ManualMapping("asmith", "alice.smith@example.com", "admin@example.com",
						"shared address, Alice owns it", "mappings.csv:4"),
				new ManualMapping("jdoe", "okta:00u1abc", "admin@example.com", "said \"yes\" in OPS-12",
						"mappings.csv:6"));
	}

	@Test
	void exemptionsWhenFileIsGoodReadsEveryLineWithItsOrigin() {
		// given Windows line endings and a quoted reason
		String text = "username,owner,reason,expires\r\n# until the migration is done\r\n"
				+ "bob,carol@example.com,\"release hand-over, then disable\",2026-07-31\r\n";

		// when
		List<Exemption> exemptions = ReconcileFiles.exemptions("exemptions.csv", text);

		// then
		assertThat(exemptions).containsExactly(new Exemption("bob", "carol@example.com",
				"release hand-over, then disable", LocalDate.of(2026, 7, 31), "exemptions.csv:3"));
	}

	@Test
	void mappingsWhenFileHasOnlyItsHeaderIsEmpty() {
		assertThat(ReconcileFiles.mappings("mappings.csv", MAPPING_HEADER)).isEmpty();
		assertThat(ReconcileFiles.exemptions("exemptions.csv", "# none yet\n" + EXEMPTION_HEADER)).isEmpty();
	}

	@Test
	void filesWithoutAHeaderOrWithAnEmptySourceIdAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReconcileFiles.mappings("mappings.csv", "# nothing\n"))
			.withMessage("mappings.csv has no header line: start it with username,identity,added_by,reason (a header "
					+ "alone is an empty file).");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReconcileFiles.mappings("mappings.csv", MAPPING_HEADER + "anna,okta:,alice,why\n"))
			.withMessageStartingWith("mappings.csv line 2: identity 'okta:' is neither an email address nor source:id");
	}

	@Test
	void mappingsWhenHeaderIsWrongNamesTheLineAndTheHeader() {
		// given a header after a comment, with a misnamed column
		String text = "# mappings\nuser,identity,added_by,reason\nasmith,alice@example.com,admin,why\n";

		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> ReconcileFiles.mappings("mappings.csv", text))
			.withMessage("mappings.csv line 2: the header must be username,identity,added_by,reason "
					+ "(found user,identity,added_by,reason).");
	}

	@Test
	void mappingsWhenALineHasTheWrongNumberOfColumnsSaysToQuote() {
		// given a reason with an unquoted comma
		String text = MAPPING_HEADER + "asmith,alice@example.com,admin,shared address, Alice owns it\n";

		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> ReconcileFiles.mappings("mappings.csv", text))
			.withMessage("mappings.csv line 2: 5 columns, expected 4 (username,identity,added_by,reason); quote a "
					+ "field that holds a comma.");
	}

	@Test
	void exemptionsWhenALineHasTooFewColumnsNamesTheLine() {
		String text = EXEMPTION_HEADER + "\nbob,carol@example.com,2026-07-31\n";
		assertThatIllegalArgumentException().isThrownBy(() -> ReconcileFiles.exemptions("exemptions.csv", text))
			.withMessage("exemptions.csv line 3: 3 columns, expected 4 (username,owner,reason,expires); quote a "
					+ "field that holds a comma.");
	}

	@Test
	void mappingsWhenAFieldIsEmptyNamesItsColumn() {
		// given a line without who added it (blank but for spaces)
		String text = MAPPING_HEADER + "asmith,alice@example.com,  ,why\n";

		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> ReconcileFiles.mappings("mappings.csv", text))
			.withMessage("mappings.csv line 2: added_by is empty; every line needs all of its columns.");
	}

	@Test
	void mappingsWhenIdentityIsNeitherAnAddressNorASourceIdSaysWhatItMayBe() {
		// given an identity that is a bare name, and one with a colon but no source before it
		String bare = MAPPING_HEADER + "asmith,alice,admin,why\n";
		String noSource = MAPPING_HEADER + "# one\n" + "asmith,:00u1,admin,why\n";

		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> ReconcileFiles.mappings("mappings.csv", bare))
			.withMessage("mappings.csv line 2: identity 'alice' is neither an email address nor source:id "
					+ "(e.g. alice@example.com or okta:00u1abc).");
		assertThatIllegalArgumentException().isThrownBy(() -> ReconcileFiles.mappings("mappings.csv", noSource))
			.withMessageStartingWith("mappings.csv line 3: identity ':00u1' is neither");
	}

	@Test
	void exemptionsWhenExpiryIsNotADateSaysTheFormat() {
		// given an expiry in words, and an impossible day
		String words = EXEMPTION_HEADER + "bob,carol@example.com,hand-over,next week\n";
		String impossible = EXEMPTION_HEADER + "bob,carol@example.com,hand-over,2026-02-30\n";

		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> ReconcileFiles.exemptions("exemptions.csv", words))
			.withMessage("exemptions.csv line 2: expires 'next week' is not a date: use YYYY-MM-DD (the last day the "
					+ "exemption holds, UTC).");
		assertThatIllegalArgumentException().isThrownBy(() -> ReconcileFiles.exemptions("exemptions.csv", impossible))
			.withMessageStartingWith("exemptions.csv line 2: expires '2026-02-30' is not a date");
	}

	@Test
	void exemptionsWhenExpiryIsEmptySaysEveryExemptionExpires() {
		String text = EXEMPTION_HEADER + "bob,carol@example.com,hand-over,\n";
		assertThatIllegalArgumentException().isThrownBy(() -> ReconcileFiles.exemptions("exemptions.csv", text))
			.withMessage("exemptions.csv line 2: expires is empty; every line needs all of its columns.");
	}

	@Test
	void mappingsWhenAQuoteIsNotClosedNamesTheLine() {
		// given a quoted reason without its closing quote
		String text = MAPPING_HEADER + "asmith,alice@example.com,admin,\"shared address, Alice owns it\n";

		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> ReconcileFiles.mappings("mappings.csv", text))
			.withMessage("mappings.csv line 2: a quoted field is not closed.");
	}

}
