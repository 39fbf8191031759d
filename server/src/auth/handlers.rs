//! `POST /login` and `POST /logout`: plain form posts, so signing in works before (and
//! without) the WASM. Browsers are redirected; other clients get a status code.

use super::client::Client;
use super::session::{
    self, clear_cookie, encode_component, safe_next, session_cookie, session_token, token_hash,
};
use super::throttle;
use crate::audit::AuditEntry;
use crate::state::AppState;
use app::services::password;
use app::types::model::AuditAction;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Extension, Form, Router};
use serde::Deserialize;

/// How long a sign-in waits for a free password check before the server says it is busy.
const PASSWORD_QUEUE: std::time::Duration = std::time::Duration::from_secs(10);

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
        Outcome::Throttled => ("throttled", StatusCode::TOO_MANY_REQUESTS, "Đăng nhập sai quá nhiều lần, vui lòng thử lại sau 15 phút (lâu hơn nếu tiếp tục sai). / Too many failed sign-ins; try again in 15 minutes (longer after further failures)."),
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
    Extension(client): Extension<Client>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let address = client.ip.to_string();
    let secure = session::secure(&state.sessions, &client);
    let username = form.username.trim().to_lowercase();
    let security_event = |action: AuditAction| AuditEntry {
        actor_name: username.clone(),
        action: action.into(),
        object_type: "account".into(),
        object_id: Some(username.clone()),
        address: Some(address.clone()),
        ..Default::default()
    };
    let counted_as = throttle::address_key(client.ip);
    match try_login(&state, &username, &form.password, &counted_as).await {
        Ok(Some(user_id)) => {
            let token = session::new_token();
            let replaces = session_token(&headers, secure).map(|t| token_hash(&t));
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
                session_cookie(&token, &state.sessions, secure),
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
        Err(LoginError::Impossible) => refused(&headers, Outcome::Credentials, &form.next),
        Err(LoginError::Throttled) => {
            // Nothing is written per refused attempt (a flood fills no table); it is
            // counted. The checked guesses that led to the lock are each audited.
            let n = state
                .counters
                .throttled
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                + 1;
            tracing::debug!(throttled = n, "sign-in refused: locked");
            refused(&headers, Outcome::Throttled, &form.next)
        }
        Err(LoginError::Busy) => {
            tracing::warn!("sign-in refused: every password check is busy");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "Hệ thống đang bận, vui lòng thử lại. / Please try again.",
            )
                .into_response()
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
    /// A username or password no account can have.
    Impossible,
    Throttled,
    Disabled(i64),
    Busy,
    Store(crate::db::DbError),
}

impl From<crate::db::DbError> for LoginError {
    fn from(e: crate::db::DbError) -> Self {
        LoginError::Store(e)
    }
}

/// `Ok(Some(id))` signed in; `Ok(None)` wrong username or password (which one is never
/// said, and both take the same time). The attempt is recorded before the password is
/// checked (see `throttle`), and checks run in a bounded pool: a burst of sign-ins neither
/// exhausts memory nor gets more guesses through than allowed.
async fn try_login(
    state: &AppState,
    username: &str,
    password_text: &str,
    address: &str,
) -> Result<Option<i64>, LoginError> {
    // What no account can have is refused before anything is stored or hashed (and not
    // audited: a flood of it writes nothing).
    if shared::domain::Username::parse(username).is_err()
        || password_text.chars().count() > shared::domain::account::MAX_PASSWORD_CHARS
    {
        return Err(LoginError::Impossible);
    }
    let now = chrono::Utc::now();
    let Some(attempt) = state
        .store
        .reserve_attempt(username, address, now, throttle::is_locked)
        .await?
    else {
        return Err(LoginError::Throttled);
    };
    let Ok(Ok(permit)) = tokio::time::timeout(
        PASSWORD_QUEUE,
        state.password_checks.clone().acquire_owned(),
    )
    .await
    else {
        state.store.forget_attempt(attempt).await?;
        return Err(LoginError::Busy);
    };
    let candidate = state.store.login_candidate(username).await?;
    let stored = candidate.as_ref().map(|c| c.password_hash.clone());
    let password_text = password_text.to_string();
    // Argon2 is slow by design: keep it off the async workers, a bounded number at a time.
    let ok = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        match stored {
            Some(hash) => password::verify(&password_text, &hash),
            None => {
                password::burn_time(&password_text);
                false
            }
        }
    })
    .await
    .unwrap_or(false);
    let candidate = candidate.filter(|_| ok);
    if candidate.is_some() {
        state.store.attempt_succeeded(attempt).await?;
    }
    match candidate {
        Some(c) if !c.active => Err(LoginError::Disabled(c.user_id)),
        Some(c) => Ok(Some(c.user_id)),
        None => Ok(None),
    }
}

pub async fn logout(
    State(state): State<AppState>,
    Extension(client): Extension<Client>,
    headers: HeaderMap,
) -> Response {
    let secure = session::secure(&state.sessions, &client);
    if let Some(token) = session_token(&headers, secure) {
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
                    address: Some(client.ip.to_string()),
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
        .append(header::SET_COOKIE, clear_cookie(secure));
    resp
}
