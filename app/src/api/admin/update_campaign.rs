use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::CampaignDraft;

/// Corrects a campaign's name, decision and years over the version the administrator saw.
#[server(prefix = "/api", endpoint = "admin/update_campaign", input = Json)]
pub async fn update_campaign(id: i64, version: i64, draft: CampaignDraft) -> Result<(), AppError> {
    use shared::auth::Action;
    let (user, ctx) =
        crate::services::guard(Action::Administer, "campaign", Some(id.to_string())).await?;
    let campaign = draft
        .campaign()
        .map_err(|errors| super::invalid(crate::i18n::request_lang(), &errors))?;
    Ok(ctx
        .repo
        .update_campaign(id, &campaign, draft.decision.trim(), version, &user)
        .await?)
}
