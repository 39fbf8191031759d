use crate::error::AppError;
use crate::model::{BoardCard, BoardFilters, BoardView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::Stage;

/// The board of a campaign year (the current one when no year is chosen), holding only the
/// nominations the user may see, filtered, with each column's first cards.
#[server(prefix = "/api", endpoint = "board", input = Json)]
pub async fn get_board(filters: BoardFilters) -> Result<BoardView, AppError> {
    let (user, cards) = visible_board(&filters).await?;
    Ok(BoardView::arrange(cards, filters, user))
}

/// More cards of one column (of one bloc's lane, with swimlanes), after the first `offset`.
#[server(prefix = "/api", endpoint = "board/more", input = Json)]
pub async fn more_cards(
    filters: BoardFilters,
    stage: Stage,
    bloc: Option<i64>,
    offset: usize,
) -> Result<Vec<BoardCard>, AppError> {
    let (_, board) = visible_board(&filters).await?;
    Ok(board
        .cards
        .into_iter()
        .filter(|c| c.stage == stage && bloc.is_none_or(|b| c.bloc_id == b) && filters.admits(c))
        .skip(offset)
        .take(crate::model::COLUMN_WINDOW)
        .collect())
}

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

#[cfg(feature = "ssr")]
async fn visible_board(
    filters: &BoardFilters,
) -> Result<(crate::auth::CurrentUser, crate::model::Board), AppError> {
    use shared::auth::Action;

    let (user, ctx) = crate::services::request()?;
    let query = crate::model::BoardQuery { year: filters.year };
    let mut board = ctx.repo.board(&query, ctx.clock.today()).await?;
    board.cards.retain(|card| {
        user.may(&Action::ViewNomination(crate::moves::scope(card)))
            .is_ok()
    });
    Ok((user, board))
}
