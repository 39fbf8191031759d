//! `/conferences`: where exemplars were introduced and honoured (E-1, E-2) — the sector's
//! year-end conference (recorded by the office, from the Department's annual list) and each
//! unit's annual conference of civil servants (recorded by the unit).

use crate::api::conferences::{get_conferences, save_conference};
use crate::components::loaded::{saved_notice, Loaded};
use crate::components::year_filter::YearFilter;
use crate::i18n::{tr, use_lang};
use crate::types::conference::{ConferenceForm, ConferenceRecord, ConferencesView};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::domain::Field;
use shared::i18n::{field_name, fill, format_date, t, Msg};
use shared::rules::conference::{
    check_conference, ConferenceDraft, ConferenceScope, HonourDraft, MAX_CONFERENCE_TITLE_CHARS,
    MAX_HONOUR_CHARS,
};
use std::collections::BTreeMap;

#[component]
pub fn ConferencesPage() -> impl IntoView {
    let query = use_query_map();
    let year =
        Memo::new(move |_| query.with(|q| q.get("year").and_then(|y| y.parse::<i32>().ok())));
    let data = Resource::new(move || year.get(), get_conferences);
    let (notice, on_saved) = saved_notice(data);
    view! {
        <section class="conferences-page" aria-labelledby="conferences-title">
            <h1 id="conferences-title">{tr(Msg::ConferencesTitle)}</h1>
            <p class="hint">{tr(Msg::ConferencesIntro)}</p>
            {notice}
            <Loaded data let:view>
                <Conferences view on_saved/>
            </Loaded>
        </section>
    }
}

#[component]
fn Conferences(view: ConferencesView, on_saved: Callback<String>) -> impl IntoView {
    let year = view.year;
    let today = view.today;
    let sector = match view.sector.clone() {
        Some(c) => view! { <Recorded conference=c/> }.into_any(),
        None => view! { <p class="hint">{tr(Msg::ConferenceSectorNone)}</p> }.into_any(),
    };
    let units = if view.units.is_empty() {
        view! { <p class="hint">{tr(Msg::ConferenceUnitsNone)}</p> }.into_any()
    } else {
        view.units
            .iter()
            .map(|c| view! { <Recorded conference=c.clone()/> })
            .collect_view()
            .into_any()
    };
    let forms = view
        .forms
        .iter()
        .map(|f| view! { <RecordForm form=f.clone() year today on_saved/> })
        .collect_view();
    view! {
        <YearFilter path="/conferences" year years=view.years.clone()/>
        {forms}
        <section class="sector-conference" aria-labelledby="sector-title">
            <h2 id="sector-title">{tr(Msg::ConferenceSectorHeading)}</h2>
            {sector}
        </section>
        <section class="unit-conferences" aria-labelledby="units-title">
            <h2 id="units-title">{tr(Msg::ConferenceUnitsHeading)}</h2>
            {units}
        </section>
    }
}

