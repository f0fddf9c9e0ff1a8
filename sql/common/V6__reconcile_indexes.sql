-- Shared by H2 and PostgreSQL. Indexes that reconciliation needs at a million accounts (bench/reconcile.sh): without
-- them a correlated subquery scans a whole run's rows for each outer row.

-- durable links are confirmed, replaced and recorded by looking up the run's findings about one account
-- (LinkStore.record): by run and category alone, each of a million links scanned a million findings. PHID first, so
-- that H2 keeps walking a run's findings by category (in insertion order) where it updates them all (compareWith).
CREATE INDEX finding_phid ON finding (phid, run_id);
