-- Indexes that give large reads their order, so that the database need not sort them (H2 sorts a result larger than
-- its memory rows in a temporary file): the report's read of a run's findings, the merge's read of every staged
-- identity by merge key, and the classification's read of every account in Phorge's id order. On H2 the reads name
-- them (IndexHint): its planner weighs every index on run_id alike.
CREATE INDEX finding_report ON finding (run_id, username NULLS LAST, identity, id);

DROP INDEX stage_identity_merge;
CREATE INDEX stage_identity_merge ON stage_identity (run_id, merge_key, source, source_id);

DROP INDEX stage_account_order;
CREATE INDEX stage_account_order ON stage_account (run_id, account_id, phid);

-- A run inserts its findings with their history, looking up the earlier run's findings of a batch of subjects at a
-- time (subject IN (…)): H2 looks up an IN list through an index only on the index's first column.
DROP INDEX finding_subject;
CREATE INDEX finding_subject ON finding (subject, run_id, category);

-- Each person's claim on each account at its strongest method, staged once before the classification reads every
-- account with its claims (evaluated per account, the grouping over stage_match cost H2 most of that step).
CREATE TABLE stage_claim (
	run_id VARCHAR(64) NOT NULL,
	phid VARCHAR(64) NOT NULL,
	person_key VARCHAR(320) NOT NULL,
	method_rank INT NOT NULL,
	detail VARCHAR(320) NOT NULL,
	PRIMARY KEY (run_id, phid, person_key)
);
CREATE INDEX stage_claim_person ON stage_claim (run_id, person_key, method_rank);
