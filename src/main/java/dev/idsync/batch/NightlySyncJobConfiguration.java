package dev.idsync.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import dev.idsync.config.Credentials;
import dev.idsync.config.IdsyncProperties;
import dev.idsync.domain.Account;
import dev.idsync.domain.AccountCase;
import dev.idsync.domain.Action;
import dev.idsync.domain.Category;
import dev.idsync.domain.Finding;
import dev.idsync.domain.Match;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.Person;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.reconcile.Classifier;
import dev.idsync.reconcile.PersonMerger;
import dev.idsync.remediate.Planner;
import dev.idsync.source.IdentitySource;
import dev.idsync.source.google.GoogleIdentitySource;
import dev.idsync.source.okta.OktaIdentitySource;
import dev.idsync.source.phorge.Conduit;
import dev.idsync.store.FindingStore;
import dev.idsync.store.RunStore;
import dev.idsync.store.StagingStore;

/**
 * The nightly job {@code nightlySyncJob}: read the identity sources and Phorge's accounts into staging tables,
 * merge persons, correlate (email, then username), classify, plan, and write the report.
 */
@Configuration(proxyBeanMethods = false)
class NightlySyncJobConfiguration {

	static final String JOB_NAME = "nightlySyncJob";

	/** Actions are only planned in this version: the report says so for each one. */
	static final String NOT_APPLIED = "NOT_APPLIED_DRY_RUN";

	private static final int CHUNK = 500;

	@Bean
	Conduit conduit(JobSettings settings) {
		return new Conduit(settings.properties().phorge(), settings.credentials().conduit());
	}

