//! Sign-in, sessions, the sign-in gate, CSRF refusal and security headers.

pub mod client;
pub mod csrf;
pub mod handlers;
pub mod session;
pub mod throttle;

pub use session::SESSION_COOKIE;

/// The request's client address (`client`), as recorded in the audit history.
pub fn client_address(req_ext: &axum::http::Extensions) -> String {
    client::of(req_ext).ip.to_string()
}
