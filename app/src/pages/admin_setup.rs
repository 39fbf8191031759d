//! `/admin/setup`: the administrator's guide through a new install, one step after the
//! other — the organisation, the campaign and its years, its criteria, the council, the
//! units' accounts — each with where it stands and the page that does it.

use crate::api::admin::get_setup;
use crate::components::loaded::Loaded;
use crate::i18n::{tr, use_lang};
use crate::types::model::SetupStatus;
use leptos::prelude::*;
use leptos_router::components::A;
use shared::i18n::{fill, t, Msg};

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

/// One step: whether it is done, what it is, where it stands, where it is done.
struct Step {
    done: bool,
    title: Msg,
    state: String,
    href: String,
    link: Msg,
}

#[component]
fn Steps(status: SetupStatus) -> impl IntoView {
    let lang = use_lang();
    let l = lang.get_untracked();
    let campaign = status.campaign.clone();
    let campaign_href = |tail: &str| match &campaign {
        Some(c) => format!("/admin/campaigns/{}{tail}", c.id),
        None => "/admin/campaigns".to_string(),
    };
    let steps = vec![
        Step {
            done: status.blocs > 0 && status.units > 0,
            title: Msg::SetupOrg,
            state: fill(
                l,
                Msg::SetupOrgState,
                &[("blocs", &status.blocs), ("units", &status.units)],
            ),
            href: "/admin/organisation".into(),
            link: Msg::NavOrg,
        },
        Step {
            done: campaign.is_some(),
            title: Msg::SetupCampaign,
            state: match &campaign {
                Some(c) => format!("{} ({}–{})", c.name, c.start_year, c.end_year),
                None => t(l, Msg::SetupNothingYet).to_string(),
            },
            href: campaign_href(""),
            link: if campaign.is_some() {
                Msg::CampaignYearsLink
            } else {
                Msg::CampaignCreate
            },
        },
        Step {
            done: campaign.is_some(),
            title: Msg::SetupCriteria,
            state: match (&campaign, status.criteria_version) {
                (None, _) => t(l, Msg::SetupAfterCampaign).to_string(),
                (Some(_), v) => fill(l, Msg::SetupCriteriaState, &[("version", &v)]),
            },
            href: campaign_href("/criteria"),
            link: Msg::CampaignCriteriaLink,
        },
        Step {
            done: status.council > 0,
            title: Msg::SetupCouncil,
            state: fill(l, Msg::SetupCouncilState, &[("members", &status.council)]),
            href: "/admin/organisation#council".into(),
            link: Msg::AdminCouncil,
        },
        Step {
            done: status.unit_accounts > 0,
            title: Msg::SetupAccounts,
            state: fill(
                l,
                Msg::SetupAccountsState,
                &[("accounts", &status.unit_accounts)],
            ),
            href: "/admin/accounts".into(),
            link: Msg::NavAdmin,
        },
    ];
    let all_done = steps.iter().all(|s| s.done);
    let items = steps
        .into_iter()
        .map(|s| {
            let done = s.done;
            let mark = move || {
                t(
                    lang.get(),
                    if done {
                        Msg::SetupDone
                    } else {
                        Msg::SetupToDo
                    },
                )
            };
            view! {
                <li class="setup-step" class:done=done data-done=done.to_string()>
                    <span class="setup-mark" aria-hidden="true">{if done { "✓" } else { "○" }}</span>
                    <div>
                        <h2>{tr(s.title)}</h2>
                        <p><strong>{mark}</strong>" · "{s.state}</p>
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
