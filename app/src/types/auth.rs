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
