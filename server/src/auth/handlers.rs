//! `POST /login` and `POST /logout`: plain form posts, so signing in works before (and
//! without) the WASM. Browsers are redirected; other clients get a status code.

use super::session::{
    self, clear_cookie, encode_component, safe_next, session_cookie, session_token, token_hash,
};
use crate::audit::AuditEntry;
use crate::db::sqlite::timestamp;
use crate::state::AppState;
use app::services::password;
use app::types::model::AuditAction;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};
use serde::Deserialize;
use std::net::SocketAddr;

/// Failed sign-ins allowed per account, and per client address, in `WINDOW_MINUTES`.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;
pub const WINDOW_MINUTES: i64 = 15;

#[derive(Deserialize)]
pub struct LoginForm {
    pub username: String,
    pub password: String,
    #[serde(default)]
    pub next: String,
}

enum Outcome {
    Credentials,
    Throttled,
    Disabled,
}

fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"))
}

fn refused(headers: &HeaderMap, outcome: Outcome, next: &str) -> Response {
    let (code, status, text) = match outcome {
        Outcome::Credentials => ("credentials", StatusCode::UNAUTHORIZED, "Tên đăng nhập hoặc mật khẩu không đúng. / The username or password is not correct."),
        Outcome::Throttled => ("throttled", StatusCode::TOO_MANY_REQUESTS, "Đăng nhập sai quá nhiều lần, vui lòng thử lại sau 15 phút. / Too many failed sign-ins; try again in 15 minutes."),
        Outcome::Disabled => ("disabled", StatusCode::FORBIDDEN, "Tài khoản đã bị khóa. / This account is disabled."),
    };
    if wants_html(headers) {
        let mut url = format!("/login?error={code}");
        if !next.is_empty() {
            url.push_str(&format!("&next={}", encode_component(next)));
        }
        Redirect::to(&url).into_response()
    } else {
        (status, text).into_response()
    }
}

async fn audit(state: &AppState, entry: AuditEntry) {
    if let Err(e) = state.store.append_audit(&entry).await {
        tracing::error!(error = %e, action = %entry.action, "could not write the audit history");
    }
}

/// Signing in and out (forms posted by the sign-in page and the header).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", post(login))
        .route("/logout", post(logout))
}

pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let address = peer.ip().to_string();
    let username = form.username.trim().to_lowercase();
    let security_event = |action: AuditAction| AuditEntry {
        actor_name: username.clone(),
        action: action.into(),
        object_type: "account".into(),
        object_id: Some(username.clone()),
        address: Some(address.clone()),
        ..Default::default()
    };
    match try_login(&state, &username, &form.password, &address).await {
        Ok(Some(user_id)) => {
            let token = session::new_token();
            let replaces = session_token(&headers).map(|t| token_hash(&t));
            if let Err(e) = state
                .store
                .create_session(
                    &token_hash(&token),
                    user_id,
                    &session::expires_at(&state.sessions),
                    replaces.as_deref(),
                )
                .await
            {
                tracing::error!(error = %e, "could not start a session");
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "Hệ thống đang bận, vui lòng thử lại. / Please try again.",
                )
                    .into_response();
            }
            audit(
                &state,
                AuditEntry {
                    actor_id: Some(user_id),
                    ..security_event(AuditAction::Login)
                },
            )
            .await;
            let mut resp = if wants_html(&headers) {
                Redirect::to(safe_next(&form.next)).into_response()
            } else {
                StatusCode::NO_CONTENT.into_response()
            };
            resp.headers_mut().append(
                header::SET_COOKIE,
                session_cookie(&token, &state.sessions, &headers),
            );
            resp
        }
        Ok(None) => {
            refuse_credentials(
                &state,
                &headers,
                &form.next,
                security_event(AuditAction::LoginFailed),
            )
            .await
        }
        Err(LoginError::Throttled) => {
            audit(&state, security_event(AuditAction::LoginThrottled)).await;
            refused(&headers, Outcome::Throttled, &form.next)
        }
        Err(LoginError::Disabled(user_id)) => {
            audit(
                &state,
                AuditEntry {
                    actor_id: Some(user_id),
                    ..security_event(AuditAction::LoginDisabled)
                },
            )
            .await;
            refused(&headers, Outcome::Disabled, &form.next)
        }
        Err(LoginError::Store(e)) => {
            tracing::error!(error = %e, "sign-in failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "Hệ thống đang bận, vui lòng thử lại. / Please try again.",
            )
                .into_response()
        }
    }
}

async fn refuse_credentials(
    state: &AppState,
    headers: &HeaderMap,
    next: &str,
    entry: AuditEntry,
) -> Response {
    audit(state, entry).await;
    refused(headers, Outcome::Credentials, next)
}

enum LoginError {
    Throttled,
    Disabled(i64),
    Store(crate::db::DbError),
}

impl From<crate::db::DbError> for LoginError {
    fn from(e: crate::db::DbError) -> Self {
        LoginError::Store(e)
    }
}

/// `Ok(Some(id))` signed in; `Ok(None)` wrong username or password (which one is never
/// said, and both take the same time).
async fn try_login(
    state: &AppState,
    username: &str,
    password_text: &str,
    address: &str,
) -> Result<Option<i64>, LoginError> {
    let since = timestamp(chrono::Utc::now() - chrono::Duration::minutes(WINDOW_MINUTES));
    let (by_account, by_address) = state
        .store
        .failed_attempts_since(username, address, &since)
        .await?;
    if by_account >= MAX_FAILURES_PER_ACCOUNT || by_address >= MAX_FAILURES_PER_ADDRESS {
        state.store.record_attempt(username, address, false).await?;
        return Err(LoginError::Throttled);
    }
    let candidate = state.store.login_candidate(username).await?;
    let stored = candidate.as_ref().map(|c| c.password_hash.clone());
    let password_text = password_text.to_string();
    // Argon2 is slow by design: keep it off the async workers.
    let ok = tokio::task::spawn_blocking(move || match stored {
        Some(hash) => password::verify(&password_text, &hash),
        None => {
            password::burn_time(&password_text);
            false
        }
    })
    .await
    .unwrap_or(false);
    let candidate = candidate.filter(|_| ok);
    state
        .store
        .record_attempt(username, address, candidate.is_some())
        .await?;
    match candidate {
        Some(c) if !c.active => Err(LoginError::Disabled(c.user_id)),
        Some(c) => Ok(Some(c.user_id)),
        None => Ok(None),
    }
}

pub async fn logout(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    if let Some(token) = session_token(&headers) {
        let hash = token_hash(&token);
        let user = state.store.load_session(&hash).await.ok().flatten();
        if let Err(e) = state.store.delete_session(&hash).await {
            tracing::error!(error = %e, "could not end a session");
        }
        if let Some(record) = user {
            audit(
                &state,
                AuditEntry {
                    actor_id: Some(record.user.user_id),
                    actor_name: record.user.username.clone(),
                    action: AuditAction::Logout.into(),
                    object_type: "account".into(),
                    object_id: Some(record.user.username),
                    address: Some(peer.ip().to_string()),
                    ..Default::default()
                },
            )
            .await;
        }
    }
    let mut resp = if wants_html(&headers) {
        Redirect::to("/login?signed_out=1").into_response()
    } else {
        StatusCode::NO_CONTENT.into_response()
    };
    resp.headers_mut()
        .append(header::SET_COOKIE, clear_cookie());
    resp
}
