-- Grunnmur schema, PostgreSQL. Released migrations are never edited: add a new file instead.
CREATE TABLE bodies (
    orgnr           TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    sectors         TEXT NOT NULL,          -- JSON array
    catalog_id      TEXT NOT NULL,
    catalog_version TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);

CREATE TABLE workspaces (
    orgnr      TEXT PRIMARY KEY REFERENCES bodies(orgnr) ON DELETE CASCADE,
    doc        TEXT NOT NULL,              -- the body file as JSON text (kept byte for byte)
    version    BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE users (
    id             BIGSERIAL PRIMARY KEY,
    email          TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL DEFAULT '',
    password_hash  TEXT,
    platform_admin BOOLEAN NOT NULL DEFAULT FALSE,
    catalog_editor BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     BIGINT NOT NULL
);

CREATE TABLE memberships (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    orgnr   TEXT NOT NULL REFERENCES bodies(orgnr) ON DELETE CASCADE,
    role    TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'reader')),
    PRIMARY KEY (user_id, orgnr)
);

CREATE TABLE api_tokens (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    label      TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE login_failures (
    email TEXT NOT NULL,
    at    BIGINT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures(email, at);

CREATE TABLE audit_log (
    seq       BIGINT PRIMARY KEY,
    at        BIGINT NOT NULL,
    actor     TEXT NOT NULL,
    orgnr     TEXT,
    action    TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_log_orgnr ON audit_log(orgnr, seq);

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
