pub mod assets;
pub mod documents;
pub mod errors;
pub mod exports;
pub mod health;

/// The language a request's `lang` cookie names (Vietnamese by default), for the handlers
/// outside Leptos (downloads, uploads).
pub fn lang_of(headers: &axum::http::HeaderMap) -> shared::i18n::Lang {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(app::i18n::lang_from_cookie_header)
        .unwrap_or_default()
}
