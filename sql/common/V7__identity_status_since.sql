-- Shared by H2 and PostgreSQL. When the identity source says the person's status last changed (Okta's
-- statusChanged, Google's deletionTime), in epoch seconds; NULL where the source does not say.
ALTER TABLE stage_identity ADD COLUMN status_since BIGINT;
