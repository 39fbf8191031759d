pub mod board;
pub mod not_found;
