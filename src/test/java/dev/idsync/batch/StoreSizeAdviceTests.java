package dev.idsync.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class StoreSizeAdviceTests {

	@Test
	void moreThanFiftyThousandPeopleOnH2AdvisePostgresql(CapturedOutput output) {
		new StoreSizeAdvice(true).afterStep(merged(50_001));

		assertThat(output).contains("50,001 people on the embedded H2 store (idsync.store.url): past 50,000, "
				+ "PostgreSQL runs a night in about half the time");
	}

	@Test
	void fiftyThousandPeopleOnH2OrAnyNumberOnPostgresqlSayNothing(CapturedOutput output) {
		new StoreSizeAdvice(true).afterStep(merged(50_000));
		new StoreSizeAdvice(false).afterStep(merged(1_000_000));

		assertThat(output).doesNotContain("embedded H2 store");
	}

	private static StepExecution merged(long people) {
		StepExecution step = MetaDataInstanceFactory.createStepExecution("mergePersonsStep", 1L);
		step.setWriteCount(people);
		return step;
	}

}
