mod get_current_user;

pub use get_current_user::*;
