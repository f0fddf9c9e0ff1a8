package dev.idsync.store;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * idsync's own database outside a run of the job (for the commands that maintain manual mappings and exemptions):
 * a small pool, migrated to the current schema exactly as the job migrates it.
 */
public final class IdsyncStore implements AutoCloseable {

	private final HikariDataSource dataSource;

	private IdsyncStore(HikariDataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Opens and migrates the store.
	 * @param url the JDBC URL ({@code jdbc:h2:…} or {@code jdbc:postgresql:…})
	 * @param username the user
	 * @param password the password
	 * @return the open store
	 */
	public static IdsyncStore open(String url, String username, String password) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("idsync-admin");
		config.setJdbcUrl(url);
		config.setUsername(username);
		config.setPassword(password);
		// a report streams its findings and actions at once, each over a connection of its own
		config.setMaximumPoolSize(4);
		HikariDataSource dataSource = new HikariDataSource(config);
		try {
			String vendor = url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
			Flyway.configure().dataSource(dataSource).locations("classpath:sql/common", "classpath:sql/" + vendor)
				.load().migrate();
			return new IdsyncStore(dataSource);
		}
		catch (RuntimeException ex) {
			dataSource.close();
			throw ex;
		}
	}

	/** The pool. */
	public DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

}
