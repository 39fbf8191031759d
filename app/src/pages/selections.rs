//! `/selections`: the Department office's quarterly selections for the City and the annual
//! list for the sector's year-end conference (E-2). Leadership reads them.

use crate::api::year::{get_selection, save_selection};
use crate::components::checked_form::CheckedForm;
use crate::components::loaded::{saved_notice, Loaded};
use crate::i18n::{tr, use_lang};
use crate::types::calendar::SelectionView;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::domain::SelectionPeriod;
use shared::i18n::{format_timestamp, t, Msg};
use shared::rules::selection::check_selection;

use crate::types::calendar::selection_period_name as period_name;

#[component]
pub fn SelectionsPage() -> impl IntoView {
    let query = use_query_map();
    let key = Memo::new(move |_| {
        query.with(|q| {
            (
                q.get("year").and_then(|y| y.parse::<i32>().ok()),
                q.get("period").and_then(|p| SelectionPeriod::from_code(&p)),
            )
        })
    });
    let data = Resource::new(
        move || key.get(),
        |(year, period)| get_selection(year, period),
    );
    let (notice, on_saved) = saved_notice(data);
    view! {
        <section class="selections-page" aria-labelledby="selections-title">
            <h1 id="selections-title">{tr(Msg::SelectionsTitle)}</h1>
            <p class="hint">{tr(Msg::SelectionsIntro)}</p>
            {notice}
            <Loaded data let:view>
                <SelectionForm view on_saved/>
            </Loaded>
        </section>
    }
}

#[component]
fn SelectionForm(view: SelectionView, on_saved: Callback<String>) -> impl IntoView {
    let lang = use_lang();
    let (year, period, version) = (view.year, view.period, view.version);
    let tabs = view
        .periods
        .iter()
        .map(|(p, n)| {
            let p = *p;
            let n = *n;
            let current = p == period;
            view! {
                <li>
                    <a href=format!("/selections?year={year}&period={}", p.code())
                        aria-current=current.then_some("page")>
                        {move || period_name(lang.get(), p)} " (" {n} ")"
                    </a>
                </li>
            }
        })
        .collect_view();
    let years = view
        .years
        .iter()
        .map(|y| {
            let href = format!("/selections?year={y}&period={}", period.code());
            view! { <li><a href=href aria-current=(*y == year).then_some("page")>{*y}</a></li> }
        })
        .collect_view();
    let chosen = RwSignal::new(
        view.candidates
            .iter()
            .filter(|c| c.selected)
            .map(|c| c.id)
            .collect::<Vec<i64>>(),
    );
    let eligible: Vec<i64> = view.candidates.iter().map(|c| c.id).collect();
    let form = CheckedForm::new(move || {
        chosen
            .with(|c| check_selection(c, &eligible))
            .err()
            .unwrap_or_default()
    });
    let can_edit = view.can_edit;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        form.submit(
            ev,
            move || save_selection(year, period, version, chosen.get_untracked()),
            move |_| on_saved.run(t(lang.get_untracked(), Msg::SelectionSaved).into()),
        )
    };
    let saved = match (&view.updated_by, &view.updated_at) {
        (Some(by), Some(at)) => {
            let text = format!("{by}, {}", format_timestamp(at));
            view! { <p class="saved-by">{tr(Msg::LastSaved)} ": " {text}</p> }.into_any()
        }
        _ => view! { <p class="saved-by">{tr(Msg::NotSavedYet)}</p> }.into_any(),
    };
    let has_candidates = !view.candidates.is_empty();
    let rows = view
        .candidates
        .into_iter()
        .map(|c| {
            let id = c.id;
            let checkbox_id = format!("sel-{id}");
            let kind = c.kind;
            let stage = c.stage;
            let checked = move || chosen.with(|v| v.contains(&id));
            let control = if can_edit {
                view! {
                    <input type="checkbox" id=checkbox_id.clone() prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|v| {
                                v.retain(|x| *x != id);
                                if on {
                                    v.push(id);
                                }
                            });
                            form.touched();
                        }/>
                }
                .into_any()
            } else {
                view! { <span>{move || if checked() { "✓" } else { "" }}</span> }.into_any()
            };
            view! {
                <tr data-nomination-id=id class:chosen=checked>
                    <td>{control}</td>
                    <th scope="row">
                        <label for=checkbox_id>{c.name.clone()}</label>
                    </th>
                    <td>{move || t(lang.get(), Msg::Kind(kind))}</td>
                    <td>{c.unit_name.clone()}</td>
                    <td>{c.bloc_name.clone()}</td>
                    <td>{move || t(lang.get(), Msg::Stage(stage))}</td>
                </tr>
            }
        })
        .collect_view();
    let count = move || chosen.with(Vec::len);
    view! {
        <nav aria-label=tr(Msg::FilterYear)><ul class="tabs">{years}</ul></nav>
        <nav aria-label=tr(Msg::PeriodLabel)><ul class="tabs">{tabs}</ul></nav>
        <h2>{move || format!("{} · {year}", period_name(lang.get(), period))}</h2>
        {(period == SelectionPeriod::Annual).then(|| view! {
            <p class="conference-link">
                <a href=format!("/conferences?year={year}")>{tr(Msg::ConferenceAnnualLink)}</a>
            </p>
        })}
        {saved}
        {if has_candidates { view! {
            <form class="selection-form" on:submit=submit novalidate>
                <p class="selected-count">{count} " " {tr(Msg::SelectedCount)}</p>
                <table class="selection-table">
                    <thead><tr>
                        <th scope="col">{tr(Msg::ChooseLabel)}</th>
                        <th scope="col">{move || shared::i18n::field_name(lang.get(), shared::domain::Field::NomineeName)}</th>
                        <th scope="col">{tr(Msg::FilterKind)}</th>
                        <th scope="col">{tr(Msg::FilterUnit)}</th>
                        <th scope="col">{tr(Msg::FilterBloc)}</th>
                        <th scope="col">{tr(Msg::StageLabel)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {form.alert("form-errors", |lang, problems| {
                    problems
                        .iter()
                        .map(|v| view! { <p>{v.message(lang)}</p> })
                        .collect_view()
                })}
                <Show when=move || can_edit>
                    {form.submit_button(Msg::SaveSelection)}
                </Show>
            </form>
        }.into_any() } else {
            view! { <p class="empty">{tr(Msg::NoCandidates)}</p> }.into_any()
        }}
    }
}
