//! Domain types. Constructors that take user input return typed errors; nothing panics.

mod kind;
mod position;
mod stage;

pub use kind::NomineeKind;
pub use position::Position;
pub use stage::Stage;
