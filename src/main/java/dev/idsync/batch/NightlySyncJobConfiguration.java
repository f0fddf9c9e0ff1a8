package dev.idsync.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import dev.idsync.domain.Account;
import dev.idsync.domain.AccountCase;
import dev.idsync.domain.AccountDisable;
import dev.idsync.domain.AccountEmail;
import dev.idsync.domain.AccountSecurity;
import dev.idsync.domain.ApiTokenInfo;
import dev.idsync.domain.ExternalIdentifier;
import dev.idsync.domain.Finding;
import dev.idsync.domain.IdentityRecord;
import dev.idsync.domain.Match;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.MergePolicy;
import dev.idsync.domain.Person;
import dev.idsync.domain.PersonCase;
import dev.idsync.domain.PlannedAction;
import dev.idsync.domain.SourceIdentity;
import dev.idsync.domain.SourceRead;
import dev.idsync.config.ReconcileProperties;
import dev.idsync.reconcile.CorrelationKeys;
import dev.idsync.store.LinkStore;
import dev.idsync.store.MappingStore;
import dev.idsync.reconcile.PersonMerger;
import dev.idsync.remediate.Planner;
import dev.idsync.source.CredentialCheck;
import dev.idsync.source.PagedSource;
import dev.idsync.source.PhorgeDatabase;
import dev.idsync.source.phorge.Conduit;
import dev.idsync.store.AccountDetailStore;
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

	private static final int CHUNK = 500;

	@Bean
	Conduit conduit(JobSettings settings) {
		return new Conduit(settings.properties().phorge(), settings.credentials().conduit());
	}

	@Bean
	PhorgeDatabaseReads phorgeDatabaseReads(JobSettings settings) {
		return PhorgeDatabaseReads.of(settings);
	}

	@Bean
	List<SourcePlan> sourcePlans(JobSettings settings) {
		return SourcePlan.of(settings.properties(), settings.credentials());
	}

	@Bean
	Job nightlySyncJob(JobRepository jobRepository, JobSettings settings, List<SourcePlan> sourcePlans,
			RunStore runStore, StagingStore stagingStore, AccountDetailStore details,
			PhorgeDatabaseReads phorgeDatabase, PlatformTransactionManager transactionManager, Step prepareRunStep,
			Step stageReconcileInputsStep, Step checkCredentialsStep, Step readAccountsStep, Step checkSourcesStep,
			Step mergePersonsStep, Step correlateByMappingStep, Step correlateByEmailStep, Step correlateByUsernameStep,
			Step correlateByRealNameStep, Step classifyAccountsStep, Step classifyPersonsStep, Step compareRunsStep,
			Step planActionsStep, Step gateActionsStep, Step applyActionsStep, Step rotateTokensStep,
			Step writeReportStep, Step writePlanStep, Step notifyStep) {
		// one read step per configured identity source and entitlement rule, named after it (readOktaStep,
		// readOktaEntitlementStep, readGoogleStep, …): the sources are configuration, not code
		MergePolicy policy = mergePolicy(settings);
		List<List<Step>> flows = new ArrayList<>();
		for (SourcePlan plan : sourcePlans) {
			flows.add(List.of(readStep(stepName(plan.name(), ""), plan.identities(), jobRepository, transactionManager,
					runStore,
					new RunWriter<SourceIdentity>((runId) -> stagingStore.deleteIdentities(runId, plan.name()),
							(runId, items) -> stagingStore.insertIdentities(runId, items, policy)))));
			if (plan.entitlement() != null) {
				flows.add(List.of(readStep(stepName(plan.name(), "Entitlement"), plan.entitlement(), jobRepository,
						transactionManager, runStore,
						new RunWriter<String>((runId) -> stagingStore.deleteEntitled(runId, plan.name()),
								(runId, ids) -> stagingStore.insertEntitled(runId, plan.name(), ids)))));
			}
			if (plan.admins() != null) {
				flows.add(List.of(readStep(stepName(plan.name(), "Admins"), plan.admins(), jobRepository,
						transactionManager, runStore,
						new RunWriter<String>((runId) -> stagingStore.deleteAdmins(runId, plan.name()),
								(runId, ids) -> stagingStore.insertAdmins(runId, plan.name(), ids)))));
			}
		}
		flows.add(List.of(readAccountsStep));
		PhorgeDatabase database = phorgeDatabase.database();
		if (database != null) {
			// what Conduit does not expose, from Phorge's own database: one read after the other, over its small pool
			flows.add(List.of(
					readStep("readPhorgeEmailsStep", database.emails(), jobRepository, transactionManager, runStore,
							new RunWriter<AccountEmail>(details::deleteEmails, details::insertEmails)),
					readStep("readPhorgeLinksStep", database.externalIdentifiers(), jobRepository,
							transactionManager, runStore,
							new RunWriter<ExternalIdentifier>(details::deleteLinks, details::insertLinks)),
					readStep("readPhorgeSecurityStep", database.security(), jobRepository, transactionManager,
							runStore, new RunWriter<AccountSecurity>(details::deleteSecurity, details::insertSecurity)),
					readStep("readPhorgeTokensStep", database.tokens(), jobRepository, transactionManager,
							runStore, new RunWriter<ApiTokenInfo>(details::deleteTokens, details::insertTokens)),
					readStep("readPhorgeDisablesStep", database.disables(), jobRepository, transactionManager,
							runStore,
							new RunWriter<AccountDisable>(details::deleteDisables, details::insertDisables))));
		}
		return new JobBuilder(JOB_NAME, jobRepository).listener(new RunRecordListener(runStore, settings.clock()))
			.start(prepareRunStep)
			.next(stageReconcileInputsStep)
			.next(checkCredentialsStep)
			.next(readSourcesStep(flows, jobRepository))
			.next(checkSourcesStep)
			.next(mergePersonsStep)
			.next(correlateByMappingStep)
			.next(correlateByEmailStep)
			.next(correlateByUsernameStep)
			.next(correlateByRealNameStep)
			.next(classifyAccountsStep)
			.next(classifyPersonsStep)
			.next(compareRunsStep)
			.next(planActionsStep)
			.next(gateActionsStep)
			.next(applyActionsStep)
			.next(rotateTokensStep)
			.next(writeReportStep)
			.next(writePlanStep)
			.next(notifyStep)
			.build();
	}

	@Bean
	Step prepareRunStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunStore runStore, StagingStore stagingStore, JobSettings settings) {
		return new StepBuilder("prepareRunStep", jobRepository)
			.tasklet(new PrepareRunTasklet(runStore, stagingStore, settings.clock(),
					settings.properties().store().keepRuns()), transactionManager)
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	ReconcileInputs reconcileInputs(MappingStore mappingStore, JobSettings settings) {
		return new ReconcileInputs(mappingStore, settings.properties().reconcile());
	}

	@Bean
	Step stageReconcileInputsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReconcileInputs reconcileInputs, MappingStore mappingStore, StagingStore stagingStore) {
		return new StepBuilder("stageReconcileInputsStep", jobRepository)
			.tasklet(new StageReconcileInputsTasklet(reconcileInputs, mappingStore, stagingStore), transactionManager)
			.listener(new StepProgressListener())
			.build();
	}

	/**
	 * Before the long reads: Conduit's token, then each identity source's credential, each by its cheapest request.
	 * Outside any transaction: it only talks to the systems.
	 */
	@Bean
	Step checkCredentialsStep(JobRepository jobRepository, Conduit conduit, List<SourcePlan> sourcePlans) {
		List<CredentialCheck> checks = new ArrayList<>();
		checks.add(conduit.credential());
		sourcePlans.stream().map(SourcePlan::credential).filter(Objects::nonNull).forEach(checks::add);
		return new StepBuilder("checkCredentialsStep", jobRepository)
			.tasklet(new CheckCredentialsTasklet(checks), new ResourcelessTransactionManager())
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Step readAccountsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Conduit conduit, StagingStore stagingStore, RunStore runStore) {
		return readStep("readAccountsStep", conduit.accounts(), jobRepository, transactionManager, runStore,
				new RunWriter<Account>(stagingStore::deleteAccounts, stagingStore::insertAccounts));
	}

	@Bean
	Step checkSourcesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunStore runStore, JobSettings settings, PhorgeDatabaseReads phorgeDatabase, List<SourcePlan> sourcePlans) {
		return new StepBuilder("checkSourcesStep", jobRepository)
			.tasklet(new CheckSourcesTasklet(runStore, settings.properties().completeness(),
					mayBeEmpty(phorgeDatabase, sourcePlans)), transactionManager)
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Step mergePersonsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StagingStore stagingStore, JobSettings settings, List<SourcePlan> sourcePlans, RunStore runStore) {
		MergePolicy policy = mergePolicy(settings);
		Set<String> ruled = sourcePlans.stream().filter((plan) -> plan.entitlement() != null).map(SourcePlan::name)
			.collect(Collectors.toSet());
		return new StepBuilder("mergePersonsStep", jobRepository).<List<IdentityRecord>, Person>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(new RunCursorReader<>((runId) -> stagingStore.identitiesByPerson(runId, ruled,
					completeAdminSources(sourcePlans, runStore, runId))))
			.processor((List<IdentityRecord> records) -> PersonMerger.merge(records, policy))
			.writer(new RunWriter<Person>(stagingStore::deletePersons, stagingStore::insertPersons))
			.listener(new StepProgressListener())
			.listener(new StoreSizeAdvice(settings.properties().store().h2()))
			.build();
	}

	@Bean
	ThreadPoolTaskExecutor correlationExecutor(JobSettings settings) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(settings.properties().phorge().lookupConcurrency());
		executor.setMaxPoolSize(settings.properties().phorge().lookupConcurrency());
		executor.setThreadNamePrefix("idsync-lookup-");
		executor.setTaskDecorator(new LogContextDecorator());
		return executor;
	}

	/**
	 * With Phorge's database, one join of addresses; without it, a {@code user.query} call per address, concurrently
	 * within each chunk.
	 */
	@Bean
	Step correlateByEmailStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Conduit conduit, StagingStore stagingStore, ThreadPoolTaskExecutor correlationExecutor,
			PhorgeDatabaseReads phorgeDatabase, JobSettings settings) {
		if (phorgeDatabase.configured()) {
			return correlateStep("correlateByEmailStep", jobRepository, transactionManager, stagingStore,
					List.of(MatchMethod.EMAIL, MatchMethod.UNVERIFIED_EMAIL), StagingStore::matchByDatabaseEmail);
		}
		return new StepBuilder("correlateByEmailStep", jobRepository).<Person, List<Match>>chunk(100)
			.transactionManager(transactionManager)
			.reader(new RunCursorReader<>(stagingStore::persons))
			.processor(new MatchByEmailProcessor(conduit.emails(), correlationKeys(settings)))
			.writer(new RunWriter<List<Match>>((runId) -> stagingStore.deleteMatches(runId, MatchMethod.EMAIL),
					(runId, lists) -> stagingStore.insertMatches(runId, flatten(lists))))
			.taskExecutor(correlationExecutor)
			.listener(new StepProgressListener())
			.build();
	}

	/**
	 * The strongest evidence first: an admin's manual mappings, the durable links of earlier runs, and (with Phorge's
	 * database) the external accounts linked in Phorge.
	 */
	@Bean
	Step correlateByMappingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StagingStore stagingStore, PhorgeDatabaseReads phorgeDatabase) {
		boolean external = phorgeDatabase.configured();
		return correlateStep("correlateByMappingStep", jobRepository, transactionManager, stagingStore,
				List.of(MatchMethod.MANUAL, MatchMethod.LINK, MatchMethod.EXTERNAL_ID),
				(staging, runId) -> analyzed(staging).matchManual(runId) + staging.matchLinks(runId)
						+ (external ? staging.matchExternalIds(runId) : 0));
	}

	@Bean
	Step correlateByUsernameStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StagingStore stagingStore) {
		return correlateStep("correlateByUsernameStep", jobRepository, transactionManager, stagingStore,
				List.of(MatchMethod.USERNAME), StagingStore::matchByUsername);
	}

	/** Low-confidence proposals by real name, only where nothing else matched either side. */
	@Bean
	Step correlateByRealNameStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StagingStore stagingStore, JobSettings settings) {
		boolean enabled = settings.properties().reconcile().realNameCandidates();
		return correlateStep("correlateByRealNameStep", jobRepository, transactionManager, stagingStore,
				List.of(MatchMethod.REAL_NAME), (staging, runId) -> enabled ? staging.matchByRealName(runId) : 0);
	}

	@Bean
	Step classifyAccountsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StagingStore stagingStore, FindingStore findingStore, RunStore runStore, MappingStore mappingStore,
			LinkStore linkStore, JobSettings settings, PhorgeDatabaseReads phorgeDatabase, Conduit conduit,
			List<SourcePlan> sourcePlans) {
		Set<String> adminReads = sourcePlans.stream().filter((plan) -> plan.admins() != null)
			.map((plan) -> plan.admins().name()).collect(Collectors.toSet());
		return new StepBuilder("classifyAccountsStep", jobRepository).<AccountCase, List<Finding>>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(new RunCursorReader<>((runId) -> phorgeDatabase.configured()
					? stagingStore.accountCases(runId, settings.clock().instant().getEpochSecond(),
							conduit.whoami().phid())
					: stagingStore.accountCases(runId, null)))
			.processor(new ClassifyAccountProcessor(settings.properties().bots(), stagingStore, runStore, mappingStore,
					linkStore, settings.properties().reconcile(), adminReads, settings.clock()))
			.writer(new RunWriter<List<Finding>>(findingStore::deleteAccountFindings,
					(runId, lists) -> findingStore.insertFindings(runId, flatten(lists),
							runStore.previousCompleteRun(runId).orElse(null), settings.clock().instant())))
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Step classifyPersonsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StagingStore stagingStore, FindingStore findingStore, RunStore runStore, JobSettings settings) {
		return new StepBuilder("classifyPersonsStep", jobRepository).<PersonCase, List<Finding>>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(new RunCursorReader<>(stagingStore::personCases))
			.processor(new ClassifyPersonProcessor(runStore))
			.writer(new RunWriter<List<Finding>>(findingStore::deleteIdentityFindings,
					(runId, lists) -> findingStore.insertFindings(runId, flatten(lists),
							runStore.previousCompleteRun(runId).orElse(null), settings.clock().instant())))
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Step compareRunsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunStore runStore, FindingStore findingStore, LinkStore linkStore, JobSettings settings) {
		return new StepBuilder("compareRunsStep", jobRepository)
			.tasklet(new CompareRunsTasklet(runStore, findingStore, linkStore, settings.clock()), transactionManager)
			.listener(new StepProgressListener())
			.build();
	}

	/** Each finding's action, with what never-touch rules and grace periods hold back. */
	@Bean
	Step planActionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FindingStore findingStore, Conduit conduit, JobSettings settings, TokenWriter tokenWriter) {
		return new StepBuilder("planActionsStep", jobRepository).<FindingStore.Actionable, PlannedAction>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(new RunCursorReader<>((runId) -> findingStore.actionableFindings(runId, Planner.ACTING)))
			.processor(new PlanActionProcessor(settings.properties().remediation().policy(), conduit,
					settings.clock(), tokenWriter.configured()))
			.writer(new RunWriter<PlannedAction>(findingStore::deleteActions, findingStore::insertActions))
			.listener(new StepProgressListener())
			.build();
	}

	@Bean
	Step writeReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunStore runStore, FindingStore findingStore, JobSettings settings) {
		return new StepBuilder("writeReportStep", jobRepository)
			.tasklet(new WriteReportTasklet(runStore, findingStore, settings.clock()), transactionManager)
			.listener(new StepProgressListener())
			.build();
	}

	/** After the report (and plan) are written: tells the webhook, when one is configured and the run calls for it. */
	@Bean
	Step notifyStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, RunStore runStore,
			FindingStore findingStore, JobSettings settings) {
		return new StepBuilder("notifyStep", jobRepository)
			.tasklet(new NotifyTasklet(runStore, findingStore, settings), transactionManager)
			.listener(new StepProgressListener())
			.build();
	}

	/**
	 * The reads, at once: each in a flow of its own, but for Phorge's database's, one after the other. They wait on
	 * different servers and rate limits (Okta limits its users and its groups apart), each stages into tables of its
	 * own, and none reads what another staged; what they staged is read only once all have ended
	 * ({@code checkSourcesStep}).
	 */
	private static Step readSourcesStep(List<List<Step>> sequences, JobRepository jobRepository) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("idsync-read-");
		executor.setTaskDecorator(new LogContextDecorator());
		List<Flow> flows = new ArrayList<>();
		for (List<Step> reads : sequences) {
			FlowBuilder<SimpleFlow> flow = new FlowBuilder<SimpleFlow>(reads.get(0).getName() + "Flow")
				.start(reads.get(0));
			reads.subList(1, reads.size()).forEach(flow::next);
			flows.add(flow.build());
		}
		Flow all = new FlowBuilder<SimpleFlow>("readSourcesFlow").split(executor)
			.add(flows.toArray(Flow[]::new))
			.build();
		return new StepBuilder("readSourcesStep", jobRepository).flow(all)
			.listener(new StepProgressListener())
			.build();
	}

	private static <T> Step readStep(String name, PagedSource<T> source, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, RunStore runStore, RunWriter<T> writer) {
		PagedItemReader<T> reader = new PagedItemReader<>(source);
		return new StepBuilder(name, jobRepository).<T, T>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(reader)
			.writer(writer)
			.listener(new SourceReadListener(reader, runStore))
			.listener(new StepProgressListener())
			.build();
	}

	/** {@code readOktaStep}, {@code readOktaEntitlementStep}, {@code readHrStep}: stable, derived from the source. */
	private static String stepName(String source, String what) {
		StringBuilder name = new StringBuilder("read");
		for (String part : source.split("[^A-Za-z0-9]+")) {
			if (!part.isEmpty()) {
				name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
			}
		}
		return name.append(what).append("Step").toString();
	}

	private static Step correlateStep(String name, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, StagingStore stagingStore, List<MatchMethod> methods,
			BiFunction<StagingStore, String, Integer> rule) {
		return new StepBuilder(name, jobRepository)
			.tasklet(new CorrelateTasklet(stagingStore, methods, (staging, runId) -> {
				staging.analyzeMatches();
				return rule.apply(staging, runId);
			}), transactionManager)
			.listener(new StepProgressListener())
			.build();
	}

	/** The sources whose admin groups were read completely (an incomplete read proves nobody outside them). */
	private static Set<String> completeAdminSources(List<SourcePlan> plans, RunStore runs, String runId) {
		Set<String> complete = runs.reads(runId).stream().filter(SourceRead::complete).map(SourceRead::name)
			.collect(Collectors.toSet());
		return plans.stream().filter((plan) -> plan.admins() != null && complete.contains(plan.admins().name()))
			.map(SourcePlan::name).collect(Collectors.toSet());
	}

	/** Reads that may legitimately be empty or shrink: Phorge's links and tokens, and admin groups. */
	private static Set<String> mayBeEmpty(PhorgeDatabaseReads phorgeDatabase, List<SourcePlan> plans) {
		Set<String> names = new HashSet<>(phorgeDatabase.mayBeEmpty());
		plans.stream().filter((plan) -> plan.admins() != null).forEach((plan) -> names.add(plan.admins().name()));
		return names;
	}

	/** The staging store, the statistics of its persons refreshed after the merge staged them. */
	private static StagingStore analyzed(StagingStore staging) {
		staging.analyze();
		return staging;
	}

	static CorrelationKeys correlationKeys(JobSettings settings) {
		ReconcileProperties reconcile = settings.properties().reconcile();
		return new CorrelationKeys(reconcile.aliases(), reconcile.usernameRule(), reconcile.usernameTemplate());
	}

	private static MergePolicy mergePolicy(JobSettings settings) {
		return new MergePolicy(settings.properties().merge().key().equals("employee-id"),
				settings.properties().merge().precedence());
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
