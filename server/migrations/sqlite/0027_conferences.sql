-- E-1, E-2: the conferences where exemplars are introduced and honoured: each unit's annual
-- conference of civil servants, and the sector's year-end conference. One per unit and year
-- (scope_key 'unit-{id}'), one for the sector ('sector'). Never edit once applied.

CREATE TABLE conferences (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    year        INTEGER NOT NULL,
    scope_key   TEXT    NOT NULL,
    unit_id     INTEGER REFERENCES units (id),
    held_on     DATE    NOT NULL,
    title       TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL,
    UNIQUE (campaign_id, year, scope_key)
);

CREATE TABLE conference_honours (
    conference_id INTEGER NOT NULL REFERENCES conferences (id),
    ord           INTEGER NOT NULL,
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    honour        TEXT    NOT NULL,
    PRIMARY KEY (conference_id, ord)
);
