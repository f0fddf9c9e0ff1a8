package dev.idsync.batch;

import java.util.Map;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

class LogContextDecoratorTests {

	private final ThreadPoolTaskExecutor executor = executor();

	@AfterEach
	void shutDown() {
		this.executor.shutdown();
		MDC.clear();
	}

	@Test
	void decoratedTaskLogsWithItsSubmittersRunIdAndItsThreadForgetsItAfterwards() throws Exception {
		// given a task submitted during a run
		MDC.put(RunIds.LOG_KEY, "20261207T021500Z-ab12");
		Future<Map<String, String>> during = this.executor.submit(MDC::getCopyOfContextMap);

		// when the run is over and the same pooled thread runs another task
		MDC.remove(RunIds.LOG_KEY);
		Future<Map<String, String>> after = this.executor.submit(MDC::getCopyOfContextMap);

		// then the first ran with the run's id, the second without
		assertThat(during.get()).containsExactly(Map.entry(RunIds.LOG_KEY, "20261207T021500Z-ab12"));
		assertThat(after.get()).isNullOrEmpty();
	}

	private static ThreadPoolTaskExecutor executor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setTaskDecorator(new LogContextDecorator());
		executor.initialize();
		return executor;
	}

}
