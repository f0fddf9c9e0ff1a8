package dev.idsync.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.idsync.config.Secret;
import dev.idsync.report.ReportWriter;

/**
 * The latest report and the Backstage catalog under stable URLs, for people and for Backstage's {@code url}
 * location: {@code /reports/latest/report.html} (and its report.md, report.json, findings.csv) and
 * {@code /catalog/users.yaml}. They hold personal data, so each request must carry
 * {@code Authorization: Bearer <idsync.management.token-file>}; without a token configured they are not served.
 */
@RestController
final class ReportsController {

	private static final Map<String, MediaType> FILES = Map.of("report.html", MediaType.TEXT_HTML,
			"report.md", MediaType.parseMediaType("text/markdown;charset=UTF-8"), "report.json",
			MediaType.APPLICATION_JSON, "findings.csv", MediaType.parseMediaType("text/csv;charset=UTF-8"));

	private final Path reports;

	private final @Nullable Secret token;

	ReportsController(Path reports, @Nullable Secret token) {
		this.reports = reports;
		this.token = token;
	}

	@GetMapping("/reports/latest/{file}")
	ResponseEntity<byte[]> latest(@PathVariable("file") String file,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		MediaType type = FILES.get(file);
		if (type == null) {
			return text(HttpStatus.NOT_FOUND, "no such report file; the report is report.html, report.md, report.json "
					+ "and findings.csv");
		}
		Path latest = latestFolder();
		return serve((latest != null) ? latest.resolve(file) : null, type, authorization);
	}

	@GetMapping("/catalog/users.yaml")
	ResponseEntity<byte[]> catalog(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		return serve(this.reports.resolve(ScheduledRuns.CATALOG), MediaType.parseMediaType(
				"application/yaml;charset=UTF-8"), authorization);
	}

	private ResponseEntity<byte[]> serve(@Nullable Path file, MediaType type, @Nullable String authorization) {
		if (this.token == null) {
			return text(HttpStatus.NOT_FOUND, "reports are served only with a bearer token: set "
					+ "idsync.management.token-file");
		}
		if (!authorized(authorization)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer realm=\"idsync\"").body("a bearer token is required\n".getBytes(StandardCharsets.UTF_8));
		}
		if (file == null || !Files.isRegularFile(file)) {
			return text(HttpStatus.NOT_FOUND, "nothing yet: no run has written it");
		}
		try {
			return ResponseEntity.ok().contentType(type).header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			return text(HttpStatus.INTERNAL_SERVER_ERROR, "cannot read " + file.getFileName());
		}
	}

	/** The token compared in constant time: a wrong guess learns nothing from how long the answer took. */
	private boolean authorized(@Nullable String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ") || this.token == null) {
			return false;
		}
		return MessageDigest.isEqual(authorization.substring("Bearer ".length()).strip()
			.getBytes(StandardCharsets.UTF_8), this.token.reveal().getBytes(StandardCharsets.UTF_8));
	}

	/** The folder {@code latest} points at: a symbolic link, or where there is none the {@code LATEST} file. */
	private @Nullable Path latestFolder() {
		Path link = this.reports.resolve(ReportWriter.LATEST);
		if (Files.isDirectory(link)) {
			return link;
		}
		try {
			Path named = this.reports.resolve(ReportWriter.LATEST_FILE);
			return Files.isRegularFile(named) ? this.reports.resolve(Files.readString(named).strip()) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static ResponseEntity<byte[]> text(HttpStatus status, String message) {
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN)
			.body((message + "\n").getBytes(StandardCharsets.UTF_8));
	}

}
