-- E-1: each unit's periodic report for a period of a campaign year (6 months, 9 months, the
-- year): its own assessment and an entry per exemplar (JSON: nomination id -> evaluation,
-- achievements, fostering, publicity, replication), saved as a draft, then sent once
-- (sent_on set; never changed after). And the Department's own assessment in the report
-- it compiles for the period from the units' sent reports. Never edit once applied.

CREATE TABLE unit_reports (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    year        INTEGER NOT NULL,
    period      TEXT    NOT NULL CHECK (period IN ('six_month', 'nine_month', 'annual')),
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    assessment  TEXT    NOT NULL,
    entries     TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL,
    sent_on     DATE,
    sent_at     TEXT,
    sent_by     TEXT,
    UNIQUE (campaign_id, year, period, unit_id)
);

CREATE TABLE department_reports (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    year        INTEGER NOT NULL,
    period      TEXT    NOT NULL CHECK (period IN ('six_month', 'nine_month', 'annual')),
    assessment  TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, year, period)
);
