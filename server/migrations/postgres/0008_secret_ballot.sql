-- The secret ballot kept apart (issue 19): who took part in a year's ballot is stored
-- apart from each nomination's anonymous counts, with no voter and no time on a choice;
-- a ballot keeps the council's size when it closes, and a year keeps its final totals
-- when it is decided, so that seating or unseating someone later changes neither.
-- The per-member votes of earlier ballots become counts and participants, then go.
-- Never edit once applied.

CREATE TABLE ballot_participants (
    campaign_id BIGINT  NOT NULL,
    year        INTEGER NOT NULL,
    member_id   BIGINT  NOT NULL REFERENCES users (id),
    PRIMARY KEY (campaign_id, year, member_id),
    FOREIGN KEY (campaign_id, year) REFERENCES ballots (campaign_id, year)
);

ALTER TABLE ballot_items ADD COLUMN agree BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ballot_items ADD COLUMN disagree BIGINT NOT NULL DEFAULT 0;
-- Counted at closing: the whole council the shares are of.
ALTER TABLE ballots ADD COLUMN council_size BIGINT;
-- Grows with each paper and the closing: what the live channel follows.
ALTER TABLE ballots ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

INSERT INTO ballot_participants (campaign_id, year, member_id)
    SELECT DISTINCT campaign_id, year, member_id FROM votes;
UPDATE ballot_items SET
    agree = (SELECT COUNT(*) FROM votes v WHERE v.campaign_id = ballot_items.campaign_id
        AND v.year = ballot_items.year AND v.nomination_id = ballot_items.nomination_id
        AND v.agree),
    disagree = (SELECT COUNT(*) FROM votes v WHERE v.campaign_id = ballot_items.campaign_id
        AND v.year = ballot_items.year AND v.nomination_id = ballot_items.nomination_id
        AND NOT v.agree);
UPDATE ballots SET council_size = (SELECT COUNT(*) FROM council_members cm
    WHERE cm.campaign_id = ballots.campaign_id)
WHERE closed_at IS NOT NULL;
DROP TABLE votes;

-- A decided year's final totals (NULL: no total of a quorum), as they were at the decision.
CREATE TABLE decision_totals (
    campaign_id   BIGINT  NOT NULL,
    year          INTEGER NOT NULL,
    nomination_id BIGINT  NOT NULL REFERENCES nominations (id),
    total_milli   BIGINT,
    PRIMARY KEY (campaign_id, year, nomination_id),
    FOREIGN KEY (campaign_id, year) REFERENCES city_decisions (campaign_id, year)
);
