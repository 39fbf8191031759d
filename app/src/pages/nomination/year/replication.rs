//! Where the model was replicated (★) on the card, and the form to record another place.

use super::{minor_heading, section_heading, typed_date_problems};
use crate::api::nominations::record_replication;
use crate::i18n::{tr, use_lang};
use crate::types::model::NominationView;
use leptos::prelude::*;
use shared::domain::{Field, ReplicationDraft};
use shared::i18n::{field_name, format_date, t, Msg};
use shared::rules::evaluation::check_replication;
use shared::rules::ViolationKind;
use shared::text::parse_date;

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
