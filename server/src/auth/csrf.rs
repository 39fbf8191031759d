//! Cross-site request forgery: a state-changing request must come from this site's own
//! pages, as its `Origin` (or, failing that, `Referer`) header shows. Browsers set these
//! and pages cannot forge them.

use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::atomic::Ordering;

fn origin_of(url: &str) -> Option<&str> {
    let rest_start = url.find("://")? + 3;
    let end = url[rest_start..]
        .find('/')
        .map(|i| rest_start + i)
        .unwrap_or(url.len());
    Some(&url[..end])
}

/// True when the request's `Origin` or `Referer` names this very host.
pub fn same_origin(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let claimed = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .filter(|o| *o != "null")
        .or_else(|| {
            headers
                .get(header::REFERER)
                .and_then(|v| v.to_str().ok())
                .and_then(origin_of)
        });
    let Some(claimed) = claimed else { return false };
    let expected = [format!("http://{host}"), format!("https://{host}")];
    expected.iter().any(|e| e == claimed)
}

pub async fn refuse_cross_site(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || same_origin(req.headers()) {
        return next.run(req).await;
    }
    // Counted, and logged with a bounded path; not stored: a flood of forged requests
    // fills no table.
    let address = super::client_address(req.extensions());
    let refused = state
        .counters
        .refused_cross_site
        .fetch_add(1, Ordering::Relaxed)
        + 1;
    let path: String = req.uri().path().chars().take(120).collect();
    tracing::warn!(%path, %address, refused, "refused a cross-site request");
    (
        StatusCode::FORBIDDEN,
        "Yêu cầu bị từ chối: không đến từ trang của hệ thống. / Request refused: it did not come from this site's pages.",
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn origin_must_name_this_host() {
        assert!(same_origin(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000")
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://evil.example")
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000.evil.example")
        ])));
        assert!(
            !same_origin(&headers(&[("host", "127.0.0.1:3000")])),
            "no origin at all"
        );
        assert!(!same_origin(&headers(&[("host", "a"), ("origin", "null")])));
    }

    #[test]
    fn referer_is_the_fallback() {
        assert!(same_origin(&headers(&[
            ("host", "x.gov.vn"),
            ("referer", "https://x.gov.vn/board?y=1")
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "x.gov.vn"),
            ("referer", "https://x.gov.vn.evil/board")
        ])));
    }
}
