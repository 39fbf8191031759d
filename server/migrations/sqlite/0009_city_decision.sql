-- S-2: the council's standing body decides the year's 3 to 5 models for the City. Once
-- decided, the year's scores are locked. Never edit once applied.

CREATE TABLE city_decisions (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    year        INTEGER NOT NULL,
    -- The decision's own date (as written on it).
    decided_on  TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    recorded_by TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, year)
);

CREATE TABLE city_decision_items (
    campaign_id   INTEGER NOT NULL,
    year          INTEGER NOT NULL,
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    PRIMARY KEY (campaign_id, year, nomination_id),
    FOREIGN KEY (campaign_id, year) REFERENCES city_decisions (campaign_id, year)
);
