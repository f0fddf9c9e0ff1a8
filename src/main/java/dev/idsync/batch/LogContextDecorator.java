package dev.idsync.batch;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.task.TaskDecorator;

/**
 * Gives a task what its submitter logs with (the MDC: the run's id), for the time it runs on a pooled thread, which
 * does not inherit it; the thread's own is restored afterwards.
 */
final class LogContextDecorator implements TaskDecorator {

	@Override
	public Runnable decorate(Runnable task) {
		@Nullable Map<String, String> submitter = MDC.getCopyOfContextMap();
		return () -> {
			@Nullable Map<String, String> own = MDC.getCopyOfContextMap();
			use(submitter);
			try {
				task.run();
			}
			finally {
				use(own);
			}
		};
	}

	private static void use(@Nullable Map<String, String> context) {
		if (context != null) {
			MDC.setContextMap(context);
		}
		else {
			MDC.clear();
		}
	}

}
