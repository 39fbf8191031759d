use crate::error::AppError;
use crate::types::model::CampaignMovements;
use leptos::prelude::*;

/// A campaign's emulation movements, each with how many nominations name it
/// (administrators).
#[server(prefix = "/api", endpoint = "admin/campaign_movements")]
pub async fn get_campaign_movements(campaign_id: i64) -> Result<CampaignMovements, AppError> {
    use shared::auth::Action;
    let (_user, ctx) = crate::services::guard(
        Action::Administer,
        "movement",
        Some(campaign_id.to_string()),
    )
    .await?;
    Ok(ctx.repo.campaign_movements(campaign_id).await?)
}
