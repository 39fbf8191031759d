use crate::i18n::{set_lang, tr, use_lang};
use leptos::prelude::*;
use shared::i18n::Msg;

/// Switches between Vietnamese and English. Its label is written in the language it
/// switches to, so a reader of either language can find it.
#[component]
pub fn LangToggle() -> impl IntoView {
    let lang = use_lang();
    view! {
        <button
            type="button"
            class="lang-toggle"
            lang=move || lang.get().other().code()
            title=tr(Msg::SwitchLanguageHint)
            on:click=move |_| set_lang(lang.get_untracked().other())
        >
            {tr(Msg::SwitchLanguage)}
        </button>
    }
}
