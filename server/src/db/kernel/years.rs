//! A campaign year's calendar and numbers (D-1, D-2, D-3, E-1, E-2, S-2, C-B5), as the
//! Department set them: read by every rule that needs the year, written when a campaign is
//! created and when an administrator changes a year.

use super::Conn;
use crate::db::DbResult;
use chrono::NaiveDate;
use shared::domain::{CampaignYear, Checkpoints, Quota};

/// A stored year: every value the calendar keeps, empty where a row written before the
/// calendar was stored whole has none (the plan's default then applies).
#[derive(sqlx::FromRow)]
struct Row {
    registration_deadline: NaiveDate,
    bloc_review_deadline: Option<NaiveDate>,
    city_submission_deadline: Option<NaiveDate>,
    six_month: Option<NaiveDate>,
    nine_month: Option<NaiveDate>,
    annual: Option<NaiveDate>,
    quarter_1: Option<NaiveDate>,
    quarter_2: Option<NaiveDate>,
    quarter_3: Option<NaiveDate>,
    quarter_4: Option<NaiveDate>,
    quota_min: Option<i64>,
    quota_max: Option<i64>,
    pass_share_pct: Option<i64>,
    quorum_pct: Option<i64>,
    cultural_family_years: Option<i64>,
    version: i64,
}

const COLUMNS: &str = "registration_deadline, bloc_review_deadline, city_submission_deadline,
     six_month, nine_month, annual, quarter_1, quarter_2, quarter_3, quarter_4,
     quota_min, quota_max, pass_share_pct, quorum_pct, cultural_family_years, version";

impl Row {
    fn calendar(self, year: i32) -> CampaignYear {
        let plan = CampaignYear::with_plan_defaults(year);
        let number = |stored: Option<i64>, default: u8| {
            stored.and_then(|n| u8::try_from(n).ok()).unwrap_or(default)
        };
        let [q1, q2, q3, q4] = plan.quarterly_selections;
        let (min, max) = (plan.city_quota.min(), plan.city_quota.max());
        CampaignYear {
            year,
            registration_deadline: self.registration_deadline,
            bloc_review_deadline: self
                .bloc_review_deadline
                .unwrap_or(plan.bloc_review_deadline),
            city_submission_deadline: self
                .city_submission_deadline
                .unwrap_or(plan.city_submission_deadline),
            quarterly_selections: [
                self.quarter_1.unwrap_or(q1),
                self.quarter_2.unwrap_or(q2),
                self.quarter_3.unwrap_or(q3),
                self.quarter_4.unwrap_or(q4),
            ],
            checkpoints: Checkpoints {
                six_month: self.six_month.unwrap_or(plan.checkpoints.six_month),
                nine_month: self.nine_month.unwrap_or(plan.checkpoints.nine_month),
                annual: self.annual.unwrap_or(plan.checkpoints.annual),
            },
            city_quota: Quota::new(number(self.quota_min, min), number(self.quota_max, max))
                .unwrap_or(plan.city_quota),
            pass_share_pct: number(self.pass_share_pct, plan.pass_share_pct),
            quorum_pct: number(self.quorum_pct, plan.quorum_pct),
            cultural_family_years: number(self.cultural_family_years, plan.cultural_family_years),
        }
    }
}

/// The campaign year's calendar and its version (0: never stored, the plan's defaults).
pub async fn stored_year(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<(CampaignYear, i64)> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM campaign_years WHERE campaign_id = $1 AND year = $2"
    )))
    .bind(campaign_id)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match row {
        Some(row) => {
            let version = row.version;
            (row.calendar(year), version)
        }
        None => (CampaignYear::with_plan_defaults(year), 0),
    })
}

/// The campaign year's calendar, as every rule reads it.
pub async fn campaign_year(conn: &mut Conn, campaign_id: i64, year: i32) -> DbResult<CampaignYear> {
    Ok(stored_year(conn, campaign_id, year).await?.0)
}

/// Stores the whole calendar of a campaign year (`by`, at `now`): a new row, or the next
/// version of the row (the caller has checked the version it replaces). A new year is
/// judged on the campaign's latest criteria version.
pub async fn store_year(
    conn: &mut Conn,
    campaign_id: i64,
    calendar: &CampaignYear,
    by: &str,
    now: &str,
) -> DbResult<()> {
    let c = calendar;
    let [q1, q2, q3, q4] = c.quarterly_selections;
    sqlx::query(
        "INSERT INTO campaign_years (campaign_id, year, registration_deadline,
             bloc_review_deadline, city_submission_deadline, six_month, nine_month, annual,
             quarter_1, quarter_2, quarter_3, quarter_4, quota_min, quota_max, pass_share_pct,
             cultural_family_years, version, updated_at, updated_by, criteria_version,
             quorum_pct)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 1,
             $17, $18,
             (SELECT MAX(version) FROM criteria_versions WHERE campaign_id = $1), $19)
         ON CONFLICT (campaign_id, year) DO UPDATE SET
             registration_deadline = excluded.registration_deadline,
             bloc_review_deadline = excluded.bloc_review_deadline,
             city_submission_deadline = excluded.city_submission_deadline,
             six_month = excluded.six_month, nine_month = excluded.nine_month,
             annual = excluded.annual, quarter_1 = excluded.quarter_1,
             quarter_2 = excluded.quarter_2, quarter_3 = excluded.quarter_3,
             quarter_4 = excluded.quarter_4, quota_min = excluded.quota_min,
             quota_max = excluded.quota_max, pass_share_pct = excluded.pass_share_pct,
             cultural_family_years = excluded.cultural_family_years,
             quorum_pct = excluded.quorum_pct,
             version = campaign_years.version + 1, updated_at = excluded.updated_at,
             updated_by = excluded.updated_by",
    )
    .bind(campaign_id)
    .bind(c.year)
    .bind(c.registration_deadline)
    .bind(c.bloc_review_deadline)
    .bind(c.city_submission_deadline)
    .bind(c.checkpoints.six_month)
    .bind(c.checkpoints.nine_month)
    .bind(c.checkpoints.annual)
    .bind(q1)
    .bind(q2)
    .bind(q3)
    .bind(q4)
    .bind(i64::from(c.city_quota.min()))
    .bind(i64::from(c.city_quota.max()))
    .bind(i64::from(c.pass_share_pct))
    .bind(i64::from(c.cultural_family_years))
    .bind(now)
    .bind(by)
    .bind(i64::from(c.quorum_pct))
    .execute(&mut *conn)
    .await?;
    Ok(())
}
