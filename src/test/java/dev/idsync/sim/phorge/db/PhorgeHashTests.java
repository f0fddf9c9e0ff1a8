package dev.idsync.sim.phorge.db;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhorgeHashTests {

	/** Every identifier of phorge-db-sample-rows.txt, hashed by a real Phorge. */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "id(104275981234567890123) | mEovodUFZL02", "alice@example.com | YzoDZldyT4ZR",
					"id(104275981234567890456) | MDycM5Fls3Na", "bob@example.com | AwzXQoEjUZVj",
					"id(104275981234567890789) | jrx2Qrpe1jCQ", "oscar@example.com | CtxLbum3G8q_",
					"carol | EVHmKAVKXOoB", "heidi | fH3zSuiT5oaH" })
	void digestForIndexIsPhorgesHash(String identifier, String hash) {
		assertThat(PhorgeHash.digestForIndex(identifier)).isEqualTo(hash);
	}

}
