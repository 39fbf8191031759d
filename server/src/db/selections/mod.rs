//! E-2: the Department office's quarterly selections for the City and the annual list for
//! the sector's year-end conference. A save replaces one period's list in one transaction,
//! names the version it was made against, and is recorded in the audit history. The SQL is
//! in `queries.rs`.

mod queries;

use super::kernel::cards::resolve_year;
use super::kernel::{Versioned, WriteTx};
use super::Backend;
use crate::db::DbError;
use app::ports::{RepoError, RepoResult, SelectionsPort};
use app::types::auth::CurrentUser;
use app::types::calendar::SelectionView;
use app::types::model::{AuditAction, AuditEntry, BoardQuery};
use async_trait::async_trait;
use chrono::{Datelike, NaiveDate};
use shared::auth::Action;
use shared::domain::SelectionPeriod;
use shared::rules::selection::check_selection;

#[async_trait]
impl SelectionsPort for Backend {
    async fn selection(
        &self,
        year: Option<i32>,
        period: SelectionPeriod,
        today: NaiveDate,
    ) -> RepoResult<SelectionView> {
        let mut tx = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        let (campaign_id, _, year, start, end) =
            resolve_year(&mut tx, &BoardQuery { year }, today.year()).await?;
        let stored = queries::stored(&mut tx, campaign_id, year, period).await?;
        let counts = queries::counts(&mut tx, campaign_id, year).await?;
        let candidates = queries::candidates(&mut tx, campaign_id, year, period).await?;
        tx.commit().await.map_err(DbError::from)?;
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
        let current = queries::candidates(&mut tx, campaign_id, year, period).await?;
        let eligible: Vec<i64> = current.iter().map(|c| c.id).collect();
        check_selection(ids, &eligible).map_err(RepoError::Rules)?;
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let now = tx.now();
        let new_version = queries::replace(
            &mut tx,
            campaign_id,
            year,
            period,
            &sorted,
            &by.display_name,
            &now,
        )
        .await?;
        let before: Vec<i64> = current
            .iter()
            .filter(|c| c.selected)
            .map(|c| c.id)
            .collect();
        let entry = AuditEntry::change(
            by,
            AuditAction::SaveSelection,
            ("selection", format!("{year}-{}", period.code())),
            Some(serde_json::json!({ "nominations": before }).to_string()),
            serde_json::json!({ "nominations": sorted, "version": new_version }).to_string(),
        );
        tx.audited(&entry).await?;
        tx.commit().await?;
        Ok(new_version)
    }
}
