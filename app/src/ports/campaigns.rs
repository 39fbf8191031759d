//! The campaigns (plan periods) and their years.

use super::RepoResult;
use crate::types::auth::CurrentUser;
use crate::types::model::CampaignRow;
use async_trait::async_trait;
use shared::domain::Campaign;

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
}
