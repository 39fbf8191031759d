use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::CampaignYear;

/// Stores a campaign year's calendar and numbers over `version` (administrators), checked
/// by the same shared rule the form runs.
#[server(prefix = "/api", endpoint = "admin/save_campaign_year", input = Json)]
pub async fn save_campaign_year(
    campaign_id: i64,
    calendar: CampaignYear,
    version: i64,
) -> Result<(), AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::guard(
        Action::Administer,
        "campaign",
        Some(format!("{campaign_id}/{}", calendar.year)),
    )
    .await?;
    let problems = calendar.problems();
    if !problems.is_empty() {
        return Err(super::invalid(crate::i18n::request_lang(), &problems));
    }
    Ok(ctx
        .repo
        .save_campaign_year(campaign_id, &calendar, version, &user)
        .await?)
}
