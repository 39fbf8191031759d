use crate::i18n::tr;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::i18n::Msg;

/// The sign-in form. It posts to the server's `/login` handler (a plain form, so it works
/// before the WASM has loaded); errors come back in the query string.
#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let next = move || query.with(|q| q.get("next").unwrap_or_default());
    let notice = move || {
        query.with(|q| match q.get("error").as_deref() {
            Some("credentials") => Some((true, Msg::LoginErrorCredentials)),
            Some("throttled") => Some((true, Msg::LoginErrorThrottled)),
            Some("disabled") => Some((true, Msg::LoginErrorDisabled)),
            Some("expired") => Some((true, Msg::LoginSessionExpired)),
            _ if q.get("signed_out").is_some() => Some((false, Msg::LoginSignedOut)),
            _ => None,
        })
    };
    view! {
        <section class="login-page" aria-labelledby="login-title">
            <h1 id="login-title">{tr(Msg::LoginTitle)}</h1>
            <p>{tr(Msg::LoginIntro)}</p>
            {move || notice().map(|(is_error, msg)| {
                let text = tr(msg);
                if is_error {
                    view! { <p class="error" role="alert">{text}</p> }.into_any()
                } else {
                    view! { <p class="notice" role="status">{text}</p> }.into_any()
                }
            })}
            <form method="post" action="/login" class="login-form">
                // An attribute, not a property: the server's page carries it, so signing in
                // goes where it should before the page's code has arrived.
                <input type="hidden" name="next" value=next/>
                <label for="username">{tr(Msg::Username)}</label>
                <input id="username" name="username" type="text" autocomplete="username" required autofocus/>
                <label for="password">{tr(Msg::Password)}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required/>
                <button type="submit" class="primary">{tr(Msg::SignIn)}</button>
            </form>
        </section>
    }
}
