package dev.idsync.metrics;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PrometheusTextTests {

	@Test
	void parseWhenTextIsValidThenReadsNamesLabelsValuesAndTimestamps() {
		// given
		String text = """
				# HELP http_requests_total The total number of HTTP requests, with a \\\\ and a \\n.
				# TYPE http_requests_total counter
				http_requests_total{method="post",code="200"} 1027 1395066363000
				http_requests_total{method="post",code="400",} 3 1395066363000
				# a plain comment
				msdos_file_access_time_seconds{path="C:\\\\DIR\\\\F.TXT",error="Cannot find:\\n\\"F.TXT\\""} 1.458255915e9

				metric_without_timestamp_and_labels 12.47
				something_weird{problem="division by zero"} +Inf -3982045
				nan_value NaN
				negative_infinity { a = "1" } -Inf
				# TYPE rpc_duration_seconds summary
				rpc_duration_seconds{quantile="0.5"} 4773
				rpc_duration_seconds_sum 1.7560473e+07
				rpc_duration_seconds_count 2693
				""";
		// when
		PrometheusText parsed = PrometheusText.parse(text);
		// then
		assertThat(parsed.family("http_requests_total").type()).isEqualTo("counter");
		assertThat(parsed.family("http_requests_total").help())
			.isEqualTo("The total number of HTTP requests, with a \\ and a \n.");
		assertThat(parsed.value("http_requests_total", "method", "post", "code", "400")).isEqualTo(3);
		assertThat(parsed.family("http_requests_total").samples().get(0).timestamp()).isEqualTo(1395066363000L);
		assertThat(parsed.samples("msdos_file_access_time_seconds")).containsOnlyKeys(
				Map.of("path", "C:\\DIR\\F.TXT", "error", "Cannot find:\n\"F.TXT\""));
		assertThat(parsed.value("metric_without_timestamp_and_labels")).isEqualTo(12.47);
		assertThat(parsed.value("something_weird", "problem", "division by zero")).isInfinite();
		assertThat(parsed.value("nan_value")).isNaN();
		assertThat(parsed.value("negative_infinity", "a", "1")).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(parsed.family("rpc_duration_seconds").samples()).hasSize(3);
		assertThat(parsed.value("rpc_duration_seconds_sum")).isEqualTo(1.7560473e+07);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1metric 1", "metric-name 1", "metric", "metric ", "metric 1 2 3", "metric one",
			"metric 0x10", "metric inf", "metric 1 1.5", "metric 1 99999999999999999999", "metric{a=\"1\" 1",
			"metric{a=1} 1", "metric{a=\"1} 1", "metric{a=\"\\t\"} 1", "metric{1a=\"1\"} 1", "metric{__name__=\"x\"} 1",
			"metric{a=\"1\",a=\"2\"} 1", "metric{a=\"1\"b=\"2\"} 1", "metric{,} 1", "metric{a=\"1\"}1",
			"# TYPE metric histogramm", "# TYPE 1metric gauge", "# HELP",
			"# HELP metric a \\\" quote" })
	void parseWhenALineIsMalformedThenRejectsItNamingTheLine(String line) {
		// given
		String text = "ok 1\n" + line + "\n";
		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> PrometheusText.parse(text)).withMessageStartingWith(
				"line 2: ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a 1\nb 1\na 2\n", "a{x=\"1\"} 1\na{x=\"1\"} 2\n", "a 1\n# TYPE a gauge\n",
			"# TYPE a gauge\n# TYPE a gauge\n", "# HELP a one\n# HELP a two\n", "a 1" })
	void parseWhenTheTextBreaksTheFormatsRulesThenRejectsIt(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> PrometheusText.parse(text));
	}

}
