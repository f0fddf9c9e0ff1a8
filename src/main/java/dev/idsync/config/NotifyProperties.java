package dev.idsync.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Who hears about a run besides its report folder ({@code idsync.notify}).
 *
 * @param webhook a chat webhook (Slack-compatible) told about new drift and stopped actions; none when unset
 */
public record NotifyProperties(@NestedConfigurationProperty @Nullable WebhookProperties webhook) {
}
