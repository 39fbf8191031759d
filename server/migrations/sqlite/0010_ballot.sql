-- The council's ballot (★): the office opens a secret agree/disagree vote on a shortlist;
-- each member votes once per nomination; the office closes it and the results are final.
-- Who voted is kept (one vote each); how each voted is never shown. Never edit once applied.

CREATE TABLE ballots (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    year        INTEGER NOT NULL,
    -- A nomination passes with at least this share of the whole council agreeing.
    share_pct   INTEGER NOT NULL CHECK (share_pct BETWEEN 50 AND 100),
    opened_at   TEXT    NOT NULL,
    opened_by   TEXT    NOT NULL,
    closed_at   TEXT,
    closed_by   TEXT,
    PRIMARY KEY (campaign_id, year)
);

CREATE TABLE ballot_items (
    campaign_id   INTEGER NOT NULL,
    year          INTEGER NOT NULL,
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    PRIMARY KEY (campaign_id, year, nomination_id),
    FOREIGN KEY (campaign_id, year) REFERENCES ballots (campaign_id, year)
);

CREATE TABLE votes (
    campaign_id   INTEGER NOT NULL,
    year          INTEGER NOT NULL,
    nomination_id INTEGER NOT NULL,
    member_id     INTEGER NOT NULL REFERENCES users (id),
    agree         INTEGER NOT NULL CHECK (agree IN (0, 1)),
    cast_at       TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, year, nomination_id, member_id),
    FOREIGN KEY (campaign_id, year, nomination_id)
        REFERENCES ballot_items (campaign_id, year, nomination_id)
);
