//! The SQL of the council's scoring and the City decision: a member's sheet, their scores,
//! the decision and the City badge. The council's record as every feature reads it
//! (members, nominees, sheets, the decision) is the kernel's (`kernel/scores.rs`).

use super::super::Conn;
use crate::db::DbResult;

/// The number of the last event: the page follows live from there.
pub async fn last_event(conn: &mut Conn) -> DbResult<i64> {
    Ok(
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// When the nomination's dossier was last edited after the council began on it (its first
/// score, submission or declared conflict), if it was.
pub async fn edited_after_scoring(conn: &mut Conn, id: i64) -> DbResult<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT MAX(e.at) FROM events e
         WHERE e.nomination_id = $1 AND e.action = 'edit_nomination'
           AND e.id > (SELECT MIN(c.id) FROM events c WHERE c.nomination_id = $1
                       AND c.action IN ('save_score', 'submit_scoresheet', 'declare_conflict'))",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?)
}

/// A council member's sheet on a nomination: the key of every write to it.
#[derive(Clone, Copy)]
pub struct Sheet {
    pub nomination: i64,
    pub member: i64,
}

/// Makes sure the member has a sheet for the nomination, stamped `now`.
pub async fn touch_sheet(conn: &mut Conn, sheet: Sheet, now: &str) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO scoresheets (nomination_id, member_id, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (nomination_id, member_id) DO UPDATE SET updated_at = excluded.updated_at",
    )
    .bind(sheet.nomination)
    .bind(sheet.member)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Writes one criterion's score (None: cleared) and comment on the member's sheet.
pub async fn write_score(
    conn: &mut Conn,
    sheet: Sheet,
    criterion: &str,
    score: Option<i64>,
    comment: &str,
    now: &str,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO scores (nomination_id, member_id, criterion_code, score, comment,
             updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (nomination_id, member_id, criterion_code) DO UPDATE SET
             score = excluded.score, comment = excluded.comment,
             updated_at = excluded.updated_at",
    )
    .bind(sheet.nomination)
    .bind(sheet.member)
    .bind(criterion)
    .bind(score)
    .bind(comment)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn submit_sheet(conn: &mut Conn, sheet: Sheet, now: &str) -> DbResult<()> {
    sqlx::query(
        "UPDATE scoresheets SET submitted_at = $1 WHERE nomination_id = $2 AND member_id = $3",
    )
    .bind(now)
    .bind(sheet.nomination)
    .bind(sheet.member)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn declare_conflict(conn: &mut Conn, sheet: Sheet, reason: &str) -> DbResult<()> {
    sqlx::query(
        "UPDATE scoresheets SET conflict_reason = $1 WHERE nomination_id = $2 AND member_id = $3",
    )
    .bind(reason)
    .bind(sheet.nomination)
    .bind(sheet.member)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The stage code of nomination `id` if it belongs to the campaign year.
pub async fn stage_in_year(
    conn: &mut Conn,
    id: i64,
    campaign_id: i64,
    year: i32,
) -> DbResult<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT stage FROM nominations WHERE id = $1 AND campaign_id = $2 AND year = $3",
    )
    .bind(id)
    .bind(campaign_id)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?)
}

/// The year's cards that carry the City badge.
pub async fn badged(conn: &mut Conn, campaign_id: i64, year: i32) -> DbResult<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM nominations WHERE campaign_id = $1 AND year = $2 AND city_registered",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?)
}

/// Puts the City badge on the card (`on`) or takes it off; a new version of the card.
pub async fn set_badge(
    conn: &mut Conn,
    id: i64,
    on: bool,
    year: i32,
    by: &str,
    now: &str,
) -> DbResult<()> {
    sqlx::query(
        "UPDATE nominations SET city_registered = $1, city_year = $2, version = version + 1,
             updated_at = $3, updated_by = $4
         WHERE id = $5",
    )
    .bind(on)
    .bind(on.then_some(year))
    .bind(now)
    .bind(by)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// D-3: the year's dispatch of its list to the City (`by`, at `now`).
pub async fn record_dispatch(
    conn: &mut Conn,
    (campaign_id, year): (i64, i32),
    number: &str,
    sent_on: chrono::NaiveDate,
    (by, now): (&str, &str),
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO city_dispatches (campaign_id, year, number, sent_on, recorded_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(number)
    .bind(sent_on)
    .bind(now)
    .bind(by)
    .execute(&mut *conn)
    .await?;
    // What it carried: the decision's models, named as they are on the day.
    sqlx::query(
        "INSERT INTO city_dispatch_items (campaign_id, year, nomination_id, nominee_name, unit_name)
         SELECT i.campaign_id, i.year, i.nomination_id, n.nominee_name, u.name
         FROM city_decision_items i
         JOIN nominations n ON n.id = i.nomination_id
         JOIN units u ON u.id = n.unit_id
         WHERE i.campaign_id = $1 AND i.year = $2",
    )
    .bind(campaign_id)
    .bind(year)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// One step of a sent model (D-3): the City's answer or its sending again, as
/// (step, outcome, detail, day).
pub async fn record_city_step(
    conn: &mut Conn,
    (campaign_id, year): (i64, i32),
    nomination_id: i64,
    (step, outcome, detail, on): (&str, Option<&str>, &str, chrono::NaiveDate),
    (by, now): (&str, &str),
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO city_answers (campaign_id, year, nomination_id, step, outcome, detail, on_date,
             recorded_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(nomination_id)
    .bind(step)
    .bind(outcome)
    .bind(detail)
    .bind(on)
    .bind(now)
    .bind(by)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
