pub mod exports;
pub mod health;
