package dev.idsync.batch;

import java.util.function.Function;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.idsync.config.Secret;
import dev.idsync.config.SinkProperties;
import dev.idsync.rotate.Rotation;
import dev.idsync.rotate.Rotator;
import dev.idsync.rotate.SecretSink;
import dev.idsync.source.phorge.Conduit;
import dev.idsync.source.sink.FileSink;
import dev.idsync.source.sink.KubernetesSecretSink;
import dev.idsync.store.AccountDetailStore;
import dev.idsync.store.RotationStore;
import dev.idsync.store.RunStore;

/**
 * Bot token rotation: {@code rotateTokensStep} of the nightly job, and {@code rotateTokensJob} for
 * {@code idsync rotate}.
 */
@Configuration(proxyBeanMethods = false)
class RotationJobConfiguration {

	static final String ROTATE_TOKENS_JOB = "rotateTokensJob";

	/**
	 * For crash tests only: {@code -Didsync.rotate.halt-after=PHASE[:DELIVERED]} stops the JVM dead (no shutdown
	 * hooks, as a {@code kill -9} would) the moment a rotation has journalled that phase (with that many sinks
	 * delivered).
	 */
	static final String HALT_AFTER = "idsync.rotate.halt-after";

	@Bean(destroyMethod = "close")
	TokenWriter tokenWriter(JobSettings settings) {
		return TokenWriter.of(settings);
	}

	@Bean
	Step rotateTokensStep(JobRepository jobRepository, JobSettings settings, TokenWriter tokenWriter,
			RotationStore rotationStore, Conduit conduit, AccountDetailStore accountDetailStore,
			PhorgeDatabaseReads phorgeDatabaseReads, RunStore runStore) {
		Rotator rotator = tokenWriter.configured()
				? new Rotator(tokenWriter.tokens(), (token) -> conduit.ownerOf(Secret.of(token.reveal())),
						rotationStore, settings.clock(), haltHook()) : null;
		return new StepBuilder("rotateTokensStep", jobRepository)
			.tasklet(new RotateTokensTasklet(settings.properties().bots(),
					settings.properties().reconcile().tokenMaxAge(), rotator, conduit, sinks(),
					new SelfToken(conduit, tokenWriter, accountDetailStore, phorgeDatabaseReads.configured(),
							settings.properties().bots(), settings.properties().reconcile().tokenMaxAge(),
							settings.clock()), runStore),
					new ResourcelessTransactionManager())
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Job rotateTokensJob(JobRepository jobRepository, Step rotateTokensStep) {
		return new JobBuilder(ROTATE_TOKENS_JOB, jobRepository).start(rotateTokensStep).build();
	}

	/** File sinks, and Kubernetes Secret sinks over one client made on first use. */
	private static Function<SinkProperties, SecretSink> sinks() {
		KubernetesClient[] client = new KubernetesClient[1];
		return (sink) -> {
			if (sink.type().equals(SinkProperties.FILE)) {
				return new FileSink(sink.path());
			}
			if (client[0] == null) {
				client[0] = new KubernetesClientBuilder().build();
			}
			return new KubernetesSecretSink(client[0], sink.namespace(), sink.secret(), sink.key());
		};
	}

	private static Rotator.PhaseHook haltHook() {
		String haltAfter = System.getProperty(HALT_AFTER);
		if (haltAfter == null || haltAfter.isBlank()) {
			return Rotator.PhaseHook.NONE;
		}
		String[] spec = haltAfter.split(":");
		int delivered = (spec.length > 1) ? Integer.parseInt(spec[1]) : 0;
		return (Rotation rotation) -> {
			if (rotation.phase().name().equals(spec[0]) && rotation.delivered().size() == delivered) {
				Runtime.getRuntime().halt(137);
			}
		};
	}

}
