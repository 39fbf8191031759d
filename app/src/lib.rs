//! Exemplar's user interface: pages, components and server functions.
//!
//! Compiled twice: with `ssr` into the server (rendering and server functions), and with
//! `hydrate` into the browser's WASM bundle.

pub mod api;
pub mod components;
pub mod error;
pub mod i18n;
pub mod moves;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ports;
#[cfg(feature = "ssr")]
pub mod services;
pub mod types;

use crate::pages::admin_campaigns::AdminCampaignsPage;
use crate::pages::admin_org::AdminOrgPage;
use crate::pages::change_password::ChangePasswordPage;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    ParamSegment, SsrMode, StaticSegment,
};

use crate::components::header::Header;
use crate::i18n::{provide_i18n, tr};
use crate::pages::{
    admin_accounts::AdminAccountsPage,
    audit::AuditPage,
    board::BoardPage,
    login::LoginPage,
    nomination::{form::NominationEditPage, NominationPage},
    not_found::NotFound,
};
use shared::i18n::Msg;

/// The HTML document around the app; rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = i18n::request_lang();
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" type="image/svg+xml" href="/favicon.svg"/>
                // `/pkg/exemplar.<hash>.css` when the build hashed the bundle (see
                // server/src/routes/assets.rs).
                <HashedStylesheet options=options.clone() id="leptos"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// A policy that lets only this page's own scripts (by nonce) and the WASM run.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    use http::header::{HeaderValue, CONTENT_SECURITY_POLICY};
    let Some(nonce) = leptos::nonce::use_nonce() else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    if let (Some(resp), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&policy),
    ) {
        resp.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_i18n();
    provide_context(crate::components::live::CalendarChanges(RwSignal::new(0)));

    // Set once the WASM has taken over the page: end-to-end tests wait for it, and it
    // proves the client is live.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));

    // The title is read by leptos_meta after the page has rendered, outside the request's
    // reactive arena and possibly on another thread (leptos_meta 0.8.7 `inject_meta_context`
    // yields first): a signal kept in the arena then belongs to no request, or to another
    // one, and the read panicked under concurrent requests. A reference-counted handle of the
    // same signal needs no arena, and still follows the language toggle in the browser.
    let title_lang: ArcRwSignal<shared::i18n::Lang> = crate::i18n::use_lang().into();
    let title = move || shared::i18n::t(title_lang.get(), Msg::AppName);

    view! {
        <Title text=title/>
        <div class="app" data-hydrated=move || if hydrated.get() { "true" } else { "false" }>
            <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a>
            <Router>
                <Header/>
                <main id="main" tabindex="-1">
                    <Routes fallback=NotFound>
                        <Route path=StaticSegment("board") view=BoardPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("login") view=LoginPage/>
                        <Route
                            path=(StaticSegment("nominations"), StaticSegment("new"))
                            view=NominationEditPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("nominations"), ParamSegment("id"))
                            view=NominationPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("nominations"), ParamSegment("id"), StaticSegment("edit"))
                            view=NominationEditPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("nominations"), ParamSegment("id"), StaticSegment("plan"))
                            view=crate::pages::nomination::year::PlanEditPage
                            ssr=SsrMode::Async
                        />
                        <Route path=StaticSegment("calendar") view=crate::pages::calendar::CalendarPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("reports") view=crate::pages::reports::ReportsPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("conferences") view=crate::pages::conferences::ConferencesPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("selections") view=crate::pages::selections::SelectionsPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("carry-over") view=crate::pages::carry_over::CarryOverPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("council") view=crate::pages::council::CouncilPage ssr=SsrMode::Async/>
                        <Route
                            path=(StaticSegment("council"), StaticSegment("minutes"))
                            view=crate::pages::council::MinutesPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("council"), ParamSegment("id"))
                            view=crate::pages::council::SheetPage
                            ssr=SsrMode::Async
                        />
                        <Route path=StaticSegment("summary") view=crate::pages::summary::SummaryPage ssr=SsrMode::Async/>
                        <Route
                            path=(StaticSegment("summary"), StaticSegment("blocs"), ParamSegment("id"), StaticSegment("review"))
                            view=crate::pages::review::ReviewPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("print"), ParamSegment("doc"))
                            view=crate::pages::review::PrintPage
                            ssr=SsrMode::Async
                        />
                        <Route path=StaticSegment("audit") view=AuditPage ssr=SsrMode::Async/>
                        <Route
                            path=(StaticSegment("account"), StaticSegment("password"))
                            view=ChangePasswordPage
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("organisation"))
                            view=AdminOrgPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("setup"))
                            view=crate::pages::admin_setup::AdminSetupPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("campaigns"))
                            view=AdminCampaignsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("campaigns"), ParamSegment("id"))
                            view=crate::pages::admin_campaign_years::AdminCampaignYearsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("campaigns"), ParamSegment("id"), StaticSegment("criteria"))
                            view=crate::pages::admin_criteria::AdminCriteriaPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("campaigns"), ParamSegment("id"), StaticSegment("movements"))
                            view=crate::pages::admin_movements::AdminMovementsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("accounts"))
                            view=AdminAccountsPage
                            ssr=SsrMode::Async
                        />
                    </Routes>
                </main>
            </Router>
        </div>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
