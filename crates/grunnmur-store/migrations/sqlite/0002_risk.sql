-- Risk assessments and reports (draft → final). Released migrations are never edited.
CREATE TABLE risk_assessments (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    orgnr      TEXT NOT NULL REFERENCES bodies(orgnr) ON DELETE CASCADE,
    doc        TEXT NOT NULL,              -- the assessment as JSON
    version    INTEGER NOT NULL,           -- raised on every change (optimistic locking)
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX risk_assessments_orgnr ON risk_assessments(orgnr, id);

-- Report versions: a series per (body, kind, subject) numbered 1, 2, 3, …; at most one draft
-- per series, always the latest. A final report is an immutable snapshot.
CREATE TABLE reports (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    orgnr        TEXT NOT NULL REFERENCES bodies(orgnr),   -- no cascade: finals are kept
    kind         TEXT NOT NULL CHECK (kind IN ('status', 'measure-plan', 'risk-assessment')),
    subject      TEXT NOT NULL DEFAULT '',  -- what the series is about, e.g. a risk assessment id
    number       INTEGER NOT NULL,          -- the version within the series
    state        TEXT NOT NULL CHECK (state IN ('draft', 'final')),
    lang         TEXT NOT NULL,
    snapshot     TEXT NOT NULL,             -- the report document as JSON
    content_hash TEXT NOT NULL,             -- SHA-256 of snapshot, hex
    created_at   INTEGER NOT NULL,
    created_by   TEXT NOT NULL,
    approver     TEXT,
    approved_at  INTEGER,
    UNIQUE (orgnr, kind, subject, number),
    CHECK ((state = 'final') = (approver IS NOT NULL AND approved_at IS NOT NULL))
);
CREATE INDEX reports_orgnr ON reports(orgnr, id);

-- A final report never changes and is never removed; the code refuses too, and logs the attempt.
CREATE TRIGGER reports_final_no_update BEFORE UPDATE ON reports WHEN OLD.state = 'final'
BEGIN SELECT RAISE(ABORT, 'a final report is immutable'); END;
CREATE TRIGGER reports_final_no_delete BEFORE DELETE ON reports WHEN OLD.state = 'final'
BEGIN SELECT RAISE(ABORT, 'a final report is immutable'); END;
