package dev.idsync.remediate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.LiveAccount;

/**
 * An in-memory journal: every entry with its status.
 */
final class FakeJournal implements Journal {

	final List<Row> rows = new ArrayList<>();

	@Override
	public long intent(String runId, Action action, LiveAccount before, @Nullable Long undoes) {
		this.rows.add(new Row(this.rows.size(), runId, action, undoes, "INTENT", null));
		return this.rows.size() - 1;
	}

	@Override
	public void outcome(long entry, ActionStatus status, @Nullable LiveAccount after, String detail) {
		Row row = this.rows.get((int) entry);
		this.rows.set((int) entry, new Row(row.id(), row.runId(), row.action(), row.undoes(), status.name(), detail));
	}

	@Override
	public void skipped(String runId, Action action, @Nullable LiveAccount now, String reason, @Nullable Long undoes) {
		this.rows.add(new Row(this.rows.size(), runId, action, undoes, "SKIPPED", reason));
	}

	@Override
	public List<Entry> pending() {
		return this.rows.stream().filter((row) -> row.status().equals("INTENT"))
			.map((row) -> new Entry(row.id(), row.runId(), row.action(), row.undoes())).toList();
	}

	@Override
	public Optional<ActionStatus> settled(String runId, Action action) {
		return this.rows.stream().filter((row) -> row.runId().equals(runId) && row.action().equals(action)
				&& row.undoes() == null && (row.status().equals("APPLIED") || row.status().equals("SKIPPED")))
			.map((row) -> ActionStatus.valueOf(row.status())).reduce((first, second) -> second);
	}

	record Row(long id, String runId, Action action, @Nullable Long undoes, String status, @Nullable String detail) {
	}

}
