//! The council's secret ballot (S-2).

use super::RepoResult;
use crate::types::auth::CurrentUser;
use async_trait::async_trait;

#[async_trait]
pub trait BallotPort: Send + Sync {
    /// Opens the year's ballot on `ids` (the office; one ballot a year, before the decision).
    /// `share_pct`: the share of the whole council a nomination needs (50 to 100).
    async fn open_ballot(
        &self,
        ids: &[i64],
        share_pct: i64,
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<()>;

    /// A council member's secret vote on one nomination of the open ballot, once.
    async fn cast_vote(&self, id: i64, agree: bool, by: &CurrentUser) -> RepoResult<()>;

    /// Closes the year's ballot (the office); its results are then final and shown.
    async fn close_ballot(&self, by: &CurrentUser, today: chrono::NaiveDate) -> RepoResult<()>;
}
