//! The UI side of the message catalogue: the current language as a reactive signal.

use leptos::prelude::*;
use shared::i18n::{t, Lang, Msg};

/// The language the user reads in; provided once by `App`.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

pub const LANG_COOKIE: &str = "lang";

pub fn provide_i18n() {
    provide_context(I18n {
        lang: RwSignal::new(request_lang()),
    });
}

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<I18n>().lang
}

/// A reactive translation of `msg`.
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang_or_default();
    move || t(lang.get(), msg)
}

fn use_lang_or_default() -> RwSignal<Lang> {
    use_context::<I18n>()
        .map(|i| i.lang)
        .unwrap_or_else(|| RwSignal::new(Lang::default()))
}

/// The language of the page being rendered. On the server it comes from the `lang`
/// cookie; in the browser from `<html lang>`, which the server wrote from that cookie, so
/// both sides start in the same language and hydration matches.
pub fn request_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| {
                parts
                    .headers
                    .get_all(http::header::COOKIE)
                    .iter()
                    .filter_map(|v| v.to_str().ok())
                    .find_map(lang_from_cookie_header)
            })
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .map(|code| Lang::from_code(&code))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Lang::default()
    }
}

/// Finds `lang=…` in a `Cookie:` header value.
pub fn lang_from_cookie_header(header: &str) -> Option<Lang> {
    header.split(';').find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == LANG_COOKIE).then(|| Lang::from_code(value))
    })
}

/// Switches the language and remembers the choice for the next page load.
pub fn set_lang(lang: Lang) {
    use_lang().set(lang);
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
            if let Ok(html) = doc.dyn_into::<web_sys::HtmlDocument>() {
                let _ = html.set_cookie(&format!(
                    "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
                    lang.code()
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_lang_cookie() {
        assert_eq!(lang_from_cookie_header("a=1; lang=en; b=2"), Some(Lang::En));
        assert_eq!(lang_from_cookie_header("lang=vi"), Some(Lang::Vi));
        assert_eq!(lang_from_cookie_header("language=en"), None);
        assert_eq!(lang_from_cookie_header(""), None);
    }
}
