//! `/reports`: the periodic reports of E-1. A unit's staff and head open their unit's report
//! for the period, drafted from the records; they edit it, save it as a draft and send it
//! once. The office, leadership and bloc heads see who has reported (late ones flagged),
//! open each unit's report, and the office compiles the Department's report from them.

use crate::api::reports::{get_reports, save_department_report, save_unit_report};
use crate::components::live::calendar_changes;
use crate::components::loaded::{saved_notice, Loaded};
use crate::i18n::{tr, use_lang};
use crate::types::calendar::{status_code, status_text};
use crate::types::exports::DocKind;
use crate::types::report::{ReportsOverview, ReportsPage as Page, UnitReportRow, UnitReportView};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::domain::{EvaluationPeriod, Field};
use shared::i18n::{field_name, fill, format_date, report_period_name, t, Lang, Msg};
use shared::rules::deadline::DeadlineStatus;
use shared::rules::periodic_report::{
    check_department_report, check_unit_report, ReportEntry, MAX_REPORT_ASSESSMENT_CHARS,
    MAX_REPORT_ENTRY_CHARS,
};

#[component]
pub fn ReportsPage() -> impl IntoView {
    let query = use_query_map();
    let key = Memo::new(move |_| {
        query.with(|q| {
            (
                q.get("unit").and_then(|v| v.parse::<i64>().ok()),
                q.get("year").and_then(|y| y.parse::<i32>().ok()),
                q.get("period")
                    .and_then(|p| EvaluationPeriod::from_code(&p)),
            )
        })
    });
    let data = Resource::new(
        move || key.get(),
        |(unit, year, period)| get_reports(unit, year, period),
    );
    let (notice, on_saved) = saved_notice(data);
    // The Department's assessment as the office types it: kept across live reloads.
    let typing = RwSignal::new(None::<String>);
    // Who has reported follows the units' sending live (the calendar's stamp grows with
    // every report saved); a unit's own report, being edited, does not reload under it.
    let changes = calendar_changes();
    Effect::new(move |seen: Option<u64>| {
        let now = changes.get();
        let overview = data
            .get_untracked()
            .is_some_and(|r| matches!(r, Ok(Page::Overview(_))));
        if seen.is_some_and(|s| s != now) && overview {
            data.refetch();
        }
        now
    });
    view! {
        <section class="reports-page" aria-labelledby="reports-title">
            <h1 id="reports-title">{tr(Msg::ReportsTitle)}</h1>
            <p class="hint">{tr(Msg::ReportsIntro)}</p>
            {notice}
            <Loaded data let:page>
                {match page {
                    Page::Unit(view) => view! { <UnitReport view=*view on_saved/> }.into_any(),
                    Page::Overview(view) => view! { <Overview view on_saved typing/> }.into_any(),
                }}
            </Loaded>
        </section>
    }
}

/// The period's links (the chosen one marked), and the year's choice.
#[component]
fn PeriodChoice(
    period: EvaluationPeriod,
    year: i32,
    years: Vec<i32>,
    unit: Option<i64>,
) -> impl IntoView {
    let lang = use_lang();
    let navigate = use_navigate();
    let unit_part = unit.map(|u| format!("unit={u}&")).unwrap_or_default();
    let links = {
        let unit_part = unit_part.clone();
        move || {
            let lang = lang.get();
            EvaluationPeriod::ALL
                .into_iter()
                .map(|p| {
                    let url = format!("/reports?{unit_part}year={year}&period={}", p.code());
                    let current = (p == period).then_some("page");
                    view! {
                        <li><a href=url aria-current=current data-period=p.code()>
                            {report_period_name(lang, p)}
                        </a></li>
                    }
                })
                .collect_view()
        }
    };
    let options = years
        .into_iter()
        .map(|y| view! { <option value=y.to_string() selected=y == year>{y}</option> })
        .collect_view();
    view! {
        <nav class="period-choice" aria-label=move || t(lang.get(), Msg::ReportPeriodLabel)>
            <span>{tr(Msg::ReportPeriodLabel)} ": "</span>
            <ul>{links}</ul>
            <label>
                <span>{tr(Msg::FilterYear)} " "</span>
                <select name="year" on:change=move |ev| {
                    let y = event_target_value(&ev);
                    navigate(&format!("/reports?{unit_part}year={y}&period={}", period.code()), Default::default());
                }>{options}</select>
            </label>
        </nav>
    }
}

