//! `/admin/setup`: the administrator's guide through a new install, one step after the
//! other — the organisation, the campaign and its years, its criteria, the council, the
//! units' accounts — each with where it stands and the page that does it.

use crate::api::admin::get_setup;
use crate::components::loaded::Loaded;
use crate::i18n::{tr, use_lang};
use crate::types::model::SetupStatus;
use leptos::prelude::*;
use leptos_router::components::A;
use shared::i18n::{fill, t, Lang, Msg};
use std::sync::Arc;

#[component]
pub fn AdminSetupPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_setup());
    view! {
        <section class="admin-page" aria-labelledby="setup-title">
            <h1 id="setup-title">{tr(Msg::SetupTitle)}</h1>
            <p class="hint">{tr(Msg::SetupIntro)}</p>
            <Loaded data let:status>
                <Steps status/>
            </Loaded>
        </section>
    }
}

/// One step: whether it is done (None: nothing to finish, only to look at), what it is,
/// where it stands (in the language chosen), where it is done.
struct Step {
    done: Option<bool>,
    title: Msg,
    state: Arc<dyn Fn(Lang) -> String + Send + Sync>,
    href: String,
    link: Msg,
}

#[component]
fn Steps(status: SetupStatus) -> impl IntoView {
    let lang = use_lang();
    let campaign = status.campaign.clone();
    let (blocs, units, council, accounts) = (
        status.blocs,
        status.units,
        status.council,
        status.unit_accounts,
    );
    let version = status.criteria_version;
    let campaign_href = |tail: &str| match &campaign {
        Some(c) => format!("/admin/campaigns/{}{tail}", c.id),
        None => "/admin/campaigns".to_string(),
    };
    let steps = vec![
        Step {
            done: Some(blocs > 0 && units > 0),
            title: Msg::SetupOrg,
            state: Arc::new(move |l| {
                fill(
                    l,
                    Msg::SetupOrgState,
                    &[("blocs", &blocs), ("units", &units)],
                )
            }),
            href: "/admin/organisation".into(),
            link: Msg::NavOrg,
        },
        Step {
            done: Some(campaign.is_some()),
            title: Msg::SetupCampaign,
            state: {
                let named = campaign
                    .as_ref()
                    .map(|c| format!("{} ({}–{})", c.name, c.start_year, c.end_year));
                Arc::new(move |l| {
                    named
                        .clone()
                        .unwrap_or_else(|| t(l, Msg::SetupNothingYet).to_string())
                })
            },
            href: campaign_href(""),
            link: if campaign.is_some() {
                Msg::CampaignYearsLink
            } else {
                Msg::CampaignCreate
            },
        },
        // The plan's criteria may well be the Department's: nothing to finish, only to read.
        Step {
            done: None,
            title: Msg::SetupCriteria,
            state: {
                let exists = campaign.is_some();
                Arc::new(move |l| match exists {
                    false => t(l, Msg::SetupAfterCampaign).to_string(),
                    true => fill(l, Msg::SetupCriteriaState, &[("version", &version)]),
                })
            },
            href: campaign_href("/criteria"),
            link: Msg::CampaignCriteriaLink,
        },
        Step {
            done: Some(council > 0),
            title: Msg::SetupCouncil,
            state: Arc::new(move |l| fill(l, Msg::SetupCouncilState, &[("members", &council)])),
            href: "/admin/organisation#council".into(),
            link: Msg::AdminCouncil,
        },
        Step {
            done: Some(accounts > 0),
            title: Msg::SetupAccounts,
            state: Arc::new(move |l| fill(l, Msg::SetupAccountsState, &[("accounts", &accounts)])),
            href: "/admin/accounts".into(),
            link: Msg::NavAdmin,
        },
    ];
    let all_done = steps.iter().all(|s| s.done != Some(false));
    let items = steps
        .into_iter()
        .map(|s| {
            let done = s.done;
            let mark = move || {
                t(
                    lang.get(),
                    match done {
                        Some(true) => Msg::SetupDone,
                        Some(false) => Msg::SetupToDo,
                        None => Msg::SetupToRead,
                    },
                )
            };
            let state = s.state.clone();
            let symbol = match done {
                Some(true) => "✓",
                Some(false) => "○",
                None => "i",
            };
            let done_attr = match done {
                Some(d) => d.to_string(),
                None => "info".to_string(),
            };
            view! {
                <li class="setup-step" class:done=done == Some(true) data-done=done_attr>
                    <span class="setup-mark" aria-hidden="true">{symbol}</span>
                    <div>
                        <h2>{tr(s.title)}</h2>
                        <p><strong>{mark}</strong>" · "{move || state(lang.get())}</p>
                        <A href=s.href>{tr(s.link)}</A>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="setup-steps">{items}</ol>
        {all_done.then(|| view! {
            <p class="notice">{tr(Msg::SetupAllDone)}" "<A href="/board">{tr(Msg::NavBoard)}</A></p>
        })}
    }
}
