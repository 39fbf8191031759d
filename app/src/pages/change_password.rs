use crate::api::account::change_password;
use crate::components::checked_form::CheckedForm;
use crate::i18n::tr;
use leptos::prelude::*;
use shared::domain::NewPassword;
use shared::i18n::{input_error, t, Msg};

/// Changing one's own password; afterwards every session ends and the user signs in again.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    // What the server checks of the new password, as the user types; the mismatch is the
    // form's own.
    let form = CheckedForm::new(move || {
        let mut out = Vec::new();
        if let Err(e) = NewPassword::parse(&new.get()) {
            out.push(Some(e));
        }
        if new.get() != confirm.get() {
            out.push(None);
        }
        out
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let (c, n) = (current.get(), new.get());
        form.submit(
            ev,
            move || change_password(c, n),
            |()| {
                // The session has ended on the server: go and sign in with the new password.
                #[cfg(feature = "hydrate")]
                if let Some(w) = web_sys::window() {
                    let _ = w.location().set_href("/login?signed_out=1");
                }
            },
        );
    };
    let input = move |signal: RwSignal<String>| {
        move |ev| {
            signal.set(event_target_value(&ev));
            form.touched();
        }
    };
    view! {
        <section class="login-page" aria-labelledby="password-title">
            <h1 id="password-title">{tr(Msg::ChangePasswordTitle)}</h1>
            <p>{tr(Msg::ChangePasswordIntro)}</p>
            <form class="login-form" on:submit=submit novalidate>
                <label for="current-password">{tr(Msg::CurrentPassword)}</label>
                <input id="current-password" type="password" autocomplete="current-password" prop:value=current on:input=input(current)/>
                <label for="new-password">{tr(Msg::AdminNewPassword)}</label>
                <input id="new-password" type="password" autocomplete="new-password" prop:value=new on:input=input(new)/>
                <label for="confirm-password">{tr(Msg::ConfirmPassword)}</label>
                <input id="confirm-password" type="password" autocomplete="new-password" prop:value=confirm on:input=input(confirm)/>
                {form.alert("error", |lang, problems| view! {
                    <ul>{problems.into_iter().map(|p| {
                        let text = match p {
                            Some(e) => input_error(lang, &e),
                            None => t(lang, Msg::PasswordMismatch).to_string(),
                        };
                        view! { <li>{text}</li> }
                    }).collect_view()}</ul>
                })}
                {form.submit_button(Msg::ChangePasswordTitle)}
            </form>
        </section>
    }
}
