use crate::api::account::change_password;
use crate::i18n::{tr, use_lang};
use leptos::prelude::*;
use shared::domain::NewPassword;
use shared::i18n::{input_error, Msg};

/// Changing one's own password; afterwards every session ends and the user signs in again.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let lang = use_lang();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let problems = move || {
        let mut out = Vec::new();
        if let Err(e) = NewPassword::parse(&new.get()) {
            out.push(input_error(lang.get(), &e));
        }
        if new.get() != confirm.get() {
            out.push(shared::i18n::t(lang.get(), Msg::PasswordMismatch).to_string());
        }
        out
    };
    let save = Action::new(move |input: &(String, String)| {
        let (c, n) = input.clone();
        async move { change_password(c, n).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            // The session has ended on the server: go and sign in with the new password.
            #[cfg(feature = "hydrate")]
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_href("/login?signed_out=1");
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if problems().is_empty() {
            save.dispatch((current.get(), new.get()));
        }
    };
    view! {
        <section class="login-page" aria-labelledby="password-title">
            <h1 id="password-title">{tr(Msg::ChangePasswordTitle)}</h1>
            <p>{tr(Msg::ChangePasswordIntro)}</p>
            {move || match save.value().get() {
                Some(Err(e)) => Some(view! { <p class="error" role="alert">{e.describe(lang.get())}</p> }),
                _ => None,
            }}
            <form class="login-form" on:submit=submit novalidate>
                <label for="current-password">{tr(Msg::CurrentPassword)}</label>
                <input id="current-password" type="password" autocomplete="current-password" prop:value=current on:input=move |ev| current.set(event_target_value(&ev))/>
                <label for="new-password">{tr(Msg::AdminNewPassword)}</label>
                <input id="new-password" type="password" autocomplete="new-password" prop:value=new on:input=move |ev| new.set(event_target_value(&ev))/>
                <label for="confirm-password">{tr(Msg::ConfirmPassword)}</label>
                <input id="confirm-password" type="password" autocomplete="new-password" prop:value=confirm on:input=move |ev| confirm.set(event_target_value(&ev))/>
                <Show when=move || tried.get() && !problems().is_empty()>
                    <div class="error" role="alert">
                        <ul>{move || problems().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                </Show>
                <button type="submit" class="primary" disabled=move || save.pending().get()>{tr(Msg::ChangePasswordTitle)}</button>
            </form>
        </section>
    }
}
