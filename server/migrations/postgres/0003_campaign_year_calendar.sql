-- Each campaign year's whole calendar and numbers, as the administrator sets them
-- (D-1, D-2, D-3, E-1, E-2, S-2, C-B5). Every date is the last day on time. A campaign
-- created from now on stores every value for every year; on rows written before this
-- migration (only a registration deadline) an empty value reads as the plan's default.
ALTER TABLE campaign_years ADD COLUMN bloc_review_deadline DATE;
ALTER TABLE campaign_years ADD COLUMN city_submission_deadline DATE;
ALTER TABLE campaign_years ADD COLUMN six_month DATE;
ALTER TABLE campaign_years ADD COLUMN nine_month DATE;
ALTER TABLE campaign_years ADD COLUMN annual DATE;
ALTER TABLE campaign_years ADD COLUMN quarter_1 DATE;
ALTER TABLE campaign_years ADD COLUMN quarter_2 DATE;
ALTER TABLE campaign_years ADD COLUMN quarter_3 DATE;
ALTER TABLE campaign_years ADD COLUMN quarter_4 DATE;
ALTER TABLE campaign_years ADD COLUMN quota_min BIGINT;
ALTER TABLE campaign_years ADD COLUMN quota_max BIGINT;
ALTER TABLE campaign_years ADD COLUMN pass_share_pct BIGINT;
ALTER TABLE campaign_years ADD COLUMN cultural_family_years BIGINT;
ALTER TABLE campaign_years ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE campaign_years ADD COLUMN updated_at TEXT;
ALTER TABLE campaign_years ADD COLUMN updated_by TEXT;
