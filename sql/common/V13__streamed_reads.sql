-- The report reads a run's findings three times (report.html, report.json, findings.csv), each in this order: served
-- by an index, H2 streams them (lazy query execution) instead of sorting every finding of the run into a temporary
-- result on disk, and PostgreSQL need not sort them either.
CREATE INDEX finding_report ON finding (run_id, username NULLS LAST, identity, id);

-- Likewise the merge's read of every staged identity, by merge key (the primary key gives the persons' order).
DROP INDEX stage_identity_merge;
CREATE INDEX stage_identity_merge ON stage_identity (run_id, merge_key, source, source_id);

-- And the classification's read of every account with its candidates, in Phorge's id order.
DROP INDEX stage_account_order;
CREATE INDEX stage_account_order ON stage_account (run_id, account_id, phid);
