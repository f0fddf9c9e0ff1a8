-- Shared by H2 and PostgreSQL. Indexes that reconciliation needs at a million accounts (bench/reconcile.sh): without
-- them a correlated subquery scans a whole run's rows for each outer row, and a night takes hours instead of minutes.

-- durable links are confirmed, replaced and recorded by looking up the run's findings about one account
-- (LinkStore.record): by run and category alone, each of a million links scanned a million findings
CREATE INDEX finding_phid ON finding (run_id, phid);
