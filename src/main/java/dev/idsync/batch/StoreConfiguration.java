package dev.idsync.batch;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.idsync.store.AccountDetailStore;
import dev.idsync.store.FindingStore;
import dev.idsync.store.JournalStore;
import dev.idsync.store.LinkStore;
import dev.idsync.store.LockedStore;
import dev.idsync.store.MappingStore;
import dev.idsync.store.RotationStore;
import dev.idsync.store.RunStore;
import dev.idsync.store.StagingStore;

/**
 * idsync's own database, as the {@link RunLifecycle} took it (locked, migrated), and the repositories over it. The
 * Spring Batch job repository uses the same pool.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	/** The held store's pool: the store closes it after the application, then releases its lock. */
	@Bean(destroyMethod = "")
	DataSource dataSource(LockedStore lockedStore) {
		return lockedStore.dataSource();
	}

	@Bean
	StagingStore stagingStore(DataSource dataSource, JobSettings settings) {
		return new StagingStore(dataSource, NightlySyncJobConfiguration.correlationKeys(settings));
	}

	@Bean
	AccountDetailStore accountDetailStore(DataSource dataSource, JobSettings settings) {
		return new AccountDetailStore(dataSource, NightlySyncJobConfiguration.correlationKeys(settings));
	}

	@Bean
	LinkStore linkStore(DataSource dataSource) {
		return new LinkStore(dataSource);
	}

	@Bean
	MappingStore mappingStore(DataSource dataSource) {
		return new MappingStore(dataSource);
	}

	@Bean
	FindingStore findingStore(DataSource dataSource) {
		return new FindingStore(dataSource);
	}

	@Bean
	JournalStore journalStore(DataSource dataSource, JobSettings settings) {
		return new JournalStore(dataSource, settings.clock());
	}

	@Bean
	RotationStore rotationStore(DataSource dataSource, JobSettings settings) {
		return new RotationStore(dataSource, settings.clock());
	}

	@Bean
	RunStore runStore(DataSource dataSource) {
		return new RunStore(dataSource);
	}

}
