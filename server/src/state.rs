use crate::auth::SessionConfig;
use crate::db::Store;
use app::repo::Repository;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use std::sync::Arc;

/// Everything a request handler may need; cloned per request (all fields are shared).
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub repo: Arc<dyn Repository>,
    pub store: Arc<dyn Store>,
    pub sessions: SessionConfig,
    /// Turns true when the server begins to stop: endless responses (live events) end.
    pub stopping: tokio::sync::watch::Receiver<bool>,
    /// What server functions see (the repository, the clock, the summary's tallies), for
    /// the handlers outside Leptos (downloads).
    pub ctx: app::repo::AppContext,
}
