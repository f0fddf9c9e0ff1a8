package dev.idsync.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Slack-compatible incoming webhook ({@code idsync.notify.webhook}): after the report is written, idsync posts
 * {@code {"text": …}} with the run's summary and where its report is. A failed post is logged and never changes the
 * run's exit code.
 *
 * @param urlFile a file holding the webhook's URL (a credential: whoever has it may post to the channel)
 * @param urlEnv the environment variable holding the URL when no file is set (default {@code IDSYNC_WEBHOOK_URL})
 * @param sendOn when to post: {@code new-drift} (DRIFT findings new since the last complete run), {@code gate} (a
 * safety gate stopped actions the mode would take, or a source was read incompletely), {@code always}; default both
 * of the first two (not {@code on}: YAML reads a bare {@code on} as {@code true})
 * @param timeout how long to wait for the webhook (default 10s)
 * @param reportUrl where the report directory is served, if it is (e.g. {@code https://reports.example.com/idsync}):
 * the message then links {@code <report-url>/<runId>/report.html} instead of naming the file
 */
public record WebhookProperties(@Nullable Path urlFile, @DefaultValue("IDSYNC_WEBHOOK_URL") String urlEnv,
		@DefaultValue({ "new-drift", "gate" }) List<String> sendOn, @DefaultValue("10s") Duration timeout,
		@Nullable String reportUrl) {

	/** The values {@code send-on} accepts. */
	public static final Set<String> TRIGGERS = Set.of("new-drift", "gate", "always");

	public WebhookProperties {
		sendOn = List.copyOf(sendOn);
		if (sendOn.isEmpty()) {
			throw new ConfigException("idsync.notify.webhook.send-on is empty. Use new-drift, gate or always (default: "
					+ "[new-drift, gate]), or remove idsync.notify.webhook.");
		}
		for (String trigger : sendOn) {
			if (!TRIGGERS.contains(trigger)) {
				throw new ConfigException("idsync.notify.webhook.send-on: '" + trigger + "' is not a trigger. Use "
						+ "new-drift, gate or always.");
			}
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new ConfigException("idsync.notify.webhook.timeout must be positive, e.g. 10s.");
		}
		if (reportUrl != null) {
			Endpoints.require("idsync.notify.webhook.report-url", reportUrl, "https://reports.example.com/idsync");
		}
	}

}
