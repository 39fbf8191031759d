//! The office's selections for the City (E-2): a list per quarter and the annual one.

use super::RepoResult;
use crate::types::auth::CurrentUser;
use async_trait::async_trait;

#[async_trait]
pub trait SelectionsPort: Send + Sync {
    /// One period's selection for the City, and what may go on it.
    async fn selection(
        &self,
        year: Option<i32>,
        period: shared::domain::SelectionPeriod,
        today: chrono::NaiveDate,
    ) -> RepoResult<crate::types::calendar::SelectionView>;

    /// Replaces a period's selection if still at `version` (0: never saved); the office
    /// only (checked inside). Returns the new version.
    async fn save_selection(
        &self,
        year: i32,
        period: shared::domain::SelectionPeriod,
        version: i64,
        ids: &[i64],
        by: &CurrentUser,
    ) -> RepoResult<i64>;
}
