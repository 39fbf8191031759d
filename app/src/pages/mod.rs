pub mod admin_accounts;
pub mod admin_org;
pub mod audit;
pub mod board;
pub mod change_password;
pub mod login;
pub mod nomination;
pub mod not_found;
