package dev.idsync.source.phorge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sections of {@code phorge-db-sample-rows.txt}: tab-separated rows, each section after its own header line
 * (which starts with {@code id}). The file gives only some columns of each table.
 *
 * @param externalAccounts {@code user_externalaccount} rows with the linked user's {@code userName}
 * @param identifiers {@code user_externalaccountidentifier} rows
 * @param providerConfigs {@code auth_providerconfig} rows ({@code login}, {@code reg}, {@code trust} abbreviate
 * {@code shouldAllowLogin}, {@code shouldAllowRegistration}, {@code shouldTrustEmails})
 * @param emails {@code user_email} rows with the owner's {@code userName}
 * @param userFlags {@code user} flags ({@code bot}, {@code list}, {@code adm}, {@code dis}, {@code ver}, {@code app})
 */
record PhorgeSampleRows(List<Map<String, String>> externalAccounts, List<Map<String, String>> identifiers,
		List<Map<String, String>> providerConfigs, List<Map<String, String>> emails,
		List<Map<String, String>> userFlags) {

	/** The vendored {@code phorge-db-sample-rows.txt}. */
	static PhorgeSampleRows read() {
		Map<String, List<Map<String, String>>> sections = new LinkedHashMap<>();
		List<String> header = List.of();
		for (String line : PhorgeSchema.text("/reference/phorge-db-sample-rows.txt").split("\n")) {
			List<String> cells = Arrays.asList(line.split("\t", -1));
			if (cells.get(0).equals("id")) {
				header = cells;
				sections.put(section(header), new ArrayList<>());
			}
			else if (!line.isBlank()) {
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < header.size(); i++) {
					row.put(header.get(i), cells.get(i));
				}
				sections.get(section(header)).add(row);
			}
		}
		return new PhorgeSampleRows(sections.get("externalaccount"), sections.get("identifier"),
				sections.get("providerconfig"), sections.get("email"), sections.get("user"));
	}

	private static String section(List<String> header) {
		if (header.contains("identifierRaw")) {
			return "identifier";
		}
		if (header.contains("accountType")) {
			return "externalaccount";
		}
		if (header.contains("providerClass")) {
			return "providerconfig";
		}
		if (header.contains("address")) {
			return "email";
		}
		if (header.contains("bot")) {
			return "user";
		}
		throw new IllegalStateException("unknown section of phorge-db-sample-rows.txt: " + header);
	}

}
