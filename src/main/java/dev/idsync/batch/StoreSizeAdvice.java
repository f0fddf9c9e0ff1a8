package dev.idsync.batch;

import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Says, once the persons are merged, when the organisation has outgrown the embedded H2 store: past
 * {@value #H2_PEOPLE} people a night on H2 takes about twice as long as on PostgreSQL, its store file grows several
 * times larger, and its page cache grows the job's heap with the population (bench/results).
 */
final class StoreSizeAdvice implements StepExecutionListener {

	static final int H2_PEOPLE = 50_000;

	private static final Log log = LogFactory.getLog("dev.idsync.job");

	private final boolean h2;

	StoreSizeAdvice(boolean h2) {
		this.h2 = h2;
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		long people = stepExecution.getWriteCount();
		if (this.h2 && people > H2_PEOPLE) {
			log.warn(String.format(Locale.ROOT, "%,d people on the embedded H2 store (idsync.store.url): past %,d, "
					+ "PostgreSQL runs a night in about half the time, with a flat heap and a store several times "
					+ "smaller. See 'Speed at scale' in the README", people, H2_PEOPLE));
		}
		return null;
	}

}
