//! The accept loop: axum's `serve` without its one gap. A client must send a request's
//! headers within [`Settings::header_timeout`](crate::configuration::Settings) of opening
//! the connection (or of its previous answer, on a kept-alive one); otherwise the
//! connection is closed. Without it, a client that opens many connections and sends a byte
//! now and then (slowloris) holds them, and the server's file descriptors, forever.

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::future::Future;
use std::io;
use std::pin::pin;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower_service::Service;

/// Serves `router` on `listener` until `shutdown` completes, then stops accepting, lets
/// every connection finish the request it is answering, and returns once all are closed.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    header_timeout: Duration,
    shutdown: impl Future<Output = ()>,
) {
    // Connections watch `stopping`; each holds a clone of `open` until it is closed.
    let (stopping, _) = watch::channel(());
    let (open, _) = watch::channel(());
    let mut shutdown = pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(connection) => connection,
                Err(e) => {
                    on_accept_error(e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        if let Err(e) = stream.set_nodelay(true) {
            tracing::debug!(%remote, "cannot set TCP_NODELAY: {e}");
        }
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut req: Request<Incoming>| {
            // What `into_make_service_with_connect_info` gives handlers.
            req.extensions_mut().insert(ConnectInfo(remote));
            router.clone().call(req.map(Body::new))
        });
        let mut stopping = stopping.subscribe();
        let still_open = open.subscribe();
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout);
            let mut connection = pin!(builder.serve_connection(TokioIo::new(stream), service));
            tokio::select! {
                served = connection.as_mut() => {
                    if let Err(e) = served {
                        tracing::debug!(%remote, "connection ended: {e}");
                    }
                }
                _ = stopping.changed() => {
                    connection.as_mut().graceful_shutdown();
                    if let Err(e) = connection.as_mut().await {
                        tracing::debug!(%remote, "connection ended: {e}");
                    }
                }
            }
            drop(still_open);
        });
    }
    drop(listener);
    stopping.send_replace(());
    open.closed().await;
}

/// A failed accept: the client's own problem (it reset the connection) is nothing; anything
/// else (out of file descriptors) is logged and waited out for a second, as hyper did.
async fn on_accept_error(e: io::Error) {
    if matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    ) {
        return;
    }
    tracing::error!("cannot accept a connection: {e}");
    tokio::time::sleep(Duration::from_secs(1)).await;
}
