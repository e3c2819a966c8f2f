-- Security events, the keyed audit chain and sign-in throttling (issue 16).

-- Where the keyed chain starts: entries before `keyed_from` were written with the plain
-- SHA-256 chain (before the server had an audit key) and are verified that way; from it on
-- every entry's hash is an HMAC-SHA256 under the audit key, kept outside the database.
-- `key_id` names the key (an HMAC of a constant under it), so a server with another key is
-- refused before it appends. One row, written once.
CREATE TABLE audit_chain (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    keyed_from INTEGER NOT NULL,
    key_id     TEXT NOT NULL,
    at         INTEGER NOT NULL
);
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
BEGIN SELECT RAISE(ABORT, 'audit_chain is written once'); END;
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
BEGIN SELECT RAISE(ABORT, 'audit_chain is written once'); END;

-- The platform stream: entries about no body (sign-ins, refusals, tokens, passwords).
CREATE INDEX audit_log_platform ON audit_log(seq) WHERE orgnr IS NULL;

-- Throttling is per account and client address, and per address across accounts.
ALTER TABLE login_failures ADD COLUMN client TEXT NOT NULL DEFAULT '';
CREATE INDEX login_failures_client ON login_failures(client, at);
CREATE INDEX login_failures_at ON login_failures(at);
