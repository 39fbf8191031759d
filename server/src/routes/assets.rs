//! The browser bundle and the other static files: what the build wrote, sent the way a
//! phone on a slow network wants it.
//!
//! `cargo xtask` writes `pkg/exemplar.<hash>.{js,wasm,css}` with `.br` and `.gz` copies
//! beside each, and `hash.txt` naming the hashes. The pages name the hashed files (Leptos
//! reads `hash.txt`), the files are sent precompressed by `Accept-Encoding` and marked
//! immutable, so a second visit downloads none of them and an upgrade (new hashes) can never
//! pair an old bundle with a new server. Pages and server-function answers are compressed
//! as they are sent; live events are not (a compressor would hold them back).

use axum::extract::Request;
use axum::http::header::{self, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use leptos::prelude::LeptosOptions;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

/// Where the build writes the bundle's hashes, inside the site root.
pub const HASH_FILE: &str = "hash.txt";

/// For a year, never revalidated: the name changes whenever the content does.
pub const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
/// Pages and answers: the browser may keep them but must ask again before each use.
pub const REVALIDATE: HeaderValue = HeaderValue::from_static("no-cache");
/// Files under fixed names (the favicon): a day.
const A_DAY: HeaderValue = HeaderValue::from_static("public, max-age=86400");
/// Pages and answers: never kept by the browser or anything between.
const NO_STORE: HeaderValue = HeaderValue::from_static("no-store");

/// Leptos's options for a site root: hashed file names when the build wrote `hash.txt`.
pub fn leptos_options(site_root: &Path, addr: SocketAddr) -> LeptosOptions {
    let hash_file = hash_file(site_root);
    let hashed = hash_file.is_file();
    if !hashed {
        tracing::warn!(
            site_root = %site_root.display(),
            "no {HASH_FILE} in the site root: the bundle is served under fixed names and \
             revalidated on every visit (build it with `cargo xtask build`)"
        );
    }
    LeptosOptions::builder()
        .output_name("exemplar")
        .site_root(site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .hash_files(hashed)
        // Leptos joins this to the executable's folder; an absolute path replaces it.
        .hash_file(Arc::<str>::from(hash_file.to_string_lossy().as_ref()))
        .build()
}

/// The absolute path of `hash.txt`. Leptos joins the path to the executable's folder, so a
/// relative site root (the default `target/site`, from the working directory) would send it
/// looking beside the binary: the pages would name files that do not exist and never come
/// alive.
fn hash_file(site_root: &Path) -> PathBuf {
    let file = site_root.join(HASH_FILE);
    std::path::absolute(&file).unwrap_or(file)
}

/// `/pkg/…`: the bundle's files, precompressed copies preferred.
pub fn bundle<S: Clone + Send + Sync + 'static>(options: &LeptosOptions) -> Router<S> {
    let pkg = Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let files = ServeDir::new(pkg).precompressed_br().precompressed_gzip();
    let policy = if options.hash_files {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    Router::new()
        .nest_service("/pkg", files)
        .layer(axum::middleware::from_fn(move |req, next| {
            cache_for(policy.clone(), req, next)
        }))
}

/// Sets `Cache-Control` on a successful answer (an error is never kept).
async fn cache_for(policy: HeaderValue, req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let value = if resp.status().is_success() {
        policy
    } else {
        REVALIDATE
    };
    resp.headers_mut().insert(header::CACHE_CONTROL, value);
    resp
}

/// `Cache-Control` for everything that did not set its own: the favicon for a day; pages
/// and server-function answers never stored (they hold what only the signed-in user may
/// read: a shared computer's cache or a proxy must not keep them).
pub async fn default_cache_control(req: Request, next: Next) -> Response {
    let fixed_name_file = req.uri().path() == "/favicon.svg";
    let mut resp = next.run(req).await;
    if !resp.headers().contains_key(header::CACHE_CONTROL) {
        let value = if fixed_name_file && resp.status().is_success() {
            A_DAY
        } else {
            NO_STORE
        };
        resp.headers_mut().insert(header::CACHE_CONTROL, value);
    }
    resp
}

/// Brotli or gzip by `Accept-Encoding` for pages and answers. tower-http's default
/// predicate leaves out live events (`text/event-stream`), images and tiny bodies; a
/// response that is already encoded (the precompressed bundle) is passed through. At the
/// fastest level: a page is compressed on every request, and on the office's 10,000-card
/// board the default level cost a third more server time for a third fewer bytes (28 KB
/// instead of 19 KB; see BENCHMARKS.md, issue 21); the bundle, the bulk of a first visit,
/// is compressed once at build time at the highest level.
pub fn compression() -> CompressionLayer {
    CompressionLayer::new()
        .br(true)
        .gzip(true)
        .quality(tower_http::CompressionLevel::Fastest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_file_of_a_relative_site_root_is_found_from_the_working_directory() {
        let file = hash_file(Path::new("target/site"));
        assert!(file.is_absolute(), "{}", file.display());
        assert_eq!(
            file,
            std::env::current_dir()
                .unwrap()
                .join("target/site")
                .join(HASH_FILE)
        );
        let options = leptos_options(Path::new("target/site"), "127.0.0.1:0".parse().unwrap());
        assert!(Path::new(options.hash_file.as_ref()).is_absolute());
    }
}
