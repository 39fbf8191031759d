//! The pages as lazy routes: in the browser each page's code is its own WASM module,
//! fetched when the page is first shown (and preloaded with the page the server renders),
//! so a phone opening the board downloads the board's code and what every page shares, not
//! the council's, the reports' or the administration's.
//!
//! `cargo xtask` splits the bundle at these points (see `xtask/src/site.rs`). On the server
//! the split functions are plain functions.
//!
//! Written out rather than with `#[lazy_route]`: in leptos_router 0.8 that macro panics
//! when a page's module cannot be fetched (a dropped connection on a phone, a server
//! upgraded under an open tab), which stops the whole app. Here a failed fetch shows a
//! notice with a button that loads the page again; a later visit fetches the module again.

use crate::i18n::tr;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use shared::i18n::Msg;

/// Whether the shown page is live: hydrated, its handlers attached (`data-hydrated` on
/// `.app`).
#[derive(Clone, Copy)]
pub struct Live(pub RwSignal<bool>);

/// Marks the page it is placed in as live once it has been hydrated (an effect runs after
/// its part of the page is).
#[component]
pub fn MarkLive() -> impl IntoView {
    if let Some(Live(live)) = use_context::<Live>() {
        Effect::new(move |_| live.set(true));
    }
}

/// What a page shows when its code could not be fetched.
fn not_loaded(error: SplitLoaderError) -> AnyView {
    leptos::logging::warn!("a page's code could not be fetched: {error:?}");
    view! {
        <div class="load-failed">
            <p class="error" role="alert">{tr(Msg::PageCodeNotLoaded)}</p>
            // The page again from the server, which names this page's modules to fetch.
            <button type="button" class="secondary" on:click=|_| {
                #[cfg(feature = "hydrate")]
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }>{tr(Msg::TryAgain)}</button>
            <MarkLive/>
        </div>
    }
    .into_any()
}

/// `lazy_page!(Route, module, group, Page)`: `Route` is the `LazyRoute` for the component
/// `Page`, whose code goes into the split module `split_<group>`.
///
/// Pages are split by group (the board; signing in; a nomination's pages; the council's;
/// the office's lists and reports; the administration's) rather than one module each: the
/// splitter puts code shared by a set of modules into a chunk of its own for each such set,
/// and with one module per page the board needed hundreds of small files.
// rustfmt indents the attribute below further on every run: kept as written.
#[rustfmt::skip]
macro_rules! lazy_page {
    ($route:ident, $module:ident, $group:ident, $page:path) => {
        pub struct $route;

        mod $module {
            use super::*;

            #[::leptos::wasm_split::wasm_split(
                $group,
                fallible,
                wasm_split_path = ::leptos::wasm_split,
                preload(#[doc(hidden)] preload)
            )]
            pub fn page(_route: super::$route) -> Result<AnyView, SplitLoaderError> {
                Ok(view! { <$page/> <MarkLive/> }.into_any())
            }
        }

        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(this: Self) -> AnyView {
                // The server names the group's modules in its page, to be preloaded.
                #[cfg(feature = "ssr")]
                leptos::prefetch_lazy_fn_on_server(stringify!($group));
                $module::page(this).await.unwrap_or_else(not_loaded)
            }

            async fn preload() {
                // A failure shows when the page is shown (above).
                let _ = $module::preload().await;
            }
        }
    };
}

lazy_page!(BoardRoute, board, board, crate::pages::board::BoardPage);
lazy_page!(LoginRoute, login, login, crate::pages::login::LoginPage);
lazy_page!(
    NominationEditRoute,
    nomination_edit,
    nomination,
    crate::pages::nomination::form::NominationEditPage
);
lazy_page!(
    NominationRoute,
    nomination,
    nomination,
    crate::pages::nomination::NominationPage
);
lazy_page!(
    PlanEditRoute,
    plan_edit,
    nomination,
    crate::pages::nomination::year::PlanEditPage
);
lazy_page!(
    CouncilRoute,
    council,
    council,
    crate::pages::council::CouncilPage
);
lazy_page!(
    MinutesRoute,
    minutes,
    council,
    crate::pages::council::MinutesPage
);
lazy_page!(SheetRoute, sheet, council, crate::pages::council::SheetPage);
lazy_page!(
    CalendarRoute,
    calendar,
    office,
    crate::pages::calendar::CalendarPage
);
lazy_page!(
    ReportsRoute,
    reports,
    office,
    crate::pages::reports::ReportsPage
);
lazy_page!(
    ConferencesRoute,
    conferences,
    office,
    crate::pages::conferences::ConferencesPage
);
lazy_page!(
    SelectionsRoute,
    selections,
    office,
    crate::pages::selections::SelectionsPage
);
lazy_page!(
    CarryOverRoute,
    carry_over,
    office,
    crate::pages::carry_over::CarryOverPage
);
lazy_page!(
    SummaryRoute,
    summary,
    office,
    crate::pages::summary::SummaryPage
);
lazy_page!(
    ReviewRoute,
    review,
    office,
    crate::pages::review::ReviewPage
);
lazy_page!(PrintRoute, print, office, crate::pages::review::PrintPage);
lazy_page!(AuditRoute, audit, admin, crate::pages::audit::AuditPage);
lazy_page!(
    ChangePasswordRoute,
    change_password,
    admin,
    crate::pages::change_password::ChangePasswordPage
);
lazy_page!(
    AdminOrgRoute,
    admin_org,
    admin,
    crate::pages::admin_org::AdminOrgPage
);
lazy_page!(
    AdminSetupRoute,
    admin_setup,
    admin,
    crate::pages::admin_setup::AdminSetupPage
);
lazy_page!(
    AdminCampaignsRoute,
    admin_campaigns,
    admin,
    crate::pages::admin_campaigns::AdminCampaignsPage
);
lazy_page!(
    AdminCampaignYearsRoute,
    admin_campaign_years,
    admin,
    crate::pages::admin_campaign_years::AdminCampaignYearsPage
);
lazy_page!(
    AdminCriteriaRoute,
    admin_criteria,
    admin,
    crate::pages::admin_criteria::AdminCriteriaPage
);
lazy_page!(
    AdminMovementsRoute,
    admin_movements,
    admin,
    crate::pages::admin_movements::AdminMovementsPage
);
lazy_page!(
    AdminAccountsRoute,
    admin_accounts,
    admin,
    crate::pages::admin_accounts::AdminAccountsPage
);