/// A recorded conference: when, what, and who was honoured with what.
#[component]
fn Recorded(conference: ConferenceRecord) -> impl IntoView {
    let lang = use_lang();
    let rows = conference
        .honours
        .iter()
        .map(|h| {
            view! {
                <tr data-nomination=h.nomination_id>
                    <th scope="row"><a href=format!("/nominations/{}", h.nomination_id)>{h.name.clone()}</a></th>
                    <td>{h.unit_name.clone()}</td>
                    <td>{h.honour.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let scope = match conference.scope {
        ConferenceScope::Sector => "sector".to_string(),
        ConferenceScope::Unit { unit_id } => format!("unit-{unit_id}"),
    };
    view! {
        <article class="conference" data-conference=scope>
            <h3>
                {conference.unit_name.clone().map(|u| format!("{u} · "))}
                {conference.title.clone()}
            </h3>
            <p class="conference-meta">
                {move || fill(lang.get(), Msg::ConferenceHeldOn, &[("date", &format_date(conference.held_on))])}
                " · " {conference.updated_by.clone()}
            </p>
            <div class="table-scroll">
                <table class="honours-table">
                    <thead><tr>
                        <th scope="col">{move || field_name(lang.get(), Field::NomineeName)}</th>
                        <th scope="col">{tr(Msg::FilterUnit)}</th>
                        <th scope="col">{move || field_name(lang.get(), Field::Honour)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </article>
    }
}

/// The form for the conference the user records: the date, the name, and for each exemplar
/// it may honour a box to tick and what it was honoured with.
#[component]
fn RecordForm(
    form: ConferenceForm,
    year: i32,
    today: chrono::NaiveDate,
    on_saved: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let scope = form.scope;
    let prefix = match scope {
        ConferenceScope::Sector => "sector".to_string(),
        ConferenceScope::Unit { unit_id } => format!("unit-{unit_id}"),
    };
    let version = form.stored.as_ref().map_or(0, |c| c.version);
    let held_on = RwSignal::new(form.stored.as_ref().map(|c| c.held_on));
    let date_text = RwSignal::new(
        form.stored
            .as_ref()
            .map(|c| format_date(c.held_on))
            .unwrap_or_default(),
    );
    let title = RwSignal::new(
        form.stored
            .as_ref()
            .map(|c| c.title.clone())
            .unwrap_or_else(|| match scope {
                ConferenceScope::Sector => fill(
                    lang.get_untracked(),
                    Msg::ConferenceSectorDefault,
                    &[("year", &year)],
                ),
                ConferenceScope::Unit { .. } => fill(
                    lang.get_untracked(),
                    Msg::ConferenceUnitDefault,
                    &[("year", &year)],
                ),
            }),
    );
    // Who is ticked, with what: the stored record, or (the sector's, new) the annual list.
    let honours = RwSignal::new(match &form.stored {
        Some(c) => c
            .honours
            .iter()
            .map(|h| (h.nomination_id, h.honour.clone()))
            .collect::<BTreeMap<i64, String>>(),
        None => form
            .candidates
            .iter()
            .filter(|c| c.annual)
            .map(|c| (c.id, String::new()))
            .collect(),
    });
    let order: Vec<i64> = form.candidates.iter().map(|c| c.id).collect();
    let eligible = order.clone();
    let draft = move || ConferenceDraft {
        held_on: held_on.get(),
        title: title.get(),
        honours: honours.with(|h| {
            order
                .iter()
                .filter_map(|id| {
                    h.get(id).map(|what| HonourDraft {
                        nomination_id: *id,
                        honour: what.clone(),
                    })
                })
                .collect()
        }),
    };
    let date_error = RwSignal::new(false);
    let problems = {
        let eligible = eligible.clone();
        let draft = draft.clone();
        move || {
            let lang = lang.get();
            let mut out: Vec<String> = check_conference(&draft(), year, today, &eligible)
                .err()
                .unwrap_or_default()
                .iter()
                .map(|v| v.message(lang))
                .collect();
            if date_error.get() {
                out.insert(
                    0,
                    shared::i18n::input_error(
                        lang,
                        &shared::domain::InputError::Invalid {
                            field: Field::ConferenceDate,
                        },
                    ),
                );
            }
            out
        }
    };
    let tried = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let save = {
        let problems = problems.clone();
        move |_| {
            tried.set(true);
            if !problems().is_empty() {
                return;
            }
            let d = draft();
            let lang = lang.get_untracked();
            error.set(None);
            pending.set(true);
            leptos::task::spawn_local(async move {
                let result = save_conference(scope, year, version, d).await;
                pending.set(false);
                match result {
                    Ok(_) => on_saved.run(t(lang, Msg::ConferenceSaved).into()),
                    Err(e) => error.set(Some(e.describe(lang))),
                }
            });
        }
    };
    let heading = match scope {
        ConferenceScope::Sector => view! { {tr(Msg::ConferenceSectorForm)} }.into_any(),
        ConferenceScope::Unit { .. } => {
            let unit = form.unit_name.clone().unwrap_or_default();
            view! { {tr(Msg::ConferenceUnitForm)} " — " {unit} }.into_any()
        }
    };
    let rows = form
        .candidates
        .iter()
        .map(|c| {
            let id = c.id;
            let check_id = format!("{prefix}-pick-{id}");
            let honour_id = format!("{prefix}-honour-{id}");
            let name = c.name.clone();
            let label_name = c.name.clone();
            view! {
                <tr data-candidate=id>
                    <td>
                        <input type="checkbox" id=check_id.clone()
                            prop:checked=move || honours.with(|h| h.contains_key(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                honours.update(|h| { if on { h.entry(id).or_default(); } else { h.remove(&id); } });
                            }/>
                    </td>
                    <th scope="row"><label for=check_id>{name}</label></th>
                    <td>{c.unit_name.clone()}{c.annual.then(|| view! { <span class="badge">{tr(Msg::ConferenceOnAnnualList)}</span> })}</td>
                    <td>
                        <input type="text" id=honour_id maxlength=MAX_HONOUR_CHARS
                            aria-label=move || format!("{} — {}", field_name(lang.get(), Field::Honour), label_name)
                            disabled=move || honours.with(|h| !h.contains_key(&id))
                            prop:value=move || honours.with(|h| h.get(&id).cloned().unwrap_or_default())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                honours.update(|h| { h.insert(id, v); });
                            }/>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let none = form.candidates.is_empty();
    let date_id = format!("{prefix}-date");
    let title_id = format!("{prefix}-title");
    view! {
        <section class="conference-form" data-form=prefix.clone() aria-labelledby=format!("{prefix}-form-title")>
            <h2 id=format!("{prefix}-form-title")>{heading}</h2>
            <form on:submit=|ev| ev.prevent_default()>
                <div class="conference-fields">
                    <label for=date_id.clone()>{move || field_name(lang.get(), Field::ConferenceDate)}</label>
                    <input type="text" id=date_id inputmode="numeric" placeholder="dd/mm/yyyy"
                        prop:value=move || date_text.get()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            let parsed = shared::text::parse_date(&v);
                            date_error.set(parsed.is_err());
                            held_on.set(parsed.ok().flatten());
                            date_text.set(v);
                        }/>
                    <label for=title_id.clone()>{move || field_name(lang.get(), Field::ConferenceTitle)}</label>
                    <input type="text" id=title_id maxlength=MAX_CONFERENCE_TITLE_CHARS
                        prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))/>
                </div>
                <p class="hint">{tr(Msg::ConferencePickHint)}</p>
                {if none {
                    view! { <p class="hint">{tr(Msg::ConferenceNoCandidates)}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll">
                            <table class="honours-table candidates">
                                <thead><tr>
                                    <th scope="col"><span class="visually-hidden">{tr(Msg::ConferencePick)}</span></th>
                                    <th scope="col">{move || field_name(lang.get(), Field::NomineeName)}</th>
                                    <th scope="col">{tr(Msg::FilterUnit)}</th>
                                    <th scope="col">{move || field_name(lang.get(), Field::Honour)}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }.into_any()
                }}
                <Show when={let problems = problems.clone(); move || tried.get() && !problems().is_empty()}>
                    <div class="error" role="alert">
                        <ul>{let problems = problems.clone(); move || problems().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                </Show>
                <Show when=move || error.with(Option::is_some)>
                    <p class="error" role="alert">{move || error.get()}</p>
                </Show>
                <p class="actions">
                    <button type="button" class="primary" disabled=move || pending.get() on:click=save>
                        {tr(Msg::ConferenceSave)}
                    </button>
                </p>
            </form>
        </section>
    }
}
