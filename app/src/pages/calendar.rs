//! `/calendar`: every deadline of the campaign year, and who has met it.

use crate::api::year::{get_calendar, my_deadlines};
use crate::components::live::{calendar_changes, LiveRefresh};
use crate::components::loaded::Loaded;
use crate::components::year_filter::YearFilter;
use crate::i18n::{tr, use_lang};
use crate::types::calendar::{
    deadline_label, owner_name, progress_text, status_code, status_text, CalendarView, DueItem,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::i18n::{format_date, t, Msg};
use shared::rules::deadline::DeadlineStatus;

#[component]
pub fn CalendarPage() -> impl IntoView {
    let query = use_query_map();
    let year =
        Memo::new(move |_| query.with(|q| q.get("year").and_then(|y| y.parse::<i32>().ok())));
    let data = Resource::new(move || year.get(), get_calendar);
    view! {
        <section class="calendar-page" aria-labelledby="calendar-title">
            <h1 id="calendar-title">{tr(Msg::CalendarTitle)}</h1>
            <p class="hint">{tr(Msg::CalendarIntro)}</p>
            <Loaded data let:view>
                <LiveRefresh seq=view.seq wanted=|_| true refresh=Callback::new(move |_| data.refetch())/>
                <CalendarView view/>
            </Loaded>
        </section>
    }
}

#[component]
fn CalendarView(view: CalendarView) -> impl IntoView {
    let lang = use_lang();
    let year = view.year;
    let years = view.years.clone();
    let today = format_date(view.today);
    let rows = view
        .rows
        .into_iter()
        .map(|row| {
            let kind = row.deadline.kind;
            let date = format_date(row.deadline.date);
            let done = row
                .owners
                .iter()
                .filter(|o| matches!(o.status, DeadlineStatus::Done | DeadlineStatus::Late { .. }))
                .count();
            let late = row
                .owners
                .iter()
                .filter(|o| matches!(o.status, DeadlineStatus::Overdue { .. }))
                .count();
            let total = row.owners.len();
            // Open what still needs attention; what is done or far off stays folded.
            let open = row
                .owners
                .iter()
                .any(|o| matches!(o.status, DeadlineStatus::Overdue { .. } | DeadlineStatus::DueSoon { .. }));
            let owners = row.owners.clone();
            let lines = move || {
                let lang = lang.get();
                owners
                    .iter()
                    .map(|o| {
                        view! {
                            <tr data-status=status_code(o.status)>
                                <th scope="row">{owner_name(lang, &o.owner)}</th>
                                <td>{progress_text(o.done, o.total).unwrap_or_default()}</td>
                                <td class="status">{status_text(lang, o.status)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            };
            let rule = kind.rule();
            view! {
                <li class="deadline" data-rule=rule>
                    <details open=open>
                        <summary>
                            <span class="deadline-date">{date}</span>
                            " · "
                            <span class="deadline-name">{move || deadline_label(lang.get(), kind)}</span>
                            <span class="deadline-summary">
                                {move || format!(" — {} {done}/{total}", t(lang.get(), Msg::StatusDone))}
                                {(late > 0).then(|| view! {
                                    <span class="late">{move || format!(" · {} {late}", t(lang.get(), Msg::StatusOverdue))}</span>
                                })}
                            </span>
                        </summary>
                        <table class="deadline-table">
                            <thead><tr>
                                <th scope="col">{tr(Msg::WhoLabel)}</th>
                                <th scope="col">{tr(Msg::ProgressLabel)}</th>
                                <th scope="col">{tr(Msg::ActivityStatusLabel)}</th>
                            </tr></thead>
                            <tbody>{lines}</tbody>
                        </table>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <YearFilter path="/calendar" year years/>
        <p class="board-summary">
            <strong>{tr(Msg::BoardSummary)} " " {year}</strong>
            " · " {view.campaign_name} " · " {tr(Msg::TodayLabel)} " " {today}
        </p>
        <ol class="deadlines">{rows}</ol>
    }
}

/// On the board: what the user's unit, bloc or office owes next, most urgent first.
#[component]
pub fn OwedPanel() -> impl IntoView {
    let changes = calendar_changes();
    let data = Resource::new(move || changes.get(), |_| my_deadlines());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let items = data.await.unwrap_or_default();
                (!items.is_empty()).then(|| view! { <OwedList items/> })
            })}
        </Suspense>
    }
}

#[component]
fn OwedList(items: Vec<DueItem>) -> impl IntoView {
    let lang = use_lang();
    // A phone shows the first two (the rest are a count and the calendar's link away).
    let beyond_phone = items.len().saturating_sub(2);
    let shown: Vec<DueItem> = items.into_iter().take(5).collect();
    let lines = move || {
        let lang = lang.get();
        shown
            .iter()
            .map(|i| {
                let progress = progress_text(i.done, i.total)
                    .map(|p| format!(" ({p})"))
                    .unwrap_or_default();
                view! {
                    <li data-status=status_code(i.status)>
                        <strong class="status">{status_text(lang, i.status)}</strong>
                        " · " {format_date(i.deadline.date)} " · "
                        {deadline_label(lang, i.deadline.kind)}
                        " — " {owner_name(lang, &i.owner)} {progress}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="owed" aria-labelledby="owed-title">
            <h2 id="owed-title">{tr(Msg::OwedTitle)}</h2>
            <ul>{lines}</ul>
            {(beyond_phone > 0).then(|| view! {
                <span class="owed-more">"+" {beyond_phone} " " {tr(Msg::OwedMore)} " · "</span>
            })}
            <a href="/calendar">{tr(Msg::SeeCalendar)}</a>
        </section>
    }
}
