use crate::error::AppError;
use crate::types::model::CampaignRow;
use leptos::prelude::*;

/// Every campaign, the latest first (administrators).
#[server(prefix = "/api", endpoint = "admin/campaigns")]
pub async fn list_campaigns() -> Result<Vec<CampaignRow>, AppError> {
    use shared::auth::Action;
    let (_user, ctx) = crate::services::guard(Action::Administer, "campaign", None).await?;
    Ok(ctx.repo.campaigns().await?)
}
