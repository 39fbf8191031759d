-- The exemplar's year (F-1, E-1): each registered nomination's fostering plan, with its
-- responsible leaders and dated activities, the unit head's approval, and the 6-month,
-- 9-month and annual evaluations. Never edit this file once applied.

CREATE TABLE fostering_plans (
    nomination_id               INTEGER PRIMARY KEY REFERENCES nominations (id),
    fostering_leader_name       TEXT    NOT NULL,
    fostering_leader_position   TEXT    NOT NULL,
    publicity_leader_name       TEXT    NOT NULL,
    publicity_leader_position   TEXT    NOT NULL,
    replication_leader_name     TEXT    NOT NULL,
    replication_leader_position TEXT    NOT NULL,
    -- Every save names the version it was made against; a stale save is refused.
    version                     INTEGER NOT NULL DEFAULT 1,
    updated_at                  TEXT    NOT NULL,
    updated_by                  TEXT    NOT NULL,
    -- The unit head's approval; an edit clears it (the changed plan is approved again).
    approved_at                 TEXT,
    approved_by                 TEXT
);

CREATE TABLE fostering_activities (
    nomination_id INTEGER NOT NULL REFERENCES fostering_plans (nomination_id),
    ord           INTEGER NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('fostering', 'publicity', 'replication')),
    title         TEXT    NOT NULL,
    date          TEXT,
    status        TEXT    NOT NULL CHECK (status IN ('planned', 'done', 'cancelled')),
    outcome       TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (nomination_id, ord)
);

CREATE TABLE evaluations (
    id            INTEGER PRIMARY KEY,
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    period        TEXT    NOT NULL CHECK (period IN ('six_month', 'nine_month', 'annual')),
    rating        TEXT    NOT NULL CHECK (rating IN ('excellent', 'good', 'pass', 'fail')),
    achievements  TEXT    NOT NULL,
    evaluator     TEXT    NOT NULL,
    date          TEXT    NOT NULL,
    commendation  TEXT,
    recorded_at   TEXT    NOT NULL,
    recorded_by   TEXT    NOT NULL,
    -- E-1: one evaluation of each period in a nomination's year.
    UNIQUE (nomination_id, period)
);
