//! The SQL of the organisation: blocs, units and this campaign's council seats. A code
//! taken or a bloc that is not there comes back as `Duplicate` or `NotFound` (see
//! `db::error::CONSTRAINTS`).

use super::super::Conn;
use crate::db::DbResult;
use app::ports::RepoError;
use app::types::model::{BlocRow, CouncilSeat, UnitRow};

/// A bloc or a unit as stored: id, code, name, link (head unit, or bloc), version.
type Row = (i64, String, String, Option<i64>, i64);

async fn rows(conn: &mut Conn, table: Table) -> DbResult<Vec<Row>> {
    let sql = match table {
        Table::Blocs => "SELECT id, code, name, head_unit_id, version FROM blocs ORDER BY code",
        Table::Units => "SELECT id, code, name, bloc_id, version FROM units ORDER BY bloc_id, name",
    };
    Ok(sqlx::query_as(sql).fetch_all(&mut *conn).await?)
}

pub async fn blocs(conn: &mut Conn) -> DbResult<Vec<BlocRow>> {
    let rows = rows(conn, Table::Blocs).await?;
    let bloc = |(id, code, name, head_unit_id, version): Row| BlocRow {
        id,
        code,
        name,
        head_unit_id,
        version,
    };
    Ok(rows.into_iter().map(bloc).collect())
}

pub async fn units(conn: &mut Conn) -> DbResult<Vec<UnitRow>> {
    let rows = rows(conn, Table::Units).await?;
    let unit = |(id, code, name, bloc_id, version): Row| UnitRow {
        id,
        code,
        name,
        bloc_id: bloc_id.unwrap_or_default(),
        version,
    };
    Ok(rows.into_iter().map(unit).collect())
}

/// Every active account, and whether it sits on the campaign's council.
pub async fn seats(conn: &mut Conn, campaign_id: i64) -> DbResult<Vec<CouncilSeat>> {
    let rows: Vec<(i64, String, String, Option<String>, bool)> = sqlx::query_as(
        "SELECT u.id, u.username, u.display_name, un.name,
                EXISTS (SELECT 1 FROM council_members c
                        WHERE c.user_id = u.id AND c.campaign_id = $1)
         FROM users u LEFT JOIN units un ON un.id = u.unit_id
         WHERE u.active ORDER BY u.username",
    )
    .bind(campaign_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(user_id, username, display_name, unit_name, member)| CouncilSeat {
                user_id,
                username,
                display_name,
                unit_name,
                member,
            },
        )
        .collect())
}

/// The stored code of a bloc (`table` "blocs") or unit ("units").
pub async fn code_of(conn: &mut Conn, table: Table, id: i64) -> DbResult<String> {
    let sql = match table {
        Table::Blocs => "SELECT code FROM blocs WHERE id = $1",
        Table::Units => "SELECT code FROM units WHERE id = $1",
    };
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(RepoError::NotFound.into())
}

#[derive(Clone, Copy)]
pub enum Table {
    Blocs,
    Units,
}

pub async fn unit_in_bloc(conn: &mut Conn, unit_id: i64, bloc_id: i64) -> DbResult<bool> {
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM units WHERE id = $1 AND bloc_id = $2")
            .bind(unit_id)
            .bind(bloc_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(found.is_some())
}

/// Whether the unit heads a bloc other than `bloc_id`.
pub async fn heads_another_bloc(conn: &mut Conn, unit_id: i64, bloc_id: i64) -> DbResult<bool> {
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM blocs WHERE head_unit_id = $1 AND id <> $2")
            .bind(unit_id)
            .bind(bloc_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(found.is_some())
}

/// Adds (`id` None) or updates a bloc or a unit: its code, its name and its one link (a
/// bloc's head unit, a unit's bloc).
pub async fn save(
    conn: &mut Conn,
    table: Table,
    id: Option<i64>,
    (code, name, link): (&str, &str, Option<i64>),
    by: &str,
    now: &str,
) -> DbResult<()> {
    let sql = match (table, id) {
        (Table::Blocs, None) => {
            "INSERT INTO blocs (code, name, head_unit_id, updated_at, updated_by)
             VALUES ($1, $2, $3, $4, $5)"
        }
        (Table::Units, None) => {
            "INSERT INTO units (code, name, bloc_id, updated_at, updated_by)
             VALUES ($1, $2, $3, $4, $5)"
        }
        (Table::Blocs, Some(_)) => {
            "UPDATE blocs SET code = $1, name = $2, head_unit_id = $3, version = version + 1,
                    updated_at = $4, updated_by = $5 WHERE id = $6"
        }
        (Table::Units, Some(_)) => {
            "UPDATE units SET code = $1, name = $2, bloc_id = $3, version = version + 1,
                    updated_at = $4, updated_by = $5 WHERE id = $6"
        }
    };
    let query = sqlx::query(sql)
        .bind(code)
        .bind(name)
        .bind(link)
        .bind(now)
        .bind(by);
    match id {
        Some(id) => query.bind(id),
        None => query,
    }
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn username_of(conn: &mut Conn, user_id: i64) -> DbResult<String> {
    sqlx::query_scalar("SELECT username FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(RepoError::NotFound.into())
}

/// Seats or unseats the account; whether anything changed.
pub async fn set_seat(
    conn: &mut Conn,
    user_id: i64,
    campaign_id: i64,
    member: bool,
) -> DbResult<bool> {
    let changed = if member {
        sqlx::query(
            "INSERT INTO council_members (user_id, campaign_id) VALUES ($1, $2)
             ON CONFLICT DO NOTHING",
        )
    } else {
        sqlx::query("DELETE FROM council_members WHERE user_id = $1 AND campaign_id = $2")
    }
    .bind(user_id)
    .bind(campaign_id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed > 0)
}
