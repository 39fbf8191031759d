//! Building and running the application: open the database, migrate, load the demo data
//! into an empty database, bind the port, serve until told to stop.

use crate::auth;
use crate::configuration::Settings;
use crate::db::{self, DbError, Store};
use crate::routes::{assets, documents, errors, exports, health};
use crate::security_headers;
use crate::seed::demo;
use crate::state::AppState;
use app::ports::Repository;
use app::services::AppContext;
use app::{shell, App};
use axum::middleware;
use axum::response::Redirect;
use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use tokio::net::TcpListener;
use tower_http::trace::TraceLayer;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Database(#[from] DbError),
    #[error(transparent)]
    Files(#[from] crate::files::FileError),
    #[error("cannot listen on {addr} (LEPTOS_SITE_ADDR): {reason}")]
    Bind { addr: SocketAddr, reason: String },
    #[error(
        "refusing to listen on {addr}: the demo account {username:?} still has the demo \
         password; change it (or use a database without the demo data), or listen on \
         127.0.0.1 only"
    )]
    DemoPasswordExposed { addr: SocketAddr, username: String },
}

pub struct Application {
    listener: TcpListener,
    addr: SocketAddr,
    router: Router,
    store: Arc<dyn Store>,
    demo_loaded: bool,
    stop: tokio::sync::watch::Sender<bool>,
    header_timeout: std::time::Duration,
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        // The port first: a server that cannot listen must not touch the database.
        let listener =
            TcpListener::bind(settings.site_addr)
                .await
                .map_err(|e| StartupError::Bind {
                    addr: settings.site_addr,
                    reason: e.to_string(),
                })?;
        let addr = listener.local_addr().map_err(|e| StartupError::Bind {
            addr: settings.site_addr,
            reason: e.to_string(),
        })?;

        let store = db::open(&settings.database_url).await?;
        store.migrate().await?;
        // After the database: a database that cannot open is named first.
        let files = crate::files::FileStore::open(&settings.files_dir)?;
        if let Some(path) = &settings.audit_key_file {
            db::key_audit_history(store.as_ref(), path).await?;
        }
        let mut demo_loaded = store.meta("dataset").await?.as_deref() == Some("demo");
        if settings.demo_data && store.is_empty().await? {
            let today = app::services::Clock {
                fixed: settings.today,
            }
            .today();
            match store.load_dataset(&demo::dataset(today)).await {
                Ok(()) => tracing::info!("loaded the demo data set into the empty database"),
                // Another instance starting at the same time loaded it first.
                Err(db::DbError::NotEmpty) => {
                    tracing::info!("the demo data set was loaded by another instance")
                }
                Err(e) => return Err(e.into()),
            }
            demo_loaded = store.meta("dataset").await?.as_deref() == Some("demo");
        }

        if !addr.ip().is_loopback() {
            refuse_known_passwords(store.as_ref(), addr).await?;
        }

        let leptos_options = assets::leptos_options(&settings.site_root, addr);
        let repo: Arc<dyn Repository> = store.clone();
        let (stop, stop_rx) = tokio::sync::watch::channel(false);
        let calendar = crate::live::calendar::follow(
            repo.clone(),
            repo.live_stamps().await.map_err(DbError::from)?,
            stop_rx.clone(),
        );
        let ctx = AppContext {
            repo,
            clock: app::services::Clock {
                fixed: settings.today,
            },
            summary: Arc::new(app::services::summary::SummaryHub::default()),
            document_limits: settings.document_limits,
        };
        let state = AppState {
            leptos_options,
            store: store.clone(),
            sessions: settings.sessions,
            stopping: stop_rx,
            calendar,
            ctx: ctx.clone(),
            password_checks: Arc::new(tokio::sync::Semaphore::new(password_workers())),
            counters: Arc::default(),
            streams: crate::live::StreamSlots::new(settings.max_live_streams),
            files,
        };
        auth::session::purge_periodically(store.clone(), settings.sessions, state.stopping.clone());
        let router = router(state, ctx, Arc::new(settings.trusted_proxies.clone()));
        Ok(Application {
            listener,
            addr,
            router,
            store,
            demo_loaded,
            stop,
            header_timeout: settings.header_timeout,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn demo_loaded(&self) -> bool {
        self.demo_loaded
    }

    /// Serves until `shutdown` completes, then lets in-flight requests (and their writes)
    /// finish — for at most [`SHUTDOWN_GRACE`], so that a client holding a connection open
    /// cannot keep the server from stopping — and closes the database.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), StartupError> {
        let (signalled, on_signal) = tokio::sync::oneshot::channel::<()>();
        let stop = self.stop;
        let served = crate::serve::serve(
            self.listener,
            self.router,
            self.header_timeout,
            async move {
                shutdown.await;
                // Live-event streams never end by themselves: tell them to.
                let _ = stop.send(true);
                let _ = signalled.send(());
            },
        );
        let served = tokio::select! {
            () = served => Ok(()),
            () = async {
                if on_signal.await.is_err() {
                    // Serving ended without the signal: the other branch has the result.
                    std::future::pending::<()>().await;
                }
                tokio::time::sleep(SHUTDOWN_GRACE).await;
            } => {
                tracing::warn!(
                    grace = ?SHUTDOWN_GRACE,
                    "connections still open after the grace period; stopping anyway"
                );
                Ok(())
            }
        };
        self.store.close().await;
        served
    }
}

/// Password checks that may run at once: one per core (each takes 19 MiB and a core for
/// its duration), at least two.
fn password_workers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().max(2))
}

