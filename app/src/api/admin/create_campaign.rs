use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::CampaignDraft;

/// Creates a campaign with the plan's default calendar for each of its years; returns its id.
#[server(prefix = "/api", endpoint = "admin/create_campaign", input = Json)]
pub async fn create_campaign(draft: CampaignDraft) -> Result<i64, AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::guard(Action::Administer, "campaign", None).await?;
    let campaign = draft
        .campaign()
        .map_err(|errors| super::invalid(crate::i18n::request_lang(), &errors))?;
    Ok(ctx
        .repo
        .create_campaign(&campaign, draft.decision.trim(), &user)
        .await?)
}
