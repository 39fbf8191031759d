mod get_board;
mod move_nomination;

pub use get_board::*;
pub use move_nomination::*;
