-- D-3: what the dispatch to the City carried: each model as it was named on the day it was
-- sent (the decision's list, kept with the dispatch so that the record stands alone).
-- Dispatches recorded before this table take their decision's list. Never edit once applied.

CREATE TABLE city_dispatch_items (
    campaign_id   INTEGER NOT NULL,
    year          INTEGER NOT NULL,
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    nominee_name  TEXT    NOT NULL,
    unit_name     TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, year, nomination_id),
    FOREIGN KEY (campaign_id, year) REFERENCES city_dispatches (campaign_id, year)
);

INSERT INTO city_dispatch_items (campaign_id, year, nomination_id, nominee_name, unit_name)
    SELECT i.campaign_id, i.year, i.nomination_id, n.nominee_name, u.name
    FROM city_decision_items i
    JOIN city_dispatches d ON d.campaign_id = i.campaign_id AND d.year = i.year
    JOIN nominations n ON n.id = i.nomination_id
    JOIN units u ON u.id = n.unit_id;
