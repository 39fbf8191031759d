//! The signed-in user, as the UI and the server functions see them.

use serde::{Deserialize, Serialize};
use shared::auth::{Action, Actor, Denied, Role};
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub roles: BTreeSet<Role>,
    pub unit_id: Option<i64>,
    pub unit_name: Option<String>,
    pub bloc_id: Option<i64>,
}

impl CurrentUser {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.user_id,
            roles: self.roles.clone(),
            unit_id: self.unit_id,
            bloc_id: self.bloc_id,
        }
    }

    pub fn may(&self, action: &Action) -> Result<(), Denied> {
        shared::auth::authorize(&self.actor(), action)
    }
}

/// The user of the request being served (server side): put in the request by the
/// server's session middleware.
#[cfg(feature = "ssr")]
pub fn request_user() -> Option<CurrentUser> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CurrentUser>().cloned())
}

/// The user of the request, or `Unauthenticated`.
#[cfg(feature = "ssr")]
pub fn require_user() -> Result<CurrentUser, crate::error::AppError> {
    request_user().ok_or(crate::error::AppError::Unauthenticated)
}

/// The first line of every server function: who is asking (or 401), and what serves the
/// request (the repository, the clock, the summary's tallies).
#[cfg(feature = "ssr")]
pub fn request() -> Result<(CurrentUser, crate::ports::AppContext), crate::error::AppError> {
    let user = require_user()?;
    let ctx = leptos::prelude::use_context::<crate::ports::AppContext>()
        .ok_or(crate::error::AppError::Internal)?;
    Ok((user, ctx))
}

/// Checks a permission; a refusal is recorded in the audit history (it concerns
/// security) and returned as `Forbidden` with its reason.
#[cfg(feature = "ssr")]
pub async fn authorize(
    ctx: &crate::ports::AppContext,
    user: &CurrentUser,
    action: Action,
    object_type: &str,
    object_id: Option<String>,
) -> Result<(), crate::error::AppError> {
    let Err(denied) = user.may(&action) else {
        return Ok(());
    };
    tracing::warn!(user = %user.username, ?action, ?denied, "refused");
    let entry = crate::model::AuditEntry {
        actor_id: Some(user.user_id),
        actor_name: user.username.clone(),
        action: "forbidden".into(),
        object_type: object_type.into(),
        object_id,
        after: serde_json::to_string(&(action, denied)).ok(),
        ..Default::default()
    };
    if let Err(e) = ctx.repo.record_audit(&entry).await {
        tracing::error!(error = %e, "could not record a refusal");
    }
    Err(crate::error::AppError::Forbidden(denied))
}

/// The first lines of every server function, in order: who is asking (or 401), the
/// repository, and may they do `action` (or 403, recorded in the audit history).
#[cfg(feature = "ssr")]
pub async fn guard(
    action: Action,
    object_type: &str,
    object_id: Option<String>,
) -> Result<(CurrentUser, crate::ports::AppContext), crate::error::AppError> {
    let (user, ctx) = request()?;
    authorize(&ctx, &user, action, object_type, object_id).await?;
    Ok((user, ctx))
}
