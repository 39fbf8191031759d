-- The rest of the exemplar's year: where a model was replicated, the Department's
-- quarterly and annual selections for the City (E-2), and the bloc reviews' submission
-- (D-2; written from issue 8 on, read by the calendar now). Never edit once applied.

CREATE TABLE replications (
    id            INTEGER PRIMARY KEY,
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    adopter       TEXT    NOT NULL,
    date          TEXT    NOT NULL,
    result        TEXT    NOT NULL DEFAULT '',
    recorded_at   TEXT    NOT NULL,
    recorded_by   TEXT    NOT NULL
);
CREATE INDEX replications_by_nomination ON replications (nomination_id);

-- E-2: each quarter the office records which exemplars it sent to the City; 'annual' is
-- the list for the sector's year-end conference.
CREATE TABLE selections (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    year        INTEGER NOT NULL,
    period      TEXT    NOT NULL CHECK (period IN ('q1', 'q2', 'q3', 'q4', 'annual')),
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, year, period)
);

CREATE TABLE selection_items (
    campaign_id   INTEGER NOT NULL,
    year          INTEGER NOT NULL,
    period        TEXT    NOT NULL,
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    PRIMARY KEY (campaign_id, year, period, nomination_id),
    FOREIGN KEY (campaign_id, year, period) REFERENCES selections (campaign_id, year, period)
);

CREATE TABLE bloc_reviews (
    campaign_id  INTEGER NOT NULL REFERENCES campaigns (id),
    year         INTEGER NOT NULL,
    bloc_id      INTEGER NOT NULL REFERENCES blocs (id),
    submitted_at TEXT,
    submitted_by TEXT,
    PRIMARY KEY (campaign_id, year, bloc_id)
);

-- The board shows each card's evaluations (its overdue badge) and replications.
CREATE INDEX evaluations_by_nomination ON evaluations (nomination_id);
