//! The year's lists of nominations (the ballot's shortlist, the City's decision, a period's
//! selection): one row per nomination, written here for every list.

use super::Conn;
use crate::db::DbResult;
use chrono::NaiveDate;

/// Which list, and for a selection its period's code.
#[derive(Clone, Copy)]
pub enum List {
    Ballot,
    CityDecision,
    Selection(&'static str),
}

/// A list that is made once for the year, with what it says besides its nominations.
#[derive(Clone, Copy)]
pub enum Made {
    /// The council's secret ballot, and the share of votes that passes.
    Ballot { share_pct: i64, quorum_pct: i64 },
    /// The City's decision, and its date.
    CityDecision { decided_on: NaiveDate },
}

impl Made {
    /// The list this makes.
    fn list(self) -> List {
        match self {
            Made::Ballot { .. } => List::Ballot,
            Made::CityDecision { .. } => List::CityDecision,
        }
    }
}

/// Who made the year's `list` and when (`(by, at)`); None while it is not made. A selection
/// is never made once for the year, so it has no maker.
pub async fn made_by(
    conn: &mut Conn,
    list: List,
    (campaign_id, year): (i64, i32),
) -> DbResult<Option<(String, String)>> {
    let sql = match list {
        List::Ballot => {
            "SELECT opened_by, opened_at FROM ballots WHERE campaign_id = $1 AND year = $2"
        }
        List::CityDecision => {
            "SELECT recorded_by, recorded_at FROM city_decisions
             WHERE campaign_id = $1 AND year = $2"
        }
        List::Selection(_) => return Ok(None),
    };
    let row = sqlx::query_as(sql).bind(campaign_id).bind(year);
    Ok(row.fetch_optional(&mut *conn).await?)
}

/// Makes the year's list (`by`, at `now`) naming `ids`.
pub async fn make(
    conn: &mut Conn,
    made: Made,
    (campaign_id, year): (i64, i32),
    ids: &[i64],
    by: &str,
    now: &str,
) -> DbResult<()> {
    let head = match made {
        Made::Ballot {
            share_pct,
            quorum_pct,
        } => sqlx::query(
            "INSERT INTO ballots (campaign_id, year, share_pct, quorum_pct, opened_at, opened_by)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(campaign_id)
        .bind(year)
        .bind(share_pct)
        .bind(quorum_pct),
        Made::CityDecision { decided_on } => sqlx::query(
            "INSERT INTO city_decisions (campaign_id, year, decided_on, recorded_at, recorded_by)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(campaign_id)
        .bind(year)
        .bind(decided_on),
    };
    head.bind(now).bind(by).execute(&mut *conn).await?;
    insert_items(conn, made.list(), campaign_id, year, ids).await
}

/// Adds `ids` to the year's `list`.
pub async fn insert_items(
    conn: &mut Conn,
    list: List,
    campaign_id: i64,
    year: i32,
    ids: &[i64],
) -> DbResult<()> {
    let sql = match list {
        List::Ballot => {
            "INSERT INTO ballot_items (campaign_id, year, nomination_id) VALUES ($1, $2, $3)"
        }
        List::CityDecision => {
            "INSERT INTO city_decision_items (campaign_id, year, nomination_id)
             VALUES ($1, $2, $3)"
        }
        List::Selection(_) => {
            "INSERT INTO selection_items (campaign_id, year, nomination_id, period)
             VALUES ($1, $2, $3, $4)"
        }
    };
    for id in ids {
        let query = sqlx::query(sql).bind(campaign_id).bind(year).bind(id);
        match list {
            List::Selection(period) => query.bind(period),
            _ => query,
        }
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
