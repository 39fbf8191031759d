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
pub mod routes;
#[cfg(feature = "ssr")]
pub mod services;
pub mod types;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    Lazy, ParamSegment, SsrMode, StaticSegment,
};

use crate::components::header::Header;
use crate::i18n::{provide_i18n, tr};
use crate::pages::not_found::NotFound;
use crate::routes::*;
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
    // proves the client is live. Set by the shown page itself (`routes::MarkLive`), not here:
    // the frame is hydrated before a page whose code is still on its way (lazy routes).
    let hydrated = RwSignal::new(false);
    provide_context(crate::routes::Live(hydrated));

    // The title is read by leptos_meta after the page has rendered, outside the request's
    // reactive arena and possibly on another thread (leptos_meta 0.8.7 `inject_meta_context`
    // yields first): a signal kept in the arena then belongs to no request, or to another
    // one, and the read panicked under concurrent requests. A reference-counted handle of the
    // same signal needs no arena, and still follows the language toggle in the browser.
    let title_lang: ArcRwSignal<shared::i18n::Lang> = crate::i18n::use_lang().into();
    let title = move || shared::i18n::t(title_lang.get(), Msg::AppName);

    // True while the router moves to another page: its code may still be on its way (a
    // page group's module, fetched on first visit), so the page shows that it is loading.
    let routing = RwSignal::new(false);

    view! {
        <Title text=title/>
        <div class="app" data-hydrated=move || if hydrated.get() { "true" } else { "false" }>
            <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a>
            <Router set_is_routing=routing>
                <div class="routing-bar" aria-hidden="true" class:active=move || routing.get()></div>
                <Header/>
                <main id="main" tabindex="-1" aria-busy=move || if routing.get() { "true" } else { "false" }>
                    <Routes fallback=|| view! { <NotFound/> <MarkLive/> }>
                        <Route path=StaticSegment("board") view={Lazy::<BoardRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("login") view={Lazy::<LoginRoute>::new()}/>
                        <Route
                            path=(StaticSegment("nominations"), StaticSegment("new"))
                            view={Lazy::<NominationEditRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("nominations"), ParamSegment("id"))
                            view={Lazy::<NominationRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("nominations"), ParamSegment("id"), StaticSegment("edit"))
                            view={Lazy::<NominationEditRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("nominations"), ParamSegment("id"), StaticSegment("plan"))
                            view={Lazy::<PlanEditRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route path=StaticSegment("calendar") view={Lazy::<CalendarRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("reports") view={Lazy::<ReportsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("conferences") view={Lazy::<ConferencesRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("selections") view={Lazy::<SelectionsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("carry-over") view={Lazy::<CarryOverRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=StaticSegment("council") view={Lazy::<CouncilRoute>::new()} ssr=SsrMode::Async/>
                        <Route
                            path=(StaticSegment("council"), StaticSegment("minutes"))
                            view={Lazy::<MinutesRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("council"), ParamSegment("id"))
                            view={Lazy::<SheetRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route path=StaticSegment("summary") view={Lazy::<SummaryRoute>::new()} ssr=SsrMode::Async/>
                        <Route
                            path=(StaticSegment("summary"), StaticSegment("blocs"), ParamSegment("id"), StaticSegment("review"))
                            view={Lazy::<ReviewRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("print"), ParamSegment("doc"))
                            view={Lazy::<PrintRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route path=StaticSegment("audit") view={Lazy::<AuditRoute>::new()} ssr=SsrMode::Async/>
                        <Route
                            path=(StaticSegment("account"), StaticSegment("password"))
                            view={Lazy::<ChangePasswordRoute>::new()}
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("organisation"))
                            view={Lazy::<AdminOrgRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("setup"))
                            view={Lazy::<AdminSetupRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("campaigns"))
                            view={Lazy::<AdminCampaignsRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("campaigns"), ParamSegment("id"))
                            view={Lazy::<AdminCampaignYearsRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("campaigns"), ParamSegment("id"), StaticSegment("criteria"))
                            view={Lazy::<AdminCriteriaRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("campaigns"), ParamSegment("id"), StaticSegment("movements"))
                            view={Lazy::<AdminMovementsRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("accounts"))
                            view={Lazy::<AdminAccountsRoute>::new()}
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
    // The pages' code is fetched by route (see `routes`): hydration waits for the
    // shown page's module.
    leptos::mount::hydrate_lazy(App);
}
