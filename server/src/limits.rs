//! Limits on what a request may make the server do: how large its body may be (per route,
//! checked before anything is read) and how long it may take to answer.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// The largest body of a request: server functions' arguments and forms are small (the
/// longest text field is a few thousand characters).
pub const MAX_BODY: usize = 256 * 1024;
/// The sign-in form's: a username, a password and where to go next.
pub const MAX_LOGIN_BODY: usize = 8 * 1024;
/// How long a request may take to be answered (a live stream's answer starts at once; its
/// events then flow for as long as it lives).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// A dossier document's upload: the largest file an installation may allow
/// (`EXEMPLAR_MAX_FILE_MB` up to 100) and its form. The handler holds each upload to the
/// installation's own, smaller, limit while it reads.
pub const MAX_UPLOAD_BODY: usize = 101 * 1024 * 1024;

/// The body limit of a path.
pub fn body_limit(path: &str) -> usize {
    if path == "/login" {
        MAX_LOGIN_BODY
    } else if crate::routes::documents::is_upload(path) {
        MAX_UPLOAD_BODY
    } else {
        MAX_BODY
    }
}

/// Refuses a body declared larger than its route allows (413, before anything is read), and
/// stops reading one that turns out larger than declared or undeclared.
pub async fn limit_body(req: Request, next: Next) -> Response {
    let limit = body_limit(req.uri().path());
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        tracing::warn!(path = %req.uri().path(), ?declared, "refused an oversized request body");
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Dữ liệu gửi lên quá lớn. / The request is too large.",
        )
            .into_response();
    }
    let req = req.map(|body| Body::new(http_body_util::Limited::new(body, limit)));
    next.run(req).await
}
