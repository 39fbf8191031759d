pub mod assets;
pub mod errors;
pub mod exports;
pub mod health;
