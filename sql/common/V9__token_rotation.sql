-- Shared by H2 and PostgreSQL. Bot token rotation (issue 7): each rotation as its journal holds it, phase by phase.
-- Never a token's value: the new token's SHA-256 only, which tells after a crash which sink already holds it.
CREATE TABLE token_rotation (
	id VARCHAR(16) PRIMARY KEY,
	bot VARCHAR(64) NOT NULL,
	bot_phid VARCHAR(64) NOT NULL,
	phase VARCHAR(16) NOT NULL,
	new_token_name VARCHAR(64) NOT NULL,
	new_token_hash VARCHAR(64) NOT NULL,
	new_token_id BIGINT,
	old_token_ids VARCHAR(1024) NOT NULL,
	delivered CHARACTER VARYING NOT NULL,
	started_at TIMESTAMP WITH TIME ZONE NOT NULL,
	delivered_at TIMESTAMP WITH TIME ZONE,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	detail CHARACTER VARYING NOT NULL
);
CREATE INDEX token_rotation_bot ON token_rotation (bot, phase);
