pub mod assets;
pub mod documents;
pub mod errors;
pub mod exports;
pub mod health;
