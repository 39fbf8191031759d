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

    /// A council member's secret ballot paper: a choice on each nomination they may vote
    /// on, once. Who took part is kept apart from the counts.
    async fn cast_ballot(
        &self,
        choices: &[crate::types::council::BallotChoice],
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<()>;

    /// Closes the year's ballot (the office); its results are then final and shown.
    async fn close_ballot(&self, by: &CurrentUser, today: chrono::NaiveDate) -> RepoResult<()>;
}
