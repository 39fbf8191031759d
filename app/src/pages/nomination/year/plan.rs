//! The fostering plan (F-1) on the card: its leaders, its activities, whether it is
//! approved, and the buttons to edit or approve it.

use super::{minor_heading, section_heading, ROLES};
use crate::api::nominations::approve_plan;
use crate::i18n::{tr, use_lang};
use crate::types::model::NominationView;
use chrono::NaiveDate;
use leptos::prelude::*;
use shared::domain::Field;
use shared::i18n::{
    activity_kind_name, activity_status_name, field_name, format_date, format_timestamp,
    leader_role_name, t, Msg,
};

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_else(|| "—".into())
}

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
