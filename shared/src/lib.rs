//! The plan's knowledge, written once: domain types, rules and the message catalogue.
//!
//! This crate has no server dependency and compiles both to `wasm32-unknown-unknown`
//! (instant feedback in the browser) and natively (the server's authority).

/// For an enum stored by fixed codes (in the database, in URLs, on the wire): `ALL`, every
/// variant in the order given; `code()`; and `from_code()`, which is `None` for any other text.
/// `codes! { Stage { Discovered => "discovered", … } }`.
macro_rules! codes {
    ($name:ident { $($variant:ident => $code:literal,)* }) => {
        impl $name {
            pub const ALL: [$name; [$($code),*].len()] = [$($name::$variant),*];

            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)*
                }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                Self::ALL.into_iter().find(|x| x.code() == code)
            }
        }
    };
}

pub mod auth;
pub mod domain;
pub mod i18n;
pub mod rules;
pub mod text;
