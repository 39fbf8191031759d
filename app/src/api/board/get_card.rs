use crate::error::AppError;
use crate::types::model::BoardCard;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// One card as it is now (after a refused stale move, the board refreshes it).
#[server(prefix = "/api", endpoint = "board/card", input = Json)]
pub async fn get_card(id: i64) -> Result<BoardCard, AppError> {
    let (user, ctx) = crate::services::request()?;
    let card = ctx.repo.card(id).await?;
    // A card the user may not see does not exist for them.
    if user
        .may(&shared::auth::Action::ViewNomination(crate::moves::scope(
            &card,
        )))
        .is_err()
    {
        return Err(AppError::NotFound);
    }
    Ok(card)
}
