//! E-2: the Department office's quarterly selections for the City and the annual list for
//! the sector's year-end conference. A save replaces one period's list in one transaction,
//! names the version it was made against, and is recorded in the audit history.

use super::kernel::answer;
use super::kernel::cards::resolve_year;
use super::kernel::{Versioned, WriteTx};
use super::{Backend, Conn};
use crate::db::{DbError, DbResult};
use app::types::auth::CurrentUser;
use app::types::calendar::{SelectionCandidate, SelectionView};
use app::types::model::{AuditAction, AuditEntry, BoardQuery};
use app::ports::{RepoResult, SelectionsPort};
use async_trait::async_trait;
use chrono::NaiveDate;
use shared::auth::Action;
use shared::domain::{NomineeKind, SelectionPeriod, Stage};
use shared::rules::selection::check_selection;

#[async_trait]
impl SelectionsPort for Backend {
    async fn selection(
        &self,
        year: Option<i32>,
        period: SelectionPeriod,
        today: NaiveDate,
    ) -> RepoResult<SelectionView> {
        answer(async move {
            use chrono::Datelike;
            let mut tx = super::begin_read(&self.pool).await?;
            let (campaign_id, _, year, start, end) =
                resolve_year(&mut tx, &BoardQuery { year }, today.year()).await?;
            let stored: Option<(i64, String, String)> = sqlx::query_as(
                "SELECT version, updated_by, updated_at FROM selections
                 WHERE campaign_id = $1 AND year = $2 AND period = $3",
            )
            .bind(campaign_id)
            .bind(year)
            .bind(period.code())
            .fetch_optional(&mut *tx)
            .await?;
            let counts: Vec<(String, i64)> = sqlx::query_as(
                "SELECT period, COUNT(*) FROM selection_items WHERE campaign_id = $1 AND year = $2
                 GROUP BY period",
            )
            .bind(campaign_id)
            .bind(year)
            .fetch_all(&mut *tx)
            .await?;
            let candidates = candidates(&mut tx, campaign_id, year, period).await?;
            tx.commit().await?;
            let periods = SelectionPeriod::ALL
                .into_iter()
                .map(|p| {
                    let n = counts
                        .iter()
                        .find(|(code, _)| code == p.code())
                        .map_or(0, |(_, n)| *n as u32);
                    (p, n)
                })
                .collect();
            let (version, updated_by, updated_at) = match stored {
                Some((v, by, at)) => (v, Some(by), Some(at)),
                None => (0, None, None),
            };
            Ok(SelectionView {
                year,
                years: (start..=end).collect(),
                period,
                version,
                updated_by,
                updated_at,
                candidates,
                periods,
                can_edit: false,
            })
        })
        .await
    }

    /// Replaces a period's list with `ids`, if it is still at `version` (0: never saved).
    async fn save_selection(
        &self,
        year: i32,
        period: SelectionPeriod,
        version: i64,
        ids: &[i64],
        by: &CurrentUser,
    ) -> RepoResult<i64> {
        answer(async move {
            let mut tx = WriteTx::begin(self, by).await?;
            tx.about("selection", Some(format!("{year}-{}", period.code())));
            tx.authorize(Action::SelectForCity).await?;
            let (campaign_id, _, year, _, _) =
                resolve_year(&mut tx, &BoardQuery { year: Some(year) }, year).await?;
            let row = Versioned::Selection {
                campaign_id,
                year,
                period: period.code(),
            };
            tx.expect_version(row, version).await?;
            let current = candidates(&mut tx, campaign_id, year, period).await?;
            let eligible: Vec<i64> = current.iter().map(|c| c.id).collect();
            check_selection(ids, &eligible).map_err(DbError::Rules)?;
            let now = tx.now();
            let new_version: i64 = sqlx::query_scalar(
                "INSERT INTO selections (campaign_id, year, period, version, updated_at, updated_by)
                 VALUES ($1, $2, $3, 1, $4, $5)
                 ON CONFLICT (campaign_id, year, period) DO UPDATE SET
                     version = selections.version + 1, updated_at = excluded.updated_at,
                     updated_by = excluded.updated_by
                 RETURNING version",
            )
            .bind(campaign_id)
            .bind(year)
            .bind(period.code())
            .bind(&now)
            .bind(&by.display_name)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "DELETE FROM selection_items WHERE campaign_id = $1 AND year = $2 AND period = $3",
            )
            .bind(campaign_id)
            .bind(year)
            .bind(period.code())
            .execute(&mut *tx)
            .await?;
            let mut sorted = ids.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            for id in &sorted {
                sqlx::query(
                    "INSERT INTO selection_items (campaign_id, year, period, nomination_id)
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(campaign_id)
                .bind(year)
                .bind(period.code())
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            let before: Vec<i64> = current
                .iter()
                .filter(|c| c.selected)
                .map(|c| c.id)
                .collect();
            let entry = AuditEntry {
                actor_id: Some(by.user_id),
                actor_name: by.username.clone(),
                action: AuditAction::SaveSelection.into(),
                object_type: "selection".into(),
                object_id: Some(format!("{year}-{}", period.code())),
                before: Some(serde_json::json!({ "nominations": before }).to_string()),
                after: Some(
                    serde_json::json!({ "nominations": sorted, "version": new_version })
                        .to_string(),
                ),
                address: None,
            };
            tx.audited(&entry).await?;
            tx.commit().await?;
            Ok(new_version)
        })
        .await
    }
}

/// The nominations of a year that may be sent to the City (registered or further), and
/// whether each is on the period's list.
async fn candidates(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    period: SelectionPeriod,
) -> DbResult<Vec<SelectionCandidate>> {
    let rows: Vec<(i64, String, String, String, String, String, bool)> = sqlx::query_as(
        "SELECT n.id, n.nominee_name, u.name, b.name, n.kind, n.stage,
             EXISTS (SELECT 1 FROM selection_items s WHERE s.campaign_id = n.campaign_id
                 AND s.year = n.year AND s.period = $1 AND s.nomination_id = n.id)
         FROM nominations n JOIN units u ON u.id = n.unit_id JOIN blocs b ON b.id = u.bloc_id
         WHERE n.campaign_id = $2 AND n.year = $3
           AND n.stage IN ('registered', 'fostering', 'evaluating', 'replicated')",
    )
    .bind(period.code())
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = rows
        .into_iter()
        .map(|(id, name, unit_name, bloc_name, kind, stage, selected)| {
            let corrupt = || DbError::Unavailable(format!("nomination {id}: bad kind or stage"));
            Ok(SelectionCandidate {
                id,
                name,
                unit_name,
                bloc_name,
                kind: NomineeKind::from_code(&kind).ok_or_else(corrupt)?,
                stage: Stage::from_code(&stage).ok_or_else(corrupt)?,
                selected,
            })
        })
        .collect::<DbResult<Vec<_>>>()?;
    // The furthest along first (replicated models are the likeliest to be sent), then by name.
    out.sort_by(|a, b| {
        let rank = |s: Stage| Stage::ALL.iter().position(|x| *x == s).unwrap_or(0);
        rank(b.stage)
            .cmp(&rank(a.stage))
            .then_with(|| shared::text::compare_vi(&a.name, &b.name))
    });
    Ok(out)
}
