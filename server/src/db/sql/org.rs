//! Blocs, units and council seats on SQLite: versioned and audited.

use super::kernel::answer;
use super::kernel::{Versioned, WriteTx};
use super::{Backend, Conn};
use crate::db::{DbError, DbResult};
use app::auth::CurrentUser;
use app::model::{AuditAction, AuditEntry, BlocRow, CouncilSeat, Organisation, UnitRow};
use app::ports::{OrgPort, RepoResult};
use async_trait::async_trait;
use shared::domain::InputError;

#[async_trait]
impl OrgPort for Backend {
    async fn organisation(&self) -> RepoResult<Organisation> {
        answer(async move {
            let mut conn = self.pool.acquire().await?;
            let blocs: Vec<(i64, String, String, Option<i64>, i64)> =
                sqlx::query_as("SELECT id, code, name, head_unit_id, version FROM blocs ORDER BY code")
                    .fetch_all(&mut *conn)
                    .await?;
            let units: Vec<(i64, String, String, i64, i64)> =
                sqlx::query_as("SELECT id, code, name, bloc_id, version FROM units ORDER BY bloc_id, name")
                    .fetch_all(&mut *conn)
                    .await?;
            let (campaign_name, council) = match current_campaign(&mut conn).await {
                Ok((campaign_id, name)) => {
                    let seats: Vec<(i64, String, String, Option<String>, bool)> = sqlx::query_as(
                        "SELECT u.id, u.username, u.display_name, un.name,
                                EXISTS (SELECT 1 FROM council_members c WHERE c.user_id = u.id AND c.campaign_id = $1)
                         FROM users u LEFT JOIN units un ON un.id = u.unit_id
                         WHERE u.active ORDER BY u.username",
                    )
                    .bind(campaign_id)
                    .fetch_all(&mut *conn)
                    .await?;
                    let seats = seats
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
                        .collect();
                    (name, seats)
                }
                Err(DbError::NotFound) => (String::new(), Vec::new()),
                Err(e) => return Err(e),
            };
            Ok(Organisation {
                blocs: blocs
                    .into_iter()
                    .map(|(id, code, name, head_unit_id, version)| BlocRow {
                        id,
                        code,
                        name,
                        head_unit_id,
                        version,
                    })
                    .collect(),
                units: units
                    .into_iter()
                    .map(|(id, code, name, bloc_id, version)| UnitRow {
                        id,
                        code,
                        name,
                        bloc_id,
                        version,
                    })
                    .collect(),
                campaign_name,
                council,
            })
        })
        .await
    }

    async fn save_bloc(
        &self,
        id: Option<i64>,
        version: i64,
        code: &str,
        name: &str,
        head_unit_id: Option<i64>,
        by: &CurrentUser,
    ) -> RepoResult<()> {
        answer(async move {
            let mut tx = WriteTx::begin(self, by).await?;
            if let (Some(bloc), Some(head)) = (id, head_unit_id) {
                let in_bloc: Option<(i64,)> =
                    sqlx::query_as("SELECT id FROM units WHERE id = $1 AND bloc_id = $2")
                        .bind(head)
                        .bind(bloc)
                        .fetch_optional(&mut *tx)
                        .await?;
                if in_bloc.is_none() {
                    return Err(DbError::Invalid(InputError::HeadUnitOutsideBloc));
                }
            } else if id.is_none() && head_unit_id.is_some() {
                // A new bloc has no units yet, so it cannot have a head unit.
                return Err(DbError::Invalid(InputError::HeadUnitOutsideBloc));
            }
            let after =
                serde_json::json!({ "code": code, "name": name, "head_unit_id": head_unit_id }).to_string();
            let now = tx.now();
            let result = match id {
                None => sqlx::query(
                    "INSERT INTO blocs (code, name, updated_at, updated_by) VALUES ($1, $2, $3, $4)",
                )
                .bind(code)
                .bind(name)
                .bind(&now)
                .bind(&by.username)
                .execute(&mut *tx)
                .await
                .map(|_| None),
                Some(id) => {
                    let old = current_code(&mut tx, Versioned::Bloc(id), version).await?;
                    sqlx::query(
                        "UPDATE blocs SET code = $1, name = $2, head_unit_id = $3, version = version + 1,
                                updated_at = $4, updated_by = $5 WHERE id = $6",
                    )
                    .bind(code)
                    .bind(name)
                    .bind(head_unit_id)
                    .bind(&now)
                    .bind(&by.username)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map(|_| Some(old))
                }
            };
            record_save(tx, result, by, "bloc", id.is_some(), code, after).await
        })
        .await
    }

