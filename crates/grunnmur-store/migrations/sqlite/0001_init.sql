-- Grunnmur schema, SQLite. Released migrations are never edited: add a new file instead.
CREATE TABLE bodies (
    orgnr          TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    sectors        TEXT NOT NULL,          -- JSON array
    catalog_id     TEXT NOT NULL,
    catalog_version TEXT NOT NULL,          -- the release the body is pinned to
    created_at     INTEGER NOT NULL
);

CREATE TABLE workspaces (
    orgnr      TEXT PRIMARY KEY REFERENCES bodies(orgnr) ON DELETE CASCADE,
    doc        TEXT NOT NULL,              -- the body file as JSON
    version    INTEGER NOT NULL,           -- raised on every change; caches compare it
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE users (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    email          TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL DEFAULT '',
    password_hash  TEXT,                   -- argon2id PHC string; NULL for OIDC-only accounts
    platform_admin INTEGER NOT NULL DEFAULT 0,
    catalog_editor INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL
);

CREATE TABLE memberships (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    orgnr   TEXT NOT NULL REFERENCES bodies(orgnr) ON DELETE CASCADE,
    role    TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'reader')),
    PRIMARY KEY (user_id, orgnr)
);

CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,       -- SHA-256 of the token; the token is shown once
    label      TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,           -- SHA-256 of the cookie value
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE TABLE login_failures (
    email TEXT NOT NULL,
    at    INTEGER NOT NULL
);
CREATE INDEX login_failures_email ON login_failures(email, at);

CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,         -- 1, 2, 3, … without gaps
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    orgnr     TEXT,
    action    TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_log_orgnr ON audit_log(orgnr, seq);

-- Append-only: the database refuses edits and deletions; `audit verify` catches what gets past.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
