-- Catalog drafts (issue 14): the next release of a catalog in the making, as its files; every
-- change with who, when, why and the entry before and after (a change to another owner's entry
-- waits as a proposal); the consultation round's comments and answers; each owner's approval of
-- the draft at one revision. A published draft stays, with its record, beside its release.
CREATE TABLE catalog_drafts (
    id           BIGSERIAL PRIMARY KEY,
    catalog_id   TEXT NOT NULL,
    base_version TEXT NOT NULL,
    version      TEXT NOT NULL,
    sources      TEXT NOT NULL,           -- the draft's files as JSON, as a release keeps them
    rev          BIGINT NOT NULL,        -- raised by every change to the files
    state        TEXT NOT NULL,           -- open | published
    closes       TEXT,                    -- the consultation round's last day (YYYY-MM-DD)
    created_at   BIGINT NOT NULL,
    created_by   TEXT NOT NULL,
    published_at BIGINT,
    UNIQUE (catalog_id, version)
);

CREATE TABLE catalog_draft_changes (
    id          BIGSERIAL PRIMARY KEY,
    draft_id    BIGINT NOT NULL REFERENCES catalog_drafts(id) ON DELETE CASCADE,
    section     TEXT NOT NULL,
    entry_id    TEXT NOT NULL,
    owner       TEXT NOT NULL,            -- the owner of the entry changed
    entry       TEXT,                     -- the entry as JSON after the change; NULL removes it
    before      TEXT,                     -- the entry as JSON when the change was made; NULL: new
    reason      TEXT NOT NULL,
    state       TEXT NOT NULL,            -- applied | proposed | accepted | rejected
    author      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    decided_by  TEXT,
    decided_at  BIGINT,
    decision    TEXT
);
CREATE INDEX catalog_draft_changes_draft ON catalog_draft_changes(draft_id, id);

CREATE TABLE catalog_draft_comments (
    id          BIGSERIAL PRIMARY KEY,
    draft_id    BIGINT NOT NULL REFERENCES catalog_drafts(id) ON DELETE CASCADE,
    orgnr       TEXT NOT NULL REFERENCES bodies(orgnr) ON DELETE CASCADE,
    entry       TEXT NOT NULL,            -- <section>/<entry id>
    text        TEXT NOT NULL,
    author      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    answer      TEXT,
    outcome     TEXT,                     -- accepted | partly | rejected
    answered_by TEXT,
    answered_at BIGINT
);
CREATE INDEX catalog_draft_comments_draft ON catalog_draft_comments(draft_id, id);

CREATE TABLE catalog_draft_approvals (
    draft_id    BIGINT NOT NULL REFERENCES catalog_drafts(id) ON DELETE CASCADE,
    owner       TEXT NOT NULL,
    rev         BIGINT NOT NULL,         -- the draft's revision approved; a later change voids it
    approved_by TEXT NOT NULL,
    approved_at BIGINT NOT NULL,
    PRIMARY KEY (draft_id, owner)
);
