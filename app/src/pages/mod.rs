pub mod admin_accounts;
pub mod audit;
pub mod board;
pub mod login;
pub mod not_found;
