mod get_board;

pub use get_board::*;
