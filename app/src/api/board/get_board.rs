use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::types::model::BoardCard;
use crate::types::model::{BoardFilters, BoardView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The board of a campaign year (the current one when no year is chosen), holding only the
/// nominations the user may see, filtered, with each column's first cards.
#[server(prefix = "/api", endpoint = "board", input = Json)]
pub async fn get_board(filters: BoardFilters) -> Result<BoardView, AppError> {
    let (user, board) = super::visible_board(&filters).await?;
    let visible = |card: &BoardCard| super::may_see(&user, card);
    Ok(BoardView::arrange(&board, visible, filters, user.clone()))
}
