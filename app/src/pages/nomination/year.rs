//! The exemplar's year on its card: the fostering plan (F-1) with its approval, the
//! periodic evaluations (E-1) and their form, the year's timeline, and the plan's form
//! (`/nominations/{id}/plan`). Every form is checked as the user types with the shared
//! rules and again by the server on saving.

use crate::api::nominations::{
    approve_plan, get_nomination, record_evaluation, record_replication, save_plan,
};
use crate::i18n::{tr, use_lang};
use crate::types::model::NominationView;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::domain::{
    ActivityDraft, ActivityKind, ActivityStatus, EvaluationDraft, EvaluationPeriod, Field,
    InputError, LeaderDraft, PlanDraft, Rating, ReplicationDraft,
};
use shared::i18n::{
    activity_kind_name, activity_status_name, field_name, format_date, format_timestamp,
    leader_role_name, period_name, rating_name, t, Msg,
};
use shared::rules::evaluation::{check_evaluation, check_replication};
use shared::rules::fostering::{check_plan, PlanProblem, PlanSlot};
use shared::rules::{LeaderRole, Violation, ViolationKind};
use shared::text::parse_date;

/// A heading one level below the detail's title, wherever the detail is shown.
fn section_heading(level: u8, id: &'static str, msg: Msg) -> AnyView {
    if level == 1 {
        view! { <h2 id=id class="section">{tr(msg)}</h2> }.into_any()
    } else {
        view! { <h3 id=id class="section">{tr(msg)}</h3> }.into_any()
    }
}

