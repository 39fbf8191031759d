use crate::error::AppError;
use crate::types::model::{CardEvent, MoveRequest};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Moves a card (or reorders it in its column, or undoes one's own move). The version,
/// the permission and the rules are checked on the stored data inside the transaction
/// that makes the move; a stale version is refused with who changed the card and when.
#[server(prefix = "/api", endpoint = "board/move", input = Json)]
pub async fn move_nomination(request: MoveRequest) -> Result<CardEvent, AppError> {
    let (user, ctx) = crate::services::request()?;
    ctx.repo
        .move_nomination(&user, &request, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
