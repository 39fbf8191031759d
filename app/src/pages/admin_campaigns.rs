//! `/admin/campaigns`: the campaigns (plan periods) and the form that creates one. A new
//! install starts here: without a campaign there is no year to follow exemplars in.

use crate::api::admin::{create_campaign, list_campaigns, update_campaign};
use crate::components::checked_form::CheckedForm;
use crate::components::loaded::{saved_notice, Loaded};
use crate::components::table::Table;
use crate::i18n::{tr, use_lang};
use crate::types::model::CampaignRow;
use leptos::prelude::*;
use leptos_router::components::A;
use shared::domain::{CampaignDraft, Field, InputError};
use shared::i18n::{input_error, t, Msg};

#[component]
pub fn AdminCampaignsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| list_campaigns());
    let (notice, on_saved) = saved_notice(data);
    view! {
        <section class="admin-page" aria-labelledby="campaigns-title">
            <h1 id="campaigns-title">{tr(Msg::AdminCampaignsTitle)}</h1>
            <p class="hint">{tr(Msg::AdminCampaignsIntro)}</p>
            {notice}
            <Loaded data let:rows>
                {
                    // A new campaign follows the latest one; the first has no default.
                    let next_year = rows.iter().map(|c| c.end_year + 1).max();
                    view! {
                        <CampaignList rows/>
                        <h2>{tr(Msg::CampaignCreate)}</h2>
                        <CreateCampaign next_year on_saved/>
                    }
                }
            </Loaded>
        </section>
    }
}

#[component]
fn CampaignList(rows: Vec<CampaignRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">{tr(Msg::AdminNoCampaign)}</p> }.into_any();
    }
    let body = rows
        .into_iter()
        .map(|c| {
            view! {
                <tr data-campaign-id=c.id>
                    <th scope="row">
                        <A href=format!("/admin/campaigns/{}", c.id)>{c.name}</A>
                    </th>
                    <td>{c.decision}</td>
                    <td>{format!("{}–{}", c.start_year, c.end_year)}</td>
                    <td>
                        <A href=format!("/admin/campaigns/{}/criteria", c.id)>{tr(Msg::CampaignCriteriaLink)}</A>
                    </td>
                    <td>
                        <A href=format!("/admin/campaigns/{}/movements", c.id)>{tr(Msg::MovementsLink)}</A>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Table class="campaigns" caption=Msg::AdminCampaignsTitle columns=vec![
            Msg::CampaignName.into(), Msg::CampaignDecision.into(), Msg::CampaignYears.into(),
            Msg::CampaignCriteriaLink.into(), Msg::MovementsLink.into(),
        ]>{body}</Table>
    }
    .into_any()
}

#[component]
fn CreateCampaign(next_year: Option<i32>, on_saved: Callback<String>) -> impl IntoView {
    view! { <CampaignForm existing=None next_year on_saved/> }
}

/// The campaign's name, decision and years: a new one (`existing` None, proposed from
/// `next_year`), or a correction of `existing` over the version it was read at.
#[component]
pub fn CampaignForm(
    existing: Option<CampaignRow>,
    next_year: Option<i32>,
    on_saved: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let editing = existing.as_ref().map(|c| (c.id, c.version));
    let start = existing.as_ref().map(|c| c.start_year).or(next_year);
    let end = existing
        .as_ref()
        .map(|c| c.end_year)
        .or(next_year.map(|y| y + 4));
    let name = RwSignal::new(
        existing
            .as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_default(),
    );
    let decision = RwSignal::new(
        existing
            .as_ref()
            .map(|c| c.decision.clone())
            .unwrap_or_default(),
    );
    let first = RwSignal::new(start.map(|y| y.to_string()).unwrap_or_default());
    let last = RwSignal::new(end.map(|y| y.to_string()).unwrap_or_default());
    let year = |text: String| text.trim().parse().unwrap_or(0);
    let draft = move || CampaignDraft {
        name: name.get(),
        decision: decision.get(),
        start_year: year(first.get()),
        end_year: year(last.get()),
    };
    // The shared rule, as the administrator types; the server checks it again, and that no
    // other campaign holds one of the years (nor, for a correction, that a year with work
    // recorded leaves it).
    let form = CheckedForm::new(move || draft().problems());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let sent = draft();
        let saved = sent.name.trim().to_string();
        match editing {
            None => {
                let done = move |_id: i64| {
                    name.set(String::new());
                    decision.set(String::new());
                    form.shown.set(false);
                    let text = format!("{} {saved}", t(lang.get_untracked(), Msg::CampaignCreated));
                    on_saved.run(text);
                };
                form.submit(ev, move || create_campaign(sent), done);
            }
            Some((id, version)) => {
                let done = move |_: ()| {
                    form.shown.set(false);
                    let text = format!("{} {saved}", t(lang.get_untracked(), Msg::CampaignUpdated));
                    on_saved.run(text);
                };
                form.submit(ev, move || update_campaign(id, version, sent), done);
            }
        }
    };
    let input = move |signal: RwSignal<String>| {
        move |ev| {
            signal.set(event_target_value(&ev));
            form.touched();
        }
    };
    let invalid = move |field: Field| form.invalid(move |p: &InputError| p.field() == field);
    // Ids unique on the page: the correction's form sits beside no other, but says so.
    let prefix = if editing.is_some() {
        "edit-campaign"
    } else {
        "campaign"
    };
    let id_of = move |what: &str| format!("{prefix}-{what}");
    let button = if editing.is_some() {
        Msg::CampaignSave
    } else {
        Msg::CampaignCreate
    };
    view! {
        <form class="admin-form" on:submit=submit novalidate>
            <label for=id_of("name")>{tr(Msg::CampaignName)}</label>
            <input id=id_of("name") prop:value=name on:input=input(name)
                aria-invalid=invalid(Field::CampaignName)/>
            <label for=id_of("decision")>{tr(Msg::CampaignDecision)}</label>
            <input id=id_of("decision") prop:value=decision on:input=input(decision)
                aria-invalid=invalid(Field::CampaignDecision)/>
            <label for=id_of("first")>{tr(Msg::CampaignFirstYear)}</label>
            <input id=id_of("first") type="number" inputmode="numeric" min="2000" max="2100"
                prop:value=first on:input=input(first) aria-invalid=invalid(Field::CampaignYears)/>
            <label for=id_of("last")>{tr(Msg::CampaignLastYear)}</label>
            <input id=id_of("last") type="number" inputmode="numeric" min="2000" max="2100"
                prop:value=last on:input=input(last) aria-invalid=invalid(Field::CampaignYears)/>
            {form.alert("error", |lang, problems| view! {
                <ul>{problems.iter().map(|p| view! { <li>{input_error(lang, p)}</li> }).collect_view()}</ul>
            })}
            {form.submit_button(button)}
        </form>
    }
}
