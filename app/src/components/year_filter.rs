//! The campaign-year chooser of the calendar and the summary: a change opens `path` for the
//! chosen year, so the view can be shared as a link.

use crate::i18n::tr;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::i18n::Msg;

#[component]
pub fn YearFilter(path: &'static str, year: i32, years: Vec<i32>) -> impl IntoView {
    let navigate = use_navigate();
    let options = years
        .into_iter()
        .map(|y| view! { <option value=y.to_string() selected=y == year>{y}</option> })
        .collect_view();
    view! {
        <form class="filters" role="search" aria-label=tr(Msg::Filters) on:submit=|ev| ev.prevent_default()>
            <label>
                <span>{tr(Msg::FilterYear)}</span>
                <select name="year" on:change=move |ev| {
                    navigate(&format!("{path}?year={}", event_target_value(&ev)), Default::default());
                }>{options}</select>
            </label>
        </form>
    }
}
