//! Sign-in, sessions, the sign-in gate, CSRF refusal and security headers.

pub mod csrf;
pub mod handlers;
pub mod session;
pub mod throttle;

pub use session::SESSION_COOKIE;

/// The request's peer address, as recorded in sign-in attempts and the audit history.
pub fn client_address(req_ext: &axum::http::Extensions) -> String {
    req_ext
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}
