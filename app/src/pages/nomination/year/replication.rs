//! Where the model was replicated (★) on the card, and the form to record another place.

use super::{
    concerns, date_field, minor_heading, typed_date_problems, violation_list, RecordSection,
};
use crate::api::nominations::record_replication;
use crate::components::checked_form::CheckedForm;
use crate::i18n::use_lang;
use crate::types::model::NominationView;
use leptos::prelude::*;
use shared::domain::{Field, ReplicationDraft};
use shared::i18n::{field_name, format_date, t, Msg};
use shared::rules::evaluation::check_replication;

/// Where the model was replicated (★), and for those who may, the form to record another.
#[component]
pub fn ReplicationsSection(
    view: NominationView,
    heading: u8,
    on_change: Callback<String>,
) -> impl IntoView {
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
        <RecordSection class="replications" title_id="replications-title" title=Msg::ReplicationsTitle
            heading empty=Msg::NoReplications table_class="evaluations-table replications-table"
            has_rows rows
            columns=vec![Field::Adopter.into(), Field::ReplicationDate.into(), Field::ReplicationResult.into()]>
            {form}
        </RecordSection>
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
    let form = CheckedForm::new(move || {
        let problems = draft
            .with(|d| check_replication(d, stage, &calendar, today))
            .err()
            .unwrap_or_default();
        date_typed.with(|t| typed_date_problems(problems, t, Field::ReplicationDate))
    });
    let field_invalid = move |field: Field| form.invalid(concerns(field));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        form.submit(
            ev,
            move || record_replication(id, draft.get_untracked()),
            move |_| on_change.run(t(lang.get_untracked(), Msg::ReplicationRecorded).into()),
        )
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
                        form.touched();
                    }/>
                {date_field(form, "r-date", Field::ReplicationDate, date_typed, move |date| draft.update(|d| d.date = date))}
                <label for="r-result">{move || field_name(lang.get(), Field::ReplicationResult)}</label>
                <textarea id="r-result" rows="2" aria-invalid=field_invalid(Field::ReplicationResult)
                    prop:value=move || draft.with(|d| d.result.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.result = v);
                        form.touched();
                    }></textarea>
                {form.alert("wide form-errors", violation_list)}
                {form.submit_button(Msg::RecordReplication)}
            </form>
        </div>
    }
}
