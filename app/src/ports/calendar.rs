//! The campaign year's calendar: its deadlines and who has met them.

use super::RepoResult;
use async_trait::async_trait;

#[async_trait]
pub trait CalendarPort: Send + Sync {
    /// Every deadline of a campaign year (the current one when `year` is None) with where
    /// each unit, bloc and the office stands, counted from the records.
    async fn calendar(
        &self,
        year: Option<i32>,
        today: chrono::NaiveDate,
    ) -> RepoResult<crate::types::calendar::CalendarView>;

    /// A number that grows whenever a campaign is made or a year's calendar or criteria are
    /// saved (on any instance): the live channel tells the pages showing them to reload.
    async fn calendar_stamp(&self) -> RepoResult<i64>;
}
