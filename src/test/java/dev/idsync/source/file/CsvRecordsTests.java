package dev.idsync.source.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.idsync.source.file.CsvRecords.CsvRecord;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRecordsTests {

	@TempDir
	Path dir;

	@Test
	void readWhenQuotedSplitsAsRfc4180() throws IOException {
		List<CsvRecord> records = read("a,\"b,c\",\"say \"\"hi\"\"\",,\"\"\r\n\"x\ny\",z\n");
		assertThat(records).extracting(CsvRecord::fields)
			.containsExactly(List.of("a", "b,c", "say \"hi\"", "", ""), List.of("x\ny", "z"));
		assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2);
		assertThat(records).extracting(CsvRecord::problem).containsOnlyNulls();
	}

	@Test
	void readWhenQuotedFieldHoldsBlankLinesKeepsThemAndCountsLines() throws IOException {
		List<CsvRecord> records = read("\"one\n\n\nfour\",1\n\nlast,2");
		assertThat(records).extracting(CsvRecord::fields)
			.containsExactly(List.of("one\n\n\nfour", "1"), List.of("last", "2"));
		assertThat(records).extracting(CsvRecord::line).containsExactly(1, 6);
	}

	@Test
	void readWhenQuoteInsideUnquotedFieldKeepsIt() throws IOException {
		assertThat(read("5'11\",ok\n")).singleElement().extracting(CsvRecord::fields)
			.isEqualTo(List.of("5'11\"", "ok"));
	}

	@Test
	void readWhenTextFollowsClosingQuoteReportsField() throws IOException {
		assertThat(read("a,\"b\"c,d\nnext,row\n")).extracting(CsvRecord::problem)
			.containsExactly("field 2 has text after its closing quote; a quote inside a quoted value is written \"\"",
					null);
	}

	@Test
	void readWhenQuoteNeverClosedReportsWhereItStarts() throws IOException {
		List<CsvRecord> records = read("ok,1\n\"open,2\nmore\n");
		assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2);
		assertThat(records.get(1).problem()).isEqualTo("a quoted field starts on this line and is never closed; "
				+ "end it with \" (a quote inside a quoted value is written \"\")");
	}

	private List<CsvRecord> read(String text) throws IOException {
		Path file = Files.writeString(this.dir.resolve("records.csv"), text);
		List<CsvRecord> records = new ArrayList<>();
		try (LineReader lines = LineReader.open(file, StandardCharsets.UTF_8, 0, 1)) {
			for (CsvRecord record = CsvRecords.read(lines, ','); record != null; record = CsvRecords.read(lines, ',')) {
				records.add(record);
			}
		}
		return records;
	}

}
