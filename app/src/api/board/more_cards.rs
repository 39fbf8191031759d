use crate::error::AppError;
use crate::types::model::{BoardCard, BoardFilters};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::Stage;

/// More cards of one column (of one bloc's lane, with swimlanes), after the first `offset`.
#[server(prefix = "/api", endpoint = "board/more", input = Json)]
pub async fn more_cards(
    filters: BoardFilters,
    stage: Stage,
    bloc: Option<i64>,
    offset: usize,
) -> Result<Vec<BoardCard>, AppError> {
    let (user, board) = super::visible_board(&filters).await?;
    Ok(board
        .cards
        .iter()
        .filter(|c| {
            c.stage == stage
                && bloc.is_none_or(|b| c.bloc_id == b)
                && filters.admits(c)
                && super::may_see(&user, c)
        })
        .skip(offset)
        .take(crate::types::model::COLUMN_WINDOW)
        .cloned()
        .collect())
}
