use crate::components::lang_toggle::LangToggle;
use crate::i18n::tr;
use leptos::prelude::*;
use leptos_router::components::A;
use shared::i18n::Msg;

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="brand">
                <span class="brand-name">{tr(Msg::AppName)}</span>
                <span class="brand-tagline">{tr(Msg::AppTagline)}</span>
            </div>
            <nav aria-label="primary">
                <A href="/board">{tr(Msg::NavBoard)}</A>
            </nav>
            <LangToggle/>
        </header>
    }
}
