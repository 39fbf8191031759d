//! The exemplar's year on its card: the fostering plan (F-1) with its approval, the
//! periodic evaluations (E-1) and their form, the replications, the year's timeline, and
//! the plan's form (`/nominations/{id}/plan`). Every form is checked as the user types
//! with the shared rules and again by the server on saving.

mod commendations;
mod documents;
mod evaluation;
mod plan;
mod plan_form;
mod replication;
mod timeline;

pub use commendations::CommendationsSection;
pub use documents::DocumentsSection;
pub use evaluation::EvaluationsSection;
pub use plan::PlanSection;
pub use plan_form::PlanEditPage;
pub use replication::ReplicationsSection;
pub use timeline::YearTimeline;

use crate::components::checked_form::CheckedForm;
use crate::components::table::{Heading, Table};
use crate::i18n::{tr, use_lang};
use chrono::NaiveDate;
use leptos::prelude::*;
use shared::domain::{Field, InputError};
use shared::i18n::{field_name, Lang, Msg};
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

/// A section of the year's records (evaluations, replications): its heading, the records
/// as a table (or `empty` while there are none), then `children`, the form that adds one
/// for those who may.
#[component]
fn RecordSection<R, V>(
    class: &'static str,
    title_id: &'static str,
    title: Msg,
    heading: u8,
    empty: Msg,
    table_class: &'static str,
    columns: Vec<Heading>,
    has_rows: bool,
    rows: R,
    children: Children,
) -> impl IntoView
where
    R: Fn() -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <section aria-labelledby=title_id class=class>
            {section_heading(heading, title_id, title)}
            <Show when=move || has_rows fallback=move || view! { <p class="empty">{tr(empty)}</p> }>
                {
                    let (rows, columns) = (rows.clone(), columns.clone());
                    view! { <Table class=table_class columns>{rows}</Table> }
                }
            </Show>
            {children()}
        </section>
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

/// Whether a problem concerns `field` (for its `aria-invalid`).
fn concerns(field: Field) -> impl Fn(&Violation) -> bool + Copy + Send + Sync + 'static {
    move |v| matches!(&v.kind, ViolationKind::Input(e) if e.field() == field)
}

/// The problems of a card's form, as its alert lists them.
fn violation_list(lang: Lang, problems: Vec<Violation>) -> impl IntoView {
    let items = problems
        .iter()
        .map(|v| view! { <li>{v.message(lang)}</li> })
        .collect_view();
    view! { <ul>{items}</ul> }
}

/// A date field of a card's form (`id`, with its hint at `{id}-hint`), as typed
/// (dd/mm/yyyy, whatever the browser's locale): `set` gets the date it reads, if any.
fn date_field(
    form: CheckedForm<Violation>,
    id: &'static str,
    field: Field,
    typed: RwSignal<String>,
    set: impl Fn(Option<NaiveDate>) + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let hint_id = format!("{id}-hint");
    view! {
        <label for=id>{move || field_name(lang.get(), field)}</label>
        <div class="field">
            <input id=id type="text" inputmode="numeric" autocomplete="off"
                placeholder="dd/mm/yyyy" aria-describedby=hint_id.clone()
                aria-invalid=form.invalid(concerns(field))
                prop:value=move || typed.get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    let date = parse_date(&text).ok().flatten();
                    typed.set(text);
                    set(date);
                    form.touched();
                }/>
            <p class="hint" id=hint_id>{tr(Msg::DateHint)}</p>
        </div>
    }
}

const ROLES: [LeaderRole; 3] = [
    LeaderRole::Fostering,
    LeaderRole::Publicity,
    LeaderRole::Replication,
];

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