    async fn save_unit(
        &self,
        id: Option<i64>,
        version: i64,
        code: &str,
        name: &str,
        bloc_id: i64,
        by: &CurrentUser,
    ) -> RepoResult<()> {
        answer(async move {
            let mut tx = WriteTx::begin(self, by).await?;
            let after = serde_json::json!({ "code": code, "name": name, "bloc_id": bloc_id }).to_string();
            let now = tx.now();
            let result = match id {
                None => sqlx::query("INSERT INTO units (code, name, bloc_id, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)")
                    .bind(code)
                    .bind(name)
                    .bind(bloc_id)
                    .bind(&now)
                    .bind(&by.username)
                    .execute(&mut *tx)
                    .await
                    .map(|_| None),
                Some(id) => {
                    let old = current_code(&mut tx, Versioned::Unit(id), version).await?;
                    // A unit that heads its bloc cannot leave it (D-2): the bloc would lose its head.
                    let heads_other: Option<(i64,)> =
                        sqlx::query_as("SELECT id FROM blocs WHERE head_unit_id = $1 AND id <> $2")
                            .bind(id)
                            .bind(bloc_id)
                            .fetch_optional(&mut *tx)
                            .await?;
                    if heads_other.is_some() {
                        return Err(DbError::Invalid(InputError::HeadUnitOutsideBloc));
                    }
                    sqlx::query(
                        "UPDATE units SET code = $1, name = $2, bloc_id = $3, version = version + 1,
                                updated_at = $4, updated_by = $5 WHERE id = $6",
                    )
                    .bind(code)
                    .bind(name)
                    .bind(bloc_id)
                    .bind(&now)
                    .bind(&by.username)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map(|_| Some(old))
                }
            };
            record_save(tx, result, by, "unit", id.is_some(), code, after).await
        })
        .await
    }

    async fn set_council_member(
        &self,
        user_id: i64,
        member: bool,
        by: &CurrentUser,
    ) -> RepoResult<()> {
        answer(async move {
            let mut tx = WriteTx::begin(self, by).await?;
            let (campaign_id, _) = current_campaign(&mut tx).await?;
            let username: String = sqlx::query_scalar("SELECT username FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(DbError::NotFound)?;
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
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed > 0 {
                let action = if member {
                    AuditAction::CouncilSeated
                } else {
                    AuditAction::CouncilUnseated
                };
                tx.audited(&audit(
                    by,
                    action,
                    "account",
                    &username,
                    None,
                    serde_json::json!({ "campaign_id": campaign_id }).to_string(),
                ))
                .await?;
            }
            tx.commit().await?;
            Ok(())
        })
        .await
    }
}

async fn current_campaign(conn: &mut Conn) -> DbResult<(i64, String)> {
    sqlx::query_as("SELECT id, name FROM campaigns ORDER BY end_year DESC, id DESC LIMIT 1")
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(DbError::NotFound)
}

/// The stored code of a bloc or unit that is still at `version` (see `Versioned`).
async fn current_code(tx: &mut WriteTx<'_>, row: Versioned, version: i64) -> DbResult<String> {
    tx.expect_version(row, version).await?;
    let (sql, id) = match row {
        Versioned::Bloc(id) => ("SELECT code FROM blocs WHERE id = $1", id),
        Versioned::Unit(id) => ("SELECT code FROM units WHERE id = $1", id),
        _ => return Err(DbError::NotFound),
    };
    Ok(sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&mut **tx)
        .await?)
}

fn audit(
    by: &CurrentUser,
    action: AuditAction,
    object_type: &str,
    code: &str,
    before: Option<String>,
    after: String,
) -> AuditEntry {
    AuditEntry {
        actor_id: Some(by.user_id),
        actor_name: by.username.clone(),
        action: action.into(),
        object_type: object_type.into(),
        object_id: Some(code.into()),
        before,
        after: Some(after),
        address: None,
    }
}

/// The end of every bloc or unit save: map the write's outcome (duplicate code, unknown
/// bloc), append the audit entry in the same transaction, commit.
async fn record_save(
    mut tx: WriteTx<'_>,
    result: Result<Option<String>, sqlx::Error>,
    by: &CurrentUser,
    object_type: &str,
    updated: bool,
    code: &str,
    after: String,
) -> DbResult<()> {
    // A code taken or a bloc that is not there: see `db::error::CONSTRAINTS`.
    let before = result?;
    let action = match (object_type, updated) {
        ("bloc", false) => AuditAction::BlocCreated,
        ("bloc", true) => AuditAction::BlocUpdated,
        (_, false) => AuditAction::UnitCreated,
        (_, true) => AuditAction::UnitUpdated,
    };
    let before = before.map(|c| serde_json::json!({ "code": c }).to_string());
    tx.audited(&audit(by, action, object_type, code, before, after))
        .await?;
    tx.commit().await?;
    Ok(())
}