	@Bean
	Job nightlySyncJob(JobRepository jobRepository, JobSettings settings, RunStore runStore,
			StagingStore stagingStore, PlatformTransactionManager transactionManager, Step prepareRunStep,
			Step readAccountsStep, Step mergePersonsStep, Step correlateByEmailStep, Step correlateByUsernameStep,
			Step classifyAccountsStep, Step classifyJoinersStep, Step planActionsStep, Step writeReportStep) {
		SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository).listener(
				new RunRecordListener(runStore, settings.clock()))
			.start(prepareRunStep);
		// one read step per configured identity source, named after it (readOktaStep, readGoogleStep)
		for (IdentitySource source : identitySources(settings)) {
			job.next(readIdentitiesStep(source, jobRepository, transactionManager, stagingStore, runStore));
		}
		return job.next(readAccountsStep)
			.next(mergePersonsStep)
			.next(correlateByEmailStep)
			.next(correlateByUsernameStep)
			.next(classifyAccountsStep)
			.next(classifyJoinersStep)
			.next(planActionsStep)
			.next(writeReportStep)
			.build();
	}

	@Bean
	Step prepareRunStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunStore runStore, StagingStore stagingStore, JobSettings settings) {
		return new StepBuilder("prepareRunStep", jobRepository)
			.tasklet(new PrepareRunTasklet(runStore, stagingStore, settings.clock()), transactionManager)
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Step readAccountsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Conduit conduit, StagingStore stagingStore, RunStore runStore) {
		PagedItemReader<Account> reader = new PagedItemReader<>(conduit.accounts());
		return new StepBuilder("readAccountsStep", jobRepository).<Account, Account>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(reader)
			.writer(new RunWriter<Account>(stagingStore::deleteAccounts, stagingStore::insertAccounts))
			.listener(new SourceReadListener(reader, runStore))
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Step mergePersonsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StagingStore stagingStore) {
		return new StepBuilder("mergePersonsStep", jobRepository).<List<SourceIdentity>, Person>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(new RunCursorReader<>(stagingStore::identitiesByPerson))
			.processor(PersonMerger::merge)
			.writer(new RunWriter<Person>(stagingStore::deletePersons, stagingStore::insertPersons))
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	ThreadPoolTaskExecutor correlationExecutor(JobSettings settings) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(settings.properties().phorge().lookupConcurrency());
		executor.setMaxPoolSize(settings.properties().phorge().lookupConcurrency());
		executor.setThreadNamePrefix("idsync-lookup-");
		return executor;
	}

	@Bean
	Step correlateByEmailStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Conduit conduit, StagingStore stagingStore, ThreadPoolTaskExecutor correlationExecutor) {
		return new StepBuilder("correlateByEmailStep", jobRepository).<Person, List<Match>>chunk(100)
			.transactionManager(transactionManager)
			.reader(new RunCursorReader<>(stagingStore::persons))
			.processor(new MatchByEmailProcessor(conduit.emails()))
			.writer(new RunWriter<List<Match>>((runId) -> stagingStore.deleteMatches(runId, MatchMethod.EMAIL),
					(runId, lists) -> stagingStore.insertMatches(runId, flatten(lists))))
			.taskExecutor(correlationExecutor)
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Step correlateByUsernameStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StagingStore stagingStore) {
		return new StepBuilder("correlateByUsernameStep", jobRepository)
			.tasklet(new MatchByUsernameTasklet(stagingStore), transactionManager)
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Step classifyAccountsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StagingStore stagingStore, FindingStore findingStore, JobSettings settings) {
		List<Category> accountStates = new ArrayList<>(List.of(Category.values()));
		accountStates.remove(Category.JOINER_NO_ACCOUNT);
		return new StepBuilder("classifyAccountsStep", jobRepository).<AccountCase, Finding>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(new RunCursorReader<>(stagingStore::accountCases))
			.processor(new ClassifyAccountProcessor(settings.properties().bots(), stagingStore))
			.writer(new RunWriter<Finding>((runId) -> findingStore.deleteFindings(runId, accountStates),
					findingStore::insertFindings))
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Step classifyJoinersStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StagingStore stagingStore, FindingStore findingStore) {
		return new StepBuilder("classifyJoinersStep", jobRepository).<Person, Finding>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(new RunCursorReader<>(stagingStore::unclaimedPersons))
			.processor((Person person) -> Classifier.classifyUnclaimed(person).orElse(null))
			.writer(new RunWriter<Finding>(
					(runId) -> findingStore.deleteFindings(runId, List.of(Category.JOINER_NO_ACCOUNT)),
					findingStore::insertFindings))
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Step planActionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FindingStore findingStore) {
		return new StepBuilder("planActionsStep", jobRepository).<Finding, Action>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(new RunCursorReader<>(findingStore::findings))
			.processor((Finding finding) -> Planner.plan(finding).orElse(null))
			.writer(new RunWriter<Action>(findingStore::deleteActions,
					(runId, actions) -> findingStore.insertActions(runId, actions, NOT_APPLIED)))
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Step writeReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunStore runStore, FindingStore findingStore, JobSettings settings) {
		return new StepBuilder("writeReportStep", jobRepository)
			.tasklet(new WriteReportTasklet(runStore, findingStore, settings.clock(), version()), transactionManager)
			.listener(new StepProgressListener())
			.build();
	}

	private static Step readIdentitiesStep(IdentitySource source, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, StagingStore stagingStore, RunStore runStore) {
		PagedItemReader<SourceIdentity> reader = new PagedItemReader<>(source);
		String name = "read" + source.name().substring(0, 1).toUpperCase(Locale.ROOT) + source.name().substring(1)
				+ "Step";
		return new StepBuilder(name, jobRepository).<SourceIdentity, SourceIdentity>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(reader)
			.writer(new RunWriter<SourceIdentity>((runId) -> stagingStore.deleteIdentities(runId, source.name()),
					stagingStore::insertIdentities))
			.listener(new SourceReadListener(reader, runStore))
			.listener(new StepProgressListener())
			.build();
	}

	private static List<IdentitySource> identitySources(JobSettings settings) {
		IdsyncProperties properties = settings.properties();
		Credentials credentials = settings.credentials();
		List<IdentitySource> sources = new ArrayList<>();
		if (properties.okta() != null && credentials.okta() != null) {
			sources.add(new OktaIdentitySource(properties.okta(), credentials.okta()));
		}
		if (properties.google() != null && credentials.google() != null) {
			sources.add(new GoogleIdentitySource(properties.google(), credentials.google()));
		}
		return sources;
	}

	private static <T> List<T> flatten(List<? extends List<T>> lists) {
		List<T> all = new ArrayList<>();
		lists.forEach(all::addAll);
		return all;
	}

	static String version() {
		String version = NightlySyncJobConfiguration.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "development";
	}

}
