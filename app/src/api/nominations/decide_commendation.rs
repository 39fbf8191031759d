use crate::error::AppError;
use crate::types::model::CardEvent;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::commendation::DecisionDraft;

/// Records the office's decision on a commendation proposal still at `version`: granted
/// (number, date, signer, form) or declined with a reason.
#[server(prefix = "/api", endpoint = "nominations/decide_commendation", input = Json)]
pub async fn decide_commendation(
    proposal_id: i64,
    version: i64,
    draft: DecisionDraft,
) -> Result<CardEvent, AppError> {
    let (user, ctx) = crate::services::request()?;
    let today = ctx.clock.today();
    ctx.repo
        .decide_commendation(proposal_id, version, &draft, &user, today)
        .await
        .map_err(AppError::from)
}
