package dev.idsync.batch;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application behind every run: the job repository, Flyway migrations and the nightly job.
 */
@SpringBootApplication
class BatchApplication {

}
