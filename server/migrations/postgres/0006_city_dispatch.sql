-- D-3: the Department's dispatch of the year's list to the City, recorded by the office after
-- the council's decision (S-2): the dispatch's number and the day it was sent. Once a year.
CREATE TABLE city_dispatches (
    campaign_id BIGINT  NOT NULL,
    year        INTEGER NOT NULL,
    number      TEXT    NOT NULL,
    sent_on     DATE    NOT NULL,
    recorded_at TEXT    NOT NULL,
    recorded_by TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, year),
    FOREIGN KEY (campaign_id, year) REFERENCES city_decisions (campaign_id, year)
);
