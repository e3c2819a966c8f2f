-- Risk assessments and reports (draft → final). Released migrations are never edited.
CREATE TABLE risk_assessments (
    id         BIGSERIAL PRIMARY KEY,
    orgnr      TEXT NOT NULL REFERENCES bodies(orgnr) ON DELETE CASCADE,
    doc        TEXT NOT NULL,
    version    BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX risk_assessments_orgnr ON risk_assessments(orgnr, id);

CREATE TABLE reports (
    id           BIGSERIAL PRIMARY KEY,
    orgnr        TEXT NOT NULL REFERENCES bodies(orgnr),
    kind         TEXT NOT NULL CHECK (kind IN ('status', 'measure-plan', 'risk-assessment')),
    subject      TEXT NOT NULL DEFAULT '',
    number       BIGINT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('draft', 'final')),
    lang         TEXT NOT NULL,
    snapshot     TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    created_by   TEXT NOT NULL,
    approver     TEXT,
    approved_at  BIGINT,
    UNIQUE (orgnr, kind, subject, number),
    CHECK ((state = 'final') = (approver IS NOT NULL AND approved_at IS NOT NULL))
);
CREATE INDEX reports_orgnr ON reports(orgnr, id);

CREATE FUNCTION reports_final_immutable() RETURNS trigger AS $$
BEGIN
    IF OLD.state = 'final' THEN
        RAISE EXCEPTION 'a final report is immutable';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER reports_final_no_change BEFORE UPDATE OR DELETE ON reports
    FOR EACH ROW EXECUTE FUNCTION reports_final_immutable();
