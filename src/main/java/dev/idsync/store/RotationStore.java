package dev.idsync.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.idsync.rotate.Rotation;
import dev.idsync.rotate.RotationJournal;
import dev.idsync.rotate.RotationPhase;

/**
 * idsync's journal of token rotations ({@code token_rotation}): every save is made durable on its own
 * ({@link DurableWrites}) before the rotation takes its next step.
 */
public final class RotationStore implements RotationJournal {

	private static final String COLUMNS = "id, bot, bot_phid, phase, new_token_name, new_token_hash, new_token_id, "
			+ "old_token_ids, delivered, started_at, delivered_at, detail";

	private final JdbcTemplate jdbc;

	private final DurableWrites durable;

	private final Clock clock;

	public RotationStore(DataSource dataSource, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.durable = new DurableWrites(dataSource);
		this.clock = clock;
	}

	@Override
	public Optional<Rotation> open(String bot) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM token_rotation WHERE bot = ? AND phase NOT IN ('DONE', "
				+ "'ROLLED_BACK') ORDER BY started_at DESC", (rs, i) -> rotation(rs), bot).stream().findFirst();
	}

	@Override
	public void save(Rotation rotation) {
		this.durable.write(() -> {
			this.jdbc.update("DELETE FROM token_rotation WHERE id = ?", rotation.id());
			this.jdbc.update("INSERT INTO token_rotation (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
					+ "?, ?, ?, ?, ?)", rotation.id(), rotation.bot(), rotation.botPhid(), rotation.phase().name(),
					rotation.newTokenName(), rotation.newTokenHash(), rotation.newTokenId(),
					rotation.oldTokenIds().stream().map(String::valueOf).collect(Collectors.joining(",")),
					String.join("\n", rotation.delivered()), Timestamp.from(rotation.startedAt()),
					(rotation.deliveredAt() != null) ? Timestamp.from(rotation.deliveredAt()) : null, rotation.detail(),
					Timestamp.from(this.clock.instant()));
		});
	}

	/** Every rotation of a bot, newest first, for reports. */
	public List<Rotation> history(String bot) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM token_rotation WHERE bot = ? ORDER BY started_at DESC",
				(rs, i) -> rotation(rs), bot);
	}

	private static Rotation rotation(ResultSet rs) throws SQLException {
		long id = rs.getLong("new_token_id");
		Long newTokenId = rs.wasNull() ? null : id;
		String old = rs.getString("old_token_ids");
		String delivered = rs.getString("delivered");
		Timestamp deliveredAt = rs.getTimestamp("delivered_at");
		return new Rotation(rs.getString("id"), rs.getString("bot"), rs.getString("bot_phid"),
				RotationPhase.valueOf(rs.getString("phase")), rs.getString("new_token_name"),
				rs.getString("new_token_hash"), newTokenId,
				old.isEmpty() ? List.of() : Arrays.stream(old.split(",")).map(Long::valueOf).toList(),
				delivered.isEmpty() ? java.util.Set.of() : new LinkedHashSet<>(List.of(delivered.split("\n"))),
				rs.getTimestamp("started_at").toInstant(), (deliveredAt != null) ? deliveredAt.toInstant() : null,
				rs.getString("detail"));
	}

}
