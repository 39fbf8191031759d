-- S-3, P-1: a unit's proposal of a commendation for its exemplar (the form, the title, the
-- achievements, the dossier's achievement report, the unit council's meeting) and the
-- office's decision on it: granted (number, date, signer, form) or declined (reason).
-- A decision number is used once. Never edit once applied.

CREATE TABLE commendation_proposals (
    id                 INTEGER PRIMARY KEY,
    nomination_id      INTEGER NOT NULL REFERENCES nominations (id),
    form               TEXT    NOT NULL CHECK (form IN ('director_certificate', 'city_merit',
                           'city_emulation_fighter', 'city_emulation_flag', 'higher')),
    title              TEXT    NOT NULL DEFAULT '',
    achievements       TEXT    NOT NULL,
    report_document_id INTEGER NOT NULL REFERENCES nomination_documents (id),
    council_date       DATE    NOT NULL,
    council_present    INTEGER NOT NULL CHECK (council_present > 0),
    council_result     TEXT    NOT NULL,
    proposed_on        DATE    NOT NULL,
    proposed_at        TEXT    NOT NULL,
    proposed_by        TEXT    NOT NULL,
    status             TEXT    NOT NULL DEFAULT 'proposed'
                           CHECK (status IN ('proposed', 'granted', 'declined')),
    decision_number    TEXT,
    decision_key       TEXT,
    decision_date      DATE,
    decision_signer    TEXT,
    granted_form       TEXT CHECK (granted_form IN ('director_certificate', 'city_merit',
                           'city_emulation_fighter', 'city_emulation_flag', 'higher')),
    decline_reason     TEXT,
    decided_at         TEXT,
    decided_by         TEXT,
    version            INTEGER NOT NULL DEFAULT 1,
    updated_at         TEXT    NOT NULL,
    updated_by         TEXT    NOT NULL
);
CREATE INDEX commendation_proposals_by_nomination ON commendation_proposals (nomination_id);
CREATE UNIQUE INDEX commendation_decision_numbers ON commendation_proposals (decision_key)
    WHERE decision_key IS NOT NULL;
