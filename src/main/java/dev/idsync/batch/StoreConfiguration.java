package dev.idsync.batch;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.idsync.config.StoreProperties;
import dev.idsync.store.AccountDetailStore;
import dev.idsync.store.FindingStore;
import dev.idsync.store.JournalStore;
import dev.idsync.store.LinkStore;
import dev.idsync.store.MappingStore;
import dev.idsync.store.RotationStore;
import dev.idsync.store.RunStore;
import dev.idsync.store.StagingStore;

/**
 * idsync's own database: a HikariCP pool on {@code idsync.store} and the repositories over it. Flyway and the Spring
 * Batch job repository use the same pool.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	@Bean
	DataSource dataSource(JobSettings settings) {
		StoreProperties store = settings.properties().store();
		HikariConfig config = new HikariConfig();
		config.setPoolName("idsync");
		config.setJdbcUrl(store.url());
		config.setUsername(store.username());
		config.setPassword(settings.credentials().storePassword().reveal());
		config.setMaximumPoolSize(10);
		return new HikariDataSource(config);
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
