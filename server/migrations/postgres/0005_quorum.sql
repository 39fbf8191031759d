-- The council's quorum per campaign year (S-2, in % of the members who may take part), as
-- the administrator sets it; empty on a year stored before: the default (66 %, two thirds).
-- A ballot keeps the quorum it was opened with.
ALTER TABLE campaign_years ADD COLUMN quorum_pct BIGINT;
ALTER TABLE ballots ADD COLUMN quorum_pct BIGINT;
