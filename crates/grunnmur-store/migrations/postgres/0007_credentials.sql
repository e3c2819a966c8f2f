-- Credentials with a life cycle: tokens that expire, can be revoked and may be scoped to one
-- body and a role; sessions with an idle timeout; accounts that can be disabled.
-- Released migrations are never edited.

-- A token's scope: one body and at most one role there (both NULL: the user's every role).
ALTER TABLE api_tokens ADD COLUMN orgnr TEXT REFERENCES bodies(orgnr) ON DELETE CASCADE;
ALTER TABLE api_tokens ADD COLUMN role TEXT CHECK (role IN ('admin', 'editor', 'reader'));
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE api_tokens ADD COLUMN revoked_at BIGINT;
ALTER TABLE api_tokens ADD COLUMN last_used_at BIGINT;
-- Tokens made before tokens expired keep working for 90 days from this migration.
UPDATE api_tokens SET expires_at = EXTRACT(EPOCH FROM now())::BIGINT + 90 * 86400;
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- The last request a session made: a session idle for longer than the timeout is over.
ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = EXTRACT(EPOCH FROM now())::BIGINT;
CREATE INDEX sessions_user ON sessions(user_id);

-- A disabled account signs in no more; its sessions and tokens stop working.
ALTER TABLE users ADD COLUMN disabled_at BIGINT;
