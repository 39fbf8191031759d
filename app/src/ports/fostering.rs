//! The exemplar's year: fostering plans (F-1), evaluations (E-1), replications.

use super::RepoResult;
use crate::types::auth::CurrentUser;
use crate::types::model::CardEvent;
use async_trait::async_trait;

#[async_trait]
pub trait FosteringPort: Send + Sync {
    /// Makes a nomination's fostering plan (F-1) when `version` is 0, or replaces the one
    /// still at `version` (an edit clears the unit head's approval). Permission, stage and
    /// `rules::fostering::check_plan` are checked on the stored nomination inside one
    /// transaction; recorded and published like a move. Returns the plan's new version.
    async fn save_plan(
        &self,
        id: i64,
        version: i64,
        draft: &shared::domain::PlanDraft,
        by: &CurrentUser,
    ) -> RepoResult<(CardEvent, i64)>;

    /// The unit head approves the fostering plan still at `version`.
    async fn approve_plan(
        &self,
        id: i64,
        version: i64,
        by: &CurrentUser,
    ) -> RepoResult<(CardEvent, i64)>;

    /// Records a periodic evaluation (E-1), checked with
    /// `rules::evaluation::check_evaluation` on the stored data inside one transaction.
    async fn record_evaluation(
        &self,
        id: i64,
        draft: &shared::domain::EvaluationDraft,
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<CardEvent>;

    /// Records where a model was replicated, checked with
    /// `rules::evaluation::check_replication` on the stored data inside one transaction.
    async fn record_replication(
        &self,
        id: i64,
        draft: &shared::domain::ReplicationDraft,
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<CardEvent>;
}
