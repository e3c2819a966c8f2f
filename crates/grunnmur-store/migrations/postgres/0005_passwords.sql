-- Passwords and the second factor: a forced change, TOTP, recovery codes, one-time links for
-- password resets and invitations. Released migrations are never edited.

-- Set for the first administrator (a one-time password): nothing but a change until it is done.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
-- The TOTP secret (RFC 6238, base32) once the second factor is on; NULL otherwise.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
-- A secret shown during enrolment, until the user confirms it with a code.
ALTER TABLE users ADD COLUMN totp_pending TEXT;

-- Recovery codes: each used once, stored as SHA-256.
CREATE TABLE recovery_codes (
    user_id   BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

-- One-time links an administrator hands over: a password reset, or an invitation to a body.
CREATE TABLE account_links (
    token_hash TEXT PRIMARY KEY,             -- SHA-256 of the link's token; the link is shown once
    kind       TEXT NOT NULL CHECK (kind IN ('reset', 'invite')),
    email      TEXT NOT NULL,
    orgnr      TEXT REFERENCES bodies(orgnr) ON DELETE CASCADE,  -- invitations: the body
    role       TEXT CHECK (role IN ('admin', 'editor', 'reader')),
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX account_links_orgnr ON account_links(orgnr, kind);

-- A sign-in waiting for its second factor: the password was right; the code comes next.
CREATE TABLE login_challenges (
    id_hash    TEXT PRIMARY KEY,             -- SHA-256 of the challenge the sign-in form carries
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
);
