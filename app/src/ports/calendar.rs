//! The campaign year's calendar: its deadlines and who has met them.

use super::RepoResult;
use async_trait::async_trait;

/// What the live channel follows besides the cards' event log (`CalendarPort::live_stamps`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LiveStamps {
    /// Campaigns, their years' calendars and their criteria, and the periodic reports.
    pub calendar: i64,
    /// The ballots: opened, a paper cast, closed (nothing of who or how).
    pub ballot: i64,
}

#[async_trait]
pub trait CalendarPort: Send + Sync {
    /// Every deadline of a campaign year (the current one when `year` is None) with where
    /// each unit, bloc and the office stands, counted from the records.
    async fn calendar(
        &self,
        year: Option<i32>,
        today: chrono::NaiveDate,
    ) -> RepoResult<crate::types::calendar::CalendarView>;

    /// Numbers that grow whenever a campaign is made or a year's calendar or criteria are
    /// saved, and whenever a ballot is opened, a paper cast or a ballot closed (on any
    /// instance): the live channel tells the pages showing them to reload.
    async fn live_stamps(&self) -> RepoResult<LiveStamps>;
}
