use crate::error::AppError;
use crate::types::model::CampaignYears;
use leptos::prelude::*;

/// A campaign and the calendar and numbers of each of its years (administrators).
#[server(prefix = "/api", endpoint = "admin/campaign_years")]
pub async fn get_campaign_years(campaign_id: i64) -> Result<CampaignYears, AppError> {
    use shared::auth::Action;
    let (_user, ctx) = crate::services::guard(
        Action::Administer,
        "campaign",
        Some(campaign_id.to_string()),
    )
    .await?;
    Ok(ctx
        .repo
        .campaign_years(campaign_id, ctx.clock.today())
        .await?)
}
