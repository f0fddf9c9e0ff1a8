-- Shared by H2 and PostgreSQL. What idsync reads from Phorge's own database when idsync.phorge.database is set
-- (Conduit exposes none of it), and each person's addresses one per row, so that correlation by email is a join.
-- Staging tables hold only the current run's population.

CREATE TABLE stage_person_email (
	run_id VARCHAR(64) NOT NULL,
	person_key VARCHAR(320) NOT NULL,
	address VARCHAR(320) NOT NULL,
	address_key VARCHAR(320) NOT NULL,
	PRIMARY KEY (run_id, person_key, address_key)
);
CREATE INDEX stage_person_email_address ON stage_person_email (run_id, address_key);

CREATE TABLE stage_account_email (
	run_id VARCHAR(64) NOT NULL,
	phid VARCHAR(64) NOT NULL,
	address VARCHAR(320) NOT NULL,
	address_key VARCHAR(320) NOT NULL,
	verified BOOLEAN NOT NULL,
	is_primary BOOLEAN NOT NULL,
	PRIMARY KEY (run_id, phid, address_key)
);
CREATE INDEX stage_account_email_address ON stage_account_email (run_id, address_key);

CREATE TABLE stage_account_link (
	run_id VARCHAR(64) NOT NULL,
	phid VARCHAR(64) NOT NULL,
	external_phid VARCHAR(64) NOT NULL,
	provider_type VARCHAR(32) NOT NULL,
	provider_domain VARCHAR(128) NOT NULL,
	identifier VARCHAR(1024) NOT NULL,
	PRIMARY KEY (run_id, external_phid, identifier)
);
CREATE INDEX stage_account_link_phid ON stage_account_link (run_id, phid);

CREATE TABLE stage_account_security (
	run_id VARCHAR(64) NOT NULL,
	phid VARCHAR(64) NOT NULL,
	mfa BOOLEAN NOT NULL,
	PRIMARY KEY (run_id, phid)
);

CREATE TABLE stage_token (
	run_id VARCHAR(64) NOT NULL,
	token_id BIGINT NOT NULL,
	owner_phid VARCHAR(64) NOT NULL,
	token_type VARCHAR(32) NOT NULL,
	token_name VARCHAR(64) NOT NULL,
	created_epoch BIGINT NOT NULL,
	expires_epoch BIGINT,
	PRIMARY KEY (run_id, token_id)
);
CREATE INDEX stage_token_owner ON stage_token (run_id, owner_phid);
