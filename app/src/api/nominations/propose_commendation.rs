use crate::error::AppError;
use crate::types::model::CardEvent;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::commendation::ProposalDraft;

/// Proposes a commendation for nomination `id` (S-3: the unit's staff and head, the office),
/// checked by the same shared rule the form runs, on the stored dossier.
#[server(prefix = "/api", endpoint = "nominations/propose_commendation", input = Json)]
pub async fn propose_commendation(id: i64, draft: ProposalDraft) -> Result<CardEvent, AppError> {
    let (user, ctx) = crate::services::request()?;
    let today = ctx.clock.today();
    ctx.repo
        .propose_commendation(id, &draft, &user, today)
        .await
        .map_err(AppError::from)
}
