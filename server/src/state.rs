use crate::configuration::SessionConfig;
use crate::db::Store;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use std::sync::Arc;

/// Everything a request handler may need; cloned per request (all fields are shared).
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: Arc<dyn Store>,
    pub sessions: SessionConfig,
    /// Turns true when the server begins to stop: endless responses (live events) end.
    pub stopping: tokio::sync::watch::Receiver<bool>,
    /// The campaigns' calendar stamp (`live::calendar`): grows when a calendar or
    /// criteria are saved on any instance.
    pub calendar: tokio::sync::watch::Receiver<app::ports::LiveStamps>,
    /// What server functions see (the repository, the clock, the summary's tallies), for
    /// the handlers outside Leptos too (live events, downloads, health).
    pub ctx: app::services::AppContext,
    /// Password checks (Argon2, 19 MiB each) that may run at once.
    pub password_checks: Arc<tokio::sync::Semaphore>,
    /// What is refused in floods: counted, never stored.
    pub counters: Arc<Counters>,
    /// The live streams open on this instance, within their caps.
    pub streams: Arc<crate::live::StreamSlots>,
    /// The dossier's files (content-addressed on disk).
    pub files: crate::files::FileStore,
}

/// Refusals counted since the start, never stored (a flood of them fills no table).
#[derive(Debug, Default)]
pub struct Counters {
    /// Sign-ins refused while locked.
    pub throttled: std::sync::atomic::AtomicU64,
    /// Cross-site requests refused.
    pub refused_cross_site: std::sync::atomic::AtomicU64,
}
