//! The campaigns (plan periods) and their years.

use super::RepoResult;
use crate::types::auth::CurrentUser;
use crate::types::model::{CampaignCriteria, CampaignMovements, CampaignRow, CampaignYears};
use async_trait::async_trait;
use chrono::NaiveDate;
use shared::domain::{Campaign, CampaignYear, CriteriaSet};

#[async_trait]
pub trait CampaignsPort: Send + Sync {
    /// Every campaign, the latest first.
    async fn campaigns(&self) -> RepoResult<Vec<CampaignRow>>;

    /// Creates a campaign (checked by the shared rule) adopted by `decision`; refused when
    /// one of its years already belongs to another campaign. Returns its id.
    async fn create_campaign(
        &self,
        campaign: &Campaign,
        decision: &str,
        by: &CurrentUser,
    ) -> RepoResult<i64>;

    /// Changes a campaign's name, decision and years over `version` (a stale version is a
    /// conflict naming who changed it and when); refused when another campaign holds one of
    /// the years or a year leaving it has work recorded. A year joining it gets the plan's
    /// calendar.
    async fn update_campaign(
        &self,
        id: i64,
        campaign: &Campaign,
        decision: &str,
        version: i64,
        by: &CurrentUser,
    ) -> RepoResult<()>;

    /// A campaign and the calendar of each of its years, opened on `today`'s year (or the
    /// campaign's nearest).
    async fn campaign_years(&self, campaign_id: i64, today: NaiveDate)
        -> RepoResult<CampaignYears>;

    /// Stores a year's calendar (checked by the shared rule) over `version`; a stale version
    /// is a conflict naming who changed it and when.
    async fn save_campaign_year(
        &self,
        campaign_id: i64,
        calendar: &CampaignYear,
        version: i64,
        by: &CurrentUser,
    ) -> RepoResult<()>;

    /// A campaign's criteria: each year's version, whether it is frozen, every version in
    /// use, opened on the first year not frozen.
    async fn campaign_criteria(&self, campaign_id: i64) -> RepoResult<CampaignCriteria>;

    /// Stores `set` (checked by the shared rule) as a new version for the years from
    /// `from_year` on that the council has not begun; refused when `from_year` itself is
    /// frozen, a conflict when the campaign's latest version is no longer `version`.
    /// Returns the new version.
    async fn save_criteria(
        &self,
        campaign_id: i64,
        from_year: i32,
        set: &CriteriaSet,
        version: i64,
        by: &CurrentUser,
    ) -> RepoResult<i64>;

    /// A campaign's emulation movements, each with how many nominations name it.
    async fn campaign_movements(&self, campaign_id: i64) -> RepoResult<CampaignMovements>;

    /// Adds a movement to a campaign (`id` None) or renames / retires / brings back one
    /// still at `version` (a stale version is a conflict naming who changed it and when).
    /// The name must not be another of the campaign's movements. Returns its id.
    async fn save_movement(
        &self,
        campaign_id: i64,
        id: Option<i64>,
        version: i64,
        name: &str,
        retired: bool,
        by: &CurrentUser,
    ) -> RepoResult<i64>;
}
