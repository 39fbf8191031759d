use crate::error::AppError;
use crate::model::Board;
use leptos::prelude::*;

/// The board of a campaign year (the current one when `year` is `None`).
#[server(prefix = "/api", endpoint = "board")]
pub async fn get_board(year: Option<i32>) -> Result<Board, AppError> {
    use crate::repo::AppContext;
    let ctx = use_context::<AppContext>().ok_or(AppError::Internal)?;
    let board = ctx.repo.board(&crate::model::BoardQuery { year }).await?;
    Ok(board)
}
