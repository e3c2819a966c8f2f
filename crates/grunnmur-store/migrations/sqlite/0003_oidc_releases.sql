-- Sign-in through OpenID Connect, and catalog releases. Released migrations are never edited.

-- An account's identities at OpenID Connect providers: the provider's subject, never the
-- e-mail address, is what identifies a returning user.
CREATE TABLE oidc_identities (
    issuer     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_identities_user ON oidc_identities(user_id);

-- Published catalog releases: the catalog's files as they were published. A body is pinned to
-- one (bodies.catalog_id, bodies.catalog_version). A release never changes.
CREATE TABLE catalog_releases (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,  -- publication order
    catalog_id   TEXT NOT NULL,
    version      TEXT NOT NULL,
    sources      TEXT NOT NULL,            -- JSON: [{"name": …, "text": …}, …]
    content_hash TEXT NOT NULL,            -- SHA-256 of sources, hex
    published_at INTEGER NOT NULL,
    published_by TEXT NOT NULL,
    UNIQUE (catalog_id, version)
);

CREATE TRIGGER catalog_releases_no_update BEFORE UPDATE ON catalog_releases
BEGIN SELECT RAISE(ABORT, 'a catalog release is immutable'); END;
CREATE TRIGGER catalog_releases_no_delete BEFORE DELETE ON catalog_releases
BEGIN SELECT RAISE(ABORT, 'a catalog release is immutable'); END;
