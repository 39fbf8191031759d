//! Closing a campaign year: carrying its exemplars over into the next.

use super::RepoResult;
use crate::types::auth::CurrentUser;
use crate::types::carry::{CarryItem, CarryOverView};
use async_trait::async_trait;

#[async_trait]
pub trait CarryPort: Send + Sync {
    /// A campaign year's exemplars (every card; the caller decides who may read), with
    /// where each went next year. `NotFound` when there is no such year.
    async fn carry_over_view(
        &self,
        year: Option<i32>,
        today: chrono::NaiveDate,
    ) -> RepoResult<CarryOverView>;

    /// Carries `items` of `year` over into the campaign's next year in one write, each
    /// checked against its stored version and the rules (`shared::rules::carry`); the
    /// office only (checked inside). All or nothing. Returns the next year's cards' ids.
    async fn carry_over(
        &self,
        year: i32,
        items: &[CarryItem],
        by: &CurrentUser,
    ) -> RepoResult<Vec<i64>>;
}
