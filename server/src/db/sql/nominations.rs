//! Creating, editing and reading one nomination.

use super::kernel::answer;
use super::kernel::events::StoredChange;
use super::kernel::{cards, facts, Versioned, WriteTx};
use super::{Backend, Conn};
use crate::db::{DbError, DbResult};
use app::auth::CurrentUser;
use app::model::{CardEvent, CollectiveOption, HistoryEntry, MoveAction, NominationRecord};
use app::moves::scope;
use app::ports::{NominationsPort, RepoResult};
use async_trait::async_trait;
use shared::auth::Action;
use shared::domain::{InputError, NominationDraft, Position, Profile, Stage};
use std::collections::BTreeMap;

#[async_trait]
impl NominationsPort for Backend {
    async fn nomination(&self, id: i64) -> RepoResult<NominationRecord> {
        answer(async move {
            let mut conn = self.pool.acquire().await?;
            let card = cards::card(&mut conn, id).await?;
            let (campaign_id, year, profile, description, replication_potential, created_at): (
                i64,
                i32,
                String,
                String,
                String,
                String,
            ) = sqlx::query_as(
                "SELECT campaign_id, year, profile, description, replication_potential, created_at
                 FROM nominations WHERE id = $1",
            )
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
            let profile: Profile = serde_json::from_str(&profile)
                .map_err(|e| DbError::Unavailable(format!("nomination {id}: bad profile: {e}")))?;
            let evidence: BTreeMap<String, String> = sqlx::query_as(
                "SELECT criterion_code, evidence FROM nomination_evidence WHERE nomination_id = $1",
            )
            .bind(id)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .collect();
            let rows: Vec<(i64, String, String)> = sqlx::query_as(
                "SELECT id, at, payload FROM events WHERE nomination_id = $1 ORDER BY id",
            )
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
            let history = rows
                .into_iter()
                .filter_map(|(seq, at, payload)| {
                    let change: StoredChange = serde_json::from_str(&payload).ok()?;
                    // The council's scoring is its own business (blind until submitted), not the
                    // card's history.
                    if change.action.is_council() {
                        return None;
                    }
                    Some(HistoryEntry {
                        seq,
                        at,
                        by: change.by,
                        action: change.action,
                        from: change.from,
                        to: change.card.stage,
                        reason: change.reason,
                    })
                })
                .collect();
            let plan = facts::plan(&mut conn, id).await?;
            let evaluations = facts::evaluations(&mut conn, id).await?;
            let calendar = cards::campaign_year(&mut conn, campaign_id, year).await?;
            let replications = facts::replications(&mut conn, id).await?;
            Ok(NominationRecord {
                replications,
                plan,
                evaluations,
                calendar,
                draft: NominationDraft {
                    unit_id: card.unit_id,
                    nominee_name: card.nominee_name.clone(),
                    profile,
                    description,
                    replication_potential,
                    evidence,
                },
                card,
                year,
                created_at,
                history,
            })
        })
        .await
    }

    async fn collectives(&self, year: i32) -> RepoResult<Vec<CollectiveOption>> {
        answer(async move {
            let rows: Vec<(i64, String, i64)> = sqlx::query_as(
                "SELECT id, nominee_name, unit_id FROM nominations
                 WHERE year = $1 AND kind = 'collective' AND stage <> 'dropped' ORDER BY nominee_name",
            )
            .bind(year)
            .fetch_all(&self.pool)
            .await?;
            Ok(rows
                .into_iter()
                .map(|(id, name, unit_id)| CollectiveOption { id, name, unit_id })
                .collect())
        })
        .await
    }

    /// Creates or edits, in one write with its event and audit entry.
    async fn save_nomination(
        &self,
        id: Option<i64>,
        version: i64,
        year: i32,
        draft: &NominationDraft,
        by: &CurrentUser,
    ) -> RepoResult<CardEvent> {
        answer(async move {
            let mut tx = WriteTx::begin(self, by).await?;
            let event = match id {
                None => create(&mut tx, year, draft).await?,
                Some(id) => edit(&mut tx, id, version, draft).await?,
            };
            tx.commit().await?;
            Ok(event)
        })
        .await
    }
}

