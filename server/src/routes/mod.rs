pub mod assets;
pub mod exports;
pub mod health;
