-- Shared by H2 and PostgreSQL. What a run says besides findings and actions (issue 7): the age of idsync's own
-- Conduit token and where each bot's token rotation stands, one sentence each, kept so that its report can be
-- rendered again. Never a token's value.
CREATE TABLE run_note (
	run_id VARCHAR(64) NOT NULL,
	seq INT NOT NULL,
	note CHARACTER VARYING NOT NULL,
	PRIMARY KEY (run_id, seq)
);
