-- Shared by H2 and PostgreSQL. Runs that cannot interfere (issue 13).
-- A run whose process died (killed, out of memory, the machine rebooted) is marked ABANDONED by the next command that
-- takes the store's run lock: when, and by which run or command. An abandoned run is never a baseline and never
-- restarted.
ALTER TABLE idsync_run ADD COLUMN abandoned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE idsync_run ADD COLUMN abandoned_by VARCHAR(512);

-- On PostgreSQL the run lock is a session-level advisory lock; its holder says here who it is, so that a command
-- refused the lock can name it. backend_pid ties the row to the session that holds the lock (a row left by a holder
-- that died names nobody). On H2 the holder is named in the lock file beside the database instead.
CREATE TABLE store_lock_holder (
	lock_name VARCHAR(32) PRIMARY KEY,
	run_id VARCHAR(128),
	command VARCHAR(128) NOT NULL,
	host VARCHAR(255) NOT NULL,
	pid BIGINT NOT NULL,
	since TIMESTAMP WITH TIME ZONE NOT NULL,
	backend_pid INT
);
