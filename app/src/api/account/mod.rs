mod change_password;

pub use change_password::*;
