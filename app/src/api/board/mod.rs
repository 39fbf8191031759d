//! The board: its cards (filtered to what the user may see), and moves.

mod get_board;
mod get_card;
mod more_cards;
mod move_nomination;

pub use get_board::*;
pub use get_card::*;
pub use more_cards::*;
pub use move_nomination::*;

/// The board of the filters' year (shared: see `BoardPort::board`), and who is asking.
/// Only the cards [`may_see`] admits are theirs to see.
#[cfg(feature = "ssr")]
async fn visible_board(
    filters: &crate::types::model::BoardFilters,
) -> Result<
    (
        crate::types::auth::CurrentUser,
        std::sync::Arc<crate::types::model::Board>,
    ),
    crate::error::AppError,
> {
    let (user, ctx) = crate::services::request()?;
    let query = crate::types::model::BoardQuery { year: filters.year };
    let board = ctx.repo.board(&query, ctx.clock.today()).await?;
    Ok((user, board))
}

/// Whether `user` may see `card` (the server's check; the page shows nothing else).
#[cfg(feature = "ssr")]
fn may_see(user: &crate::types::auth::CurrentUser, card: &crate::types::model::BoardCard) -> bool {
    use shared::auth::Action;
    user.may(&Action::ViewNomination(crate::moves::scope(card)))
        .is_ok()
}