fn downloads(kind: DocKind, year: i32) -> impl IntoView {
    view! {
        <p class="downloads">
            <span>{tr(Msg::DownloadsLabel)} ": "</span>
            <a href=kind.download_url(year, "docx") download rel="external">{tr(Msg::DownloadDocx)}</a> " · "
            <a href=kind.download_url(year, "xlsx") download rel="external">{tr(Msg::DownloadXlsx)}</a> " · "
            <a href=kind.download_url(year, "csv") download rel="external">{tr(Msg::DownloadCsv)}</a> " · "
            <a href=kind.print_url(year)>{tr(Msg::PrintView)}</a>
        </p>
    }
}

fn row_status(lang: Lang, row: &UnitReportRow) -> String {
    match (row.sent_on, row.status) {
        (Some(on), DeadlineStatus::Late { days_late }) => fill(
            lang,
            Msg::ReportStatusSentLate,
            &[("days", &days_late), ("date", &format_date(on))],
        ),
        (Some(on), _) => fill(lang, Msg::ReportStatusSent, &[("date", &format_date(on))]),
        (None, status) => {
            let state = t(
                lang,
                if row.started {
                    Msg::ReportStatusDraft
                } else {
                    Msg::ReportStatusNone
                },
            );
            format!("{state} · {}", status_text(lang, status))
        }
    }
}

/// One text of the report: editable while it may be written, else read.
#[component]
fn ReportText(
    id: String,
    label: String,
    value: Signal<String>,
    set: Callback<String>,
    editable: bool,
    max: usize,
    #[prop(default = 4)] rows: u32,
) -> impl IntoView {
    if editable {
        view! {
            <label for=id.clone()>{label}</label>
            <textarea id=id rows=rows maxlength=max
                prop:value=move || value.get()
                on:input=move |ev| set.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <p class="report-label" id=format!("{id}-label")>{label}</p>
            <p class="report-text" id=id>{move || value.get()}</p>
        }
        .into_any()
    }
}