/// A server reachable from other machines must not open with an account anyone can read the
/// password of: every demo account that is still active and still has the demo password
/// stops the start.
async fn refuse_known_passwords(store: &dyn Store, addr: SocketAddr) -> Result<(), StartupError> {
    for account in demo::accounts() {
        let Some(candidate) = store.login_candidate(&account.username).await? else {
            continue;
        };
        let hash = candidate.password_hash;
        let known = tokio::task::spawn_blocking(move || {
            app::services::password::verify(demo::DEMO_PASSWORD, &hash)
        })
        .await
        .unwrap_or(true);
        if candidate.active && known {
            return Err(StartupError::DemoPasswordExposed {
                addr,
                username: account.username,
            });
        }
    }
    Ok(())
}

/// The app's pages, listed once per process. Listing runs the app once with resource loads
/// suppressed through a process-wide flag (leptos_server 0.8), and any page whose data
/// started loading meanwhile, in another server of the same process, never finished: it got
/// the 60 s timeout's 408 (leptos-rs/leptos#4773). One server per process never met it (it
/// lists its pages before it listens); the API tests, many servers in one process, did.
fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

fn router(state: AppState, ctx: AppContext, proxies: Arc<auth::client::TrustedProxies>) -> Router {
    let routes = routes();
    let options = state.leptos_options.clone();
    Router::new()
        // The board is the home page.
        .route("/", get(|| async { Redirect::to("/board") }))
        .merge(health::router())
        .merge(auth::handlers::router())
        .merge(crate::live::router())
        .merge(exports::router())
        .merge(documents::router())
        .merge(assets::bundle(&options))
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(ctx.clone()),
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn(errors::status_from_error))
        // Limits first among the inner layers: no answer takes longer than a minute, no
        // body is read past its route's size.
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            crate::limits::REQUEST_TIMEOUT,
        ))
        .layer(middleware::from_fn(crate::limits::limit_body))
        // Outermost last: headers on every response, then CSRF, then the sign-in gate.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::session::gate,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::csrf::refuse_cross_site,
        ))
        .layer(middleware::from_fn(security_headers::add))
        // Who the client is (behind a trusted proxy, as it says), for everything inside.
        .layer(middleware::from_fn_with_state(
            proxies,
            auth::client::identify,
        ))
        .layer(middleware::from_fn(assets::default_cache_control))
        .layer(assets::compression())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// How long in-flight requests may take to finish once the server is told to stop.
pub const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// A future that completes on Ctrl-C or SIGTERM. The handlers are registered when this is
/// called (call it before start-up work), so a signal that arrives while migrations or the
/// demo data are being written is kept and acted on once serving begins, instead of
/// killing the process half-way through a write.
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let term = signal(SignalKind::terminate());
        let int = signal(SignalKind::interrupt());
        async move {
            match (term, int) {
                (Ok(mut term), Ok(mut int)) => {
                    tokio::select! {
                        _ = term.recv() => {},
                        _ = int.recv() => {},
                    }
                }
                _ => std::future::pending::<()>().await,
            }
            tracing::info!("shutting down: finishing requests in flight");
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down: finishing requests in flight");
    }
}
