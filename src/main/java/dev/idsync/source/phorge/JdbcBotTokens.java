package dev.idsync.source.phorge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import dev.idsync.config.PhorgeDatabaseProperties;
import dev.idsync.config.Secret;
import dev.idsync.domain.ApiTokenInfo;
import dev.idsync.rotate.BotTokens;
import dev.idsync.rotate.TokenValue;

/**
 * Phorge's {@code conduit_token} table through the token writer
 * ({@code idsync.phorge.database.token-writer}): creates tokens as Phorge's web UI does (a standard {@code api} token
 * that never expires) and terminates them as its "Terminate" does ({@code expires} a minute ago). It writes a token's
 * value once, on insert, and never reads one back.
 */
public final class JdbcBotTokens implements BotTokens, AutoCloseable {

	private static final String LIVE = "(`expires` IS NULL OR `expires` > ?)";

	/** The columns the writer reads: every one but the token's value. */
	private static final String READ = "`id`, `objectPHID`, `tokenType`, `tokenName`, `dateCreated`, `expires`";

	/** The columns the writer inserts. */
	private static final String INSERTED = "(`objectPHID`, `tokenType`, `token`, `expires`, `dateCreated`, "
			+ "`dateModified`, `tokenName`)";

	/** No account has this PHID: Phorge's are {@code PHID-USER-} and 20 letters or digits. */
	private static final String NO_ACCOUNT = "PHID-USER-idsync-doctor";

	/** No token has this id: Phorge's are unsigned. */
	private static final long NO_TOKEN = -1;

	private final HikariDataSource pool;

	private final String table;

	/**
	 * The writer's connections (one at a time: rotations are rare).
	 * @param properties Phorge's database, with its token writer
	 * @param password the token writer's password
	 */
	public JdbcBotTokens(PhorgeDatabaseProperties properties, Secret password) {
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("idsync-phorge-tokens");
		pool.setJdbcUrl(properties.url());
		pool.setDriverClassName(properties.url().startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.mariadb.jdbc.Driver");
		pool.setUsername(properties.tokenWriter().username());
		pool.setPassword(password.reveal());
		pool.setMaximumPoolSize(1);
		pool.setMinimumIdle(0);
		pool.setConnectionTimeout(Math.max(250, properties.timeout().toMillis()));
		this.pool = pool;
		this.table = PhorgeTable.CONDUIT_TOKEN.sql(properties.prefix());
	}

	@Override
	public List<ApiTokenInfo> live(String ownerPhid, Instant now) {
		return query("SELECT " + READ + " FROM " + this.table + " WHERE `objectPHID` = ? AND " + LIVE
				+ " ORDER BY `dateCreated`, `id`", ownerPhid, now.getEpochSecond());
	}

	@Override
	public long create(String ownerPhid, TokenValue value, String name, Instant now) {
		long at = now.getEpochSecond();
		update("INSERT INTO " + this.table + " " + INSERTED + " VALUES (?, 'api', ?, NULL, ?, ?, ?)", ownerPhid,
				value.reveal(), at, at, name);
		return find(ownerPhid, name).orElseThrow(() -> failure("the token just inserted is not there", null));
	}

	@Override
	public Optional<Long> find(String ownerPhid, String name) {
		return query("SELECT " + READ + " FROM " + this.table + " WHERE `objectPHID` = ? AND `tokenName` = ?",
				ownerPhid, name).stream().map(ApiTokenInfo::id).findFirst();
	}

	@Override
	public boolean terminate(long tokenId, Instant now) {
		long at = now.getEpochSecond();
		return update("UPDATE " + this.table + " SET `expires` = ?, `dateModified` = ? WHERE `id` = ? AND " + LIVE,
				at - 60, at, tokenId, at) > 0;
	}

	/** Terminates every live token of an account (a leaver's leftovers): how many were live. */
	public int terminateAll(String ownerPhid, Instant now) {
		int terminated = 0;
		for (ApiTokenInfo token : live(ownerPhid, now)) {
			terminated += terminate(token.id(), now) ? 1 : 0;
		}
		return terminated;
	}

	/**
	 * Checks, without changing any row, that the token writer may do what rotation and revocation do, and no more:
	 * it runs the writer's own queries and its own {@code UPDATE} against an account and a token that do not exist,
	 * and its {@code INSERT} of the same columns from a {@code SELECT} that yields no row. The server checks the
	 * privileges of each statement all the same (MariaDB wants {@code SELECT} on a column an {@code UPDATE} reads,
	 * so the probe reads none the writer does not).
	 * @return the database's refusal, or {@code null} when every right is there
	 */
	public @Nullable String probe() {
		Instant now = Instant.now();
		try {
			live(NO_ACCOUNT, now);
			find(NO_ACCOUNT, "idsync doctor");
			terminate(NO_TOKEN, now);
			update("INSERT INTO " + this.table + " " + INSERTED + " SELECT '" + NO_ACCOUNT + "', 'api', 'x', NULL, 0, "
					+ "0, 'idsync doctor' FROM DUAL WHERE 1 = 0");
			return null;
		}
		catch (PhorgeDatabaseException ex) {
			return ex.getMessage();
		}
	}

	@Override
	public void close() {
		this.pool.close();
	}

	private List<ApiTokenInfo> query(String sql, Object... parameters) {
		try (Connection connection = this.pool.getConnection();
				PreparedStatement statement = prepare(connection, sql, parameters);
				ResultSet rows = statement.executeQuery()) {
			List<ApiTokenInfo> tokens = new ArrayList<>();
			while (rows.next()) {
				long expires = rows.getLong("expires");
				Long expiry = rows.wasNull() ? null : expires;
				tokens.add(new ApiTokenInfo(rows.getLong("id"), rows.getString("objectPHID"),
						rows.getString("tokenType"), rows.getString("tokenName"), rows.getLong("dateCreated"), expiry));
			}
			return tokens;
		}
		catch (SQLException ex) {
			throw failure("cannot read", ex);
		}
	}

	private int update(String sql, Object... parameters) {
		try (Connection connection = this.pool.getConnection();
				PreparedStatement statement = prepare(connection, sql, parameters)) {
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw failure("cannot write", ex);
		}
	}

	private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
			throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		for (int i = 0; i < parameters.length; i++) {
			statement.setObject(i + 1, parameters[i]);
		}
		return statement;
	}

	/** The database's own message, which names neither the password nor a token value (parameters are bound). */
	private PhorgeDatabaseException failure(String what, SQLException cause) {
		return new PhorgeDatabaseException(this.table.replace("`", ""), what + " as the token writer"
				+ ((cause != null) ? ": " + cause.getMessage() : ""), cause);
	}

}
