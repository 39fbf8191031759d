-- A campaign records the Department decision (or plan) that adopts it, as the
-- administrator types it when creating the campaign.
ALTER TABLE campaigns ADD COLUMN decision TEXT NOT NULL DEFAULT '';
