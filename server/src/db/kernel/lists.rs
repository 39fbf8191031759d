//! The year's lists of nominations (the ballot's shortlist, the City's decision, a period's
//! selection): one row per nomination, written here for every list.

use super::Conn;
use crate::db::DbResult;

/// Which list, and for a selection its period's code.
#[derive(Clone, Copy)]
pub enum List {
    Ballot,
    CityDecision,
    Selection(&'static str),
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
