//! Database-backed sessions: a random token in an `HttpOnly` cookie, its SHA-256 in the
//! database; idle timeout and absolute lifetime; the gate that sends anyone without a
//! session to the sign-in page.

use crate::audit::hex;
use crate::configuration::SessionConfig;
use crate::db::sqlite::timestamp;
use crate::state::AppState;
use app::error::AppError;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

pub const SESSION_COOKIE: &str = "exemplar_session";
/// The session cookie's name over HTTPS: `__Host-` makes browsers keep it only when it is
/// `Secure`, for the whole site and this host alone, so no sibling domain can set or
/// overwrite it (session fixation).
pub const SECURE_SESSION_COOKIE: &str = "__Host-exemplar_session";

/// Whether the session cookie is `Secure` (and so `__Host-`): always when configured so,
/// otherwise when the client came over HTTPS (as a trusted proxy says).
pub fn secure(config: &SessionConfig, client: &super::client::Client) -> bool {
    config.always_secure || client.https
}

fn cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

/// A new random session token (256 bits).
pub fn new_token() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// The session token the request carries, under the name its scheme uses (a plain-HTTP
/// cookie is not read over HTTPS, nor the other way round).
pub fn session_token(headers: &HeaderMap, secure: bool) -> Option<String> {
    let wanted = cookie_name(secure);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == wanted && !value.is_empty()).then(|| value.to_string())
        })
}

