//! The year's timeline on the card: everything dated, in date order.

use super::{capitalised, date_value, section_heading};
use crate::i18n::use_lang;
use crate::types::model::NominationView;
use chrono::NaiveDate;
use leptos::prelude::*;
use shared::i18n::{
    activity_kind_name, activity_status_name, format_date, period_name, rating_name, t, Msg,
};

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
