-- Evidence files attached to a measure status, comments on a status or a risk assessment,
-- workbooks uploaded in the browser waiting to be applied, the follow-up digest, and signed
-- attestations. Files live in the database on both backends: an attachment and the status
-- link to it are
-- one transaction, and a backup (pg_dump) carries them. `object` is the history's key of
-- what the row belongs to (`status:<measure>@<system|org>`, `risk:<id>`).
-- Released migrations are never edited.
CREATE TABLE evidence_files (
    id           TEXT PRIMARY KEY,                        -- random, 128 bits, hex
    orgnr        TEXT NOT NULL REFERENCES bodies(orgnr),
    object       TEXT NOT NULL,
    name         TEXT NOT NULL,                           -- the file name as uploaded
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT NOT NULL,                           -- of data, hex
    data         BYTEA NOT NULL,
    uploaded_by  TEXT NOT NULL,
    uploaded_at  BIGINT NOT NULL
);
CREATE INDEX evidence_files_object ON evidence_files(orgnr, object);

CREATE TABLE comments (
    id         BIGSERIAL PRIMARY KEY,
    orgnr      TEXT NOT NULL REFERENCES bodies(orgnr),
    object     TEXT NOT NULL,
    author     TEXT NOT NULL,
    text       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX comments_object ON comments(orgnr, object);

-- A workbook uploaded in the browser, read and checked, waiting for the person who uploaded it
-- to look at the changes and apply them (or not): applied only onto the version it was read
-- against. Kept a day at most.
CREATE TABLE workbook_imports (
    id           TEXT PRIMARY KEY,                        -- random, 128 bits, hex
    orgnr        TEXT NOT NULL REFERENCES bodies(orgnr),
    doc          TEXT NOT NULL,                           -- the body file it makes, as JSON
    base_version BIGINT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX workbook_imports_orgnr ON workbook_imports(orgnr);

-- The follow-up digest by e-mail: each person's choice and the token of their unsubscribe link
-- (a capability to turn the digest off or on, nothing else), and the days a digest went out
-- (the server that records the day first sends it: one digest a day with several servers).
CREATE TABLE digest_subscriptions (
    user_id    BIGINT PRIMARY KEY REFERENCES users(id),
    token      TEXT NOT NULL UNIQUE,
    enabled    BOOLEAN NOT NULL,
    changed_at BIGINT NOT NULL
);
CREATE TABLE digest_runs (
    day     TEXT PRIMARY KEY,                            -- YYYY-MM-DD, the server's time zone
    sent_at BIGINT NOT NULL
);

-- Signed baseline attestations (rule 18): the public keys that ever signed (the JWKS keeps them
-- after a key is replaced), and every attestation issued with its token; a revocation is kept
-- on the row and published in the signed revocation list.
CREATE TABLE attestation_keys (
    kid        TEXT PRIMARY KEY,                         -- RFC 7638 thumbprint
    public_jwk TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE attestations (
    id          TEXT PRIMARY KEY,                        -- the token's jti
    orgnr       TEXT NOT NULL REFERENCES bodies(orgnr),
    kid         TEXT NOT NULL REFERENCES attestation_keys(kid),
    token       TEXT NOT NULL,                           -- the compact JWS
    scope       TEXT NOT NULL,                           -- JSON: "body" or {"systems": [...]}
    valid_until TEXT NOT NULL,                           -- YYYY-MM-DD
    issued_by   TEXT NOT NULL,
    issued_at   BIGINT NOT NULL,
    revoked_at  BIGINT,
    revoked_by  TEXT,
    reason      TEXT
);
CREATE INDEX attestations_orgnr ON attestations(orgnr);

-- Supervisors (rule 18): guidance and supervisory bodies' people, who see figures across bodies
-- and never one body's data; optionally only for some kinds of body and sectors (JSON lists,
-- empty: all).
CREATE TABLE supervisors (
    user_id    BIGINT PRIMARY KEY REFERENCES users(id),
    kinds      TEXT NOT NULL,
    sectors    TEXT NOT NULL,
    granted_at BIGINT NOT NULL
);
