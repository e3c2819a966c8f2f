-- Suppliers' declarations (rule 14): every version as published, never changed. The latest
-- version of an id is the one that counts; a withdrawal is a version whose document carries
-- the day it was withdrawn. seq orders every publication: its maximum tells each server's cache
-- whether any declaration changed. Released migrations are never edited.
CREATE TABLE declarations (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL,
    version      INTEGER NOT NULL,
    orgnr        TEXT NOT NULL REFERENCES bodies(orgnr),  -- the organisation that publishes it
    doc          TEXT NOT NULL,                           -- the declaration as JSON
    content_hash TEXT NOT NULL,                           -- SHA-256 of doc, hex
    published_at INTEGER NOT NULL,
    published_by TEXT NOT NULL,
    UNIQUE (id, version)
);
CREATE INDEX declarations_orgnr ON declarations(orgnr);

CREATE TRIGGER declarations_no_update BEFORE UPDATE ON declarations
BEGIN SELECT RAISE(ABORT, 'a published declaration is immutable'); END;
CREATE TRIGGER declarations_no_delete BEFORE DELETE ON declarations
BEGIN SELECT RAISE(ABORT, 'a published declaration is immutable'); END;
