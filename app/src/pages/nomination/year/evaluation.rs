//! The periodic evaluations (E-1) on the card: those recorded, and the form to record
//! the next one.

use super::{capitalised, minor_heading, section_heading, typed_date_problems};
use crate::api::nominations::record_evaluation;
use crate::i18n::{tr, use_lang};
use crate::types::model::NominationView;
use leptos::prelude::*;
use shared::domain::{EvaluationDraft, EvaluationPeriod, Field, Rating};
use shared::i18n::{field_name, format_date, period_name, rating_name, t, Msg};
use shared::rules::evaluation::check_evaluation;
use shared::rules::ViolationKind;
use shared::text::parse_date;

/// E-1 on the card: the evaluations recorded and, for those who may, the form to record
/// the next one.
#[component]
pub fn EvaluationsSection(
    view: NominationView,
    heading: u8,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let recorded = view.record.evaluations.clone();
    let has_rows = !recorded.is_empty();
    let rows = move || {
        let lang = lang.get();
        recorded
            .iter()
            .map(|r| {
                let e = &r.evaluation;
                view! {
                    <tr data-period=e.period.code()>
                        <th scope="row">{capitalised(period_name(lang, e.period))}</th>
                        <td>{rating_name(lang, e.rating)}</td>
                        <td>{format_date(e.date)}</td>
                        <td>{e.evaluator.clone()}</td>
                        <td>{e.achievements.clone()}</td>
                        <td>{e.commendation.clone().unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let form = view
        .can_evaluate
        .then(|| view! { <EvaluationForm view=view.clone() heading on_change/> });
    view! {
        <section aria-labelledby="evaluations-title" class="evaluations">
            {section_heading(heading, "evaluations-title", Msg::EvaluationsTitle)}
            <Show when=move || has_rows fallback=|| view! { <p class="empty">{tr(Msg::NoEvaluations)}</p> }>
                <table class="evaluations-table">
                    <thead><tr>
                        <th scope="col">{tr(Msg::PeriodLabel)}</th>
                        <th scope="col">{tr(Msg::RatingLabel)}</th>
                        <th scope="col">{move || field_name(lang.get(), Field::EvaluationDate)}</th>
                        <th scope="col">{move || field_name(lang.get(), Field::Evaluator)}</th>
                        <th scope="col">{move || field_name(lang.get(), Field::Achievements)}</th>
                        <th scope="col">{move || field_name(lang.get(), Field::Commendation)}</th>
                    </tr></thead>
                    <tbody>{rows.clone()}</tbody>
                </table>
            </Show>
            {form}
        </section>
    }
}

#[component]
fn EvaluationForm(view: NominationView, heading: u8, on_change: Callback<String>) -> impl IntoView {
    let lang = use_lang();
    let id = view.record.card.id;
    let stage = view.record.card.stage;
    let calendar = view.record.calendar.clone();
    let today = view.today;
    let existing: Vec<_> = view
        .record
        .evaluations
        .iter()
        .map(|r| r.evaluation.clone())
        .collect();
    let missing: Vec<EvaluationPeriod> = EvaluationPeriod::ALL
        .into_iter()
        .filter(|p| !existing.iter().any(|e| e.period == *p))
        .collect();
    if missing.is_empty() {
        return view! { <p class="empty">{tr(Msg::AllRecorded)}</p> }.into_any();
    }
    // The first period still missing: periods open in order, and a late one is still owed.
    let first = missing[0];
    let draft = RwSignal::new(EvaluationDraft {
        period: first,
        rating: Rating::Good,
        achievements: String::new(),
        evaluator: String::new(),
        date: Some(today),
        commendation: String::new(),
    });
    // The date as typed (dd/mm/yyyy, whatever the browser's locale); a text that is not a
    // date is an error of its own.
    let date_typed = RwSignal::new(format_date(today));
    let shown = RwSignal::new(false);
    let saving = RwSignal::new(false);
    let server_error = RwSignal::new(None::<String>);
    let problems = Memo::new(move |_| {
        let problems = draft
            .with(|d| check_evaluation(d, stage, &existing, &calendar, today))
            .err()
            .unwrap_or_default();
        date_typed.with(|t| typed_date_problems(problems, t, Field::EvaluationDate))
    });
    let field_invalid = move |field: Field| {
        move || {
            (shown.get()
                && problems.with(|p| {
                    p.iter()
                        .any(|v| matches!(&v.kind, ViolationKind::Input(e) if e.field() == field))
                }))
            .to_string()
        }
    };
    let summary = move || {
        let lang = lang.get();
        (shown.get() && !problems.with(Vec::is_empty)).then(|| {
            let items = problems
                .get()
                .iter()
                .map(|v| view! { <li>{v.message(lang)}</li> })
                .collect_view();
            view! { <ul>{items}</ul> }
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        shown.set(true);
        server_error.set(None);
        if !problems.with_untracked(Vec::is_empty) || saving.get_untracked() {
            return;
        }
        saving.set(true);
        let d = draft.get_untracked();
        leptos::task::spawn_local(async move {
            match record_evaluation(id, d).await {
                Ok(_) => on_change.run(t(lang.get_untracked(), Msg::EvaluationRecorded).into()),
                Err(e) => server_error.set(Some(e.describe(lang.get_untracked()))),
            }
            saving.set(false);
        });
    };
    let period_options = move || {
        let lang = lang.get();
        missing
            .iter()
            .map(|p| {
                let p = *p;
                view! {
                    <option value=p.code() selected=move || draft.with(|d| d.period == p)>
                        {capitalised(period_name(lang, p))}
                    </option>
                }
            })
            .collect_view()
    };
    let rating_options = move || {
        let lang = lang.get();
        Rating::ALL
            .into_iter()
            .map(|r| {
                view! {
                    <option value=r.code() selected=move || draft.with(|d| d.rating == r)>
                        {rating_name(lang, r)}
                    </option>
                }
            })
            .collect_view()
    };
    let annual = move || draft.with(|d| d.period == EvaluationPeriod::Annual);
    view! {
        <div class="evaluation-form-box">
            {minor_heading(heading, Msg::RecordEvaluationTitle)}
            <form class="admin-form evaluation-form" on:submit=submit novalidate>
                <label for="e-period">{tr(Msg::PeriodLabel)}</label>
                <select id="e-period" on:change=move |ev| {
                    if let Some(p) = EvaluationPeriod::from_code(&event_target_value(&ev)) {
                        draft.update(|d| {
                            d.period = p;
                            if p != EvaluationPeriod::Annual {
                                d.commendation.clear();
                            }
                        });
                    }
                }>{period_options}</select>
                <label for="e-rating">{tr(Msg::RatingLabel)}</label>
                <select id="e-rating" on:change=move |ev| {
                    if let Some(r) = Rating::from_code(&event_target_value(&ev)) {
                        draft.update(|d| d.rating = r);
                    }
                }>{rating_options}</select>
                <label for="e-date">{move || field_name(lang.get(), Field::EvaluationDate)}</label>
                <div class="field">
                    <input id="e-date" type="text" inputmode="numeric" autocomplete="off"
                        placeholder="dd/mm/yyyy" aria-describedby="e-date-hint"
                        aria-invalid=field_invalid(Field::EvaluationDate)
                        prop:value=move || date_typed.get()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            let date = parse_date(&text).ok().flatten();
                            date_typed.set(text);
                            draft.update(|d| d.date = date);
                            shown.set(true);
                        }/>
                    <p class="hint" id="e-date-hint">{tr(Msg::DateHint)}</p>
                </div>
                <label for="e-evaluator">{move || field_name(lang.get(), Field::Evaluator)}</label>
                <input id="e-evaluator" type="text" aria-invalid=field_invalid(Field::Evaluator)
                    prop:value=move || draft.with(|d| d.evaluator.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.evaluator = v);
                        shown.set(true);
                    }/>
                <label for="e-achievements">{move || field_name(lang.get(), Field::Achievements)}</label>
                <textarea id="e-achievements" rows="3" aria-invalid=field_invalid(Field::Achievements)
                    prop:value=move || draft.with(|d| d.achievements.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.achievements = v);
                        shown.set(true);
                    }></textarea>
                <Show when=annual>
                    <label for="e-commendation">{move || field_name(lang.get(), Field::Commendation)}</label>
                    <div class="field">
                        <input id="e-commendation" type="text" aria-describedby="e-commendation-hint"
                            aria-invalid=field_invalid(Field::Commendation)
                            prop:value=move || draft.with(|d| d.commendation.clone())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                draft.update(|d| d.commendation = v);
                                shown.set(true);
                            }/>
                        <p class="hint" id="e-commendation-hint">{tr(Msg::CommendationHint)}</p>
                    </div>
                </Show>
                <div class="wide form-errors" role="alert">
                    {summary}
                    {move || server_error.get().map(|e| view! { <p class="error">{e}</p> })}
                </div>
                <button type="submit" class="primary" disabled=move || saving.get()>
                    {move || t(lang.get(), if saving.get() { Msg::Saving } else { Msg::RecordEvaluation })}
                </button>
            </form>
        </div>
    }
    .into_any()
}
