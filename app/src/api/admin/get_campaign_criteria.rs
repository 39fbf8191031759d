use crate::error::AppError;
use crate::types::model::CampaignCriteria;
use leptos::prelude::*;

/// A campaign's criteria: the version each year is judged on and every version in use
/// (administrators).
#[server(prefix = "/api", endpoint = "admin/campaign_criteria")]
pub async fn get_campaign_criteria(campaign_id: i64) -> Result<CampaignCriteria, AppError> {
    use shared::auth::Action;
    let (_user, ctx) = crate::services::guard(
        Action::Administer,
        "criteria",
        Some(campaign_id.to_string()),
    )
    .await?;
    Ok(ctx.repo.campaign_criteria(campaign_id).await?)
}
