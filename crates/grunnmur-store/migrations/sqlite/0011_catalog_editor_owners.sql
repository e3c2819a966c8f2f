-- Catalog editors per owner (issue 14): the catalog's owners (ids from the catalog's `owners`)
-- whose entries a catalog editor edits. A catalog editor (users.catalog_editor) with no row
-- here edits every owner's entries, as before owners were named.
-- Released migrations are never edited.
CREATE TABLE catalog_editor_owners (
    user_id    INTEGER NOT NULL REFERENCES users(id),
    owner      TEXT NOT NULL,
    granted_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, owner)
);
