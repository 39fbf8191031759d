-- D-3: what happened to each model the Department sent the City, step by step: the City's
-- answer (accepted, commended with what, returned with a reason) and, for a returned one,
-- its sending again (which awaits a new answer). The last step is where it stands. Never
-- edit once applied.

CREATE TABLE city_answers (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER NOT NULL,
    year          INTEGER NOT NULL,
    nomination_id INTEGER NOT NULL,
    step          TEXT    NOT NULL CHECK (step IN ('answer', 'resend')),
    outcome       TEXT CHECK (outcome IN ('accepted', 'commended', 'returned')),
    detail        TEXT    NOT NULL DEFAULT '',
    on_date       DATE    NOT NULL,
    recorded_at   TEXT    NOT NULL,
    recorded_by   TEXT    NOT NULL,
    FOREIGN KEY (campaign_id, year, nomination_id)
        REFERENCES city_dispatch_items (campaign_id, year, nomination_id)
);
CREATE INDEX city_answers_by_item ON city_answers (campaign_id, year, nomination_id, id);
