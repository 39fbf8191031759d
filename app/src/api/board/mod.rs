//! The board: its cards (filtered to what the user may see), and moves.

mod get_board;
mod get_card;
mod more_cards;
mod move_nomination;

pub use get_board::*;
pub use get_card::*;
pub use more_cards::*;
pub use move_nomination::*;

/// The board of the filters' year with only the cards the user may see.
#[cfg(feature = "ssr")]
async fn visible_board(
    filters: &crate::types::model::BoardFilters,
) -> Result<(crate::types::auth::CurrentUser, crate::types::model::Board), crate::error::AppError> {
    use shared::auth::Action;

    let (user, ctx) = crate::services::request()?;
    let query = crate::types::model::BoardQuery { year: filters.year };
    let mut board = ctx.repo.board(&query, ctx.clock.today()).await?;
    board.cards.retain(|card| {
        user.may(&Action::ViewNomination(crate::moves::scope(card)))
            .is_ok()
    });
    Ok((user, board))
}