#[component]
fn UnitReport(view: UnitReportView, on_saved: Callback<String>) -> impl IntoView {
    let lang = use_lang();
    let draft = RwSignal::new(view.report.clone());
    let drafted = view.drafted.clone();
    let exemplars = view.exemplar_names();
    let problems = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let (version, year, period, unit_id) = (view.version, view.year, view.period, view.unit_id);
    let can_write = view.can_write;
    // Lengths and characters, as typed (the rest is checked when sending).
    let typed_problems = {
        let exemplars = exemplars.clone();
        move || {
            let lang = lang.get();
            check_unit_report(&draft.get(), &exemplars, false, false)
                .err()
                .unwrap_or_default()
                .iter()
                .map(|v| v.message(lang))
                .collect::<Vec<_>>()
        }
    };
    let save = {
        let exemplars = exemplars.clone();
        move |send: bool| {
            let d = draft.get_untracked();
            let lang = lang.get_untracked();
            if let Err(v) = check_unit_report(&d, &exemplars, false, send) {
                problems.set(v.iter().map(|v| v.message(lang)).collect());
                return;
            }
            problems.set(Vec::new());
            error.set(None);
            pending.set(true);
            leptos::task::spawn_local(async move {
                let result = save_unit_report(unit_id, year, period, version, d, send).await;
                pending.set(false);
                match result {
                    Ok(_) => on_saved.run(
                        t(
                            lang,
                            if send {
                                Msg::ReportSentNotice
                            } else {
                                Msg::ReportSaved
                            },
                        )
                        .into(),
                    ),
                    Err(e) => error.set(Some(e.describe(lang))),
                }
            });
        }
    };
    let save_draft = save.clone();
    let redraft = move |_| {
        draft.set(drafted.clone());
        note.set(Some(t(lang.get_untracked(), Msg::ReportRedraftDone).into()));
    };
    let status = view.status;
    let sent = view.sent_on.map(|on| {
        let by = view.sent_by.clone().unwrap_or_default();
        view! {
            <p class="report-sent" role="note">
                {move || fill(lang.get(), Msg::ReportSentOn, &[("date", &format_date(on)), ("by", &by)])}
                " " {tr(Msg::ReviewReadOnly)}
            </p>
        }
    });
    let fresh = view.version == 0 && can_write;
    let entries = view
        .exemplars
        .iter()
        .map(|e| {
            let id = e.id;
            let part = move |field: Field| {
                let get = move |entry: &ReportEntry| match field {
                    Field::ReportEvaluation => entry.evaluation.clone(),
                    Field::AchievementsSummary => entry.achievements.clone(),
                    Field::ReportFostering => entry.fostering.clone(),
                    Field::ReportPublicity => entry.publicity.clone(),
                    _ => entry.replication.clone(),
                };
                let value = Signal::derive(move || {
                    draft.with(|d| d.entries.get(&id).map(get).unwrap_or_default())
                });
                let set = Callback::new(move |text: String| {
                    draft.update(|d| {
                        let entry = d.entries.entry(id).or_default();
                        match field {
                            Field::ReportEvaluation => entry.evaluation = text,
                            Field::AchievementsSummary => entry.achievements = text,
                            Field::ReportFostering => entry.fostering = text,
                            Field::ReportPublicity => entry.publicity = text,
                            _ => entry.replication = text,
                        }
                    })
                });
                let code = match field {
                    Field::ReportEvaluation => "evaluation",
                    Field::AchievementsSummary => "achievements",
                    Field::ReportFostering => "fostering",
                    Field::ReportPublicity => "publicity",
                    _ => "replication",
                };
                let rows = if field == Field::ReportEvaluation { 2 } else { 3 };
                view! {
                    <div class="report-part" data-part=code>
                        <ReportText id=format!("r-{id}-{code}") label=field_name(lang.get_untracked(), field).to_string()
                            value set editable=can_write max=MAX_REPORT_ENTRY_CHARS rows/>
                    </div>
                }
            };
            view! {
                <section class="report-entry" data-exemplar=id aria-labelledby=format!("exemplar-{id}")>
                    <h3 id=format!("exemplar-{id}")>
                        <a href=format!("/nominations/{id}")>{e.name.clone()}</a>
                        <span class="entry-meta">" · " {tr(Msg::Kind(e.kind))} " · " {tr(Msg::Stage(e.stage))}</span>
                    </h3>
                    {part(Field::ReportEvaluation)}
                    {part(Field::AchievementsSummary)}
                    {part(Field::ReportFostering)}
                    {part(Field::ReportPublicity)}
                    {part(Field::ReportReplication)}
                </section>
            }
        })
        .collect_view();
    let empty = view.exemplars.is_empty();
    let assessment = Signal::derive(move || draft.with(|d| d.assessment.clone()));
    let set_assessment = Callback::new(move |text: String| draft.update(|d| d.assessment = text));
    view! {
        <PeriodChoice period year years=view.years.clone() unit=Some(unit_id)/>
        <h2 class="report-title">{move || fill(lang.get(), Msg::ReportUnitTitle, &[("period", &report_period_name(lang.get(), period))])}</h2>
        <p class="review-head">
            <strong>{view.unit_name.clone()}</strong>
            " · " {view.bloc_name.clone()}
            " · " {tr(Msg::BoardSummary)} " " {year}
            " · " {tr(Msg::ReportDueLabel)} " " {format_date(view.deadline)}
            " · " <span class="status" data-status=status_code(status)>{move || status_text(lang.get(), status)}</span>
        </p>
        {sent}
        {(view.version > 0).then(|| downloads(DocKind::UnitReport { unit_id, period }, year))}
        {fresh.then(|| view! { <p class="hint">{tr(Msg::ReportDraftedNote)}</p> })}
        <form class="report-form" on:submit=|ev| ev.prevent_default()>
            <ReportText id="unit-assessment".to_string() label=field_name(lang.get_untracked(), Field::UnitAssessment).to_string()
                value=assessment set=set_assessment editable=can_write max=MAX_REPORT_ASSESSMENT_CHARS rows=6/>
            <h2>{tr(Msg::ReportExemplarsHeading)}</h2>
            {if empty {
                view! { <p class="hint">{tr(Msg::ReportNoExemplars)}</p> }.into_any()
            } else {
                entries.into_any()
            }}
            <ul class="problems" aria-live="polite">
                {move || typed_problems().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
            <Show when=move || !problems.with(Vec::is_empty)>
                <div class="error" role="alert">
                    <p>{tr(Msg::ReportProblems)}</p>
                    <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <Show when=move || error.with(Option::is_some)>
                <p class="error" role="alert">{move || error.get()}</p>
            </Show>
            <p class="notice" role="status">{move || note.get()}</p>
            <Show when=move || can_write>
                <p class="actions">
                    <button type="button" class="secondary" disabled=move || pending.get()
                        on:click=redraft.clone()>{tr(Msg::ReportRedraft)}</button>
                    " "
                    <button type="button" class="secondary" disabled=move || pending.get()
                        on:click={let save = save_draft.clone(); move |_| save(false)}>{tr(Msg::ReportSaveDraft)}</button>
                    " "
                    <button type="button" class="primary" disabled=move || pending.get()
                        on:click={let save = save.clone(); move |_| save(true)}>{tr(Msg::ReportSend)}</button>
                    <span class="hint">" " {tr(Msg::ReportSendHint)}</span>
                </p>
            </Show>
        </form>
    }
}

#[component]
fn Overview(
    view: ReportsOverview,
    on_saved: Callback<String>,
    typing: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let (year, period) = (view.year, view.period);
    let sent = view.rows.iter().filter(|r| r.sent_on.is_some()).count();
    let late = view
        .rows
        .iter()
        .filter(|r| matches!(r.status, DeadlineStatus::Late { .. }))
        .count();
    let overdue = view
        .rows
        .iter()
        .filter(|r| matches!(r.status, DeadlineStatus::Overdue { .. }))
        .count();
    let total = view.rows.len();
    let rows = view.rows.clone();
    let lines = move || {
        let lang = lang.get();
        rows.iter()
            .map(|r| {
                let url = format!(
                    "/reports?unit={}&year={year}&period={}",
                    r.unit_id,
                    period.code()
                );
                let late = matches!(r.status, DeadlineStatus::Late { .. } | DeadlineStatus::Overdue { .. });
                view! {
                    <tr data-unit=r.unit_id data-status=status_code(r.status)>
                        <th scope="row">{r.unit_name.clone()}</th>
                        <td>{r.bloc_name.clone()}</td>
                        <td class=late.then_some("late")>{row_status(lang, r)}</td>
                        <td>{r.sent_by.clone().unwrap_or_default()}</td>
                        <td><a href=url>{t(lang, Msg::ReportOpen)}<span class="visually-hidden">" — " {r.unit_name.clone()}</span></a></td>
                    </tr>
                }
            })
            .collect_view()
    };
    let compiled = view
        .compiled
        .iter()
        .map(|u| {
            let entries = u
                .entries
                .iter()
                .map(|(name, e)| {
                    view! {
                        <li>
                            <strong>{name.clone()}</strong> ": " {e.evaluation.clone()}
                            <br/>{e.achievements.clone()}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="compiled-unit">
                    <h3>{u.unit_name.clone()} " · " {format_date(u.sent_on)}</h3>
                    <p class="report-text">{u.assessment.clone()}</p>
                    <ul>{entries}</ul>
                </section>
            }
        })
        .collect_view();
    let nothing_sent = view.compiled.is_empty();
    let no_units = view.rows.is_empty();
    let department = view.department;
    let can_compile = view.can_compile;
    let version = view.department_version;
    let stored = view.department_assessment.clone();
    let text = {
        let stored = stored.clone();
        Signal::derive(move || typing.get().unwrap_or_else(|| stored.clone()))
    };
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let typed = move || {
        let lang = lang.get();
        check_department_report(&text.get())
            .err()
            .unwrap_or_default()
            .iter()
            .map(|v| v.message(lang))
            .collect::<Vec<_>>()
    };
    let save = move |_| {
        let lang = lang.get_untracked();
        let assessment = text.get_untracked();
        if let Err(v) = check_department_report(&assessment) {
            error.set(Some(
                v.iter()
                    .map(|v| v.message(lang))
                    .collect::<Vec<_>>()
                    .join(" "),
            ));
            return;
        }
        error.set(None);
        pending.set(true);
        leptos::task::spawn_local(async move {
            let result = save_department_report(year, period, version, assessment).await;
            pending.set(false);
            match result {
                Ok(_) => {
                    typing.set(None);
                    on_saved.run(t(lang, Msg::ReportDepartmentSaved).into());
                }
                Err(e) => error.set(Some(e.describe(lang))),
            }
        });
    };
    let updated_by = view.department_updated_by.clone();
    view! {
        <PeriodChoice period year years=view.years.clone() unit=None/>
        <h2 id="units-reported">{tr(Msg::ReportUnitsHeading)}</h2>
        <p class="review-head">
            {tr(Msg::ReportDueLabel)} " " {format_date(view.deadline)} " · "
            <span class="report-count">{move || fill(lang.get(), Msg::ReportUnitsCount, &[("sent", &sent), ("total", &total), ("late", &late), ("overdue", &overdue)])}</span>
        </p>
        {if no_units {
            view! { <p class="hint">{tr(Msg::ReportNoUnits)}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table class="reports-table" aria-labelledby="units-reported">
                        <thead><tr>
                            <th scope="col">{tr(Msg::ReportUnitLabel)}</th>
                            <th scope="col">{tr(Msg::FilterBloc)}</th>
                            <th scope="col">{tr(Msg::ReportColStatus)}</th>
                            <th scope="col">{tr(Msg::ReportColSentBy)}</th>
                            <th scope="col"><span class="visually-hidden">{tr(Msg::ReportOpen)}</span></th>
                        </tr></thead>
                        <tbody>{lines}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        {department.then(|| view! {
            <section class="department-report" aria-labelledby="department-title">
                <h2 id="department-title">{move || fill(lang.get(), Msg::ReportDepartmentTitle, &[("period", &report_period_name(lang.get(), period))])}</h2>
                <p class="hint">{tr(Msg::ReportDepartmentHint)}</p>
                {downloads(DocKind::DepartmentReport { period }, year)}
                {if can_compile {
                    view! {
                        <form class="report-form" on:submit=|ev| ev.prevent_default()>
                            <label for="department-assessment">{move || field_name(lang.get(), Field::DepartmentAssessment)}</label>
                            <textarea id="department-assessment" rows="6" maxlength=MAX_REPORT_ASSESSMENT_CHARS
                                prop:value=move || text.get()
                                on:input=move |ev| typing.set(Some(event_target_value(&ev)))></textarea>
                            <ul class="problems" aria-live="polite">
                                {move || typed().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                            </ul>
                            <Show when=move || error.with(Option::is_some)>
                                <p class="error" role="alert">{move || error.get()}</p>
                            </Show>
                            <p class="actions">
                                <button type="button" class="primary" disabled=move || pending.get() on:click=save>
                                    {tr(Msg::ReportSaveDepartment)}
                                </button>
                                {updated_by.clone().map(|by| view! { <span class="hint">" " {by}</span> })}
                            </p>
                        </form>
                    }.into_any()
                } else {
                    view! {
                        <p class="report-label">{move || field_name(lang.get(), Field::DepartmentAssessment)}</p>
                        <p class="report-text">{stored.clone()}</p>
                    }.into_any()
                }}
                {if nothing_sent {
                    view! { <p class="hint">{tr(Msg::ReportNoUnitReports)}</p> }.into_any()
                } else {
                    compiled.into_any()
                }}
            </section>
        })}
    }
}
