-- D-2: the bloc review's text. A review is saved as a draft (versioned) and becomes final
-- when submitted (submitted_at set).
ALTER TABLE bloc_reviews ADD COLUMN assessment TEXT NOT NULL DEFAULT '';
ALTER TABLE bloc_reviews ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE bloc_reviews ADD COLUMN updated_at TEXT;
ALTER TABLE bloc_reviews ADD COLUMN updated_by TEXT;
-- The day it was sent, by the Department's calendar (UTC+7).
ALTER TABLE bloc_reviews ADD COLUMN submitted_on TEXT;

-- A comment on each of the bloc's exemplars.
CREATE TABLE bloc_review_comments (
    campaign_id   INTEGER NOT NULL,
    year          INTEGER NOT NULL,
    bloc_id       INTEGER NOT NULL,
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    comment       TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, year, bloc_id, nomination_id),
    FOREIGN KEY (campaign_id, year, bloc_id) REFERENCES bloc_reviews (campaign_id, year, bloc_id)
);
