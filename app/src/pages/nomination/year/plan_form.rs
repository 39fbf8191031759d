//! The plan's own page (`/nominations/{id}/plan`): the form that makes or changes the
//! fostering plan, its leaders and its activities.

use super::ROLES;
use crate::api::nominations::save_plan;
use crate::components::checked_form::CheckedForm;
use crate::components::loaded::Loaded;
use crate::error::AppError;
use crate::i18n::{tr, use_lang};
use crate::pages::nomination::{load_nomination, page_id};
use crate::types::model::NominationView;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::auth::Denied;
use shared::domain::{
    ActivityDraft, ActivityKind, ActivityStatus, Field, InputError, LeaderDraft, PlanDraft,
};
use shared::i18n::{
    activity_kind_name, activity_status_name, field_name, format_date, leader_role_name, t, Msg,
};
use shared::rules::fostering::{check_plan, PlanProblem, PlanSlot};
use shared::rules::{LeaderRole, Violation, ViolationKind};
use shared::text::parse_date;

/// An activity row of the plan form: its key, what is filled in, its date as typed.
type ActivityRow = (u64, RwSignal<ActivityDraft>, RwSignal<String>);

/// `/nominations/{id}/plan`: make or change the fostering plan.
#[component]
pub fn PlanEditPage() -> impl IntoView {
    let id = page_id();
    // Only those who may plan get the form; to others the page says why not.
    let data = Resource::new(id, |id| async move {
        load_nomination(id).await.and_then(|view| {
            if view.can_plan {
                Ok(view)
            } else {
                Err(AppError::Forbidden(Denied::Role))
            }
        })
    });
    view! {
        <section class="nomination-form-page plan-page">
            <p><a href=move || id().map(|id| format!("/nominations/{id}")).unwrap_or_else(|| "/board".into())>
                {tr(Msg::DetailsOf)}
            </a></p>
            <h1>{tr(Msg::PlanFormTitle)}</h1>
            <Loaded data let:view>
                <PlanForm view/>
            </Loaded>
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
    let form = CheckedForm::new(move || {
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
    let messages_for = move |slot: PlanSlot| {
        form.messages(
            move |p: &PlanProblem| p.slot == slot,
            |p, lang| p.violation.message(lang),
        )
    };
    let invalid_field = move |slot: PlanSlot, field: Field| {
        form.invalid(move |p: &PlanProblem| {
            p.slot == slot
                && match &p.violation.kind {
                    ViolationKind::Input(e) => e.field() == field,
                    ViolationKind::LeaderMissing { .. } => true,
                    _ => false,
                }
        })
    };
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let navigate = navigate.clone();
        form.submit(
            ev,
            move || save_plan(id, version, draft.get_untracked()),
            move |_| navigate(&format!("/nominations/{id}"), Default::default()),
        )
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
                            form.touched();
                        }/>
                    <label for=position_id.clone()>{tr(Msg::LeaderPositionLabel)}</label>
                    <input id=position_id type="text" autocomplete="off"
                        aria-invalid=invalid_field(slot, Field::LeaderPosition)
                        prop:value=move || signal.with(|l| l.position.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            signal.update(|l: &mut LeaderDraft| l.position = v);
                            form.touched();
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
                            form.touched();
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
                            form.touched();
                        }/>
                    <label for=status_id.clone()>{tr(Msg::ActivityStatusLabel)}</label>
                    <select id=status_id on:change=move |ev| {
                        if let Some(s) = ActivityStatus::from_code(&event_target_value(&ev)) {
                            row.update(|a| a.status = s);
                            form.touched();
                        }
                    }>{status_options}</select>
                    <label for=outcome_id.clone()>{move || field_name(lang.get(), Field::ActivityOutcome)}</label>
                    <input id=outcome_id type="text" aria-invalid=invalid(Field::ActivityOutcome)
                        prop:value=move || row.with(|a| a.outcome.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            row.update(|a| a.outcome = v);
                            form.touched();
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
            {form.alert("form-errors", |lang, problems| {
                let items = problems
                    .iter()
                    .map(|p| view! { <li>{p.violation.message(lang)}</li> })
                    .collect_view();
                view! { <p>{t(lang, Msg::FixErrors)}</p><ul>{items}</ul> }
            })}
            {form.submit_button(Msg::SavePlan)}
        </form>
    }
}
