-- Sign-in through OpenID Connect, and catalog releases. Released migrations are never edited.

-- An account's identities at OpenID Connect providers: the provider's subject, never the
-- e-mail address, is what identifies a returning user.
CREATE TABLE oidc_identities (
    issuer     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_identities_user ON oidc_identities(user_id);

-- Published catalog releases: the catalog's files as they were published. A body is pinned to
-- one (bodies.catalog_id, bodies.catalog_version). A release never changes.
CREATE TABLE catalog_releases (
    seq          BIGSERIAL PRIMARY KEY,   -- publication order
    catalog_id   TEXT NOT NULL,
    version      TEXT NOT NULL,
    sources      TEXT NOT NULL,           -- JSON: [{"name": …, "text": …}, …]
    content_hash TEXT NOT NULL,           -- SHA-256 of sources, hex
    published_at BIGINT NOT NULL,
    published_by TEXT NOT NULL,
    UNIQUE (catalog_id, version)
);

CREATE FUNCTION catalog_releases_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'a catalog release is immutable';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER catalog_releases_no_change BEFORE UPDATE OR DELETE ON catalog_releases
    FOR EACH ROW EXECUTE FUNCTION catalog_releases_immutable();