pub fn session_cookie(token: &str, config: &SessionConfig, secure: bool) -> HeaderValue {
    let name = cookie_name(secure);
    let flag = if secure { "; Secure" } else { "" };
    let value = format!(
        "{name}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{flag}",
        config.absolute.num_seconds()
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub fn clear_cookie(secure: bool) -> HeaderValue {
    if secure {
        HeaderValue::from_static(
            "__Host-exemplar_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure",
        )
    } else {
        HeaderValue::from_static("exemplar_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
    }
}

fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Paths reachable without signing in.
fn is_public(path: &str) -> bool {
    matches!(path, "/login" | "/healthz" | "/favicon.svg")
        || path.starts_with("/pkg/")
        || path == "/api/me"
}

enum Lookup {
    None,
    Expired,
    Valid(Box<app::types::auth::CurrentUser>),
}

/// The session a request was let in with (the SHA-256 of its token), in its extensions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionId(pub String);

/// Who a session stands for now, if it is still on (not signed out, not expired, the
/// account active); nothing is written. Live streams ask this to end with their session.
pub async fn current(
    state: &AppState,
    session: &SessionId,
) -> Option<app::types::auth::CurrentUser> {
    let record = match state.store.load_session(&session.0).await {
        Ok(Some(r)) => r,
        Ok(None) => return None,
        Err(e) => {
            tracing::warn!(error = %e, "session check failed");
            return None;
        }
    };
    let now = Utc::now();
    let live = parse_time(&record.last_seen_at).is_some_and(|t| now - t <= state.sessions.idle)
        && parse_time(&record.expires_at).is_some_and(|t| now <= t)
        && record.active;
    live.then_some(record.user)
}

async fn lookup(state: &AppState, token: &str) -> Lookup {
    let hash = token_hash(token);
    let record = match state.store.load_session(&hash).await {
        Ok(Some(r)) => r,
        Ok(None) => return Lookup::None,
        Err(e) => {
            tracing::error!(error = %e, "session lookup failed");
            return Lookup::None;
        }
    };
    let now = Utc::now();
    let last_seen = parse_time(&record.last_seen_at);
    let expires = parse_time(&record.expires_at);
    let idle_over = last_seen.is_none_or(|t| now - t > state.sessions.idle);
    let absolute_over = expires.is_none_or(|t| now > t);
    if idle_over || absolute_over || !record.active {
        let _ = state.store.delete_session(&hash).await;
        return Lookup::Expired;
    }
    // Refresh the idle clock at most once a minute: fewer writes, same protection.
    if last_seen.is_some_and(|t| now - t > Duration::seconds(60)) {
        if let Err(e) = state.store.touch_session(&hash).await {
            tracing::warn!(error = %e, "could not refresh a session");
        }
    }
    Lookup::Valid(Box::new(record.user))
}

/// Puts the signed-in user in the request, and sends everyone else to `/login`.
pub async fn gate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let secure = secure(&state.sessions, &super::client::of(req.extensions()));
    let token = session_token(req.headers(), secure);
    let found = match &token {
        Some(t) => lookup(&state, t).await,
        None => Lookup::None,
    };
    let expired = matches!(found, Lookup::Expired);
    if let Lookup::Valid(user) = found {
        req.extensions_mut().insert(*user);
        if let Some(t) = &token {
            req.extensions_mut().insert(SessionId(token_hash(t)));
        }
        return next.run(req).await;
    }
    let path = req.uri().path().to_string();
    if is_public(&path) || (path == "/login" && req.method() == Method::POST) {
        let mut resp = next.run(req).await;
        if expired {
            resp.headers_mut()
                .append(header::SET_COOKIE, clear_cookie(secure));
        }
        return resp;
    }
    let mut resp = if matches!(*req.method(), Method::GET | Method::HEAD) {
        let target = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".into());
        let mut url = format!("/login?next={}", encode_component(&target));
        if expired {
            url.push_str("&error=expired");
        }
        Redirect::to(&url).into_response()
    } else {
        // Server functions and other API calls: a status and the app's own error, which the
        // client decodes into "please sign in again".
        let body = serde_json::to_string(&AppError::Unauthenticated).unwrap_or_default();
        (
            StatusCode::UNAUTHORIZED,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response()
    };
    if expired {
        resp.headers_mut()
            .append(header::SET_COOKIE, clear_cookie(secure));
    }
    resp
}

/// Percent-encodes a path for use as a query value.
pub fn encode_component(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Where to go after signing in: only a local path, never another site. Browsers drop
/// tabs and line breaks from a URL (`/\t/evil.example` becomes `//evil.example`) and read
/// `\` as `/`, so a path with any control character, whitespace or backslash is refused
/// whole, as is one whose second character would make it scheme-relative.
pub fn safe_next(next: &str) -> &str {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace());
    if local && next != "/login" && !next.starts_with("/login?") {
        next
    } else {
        "/board"
    }
}

pub fn expires_at(config: &SessionConfig) -> String {
    timestamp(Utc::now() + config.absolute)
}

/// How often ended sessions and old sign-in attempts are deleted.
pub const PURGE_EVERY: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Deletes the sessions that ended (past their lifetime or idle too long) and the sign-in
/// attempts too old to count (`throttle::MEMORY_HOURS`): (sessions, attempts) deleted.
pub async fn purge(
    store: &dyn crate::db::Store,
    config: &SessionConfig,
) -> Result<(u64, u64), crate::db::DbError> {
    let now = Utc::now();
    store
        .purge_expired(
            &timestamp(now),
            &timestamp(now - config.idle),
            &timestamp(super::throttle::counted_since(now)),
        )
        .await
}

/// Purges at start and then every [`PURGE_EVERY`], until the server begins to stop.
pub fn purge_periodically(
    store: std::sync::Arc<dyn crate::db::Store>,
    config: SessionConfig,
    mut stopping: tokio::sync::watch::Receiver<bool>,
) {
    tokio::spawn(async move {
        loop {
            match purge(store.as_ref(), &config).await {
                Ok((0, 0)) => {}
                Ok((sessions, attempts)) => {
                    tracing::info!(
                        sessions,
                        attempts,
                        "purged ended sessions and old sign-in attempts"
                    )
                }
                Err(e) => tracing::warn!(error = %e, "could not purge ended sessions"),
            }
            tokio::select! {
                _ = stopping.changed() => return,
                () = tokio::time::sleep(PURGE_EVERY) => {}
            }
            if *stopping.borrow() {
                return;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_only_their_hash_is_stored() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }

    #[test]
    fn next_is_always_local() {
        assert_eq!(safe_next("/board?year=2026"), "/board?year=2026");
        assert_eq!(safe_next("//evil.example"), "/board");
        assert_eq!(safe_next("https://evil.example"), "/board");
        assert_eq!(safe_next("/\\evil.example"), "/board");
        assert_eq!(safe_next("/login"), "/board");
    }

    #[test]
    fn a_next_with_a_tab_or_line_break_cannot_leave_the_site() {
        for sneaky in [
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "/ /evil.example",
            "/\u{0}/evil.example",
            "/\u{a0}/evil.example",
        ] {
            assert_eq!(safe_next(sneaky), "/board", "{sneaky:?}");
        }
        assert_eq!(safe_next("/nominations/12"), "/nominations/12");
    }

    #[test]
    fn cookie_flags() {
        let c = session_cookie("t", &SessionConfig::default(), false);
        let c = c.to_str().unwrap();
        assert!(c.starts_with("exemplar_session=t;"), "{c}");
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && !c.contains("Secure"));
        let c = session_cookie("t", &SessionConfig::default(), true);
        let c = c.to_str().unwrap();
        assert!(
            c.starts_with("__Host-exemplar_session=t;") && c.ends_with("; Secure"),
            "{c}"
        );
        assert!(c.contains("Path=/") && !c.contains("Domain"), "{c}");
    }

    #[test]
    fn the_token_is_read_under_its_scheme_s_name_only() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("exemplar_session=plain; __Host-exemplar_session=tls"),
        );
        assert_eq!(session_token(&headers, false).as_deref(), Some("plain"));
        assert_eq!(session_token(&headers, true).as_deref(), Some("tls"));
    }
}
