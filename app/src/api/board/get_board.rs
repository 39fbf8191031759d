use crate::error::AppError;
use crate::model::Board;
use leptos::prelude::*;

/// The board of a campaign year (the current one when `year` is `None`), holding only the
/// nominations the user may see.
#[server(prefix = "/api", endpoint = "board")]
pub async fn get_board(year: Option<i32>) -> Result<Board, AppError> {
    use crate::repo::AppContext;
    use shared::auth::{Action, NominationScope};

    let user = crate::auth::require_user()?;
    let ctx = use_context::<AppContext>().ok_or(AppError::Internal)?;
    let mut board = ctx.repo.board(&crate::model::BoardQuery { year }).await?;
    board.cards.retain(|card| {
        user.may(&Action::ViewNomination(NominationScope {
            unit_id: card.unit_id,
            bloc_id: card.bloc_id,
            stage: card.stage,
        }))
        .is_ok()
    });
    Ok(board)
}
