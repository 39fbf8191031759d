//! The SQL of accounts.

use super::super::{Conn, Pool};
use crate::db::DbResult;
use app::ports::RepoError;
use app::types::model::{AccountFields, AccountView, UnitOption};
use shared::auth::Role;

pub async fn list(pool: &Pool) -> DbResult<Vec<AccountView>> {
    let rows: Vec<AccountRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} ORDER BY u.username")))
            .fetch_all(pool)
            .await?;
    Ok(rows.into_iter().map(AccountView::from).collect())
}

pub async fn units(pool: &Pool) -> DbResult<Vec<UnitOption>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT u.id, u.name, b.name FROM units u JOIN blocs b ON b.id = u.bloc_id
         ORDER BY b.code, u.name",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, bloc_name)| UnitOption {
            id,
            name,
            bloc_name,
        })
        .collect())
}

pub async fn username_taken(conn: &mut Conn, username: &str) -> DbResult<bool> {
    let taken: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE username = $1")
        .bind(username)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(taken.is_some())
}

/// A new account; returns its id (its roles are written by [`write_roles`]).
pub async fn insert(
    conn: &mut Conn,
    username: &str,
    fields: &AccountFields,
    password_hash: &str,
    by: &str,
    now: &str,
) -> DbResult<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO users (username, display_name, position, unit_id, password_hash, active,
             created_at, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(username)
    .bind(&fields.display_name)
    .bind(&fields.position)
    .bind(fields.unit_id)
    .bind(password_hash)
    .bind(fields.active)
    .bind(now)
    .bind(now)
    .bind(by)
    .fetch_one(&mut *conn)
    .await?)
}

pub async fn update(
    conn: &mut Conn,
    id: i64,
    version: i64,
    fields: &AccountFields,
    by: &str,
    now: &str,
) -> DbResult<()> {
    sqlx::query(
        "UPDATE users SET display_name = $1, position = $2, unit_id = $3, active = $4,
                version = version + 1, updated_at = $5, updated_by = $6
         WHERE id = $7 AND version = $8",
    )
    .bind(&fields.display_name)
    .bind(&fields.position)
    .bind(fields.unit_id)
    .bind(fields.active)
    .bind(now)
    .bind(by)
    .bind(id)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn password_of(pool: &Pool, user_id: i64) -> DbResult<(String, i64)> {
    sqlx::query_as("SELECT password_hash, version FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(pool)
        .await?
        .ok_or(RepoError::NotFound.into())
}

pub async fn set_password(
    conn: &mut Conn,
    id: i64,
    password_hash: &str,
    by: &str,
    now: &str,
) -> DbResult<()> {
    sqlx::query(
        "UPDATE users SET password_hash = $1, version = version + 1, updated_at = $2,
             updated_by = $3
         WHERE id = $4",
    )
    .bind(password_hash)
    .bind(now)
    .bind(by)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    username: String,
    display_name: String,
    position: String,
    unit_id: Option<i64>,
    unit_name: Option<String>,
    active: bool,
    version: i64,
    roles: Option<String>,
}

const SELECT: &str = "SELECT u.id, u.username, u.display_name, u.position, u.unit_id,
        un.name AS unit_name, u.active, u.version,
        (SELECT string_agg(role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles
     FROM users u LEFT JOIN units un ON un.id = u.unit_id";

impl From<AccountRow> for AccountView {
    fn from(r: AccountRow) -> Self {
        AccountView {
            id: r.id,
            username: r.username,
            display_name: r.display_name,
            position: r.position,
            unit_id: r.unit_id,
            unit_name: r.unit_name,
            roles: r
                .roles
                .unwrap_or_default()
                .split(',')
                .filter_map(Role::from_code)
                .collect(),
            active: r.active,
            version: r.version,
        }
    }
}

pub async fn load(conn: &mut Conn, id: i64) -> DbResult<AccountView> {
    let row: Option<AccountRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE u.id = $1")))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    row.map(AccountView::from).ok_or(RepoError::NotFound.into())
}

pub async fn write_roles(conn: &mut Conn, id: i64, fields: &AccountFields) -> DbResult<()> {
    sqlx::query("DELETE FROM user_roles WHERE user_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for role in &fields.roles {
        sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
            .bind(id)
            .bind(role.code())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Signs the account out everywhere.
pub async fn end_sessions(conn: &mut Conn, user_id: i64) -> DbResult<()> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