fn minor_heading(level: u8, msg: Msg) -> AnyView {
    if level == 1 {
        view! { <h3 class="minor">{tr(msg)}</h3> }.into_any()
    } else {
        view! { <h4 class="minor">{tr(msg)}</h4> }.into_any()
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_else(|| "—".into())
}

fn date_value(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The rule's problems, with the date as typed: a text that is not a date is named as such
/// (instead of "required", which is what the rule sees when no date could be read).
fn typed_date_problems(mut problems: Vec<Violation>, typed: &str, field: Field) -> Vec<Violation> {
    if parse_date(typed).is_err() {
        problems.retain(|v| v.kind != ViolationKind::Input(InputError::Required { field }));
        problems.push(Violation::new(
            "E-1",
            ViolationKind::Input(InputError::Invalid { field }),
        ));
    }
    problems
}

/// An activity row of the plan form: its key, what is filled in, its date as typed.
type ActivityRow = (u64, RwSignal<ActivityDraft>, RwSignal<String>);

const ROLES: [LeaderRole; 3] = [
    LeaderRole::Fostering,
    LeaderRole::Publicity,
    LeaderRole::Replication,
];

/// F-1 on the card: the leaders, the activities, the approval, and what the user may do.
#[component]
pub fn PlanSection(
    view: NominationView,
    heading: u8,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let id = view.record.card.id;
    let plan = view.record.plan.clone();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let body = match plan.clone() {
        None => view! { <p class="empty">{tr(Msg::PlanNone)}</p> }.into_any(),
        Some(record) => {
            let plan_for_leaders = record.plan.clone();
            let leaders = move || {
                let lang = lang.get();
                let p = &plan_for_leaders;
                ROLES
                    .iter()
                    .zip([
                        &p.fostering_leader,
                        &p.publicity_leader,
                        &p.replication_leader,
                    ])
                    .map(|(role, leader)| {
                        let who = leader
                            .as_ref()
                            .map(|l| format!("{}, {}", l.name, l.position))
                            .unwrap_or_else(|| "—".into());
                        view! { <dt>{leader_role_name(lang, *role)}</dt><dd>{who}</dd> }
                    })
                    .collect_view()
            };
            let activities = record.plan.activities.clone();
            let rows = move || {
                let lang = lang.get();
                activities
                    .iter()
                    .map(|a| {
                        view! {
                            <tr data-status=a.status.code()>
                                <td>{activity_kind_name(lang, a.kind)}</td>
                                <td>{a.title.to_string()}</td>
                                <td>{date_text(a.date)}</td>
                                <td>{activity_status_name(lang, a.status)}</td>
                                <td>{a.outcome.clone()}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            };
            let approval = match (&record.approved_by, &record.approved_at) {
                (Some(by), Some(at)) => {
                    let text = format!("{by}, {}", format_timestamp(at));
                    view! { <p class="approval approved"><strong>{tr(Msg::PlanApproved)}</strong> ": " {text}</p> }
                        .into_any()
                }
                _ => {
                    view! { <p class="approval pending">{tr(Msg::PlanNotApproved)}</p> }.into_any()
                }
            };
            let has_rows = !record.plan.activities.is_empty();
            view! {
                <dl class="profile leaders">{leaders}</dl>
                {approval}
                {minor_heading(heading, Msg::ActivitiesTitle)}
                <Show when=move || has_rows fallback=|| view! { <p class="empty">{tr(Msg::NoActivities)}</p> }>
                    <table class="activities">
                        <thead><tr>
                            <th scope="col">{tr(Msg::ActivityKindLabel)}</th>
                            <th scope="col">{move || field_name(lang.get(), Field::ActivityTitle)}</th>
                            <th scope="col">{move || field_name(lang.get(), Field::ActivityDate)}</th>
                            <th scope="col">{tr(Msg::ActivityStatusLabel)}</th>
                            <th scope="col">{move || field_name(lang.get(), Field::ActivityOutcome)}</th>
                        </tr></thead>
                        <tbody>{rows.clone()}</tbody>
                    </table>
                </Show>
            }
            .into_any()
        }
    };
    let version = plan.as_ref().map(|p| p.version);
    let approve = move |_| {
        let Some(version) = version else { return };
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match approve_plan(id, version).await {
                Ok(_) => on_change.run(t(lang.get_untracked(), Msg::PlanApprovedNote).into()),
                Err(e) => error.set(Some(e.describe(lang.get_untracked()))),
            }
            busy.set(false);
        });
    };
    let edit_label = if plan.is_some() {
        Msg::PlanEdit
    } else {
        Msg::PlanCreate
    };
    let edit = view
        .can_plan
        .then(|| view! { <a class="button-link" href=format!("/nominations/{id}/plan")>{tr(edit_label)}</a> });
    let approve_button = view.can_approve.then(|| {
        view! {
            <button type="button" class="primary" on:click=approve disabled=move || busy.get()>
                {tr(Msg::PlanApprove)}
            </button>
        }
    });
    view! {
        <section aria-labelledby="plan-title" class="plan">
            {section_heading(heading, "plan-title", Msg::PlanTitle)}
            {body}
            <div class="section-actions">{edit}{approve_button}</div>
            <div role="alert">{move || error.get().map(|e| view! { <p class="error">{e}</p> })}</div>
        </section>
    }
}

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

/// Where the model was replicated (★), and for those who may, the form to record another.
#[component]
pub fn ReplicationsSection(
    view: NominationView,
    heading: u8,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let recorded = view.record.replications.clone();
    let has_rows = !recorded.is_empty();
    let rows = move || {
        recorded
            .iter()
            .map(|r| {
                let x = &r.replication;
                view! {
                    <tr>
                        <th scope="row">{x.adopter.clone()}</th>
                        <td>{format_date(x.date)}</td>
                        <td>{x.result.clone()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let form = view
        .can_replicate
        .then(|| view! { <ReplicationForm view=view.clone() heading on_change/> });
    view! {
        <section aria-labelledby="replications-title" class="replications">
            {section_heading(heading, "replications-title", Msg::ReplicationsTitle)}
            <Show when=move || has_rows fallback=|| view! { <p class="empty">{tr(Msg::NoReplications)}</p> }>
                <table class="evaluations-table replications-table">
                    <thead><tr>
                        <th scope="col">{move || field_name(lang.get(), Field::Adopter)}</th>
                        <th scope="col">{move || field_name(lang.get(), Field::ReplicationDate)}</th>
                        <th scope="col">{move || field_name(lang.get(), Field::ReplicationResult)}</th>
                    </tr></thead>
                    <tbody>{rows.clone()}</tbody>
                </table>
            </Show>
            {form}
        </section>
    }
}

#[component]
fn ReplicationForm(
    view: NominationView,
    heading: u8,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let id = view.record.card.id;
    let stage = view.record.card.stage;
    let calendar = view.record.calendar.clone();
    let today = view.today;
    let draft = RwSignal::new(ReplicationDraft {
        date: Some(today),
        ..ReplicationDraft::default()
    });
    let date_typed = RwSignal::new(format_date(today));
    let shown = RwSignal::new(false);
    let saving = RwSignal::new(false);
    let server_error = RwSignal::new(None::<String>);
    let problems = Memo::new(move |_| {
        let problems = draft
            .with(|d| check_replication(d, stage, &calendar, today))
            .err()
            .unwrap_or_default();
        date_typed.with(|t| typed_date_problems(problems, t, Field::ReplicationDate))
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
            match record_replication(id, d).await {
                Ok(_) => on_change.run(t(lang.get_untracked(), Msg::ReplicationRecorded).into()),
                Err(e) => server_error.set(Some(e.describe(lang.get_untracked()))),
            }
            saving.set(false);
        });
    };
    view! {
        <div class="evaluation-form-box">
            {minor_heading(heading, Msg::RecordReplicationTitle)}
            <form class="admin-form evaluation-form replication-form" on:submit=submit novalidate>
                <label for="r-adopter">{move || field_name(lang.get(), Field::Adopter)}</label>
                <input id="r-adopter" type="text" aria-invalid=field_invalid(Field::Adopter)
                    prop:value=move || draft.with(|d| d.adopter.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.adopter = v);
                        shown.set(true);
                    }/>
                <label for="r-date">{move || field_name(lang.get(), Field::ReplicationDate)}</label>
                <div class="field">
                    <input id="r-date" type="text" inputmode="numeric" autocomplete="off"
                        placeholder="dd/mm/yyyy" aria-describedby="r-date-hint"
                        aria-invalid=field_invalid(Field::ReplicationDate)
                        prop:value=move || date_typed.get()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            let date = parse_date(&text).ok().flatten();
                            date_typed.set(text);
                            draft.update(|d| d.date = date);
                            shown.set(true);
                        }/>
                    <p class="hint" id="r-date-hint">{tr(Msg::DateHint)}</p>
                </div>
                <label for="r-result">{move || field_name(lang.get(), Field::ReplicationResult)}</label>
                <textarea id="r-result" rows="2" aria-invalid=field_invalid(Field::ReplicationResult)
                    prop:value=move || draft.with(|d| d.result.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.result = v);
                        shown.set(true);
                    }></textarea>
                <div class="wide form-errors" role="alert">
                    {summary}
                    {move || server_error.get().map(|e| view! { <p class="error">{e}</p> })}
                </div>
                <button type="submit" class="primary" disabled=move || saving.get()>
                    {move || t(lang.get(), if saving.get() { Msg::Saving } else { Msg::RecordReplication })}
                </button>
            </form>
        </div>
    }
}

/// Everything dated in the nomination's year, in date order: the plan's activities, the
/// evaluations and the plan's approval.
#[component]
pub fn YearTimeline(view: NominationView, heading: u8) -> impl IntoView {
    let lang = use_lang();
    let record = view.record;
    let items = move || {
        let lang = lang.get();
        let mut items: Vec<(NaiveDate, &'static str, String)> = Vec::new();
        if let Some(plan) = &record.plan {
            for a in &plan.plan.activities {
                if let Some(date) = a.date {
                    items.push((
                        date,
                        a.kind.code(),
                        format!(
                            "{}: {} ({})",
                            activity_kind_name(lang, a.kind),
                            a.title,
                            activity_status_name(lang, a.status)
                        ),
                    ));
                }
            }
            if let Some(at) = plan.approved_at.as_deref() {
                let date = chrono::DateTime::parse_from_rfc3339(at).ok().and_then(|d| {
                    chrono::FixedOffset::east_opt(7 * 3600)
                        .map(|vn| d.with_timezone(&vn).date_naive())
                });
                if let Some(date) = date {
                    items.push((
                        date,
                        "approval",
                        format!(
                            "{}: {}",
                            t(lang, Msg::PlanApproved),
                            plan.approved_by.clone().unwrap_or_default()
                        ),
                    ));
                }
            }
        }
        for r in &record.evaluations {
            let e = &r.evaluation;
            items.push((
                e.date,
                "evaluation",
                format!(
                    "{}: {}",
                    capitalised(period_name(lang, e.period)),
                    rating_name(lang, e.rating)
                ),
            ));
        }
        for r in &record.replications {
            let x = &r.replication;
            items.push((
                x.date,
                "replication",
                format!("{}: {}", t(lang, Msg::ReplicationsTitle), x.adopter),
            ));
        }
        items.sort_by_key(|(date, ..)| *date);
        if items.is_empty() {
            return view! { <p class="empty">{t(lang, Msg::NothingDatedYet)}</p> }.into_any();
        }
        let list = items
            .into_iter()
            .map(|(date, kind, text)| {
                view! {
                    <li data-kind=kind>
                        <time datetime=date_value(Some(date))>{format_date(date)}</time>
                        " · " {text}
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="timeline year-timeline">{list}</ol> }.into_any()
    };
    view! {
        <section aria-labelledby="year-title">
            {section_heading(heading, "year-title", Msg::YearTimelineTitle)}
            {items}
        </section>
    }
}

/// `/nominations/{id}/plan`: make or change the fostering plan.
#[component]
pub fn PlanEditPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
    let lang = use_lang();
    let data = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_nomination(id).await,
            None => Err(crate::error::AppError::NotFound),
        }
    });
    view! {
        <section class="nomination-form-page plan-page">
            <p><a href=move || id().map(|id| format!("/nominations/{id}")).unwrap_or_else(|| "/board".into())>
                {tr(Msg::DetailsOf)}
            </a></p>
            <h1>{tr(Msg::PlanFormTitle)}</h1>
            <Suspense fallback=move || view! { <p class="loading">{tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) if view.can_plan => view! { <PlanForm view/> }.into_any(),
                        Ok(_) => view! {
                            <p class="error" role="alert">{move || crate::error::AppError::Forbidden(shared::auth::Denied::Role).describe(lang.get())}</p>
                        }.into_any(),
                        Err(e) => view! {
                            <p class="error" role="alert">{move || e.describe(lang.get())}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn PlanForm(view: NominationView) -> impl IntoView {
    let lang = use_lang();
    let id = view.record.card.id;
    let year = view.record.year;
    let version = view.record.plan.as_ref().map_or(0, |p| p.version);
    let start = view
        .record
        .plan
        .as_ref()
        .map(|p| PlanDraft::from(&p.plan))
        .unwrap_or_else(|| PlanDraft {
            activities: vec![ActivityDraft::new(ActivityKind::Fostering)],
            ..PlanDraft::default()
        });
    let leaders = [
        RwSignal::new(start.fostering_leader.clone()),
        RwSignal::new(start.publicity_leader.clone()),
        RwSignal::new(start.replication_leader.clone()),
    ];
    let next_key = StoredValue::new(start.activities.len() as u64);
    // Each activity with its date as typed (dd/mm/yyyy, whatever the browser's locale).
    let rows = RwSignal::new(
        start
            .activities
            .iter()
            .enumerate()
            .map(|(k, a)| {
                let typed = a.date.map(format_date).unwrap_or_default();
                (k as u64, RwSignal::new(a.clone()), RwSignal::new(typed))
            })
            .collect::<Vec<_>>(),
    );
    let draft = Memo::new(move |_| PlanDraft {
        fostering_leader: leaders[0].get(),
        publicity_leader: leaders[1].get(),
        replication_leader: leaders[2].get(),
        activities: rows.with(|r| r.iter().map(|(_, a, _)| a.get()).collect()),
    });
    let problems = Memo::new(move |_| {
        let mut problems = draft
            .with(|d| check_plan(d, year))
            .err()
            .unwrap_or_default();
        rows.with(|r| {
            for (i, (_, _, typed)) in r.iter().enumerate() {
                if typed.with(|t| parse_date(t).is_err()) {
                    problems.push(PlanProblem {
                        slot: PlanSlot::Activity(i),
                        violation: Violation::new(
                            "F-1",
                            ViolationKind::Input(InputError::Invalid {
                                field: Field::ActivityDate,
                            }),
                        ),
                    });
                }
            }
        });
        problems
    });
    let shown = RwSignal::new(false);
    let saving = RwSignal::new(false);
    let server_error = RwSignal::new(None::<String>);
    let messages_for = move |slot: PlanSlot| {
        move || {
            let lang = lang.get();
            shown
                .get()
                .then(|| {
                    problems.with(|p| {
                        p.iter()
                            .filter(|p| p.slot == slot)
                            .map(|p| p.violation.message(lang))
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                })
                .filter(|s| !s.is_empty())
        }
    };
    let invalid_field = move |slot: PlanSlot, field: Field| {
        move || {
            (shown.get()
                && problems.with(|p| {
                    p.iter().any(|p| {
                        p.slot == slot
                            && match &p.violation.kind {
                                ViolationKind::Input(e) => e.field() == field,
                                ViolationKind::LeaderMissing { .. } => true,
                                _ => false,
                            }
                    })
                }))
            .to_string()
        }
    };
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        shown.set(true);
        server_error.set(None);
        if !problems.with_untracked(Vec::is_empty) || saving.get_untracked() {
            return;
        }
        saving.set(true);
        let d = draft.get_untracked();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match save_plan(id, version, d).await {
                Ok(_) => navigate(&format!("/nominations/{id}"), Default::default()),
                Err(e) => server_error.set(Some(e.describe(lang.get_untracked()))),
            }
            saving.set(false);
        });
    };
    let leader_fields = ROLES
        .into_iter()
        .zip(leaders)
        .map(|(role, signal)| {
            let code = match role {
                LeaderRole::Fostering => "fostering",
                LeaderRole::Publicity => "publicity",
                LeaderRole::Replication => "replication",
            };
            let slot = PlanSlot::Leader(role);
            let name_id = format!("p-{code}-name");
            let position_id = format!("p-{code}-position");
            let error_id = format!("p-{code}-error");
            let described = error_id.clone();
            view! {
                <fieldset class="leader wide" aria-describedby=described>
                    <legend>{move || leader_role_name(lang.get(), role)}</legend>
                    <label for=name_id.clone()>{tr(Msg::LeaderNameLabel)}</label>
                    <input id=name_id type="text" autocomplete="off"
                        aria-invalid=invalid_field(slot, Field::LeaderName)
                        prop:value=move || signal.with(|l| l.name.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            signal.update(|l: &mut LeaderDraft| l.name = v);
                            shown.set(true);
                        }/>
                    <label for=position_id.clone()>{tr(Msg::LeaderPositionLabel)}</label>
                    <input id=position_id type="text" autocomplete="off"
                        aria-invalid=invalid_field(slot, Field::LeaderPosition)
                        prop:value=move || signal.with(|l| l.position.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            signal.update(|l: &mut LeaderDraft| l.position = v);
                            shown.set(true);
                        }/>
                    <p class="field-error" id=error_id>{messages_for(slot)}</p>
                </fieldset>
            }
        })
        .collect_view();
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|r| {
            r.push((
                key,
                RwSignal::new(ActivityDraft::new(ActivityKind::Fostering)),
                RwSignal::new(String::new()),
            ))
        });
    };
    let activity_row = move |(key, row, typed): ActivityRow| {
        let index = move || rows.with(|r| r.iter().position(|(k, ..)| *k == key).unwrap_or(0));
        let slot = move || PlanSlot::Activity(index());
        let ids = |what: &str| format!("a-{key}-{what}");
        let (kind_id, title_id, date_id, status_id, outcome_id, error_id) = (
            ids("kind"),
            ids("title"),
            ids("date"),
            ids("status"),
            ids("outcome"),
            ids("error"),
        );
        let invalid = move |field: Field| move || invalid_field(slot(), field)();
        let errors = move || messages_for(slot())();
        let kind_options = move || {
            let lang = lang.get();
            ActivityKind::ALL
                .into_iter()
                .map(|k| view! { <option value=k.code() selected=move || row.with(|a| a.kind == k)>{activity_kind_name(lang, k)}</option> })
                .collect_view()
        };
        let status_options = move || {
            let lang = lang.get();
            ActivityStatus::ALL
                .into_iter()
                .map(|s| view! { <option value=s.code() selected=move || row.with(|a| a.status == s)>{activity_status_name(lang, s)}</option> })
                .collect_view()
        };
        let described = error_id.clone();
        view! {
            <fieldset class="activity" aria-describedby=described>
                <legend>{move || format!("{} {}", t(lang.get(), Msg::ActivitiesTitle), index() + 1)}</legend>
                <div class="activity-grid">
                    <label for=kind_id.clone()>{tr(Msg::ActivityKindLabel)}</label>
                    <select id=kind_id on:change=move |ev| {
                        if let Some(k) = ActivityKind::from_code(&event_target_value(&ev)) {
                            row.update(|a| a.kind = k);
                        }
                    }>{kind_options}</select>
                    <label for=title_id.clone()>{move || field_name(lang.get(), Field::ActivityTitle)}</label>
                    <input id=title_id type="text" aria-invalid=invalid(Field::ActivityTitle)
                        prop:value=move || row.with(|a| a.title.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            row.update(|a| a.title = v);
                            shown.set(true);
                        }/>
                    <label for=date_id.clone()>{move || field_name(lang.get(), Field::ActivityDate)}</label>
                    <input id=date_id type="text" inputmode="numeric" autocomplete="off"
                        placeholder="dd/mm/yyyy" aria-invalid=invalid(Field::ActivityDate)
                        prop:value=move || typed.get()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            let date = parse_date(&text).ok().flatten();
                            typed.set(text);
                            row.update(|a| a.date = date);
                            shown.set(true);
                        }/>
                    <label for=status_id.clone()>{tr(Msg::ActivityStatusLabel)}</label>
                    <select id=status_id on:change=move |ev| {
                        if let Some(s) = ActivityStatus::from_code(&event_target_value(&ev)) {
                            row.update(|a| a.status = s);
                            shown.set(true);
                        }
                    }>{status_options}</select>
                    <label for=outcome_id.clone()>{move || field_name(lang.get(), Field::ActivityOutcome)}</label>
                    <input id=outcome_id type="text" aria-invalid=invalid(Field::ActivityOutcome)
                        prop:value=move || row.with(|a| a.outcome.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            row.update(|a| a.outcome = v);
                            shown.set(true);
                        }/>
                </div>
                <p class="field-error" id=error_id>{errors}</p>
                <button type="button" class="remove" on:click=move |_| rows.update(|r| r.retain(|(k, ..)| *k != key))>
                    {tr(Msg::RemoveActivity)}
                    <span class="visually-hidden">{move || format!(" {}", index() + 1)}</span>
                </button>
            </fieldset>
        }
    };
    let summary = move || {
        let lang = lang.get();
        (shown.get() && !problems.with(Vec::is_empty)).then(|| {
            let items = problems
                .get()
                .iter()
                .map(|p| view! { <li>{p.violation.message(lang)}</li> })
                .collect_view();
            view! { <p>{t(lang, Msg::FixErrors)}</p><ul>{items}</ul> }
        })
    };
    let card = view.record.card.clone();
    let context = move || {
        let lang = lang.get();
        format!(
            "{} · {} · {}",
            card.nominee_name,
            card.unit_name,
            t(lang, Msg::Stage(card.stage))
        )
    };
    view! {
        <p class="plan-context">{context}</p>
        <p class="hint">{tr(Msg::PlanFormIntro)}</p>
        <form class="plan-form" on:submit=submit novalidate>
            <h2>{tr(Msg::LeadersTitle)}</h2>
            {leader_fields}
            <h2>{tr(Msg::ActivitiesTitle)}</h2>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty">{tr(Msg::NoActivities)}</p>
            </Show>
            <For each=move || rows.get() key=|(k, ..)| *k children=activity_row/>
            <p><button type="button" class="add-activity" on:click=add>{tr(Msg::AddActivity)}</button></p>
            <div class="form-errors" role="alert">
                {summary}
                {move || server_error.get().map(|e| view! { <p class="error">{e}</p> })}
            </div>
            <button type="submit" class="primary" disabled=move || saving.get()>
                {move || t(lang.get(), if saving.get() { Msg::Saving } else { Msg::SavePlan })}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_dates_and_headings() {
        let d = NaiveDate::from_ymd_opt(2026, 6, 30);
        assert_eq!(date_value(d), "2026-06-30");
        assert_eq!(capitalised("đánh giá 6 tháng"), "Đánh giá 6 tháng");
    }
}
