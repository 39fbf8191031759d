//! Account administration on SQLite: every change versioned and audited in one
//! transaction.

use super::kernel::answer;
use super::kernel::{Versioned, WriteTx};
use super::{Backend, Conn};
use crate::db::{DbError, DbResult};
use app::auth::CurrentUser;
use app::model::{AccountFields, AccountView, AuditAction, AuditEntry, UnitOption};
use app::ports::{AccountsPort, RepoResult};
use async_trait::async_trait;
use shared::auth::Role;

#[async_trait]
impl AccountsPort for Backend {
    async fn list_accounts(&self) -> RepoResult<Vec<AccountView>> {
        answer(async move {
            let rows: Vec<AccountRow> =
                sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} ORDER BY u.username")))
                    .fetch_all(&self.pool)
                    .await?;
            Ok(rows.into_iter().map(AccountView::from).collect())
        })
        .await
    }

    async fn list_units(&self) -> RepoResult<Vec<UnitOption>> {
        answer(async move {
            let rows: Vec<(i64, String, String)> = sqlx::query_as(
                "SELECT u.id, u.name, b.name FROM units u JOIN blocs b ON b.id = u.bloc_id ORDER BY b.code, u.name",
            )
            .fetch_all(&self.pool)
            .await?;
            Ok(rows
                .into_iter()
                .map(|(id, name, bloc_name)| UnitOption {
                    id,
                    name,
                    bloc_name,
                })
                .collect())
        })
        .await
    }

    #[tracing::instrument(skip(self, fields, password_hash, by))]
    async fn create_account(
        &self,
        username: &str,
        fields: &AccountFields,
        password_hash: &str,
        by: &CurrentUser,
    ) -> RepoResult<AccountView> {
        answer(async move {
            let mut tx = WriteTx::begin(self, by).await?;
            let taken: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE username = $1")
                .bind(username)
                .fetch_optional(&mut *tx)
                .await?;
            if taken.is_some() {
                return Err(DbError::Duplicate);
            }
            let now = tx.now();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO users (username, display_name, position, unit_id, password_hash, active, created_at, updated_at, updated_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(username)
            .bind(&fields.display_name)
            .bind(&fields.position)
            .bind(fields.unit_id)
            .bind(password_hash)
            .bind(fields.active)
            .bind(&now)
            .bind(&now)
            .bind(&by.username)
            .fetch_one(&mut *tx)
            .await?;
            write_roles(&mut tx, id, fields).await?;
            let created = load(&mut tx, id).await?;
            tx.audited(&audit(by, AuditAction::AccountCreated, &created, None, &created))
                .await?;
            tx.commit().await?;
            Ok(created)
        })
        .await
    }

    #[tracing::instrument(skip(self, fields, by))]
    async fn update_account(
        &self,
        id: i64,
        version: i64,
        fields: &AccountFields,
        by: &CurrentUser,
    ) -> RepoResult<AccountView> {
        answer(async move {
            let mut tx = WriteTx::begin(self, by).await?;
            tx.expect_version(Versioned::Account(id), version).await?;
            let before = load(&mut tx, id).await?;
            sqlx::query(
                "UPDATE users SET display_name = $1, position = $2, unit_id = $3, active = $4,
                        version = version + 1, updated_at = $5, updated_by = $6
                 WHERE id = $7 AND version = $8",
            )
            .bind(&fields.display_name)
            .bind(&fields.position)
            .bind(fields.unit_id)
            .bind(fields.active)
            .bind(tx.now())
            .bind(&by.username)
            .bind(id)
            .bind(version)
            .execute(&mut *tx)
            .await?;
            write_roles(&mut tx, id, fields).await?;
            if !fields.active {
                end_sessions(&mut tx, id).await?;
            }
            let after = load(&mut tx, id).await?;
            tx.audited(&audit(
                by,
                AuditAction::AccountUpdated,
                &after,
                Some(&before),
                &after,
            ))
            .await?;
            tx.commit().await?;
            Ok(after)
        })
        .await
    }

    async fn password_of(&self, user_id: i64) -> RepoResult<(String, i64)> {
        answer(async move {
            sqlx::query_as("SELECT password_hash, version FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(&self.pool)
                .await?
                .ok_or(DbError::NotFound)
        })
        .await
    }

    #[tracing::instrument(skip(self, password_hash, by))]
    async fn set_password(
        &self,
        id: i64,
        version: i64,
        password_hash: &str,
        by: &CurrentUser,
    ) -> RepoResult<AccountView> {
        answer(async move {
            let mut tx = WriteTx::begin(self, by).await?;
            tx.expect_version(Versioned::Account(id), version).await?;
            sqlx::query(
                "UPDATE users SET password_hash = $1, version = version + 1, updated_at = $2, updated_by = $3 WHERE id = $4",
            )
            .bind(password_hash)
            .bind(tx.now())
            .bind(&by.username)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            end_sessions(&mut tx, id).await?;
            let after = load(&mut tx, id).await?;
            let mut entry = audit(by, AuditAction::PasswordReset, &after, None, &after);
            entry.after = None;
            tx.audited(&entry).await?;
            tx.commit().await?;
            Ok(after)
        })
        .await
    }
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

async fn load(conn: &mut Conn, id: i64) -> DbResult<AccountView> {
    let row: Option<AccountRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE u.id = $1")))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    row.map(AccountView::from).ok_or(DbError::NotFound)
}

fn audit(
    by: &CurrentUser,
    action: AuditAction,
    target: &AccountView,
    before: Option<&AccountView>,
    after: &AccountView,
) -> AuditEntry {
    AuditEntry {
        actor_id: Some(by.user_id),
        actor_name: by.username.clone(),
        action: action.into(),
        object_type: "account".into(),
        object_id: Some(target.username.clone()),
        before: before.and_then(|b| serde_json::to_string(b).ok()),
        after: serde_json::to_string(after).ok(),
        address: None,
    }
}

async fn write_roles(conn: &mut Conn, id: i64, fields: &AccountFields) -> DbResult<()> {
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
async fn end_sessions(conn: &mut Conn, user_id: i64) -> DbResult<()> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
