package dev.idsync.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where run reports go ({@code idsync.report}).
 *
 * @param dir the directory that receives one {@code <runId>/} folder per run
 */
public record ReportProperties(@DefaultValue("var/reports") Path dir) {
}
