-- Each public body's contribution to the figures across bodies (rule 18), with the workspace
-- version, the declarations' generation and the day it was derived at: a restarted server
-- answers from these instead of deriving every body first. Derived data; safe to delete.
CREATE TABLE contributions (
    orgnr      TEXT PRIMARY KEY REFERENCES bodies(orgnr) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    generation INTEGER NOT NULL,
    day        INTEGER NOT NULL,
    doc        TEXT NOT NULL
);
