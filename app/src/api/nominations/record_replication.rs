use crate::error::AppError;
use crate::types::model::CardEvent;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Records where a model was replicated: which unit or locality adopted it, when, with
/// what result.
#[server(prefix = "/api", endpoint = "nominations/replicate", input = Json)]
pub async fn record_replication(
    id: i64,
    draft: shared::domain::ReplicationDraft,
) -> Result<CardEvent, AppError> {
    let (user, ctx) = crate::services::request()?;
    ctx.repo
        .record_replication(id, &draft, &user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
