-- Shared by H2 and PostgreSQL. Sources carry employee ids, username hints and entitlement; persons carry their
-- entitlement and the sources' contradictions; reads record retries, rate-limit waits and unreadable rows.
-- The staging tables hold only the current run's population, so they are simply rebuilt.

DROP TABLE stage_identity;
CREATE TABLE stage_identity (
	run_id VARCHAR(64) NOT NULL,
	source VARCHAR(64) NOT NULL,
	source_id VARCHAR(255) NOT NULL,
	merge_key VARCHAR(400) NOT NULL,
	person_key VARCHAR(320) NOT NULL,
	emails CHARACTER VARYING NOT NULL,
	display_name VARCHAR(512) NOT NULL,
	lifecycle VARCHAR(16) NOT NULL,
	raw_status VARCHAR(64) NOT NULL,
	employee_id VARCHAR(255),
	username_hint VARCHAR(255),
	PRIMARY KEY (run_id, source, source_id)
);
CREATE INDEX stage_identity_merge ON stage_identity (run_id, merge_key);

DROP TABLE stage_person;
CREATE TABLE stage_person (
	run_id VARCHAR(64) NOT NULL,
	person_key VARCHAR(320) NOT NULL,
	username_key VARCHAR(320) NOT NULL,
	display_name VARCHAR(512) NOT NULL,
	emails CHARACTER VARYING NOT NULL,
	lifecycle VARCHAR(16) NOT NULL,
	sources CHARACTER VARYING NOT NULL,
	entitled BOOLEAN NOT NULL,
	conflict CHARACTER VARYING,
	username_hint VARCHAR(255),
	PRIMARY KEY (run_id, person_key)
);
CREATE INDEX stage_person_username ON stage_person (run_id, username_key);

CREATE TABLE stage_entitled (
	run_id VARCHAR(64) NOT NULL,
	source VARCHAR(64) NOT NULL,
	source_id VARCHAR(255) NOT NULL,
	PRIMARY KEY (run_id, source, source_id)
);

ALTER TABLE source_read ADD COLUMN retries INT DEFAULT 0 NOT NULL;
ALTER TABLE source_read ADD COLUMN rate_limit_waits INT DEFAULT 0 NOT NULL;
ALTER TABLE source_read ADD COLUMN problems CHARACTER VARYING;