async fn write_evidence(conn: &mut Conn, id: i64, draft: &NominationDraft) -> DbResult<()> {
    sqlx::query("DELETE FROM nomination_evidence WHERE nomination_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for (code, text) in &draft.evidence {
        sqlx::query(
            "INSERT INTO nomination_evidence (nomination_id, criterion_code, evidence) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(code)
        .bind(text)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

fn profile_json(draft: &NominationDraft) -> DbResult<String> {
    serde_json::to_string(&draft.profile).map_err(|e| DbError::Unavailable(e.to_string()))
}

/// Who may create for which unit is checked by the server function before (the draft's
/// unit is the scope).
async fn create(tx: &mut WriteTx<'_>, year: i32, draft: &NominationDraft) -> DbResult<CardEvent> {
    let by = tx.by();
    let campaign: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM campaigns WHERE $1 BETWEEN start_year AND end_year ORDER BY id DESC LIMIT 1",
    )
    .bind(year)
    .fetch_optional(&mut **tx)
    .await?;
    let campaign = campaign.ok_or(DbError::Invalid(InputError::Invalid {
        field: shared::domain::Field::Year,
    }))?;
    let unit: Option<i64> = sqlx::query_scalar("SELECT id FROM units WHERE id = $1")
        .bind(draft.unit_id)
        .fetch_optional(&mut **tx)
        .await?;
    if unit.is_none() {
        return Err(DbError::Invalid(InputError::Required {
            field: shared::domain::Field::Unit,
        }));
    }
    let first: Option<String> = sqlx::query_scalar(
        "SELECT position FROM nominations WHERE campaign_id = $1 AND year = $2 AND stage = 'discovered'
         ORDER BY position, id LIMIT 1",
    )
    .bind(campaign)
    .bind(year)
    .fetch_optional(&mut **tx)
    .await?;
    let position = match first.map(Position::try_from) {
        Some(Ok(p)) => p.before(),
        _ => Position::first(),
    };
    let now = tx.now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO nominations (campaign_id, year, unit_id, kind, nominee_name, profile,
             description, replication_potential, stage, position, created_at, updated_at,
             updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'discovered', $9, $10, $11, $12) RETURNING id",
    )
    .bind(campaign)
    .bind(year)
    .bind(draft.unit_id)
    .bind(draft.profile.kind().code())
    .bind(&draft.nominee_name)
    .bind(profile_json(draft)?)
    .bind(&draft.description)
    .bind(&draft.replication_potential)
    .bind(position.as_str())
    .bind(&now)
    .bind(&now)
    .bind(&by.display_name)
    .fetch_one(&mut **tx)
    .await?;
    write_evidence(tx, id, draft).await?;
    let card = cards::card(tx, id).await?;
    let change = StoredChange {
        action: MoveAction::Create,
        by: by.display_name.clone(),
        from: Stage::Discovered,
        from_position: card.position.clone(),
        from_dropped_from: None,
        reason: None,
        card,
    };
    tx.record(change, None, None).await
}

async fn edit(
    tx: &mut WriteTx<'_>,
    id: i64,
    version: i64,
    draft: &NominationDraft,
) -> DbResult<CardEvent> {
    let by = tx.by();
    let before = tx.visible_card(id).await?;
    tx.authorize(Action::EditNomination(scope(&before))).await?;
    tx.expect_version(Versioned::Nomination(id), version)
        .await?;
    // The unit and the kind are what the nomination is; they do not change by editing.
    if draft.unit_id != before.unit_id || draft.profile.kind() != before.kind {
        return Err(DbError::Invalid(InputError::Invalid {
            field: shared::domain::Field::Unit,
        }));
    }
    let now = tx.now();
    sqlx::query(
        "UPDATE nominations SET nominee_name = $1, profile = $2, description = $3,
             replication_potential = $4, version = version + 1, updated_at = $5, updated_by = $6
         WHERE id = $7 AND version = $8",
    )
    .bind(&draft.nominee_name)
    .bind(profile_json(draft)?)
    .bind(&draft.description)
    .bind(&draft.replication_potential)
    .bind(&now)
    .bind(&by.display_name)
    .bind(id)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    write_evidence(tx, id, draft).await?;
    let card = cards::card(tx, id).await?;
    let audit_before =
        serde_json::json!({ "name": before.nominee_name, "version": before.version }).to_string();
    let change = StoredChange {
        action: MoveAction::Edit,
        by: by.display_name.clone(),
        from: before.stage,
        from_position: before.position.clone(),
        from_dropped_from: before.dropped_from,
        reason: None,
        card,
    };
    tx.record(change, Some(audit_before), None).await
}
