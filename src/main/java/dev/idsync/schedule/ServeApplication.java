package dev.idsync.schedule;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application of {@code idsync serve}: Quartz on idsync's store, the HTTP port (health, metrics,
 * reports). Each run it fires starts the application of a run beside it, as {@code idsync run} does.
 */
@SpringBootApplication
class ServeApplication {

}
