//! The periodic evaluations (E-1) on the card: those recorded, and the form to record
//! the next one.

use super::{
    capitalised, concerns, date_field, minor_heading, typed_date_problems, violation_list,
    RecordSection,
};
use crate::api::nominations::record_evaluation;
use crate::components::checked_form::CheckedForm;
use crate::i18n::{tr, use_lang};
use crate::types::model::NominationView;
use leptos::prelude::*;
use shared::domain::{EvaluationDraft, EvaluationPeriod, Field, Rating};
use shared::i18n::{field_name, fill, format_date, period_name, rating_name, t, Msg};
use shared::rules::evaluation::{check_evaluation, period_opens};

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
        <RecordSection class="evaluations" title_id="evaluations-title" title=Msg::EvaluationsTitle
            heading empty=Msg::NoEvaluations table_class="evaluations-table" has_rows rows
            columns=vec![
                Msg::PeriodLabel.into(), Msg::RatingLabel.into(), Field::EvaluationDate.into(),
                Field::Evaluator.into(), Field::Achievements.into(), Field::Commendation.into(),
            ]>
            {form}
        </RecordSection>
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
    // Not open yet (a card of a year still to come): say when, rather than a form that
    // could only be refused.
    let opens = period_opens(first, &calendar);
    if today < opens {
        let year = calendar.year;
        let text = move || {
            let lang = lang.get();
            fill(
                lang,
                Msg::EvaluationOpensOn,
                &[
                    ("period", &period_name(lang, first)),
                    ("year", &year),
                    ("date", &format_date(opens)),
                ],
            )
        };
        return view! { <p class="empty evaluation-not-open">{text}</p> }.into_any();
    }
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
    let form = CheckedForm::new(move || {
        let problems = draft
            .with(|d| check_evaluation(d, stage, &existing, &calendar, today))
            .err()
            .unwrap_or_default();
        date_typed.with(|t| typed_date_problems(problems, t, Field::EvaluationDate))
    });
    let field_invalid = move |field: Field| form.invalid(concerns(field));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        form.submit(
            ev,
            move || record_evaluation(id, draft.get_untracked()),
            move |_| on_change.run(t(lang.get_untracked(), Msg::EvaluationRecorded).into()),
        )
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
                {date_field(form, "e-date", Field::EvaluationDate, date_typed, move |date| draft.update(|d| d.date = date))}
                <label for="e-evaluator">{move || field_name(lang.get(), Field::Evaluator)}</label>
                <input id="e-evaluator" type="text" aria-invalid=field_invalid(Field::Evaluator)
                    prop:value=move || draft.with(|d| d.evaluator.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.evaluator = v);
                        form.touched();
                    }/>
                <label for="e-achievements">{move || field_name(lang.get(), Field::Achievements)}</label>
                <textarea id="e-achievements" rows="3" aria-invalid=field_invalid(Field::Achievements)
                    prop:value=move || draft.with(|d| d.achievements.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.achievements = v);
                        form.touched();
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
                                form.touched();
                            }/>
                        <p class="hint" id="e-commendation-hint">{tr(Msg::CommendationHint)}</p>
                    </div>
                </Show>
                {form.alert("wide form-errors", violation_list)}
                {form.submit_button(Msg::RecordEvaluation)}
            </form>
        </div>
    }
    .into_any()
}
