//! `/summary`: the programme by bloc and unit, live. Charts are SVG drawn by the same
//! components on the server and in the browser; every number links to the cards behind it.

use crate::api::summary::get_summary;
use crate::components::live::LiveRefresh;
use crate::components::loaded::Loaded;
use crate::components::table::Heading;
use crate::components::table::Table;
use crate::components::year_filter::YearFilter;
use crate::i18n::{tr, use_lang};
use crate::types::calendar::{selection_period_name, status_code, status_text};
use crate::types::exports::DocKind;
use crate::types::model::CardEvent;
use crate::types::summary::{
    BlocSummary, CommendationCount, CommendationSummary, ReviewStatus, SummaryView, UnitSummary,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::domain::{EvaluationPeriod, ExemplarType, Field, NomineeKind, SelectionPeriod, Stage};
use shared::i18n::{
    commendation_form_name, exemplar_type_name, format_date, format_int, format_points,
    period_name, t, Lang, Msg,
};
use shared::rules::deadline::deadline_status;
use shared::rules::summary::{DeadlineCount, Tally};

/// Every change of a card can change a count.
fn any_change(_: &CardEvent) -> bool {
    true
}

#[component]
pub fn SummaryPage() -> impl IntoView {
    let query = use_query_map();
    let year =
        Memo::new(move |_| query.with(|q| q.get("year").and_then(|y| y.parse::<i32>().ok())));
    let data = Resource::new(move || year.get(), get_summary);
    view! {
        <section class="summary-page" aria-labelledby="summary-title">
            <h1 id="summary-title">{tr(Msg::SummaryTitle)}</h1>
            <Loaded data let:view>
                <LiveRefresh seq=view.seq wanted=any_change refresh=Callback::new(move |_| data.refetch())/>
                <Summary view/>
            </Loaded>
        </section>
    }
}

/// The board filtered to what a number counts.
fn board_link(
    year: i32,
    bloc: Option<i64>,
    unit: Option<i64>,
    kind: Option<NomineeKind>,
) -> String {
    let mut url = format!("/board?year={year}");
    if let Some(b) = bloc {
        url.push_str(&format!("&bloc={b}"));
    }
    if let Some(u) = unit {
        url.push_str(&format!("&unit={u}"));
    }
    if let Some(k) = kind {
        url.push_str(&format!("&kind={}", k.code()));
    }
    url
}

fn score_text(tally: &Tally) -> String {
    tally
        .average_score_milli()
        .map(format_points)
        .unwrap_or_else(|| "—".into())
}

/// "đánh giá 6 tháng" → "Đánh giá 6 tháng".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn count(n: u32) -> String {
    format_int(i64::from(n))
}

#[component]
fn Summary(view: SummaryView) -> impl IntoView {
    let lang = use_lang();
    let year = view.year;
    let years = view.years.clone();
    let today = format_date(view.today);
    let total = view.total.clone();
    let figures = {
        let total = total.clone();
        let deadlines = view.deadlines;
        move || {
            let lang = lang.get();
            let link = board_link(year, None, None, None);
            view! {
                <dl class="key-figures">
                    <div><dt>{t(lang, Msg::NominationsLabel)}</dt>
                        <dd><a href=link.clone() data-figure="nominations">{count(total.nominations)}</a></dd></div>
                    <div><dt>{t(lang, Msg::CityRegisteredLabel)}</dt>
                        <dd><a href=format!("{link}&city=yes") data-figure="city">{count(total.city)}</a></dd></div>
                    <div><dt>{t(lang, Msg::AverageScoreLabel)}</dt>
                        <dd data-figure="score" title=t(lang, Msg::ScoreHiddenHint)>{score_text(&total)}</dd></div>
                    <div><dt>{t(lang, Msg::ReplicationsLabel)}</dt>
                        <dd data-figure="replications">{count(total.replications)}</dd></div>
                    <div><dt>{t(lang, Msg::DeadlinesMetLabel)}</dt>
                        <dd data-figure="met">{count(deadlines.met)}</dd></div>
                    <div class="late"><dt>{t(lang, Msg::DeadlinesOverdueLabel)}</dt>
                        <dd data-figure="overdue">{count(deadlines.overdue)}</dd></div>
                </dl>
            }
        }
    };
    let blocs = view.blocs.clone();
    let all_blocs = view.all_blocs;
    let calendar = view.calendar.clone();
    let today_date = view.today;
    let sections = view
        .blocs
        .into_iter()
        .map(|b| view! { <BlocSection bloc=b year/> })
        .collect_view();
    view! {
        <YearFilter path="/summary" year years/>
        <p class="board-summary">
            <strong>{tr(Msg::BoardSummary)} " " {year}</strong>
            " · " {view.campaign_name} " · " {tr(Msg::TodayLabel)} " " {today}
            " · " <span class="live-note">{tr(Msg::SummaryLiveNote)}</span>
        </p>
        {figures}
        <div class="charts">
            <StageChart blocs=blocs/>
            <EvaluationChart total=total.clone() calendar today=today_date/>
        </div>
        <Classification total movements=view.movements/>
        <Commendations summary=view.commendations/>
        <Show when=move || all_blocs>
            <CityLists year/>
        </Show>
        {sections}
    }
}

/// A stacked bar of stages per bloc.
#[component]
fn StageChart(blocs: Vec<BlocSummary>) -> impl IntoView {
    let lang = use_lang();
    const LABEL: f64 = 330.0;
    const WIDTH: f64 = 960.0;
    const ROW: f64 = 30.0;
    let max = blocs
        .iter()
        .map(|b| b.tally.nominations)
        .max()
        .unwrap_or(0)
        .max(1);
    let height = ROW * blocs.len().max(1) as f64 + 8.0;
    let scale = (WIDTH - LABEL - 60.0) / f64::from(max);
    move || {
        let lang = lang.get();
        let rows = blocs
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let y = 4.0 + ROW * i as f64;
                let mut x = LABEL;
                let segments = Stage::ALL
                    .into_iter()
                    .filter(|s| b.tally.stage(*s) > 0)
                    .map(|s| {
                        let n = b.tally.stage(s);
                        let w = f64::from(n) * scale;
                        let seg_x = x;
                        x += w;
                        view! {
                            <rect class=format!("seg seg-{}", s.code()) x=seg_x y=y width=w height=ROW - 8.0>
                                <title>{format!("{} · {}: {}", b.name, t(lang, Msg::Stage(s)), count(n))}</title>
                            </rect>
                        }
                    })
                    .collect_view();
                let label = b.name.clone();
                view! {
                    <g class="bar" data-bloc=b.id>
                        <text x=LABEL - 8.0 y=y + (ROW - 8.0) / 2.0 + 5.0 text-anchor="end" class="bar-label">{label}</text>
                        {segments}
                        <text x=x + 6.0 y=y + (ROW - 8.0) / 2.0 + 5.0 class="bar-total">{count(b.tally.nominations)}</text>
                    </g>
                }
            })
            .collect_view();
        let legend = Stage::ALL
            .into_iter()
            .map(|s| {
                view! {
                    <li><span class=format!("swatch seg-{}", s.code()) aria-hidden="true"></span>{t(lang, Msg::Stage(s))}</li>
                }
            })
            .collect_view();
        let description = blocs
            .iter()
            .map(|b| {
                let parts = Stage::ALL
                    .into_iter()
                    .map(|s| format!("{} {}", t(lang, Msg::Stage(s)), b.tally.stage(s)))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("{}: {parts}.", b.name)
            })
            .collect::<Vec<_>>()
            .join(" ");
        view! {
            <figure class="chart">
                <figcaption id="chart-stages-title">{t(lang, Msg::StagesChartTitle)}</figcaption>
                <svg class="stage-chart" viewBox=format!("0 0 {WIDTH} {height}") role="img"
                    aria-labelledby="chart-stages-title chart-stages-desc" preserveAspectRatio="xMinYMin meet">
                    <desc id="chart-stages-desc">{description}</desc>
                    {rows}
                </svg>
                <ul class="legend">{legend}</ul>
            </figure>
        }
    }
}

/// Each periodic evaluation: how many are done of those owed, against its checkpoint.
#[component]
fn EvaluationChart(
    total: Tally,
    calendar: shared::domain::CampaignYear,
    today: chrono::NaiveDate,
) -> impl IntoView {
    let lang = use_lang();
    const LABEL: f64 = 330.0;
    const WIDTH: f64 = 960.0;
    const ROW: f64 = 34.0;
    let bar = WIDTH - LABEL - 150.0;
    move || {
        let lang = lang.get();
        let owed = total.fostered;
        let rows = EvaluationPeriod::ALL
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let done = total.evaluated(p);
                let date = match p {
                    EvaluationPeriod::SixMonth => calendar.checkpoints.six_month,
                    EvaluationPeriod::NineMonth => calendar.checkpoints.nine_month,
                    EvaluationPeriod::Annual => calendar.checkpoints.annual,
                };
                let status = deadline_status(date, today, owed > 0 && done >= owed);
                let y = 4.0 + ROW * i as f64;
                let share = if owed == 0 { 0.0 } else { f64::from(done) / f64::from(owed) };
                view! {
                    <g class="progress" data-period=p.code() data-status=status_code(status)>
                        <text x=LABEL - 8.0 y=y + 17.0 text-anchor="end" class="bar-label">
                            {format!("{} ({})", capitalised(period_name(lang, p)), format_date(date))}
                        </text>
                        <rect class="track" x=LABEL y=y width=bar height=ROW - 10.0/>
                        <rect class="fill" x=LABEL y=y width=bar * share height=ROW - 10.0>
                            <title>{format!("{}: {}/{}", period_name(lang, p), count(done), count(owed))}</title>
                        </rect>
                        <text x=LABEL + bar + 8.0 y=y + 17.0 class="bar-total">{format!("{}/{}", count(done), count(owed))}</text>
                    </g>
                }
            })
            .collect_view();
        let description = EvaluationPeriod::ALL
            .into_iter()
            .map(|p| format!("{}: {}/{}", period_name(lang, p), total.evaluated(p), owed))
            .collect::<Vec<_>>()
            .join("; ");
        view! {
            <figure class="chart">
                <figcaption id="chart-evaluations-title">{t(lang, Msg::EvaluationsChartTitle)}</figcaption>
                <svg class="evaluation-chart" viewBox=format!("0 0 {WIDTH} {}", ROW * 3.0 + 8.0) role="img"
                    aria-labelledby="chart-evaluations-title chart-evaluations-desc" preserveAspectRatio="xMinYMin meet">
                    <desc id="chart-evaluations-desc">{description}</desc>
                    {rows}
                </svg>
            </figure>
        }
    }
}

/// The counts by kind of exemplar (N-2) and by emulation movement, each with the
/// nominations not classified (or naming no movement).
#[component]
fn Classification(total: Tally, movements: Vec<shared::domain::Movement>) -> impl IntoView {
    let lang = use_lang();
    let by_type = {
        let total = total.clone();
        move || {
            let lang = lang.get();
            ExemplarType::ALL
                .into_iter()
                .map(|k| (k.code().to_string(), exemplar_type_name(lang, k).to_string(), total.exemplar_type(Some(k))))
                .chain(std::iter::once(("none".to_string(), t(lang, Msg::ExemplarNotClassified).to_string(), total.exemplar_type(None))))
                .map(|(code, name, n)| view! {
                    <tr data-exemplar-type=code><th scope="row">{name}</th><td class="num">{count(n)}</td></tr>
                })
                .collect_view()
        }
    };
    let by_movement = move || {
        let lang = lang.get();
        movements
            .iter()
            // A retired movement no nomination names is of no interest to the count.
            .filter(|m| !m.retired || total.movement(Some(m.id)) > 0)
            .map(|m| (m.id.to_string(), m.name.clone(), total.movement(Some(m.id))))
            .chain(std::iter::once(("none".to_string(), t(lang, Msg::MovementNotNamed).to_string(), total.movement(None))))
            .map(|(id, name, n)| view! {
                <tr data-movement=id><th scope="row">{name}</th><td class="num">{count(n)}</td></tr>
            })
            .collect_view()
    };
    view! {
        <div class="classification">
            <section aria-labelledby="by-type-title">
                <h2 id="by-type-title">{tr(Msg::SummaryByType)}</h2>
                <Table class="by-type" columns=vec![Field::ExemplarType.into(), Msg::NominationsLabel.into()]>
                    {by_type}
                </Table>
            </section>
            <section aria-labelledby="by-movement-title">
                <h2 id="by-movement-title">{tr(Msg::SummaryByMovement)}</h2>
                <Table class="by-movement" columns=vec![Field::Movement.into(), Msg::NominationsLabel.into()]>
                    {by_movement}
                </Table>
            </section>
        </div>
    }
}

/// The commendations proposed and decided (S-3): by form (granted ones under the form
/// granted), and by bloc and unit.
#[component]
fn Commendations(summary: CommendationSummary) -> impl IntoView {
    let lang = use_lang();
    let cells = |c: CommendationCount| {
        view! {
            <td class="num" data-count="pending">{count(c.pending)}</td>
            <td class="num" data-count="granted">{count(c.granted)}</td>
            <td class="num" data-count="declined">{count(c.declined)}</td>
        }
    };
    let body = if summary.total.total() == 0 {
        view! { <p class="empty">{tr(Msg::NoCommendationsYear)}</p> }.into_any()
    } else {
        let by_form = summary
            .by_form
            .into_iter()
            .map(|(form, c)| {
                view! {
                    <tr data-form=form.code()>
                        <th scope="row">{move || commendation_form_name(lang.get(), form)}</th>
                        {cells(c)}
                    </tr>
                }
            })
            .collect_view();
        let by_place = summary
            .by_place
            .into_iter()
            .map(|p| {
                let unit = p.unit_id.is_some();
                view! {
                    <tr class:unit=unit data-bloc=p.bloc_id data-unit=p.unit_id>
                        <th scope="row">{p.name}</th>
                        {cells(p.count)}
                    </tr>
                }
            })
            .collect_view();
        let columns = |first: Heading| {
            vec![
                first,
                Msg::CountPending.into(),
                Msg::CountGranted.into(),
                Msg::CountDeclined.into(),
            ]
        };
        view! {
            <div class="classification">
                <Table class="by-form" columns=columns(Field::GrantedForm.into())>{by_form}</Table>
                <Table class="by-place" columns=columns(Msg::BlocOrUnit.into())>{by_place}</Table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="commendations-summary" aria-labelledby="commendations-summary-title">
            <h2 id="commendations-summary-title">{tr(Msg::SummaryCommendations)}</h2>
            {body}
        </section>
    }
}

/// The lists the office sends to the City, as files and as printable pages.
#[component]
fn CityLists(year: i32) -> impl IntoView {
    let lang = use_lang();
    let mut docs = vec![DocKind::City];
    docs.extend(SelectionPeriod::ALL.into_iter().map(DocKind::Selection));
    docs.extend(
        EvaluationPeriod::ALL
            .into_iter()
            .map(|period| DocKind::DepartmentReport { period }),
    );
    move || {
        let lang = lang.get();
        let rows = docs
            .iter()
            .map(|kind| {
                let name = match kind {
                    DocKind::City => t(lang, Msg::CityListLabel).to_string(),
                    DocKind::Selection(p) => format!(
                        "{} — {}",
                        t(lang, Msg::NavSelections),
                        selection_period_name(lang, *p)
                    ),
                    DocKind::DepartmentReport { period } => shared::i18n::fill(
                        lang,
                        Msg::ReportDepartmentTitle,
                        &[("period", &shared::i18n::report_period_name(lang, *period))],
                    ),
                    DocKind::Review { .. }
                    | DocKind::Proposal { .. }
                    | DocKind::UnitReport { .. } => String::new(),
                };
                view! {
                    <tr data-doc=kind.code()>
                        <th scope="row">{name.clone()}</th>
                        <td><a href=kind.download_url(year, "docx") download rel="external"
                            aria-label=format!("{} — {}", name, t(lang, Msg::DownloadDocx))>{t(lang, Msg::DownloadDocx)}</a></td>
                        <td><a href=kind.download_url(year, "xlsx") download rel="external"
                            aria-label=format!("{} — {}", name, t(lang, Msg::DownloadXlsx))>{t(lang, Msg::DownloadXlsx)}</a></td>
                        <td><a href=kind.download_url(year, "csv") download rel="external"
                            aria-label=format!("{} — {}", name, t(lang, Msg::DownloadCsv))>{t(lang, Msg::DownloadCsv)}</a></td>
                        <td><a href=kind.print_url(year)
                            aria-label=format!("{} — {}", name, t(lang, Msg::PrintView))>{t(lang, Msg::PrintView)}</a></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="city-lists" aria-labelledby="city-lists-title">
                <h2 id="city-lists-title">{t(lang, Msg::ListsTitle)}</h2>
                <table class="lists-table"><tbody>{rows}</tbody></table>
            </section>
        }
    }
}

fn review_text(lang: Lang, review: &ReviewStatus) -> String {
    match (review.submitted_on, review.started) {
        (Some(on), _) => format!(
            "{} {}{}",
            t(lang, Msg::ReviewSubmittedOn),
            format_date(on),
            review
                .submitted_by
                .as_ref()
                .map(|b| format!(" · {b}"))
                .unwrap_or_default()
        ),
        (None, true) => format!(
            "{} · {}",
            t(lang, Msg::ReviewDraftState),
            status_text(lang, review.status)
        ),
        (None, false) => format!(
            "{} · {}",
            t(lang, Msg::ReviewNotStarted),
            status_text(lang, review.status)
        ),
    }
}

fn late_class(overdue: u32) -> &'static str {
    if overdue > 0 {
        "num late"
    } else {
        "num"
    }
}

fn deadline_cells(d: DeadlineCount) -> impl IntoView {
    view! {
        <td class="num">{count(d.met)}</td>
        <td class=late_class(d.overdue)>{count(d.overdue)}</td>
    }
}

#[component]
fn BlocSection(bloc: BlocSummary, year: i32) -> impl IntoView {
    let lang = use_lang();
    let title_id = format!("bloc-{}-title", bloc.id);
    let review_url = format!("/summary/blocs/{}/review?year={year}", bloc.id);
    let review = bloc.review.clone();
    let review_code = status_code(review.status);
    let kinds = {
        let tally = bloc.tally.clone();
        let id = bloc.id;
        move || {
            let lang = lang.get();
            NomineeKind::ALL
                .into_iter()
                .map(|k| {
                    view! {
                        <li><a href=board_link(year, Some(id), None, Some(k))>
                            {t(lang, Msg::Kind(k))} ": " {count(tally.kind(k))}
                        </a></li>
                    }
                })
                .collect_view()
        }
    };
    let units = bloc.units.clone();
    let unit_rows = move || {
        units
            .iter()
            .map(|u| view! { <UnitRow unit=u.clone() bloc=bloc.id year/> })
            .collect_view()
    };
    let total = bloc.tally.clone();
    let deadlines = bloc.deadlines;
    let bloc_link = board_link(year, Some(bloc.id), None, None);
    let name = bloc.name.clone();
    view! {
        <section class="bloc-summary" aria-labelledby=title_id.clone() data-bloc=bloc.id>
            <h2 id=title_id.clone()>{name.clone()}</h2>
            <p class="review-line" data-status=review_code>
                <strong>{tr(Msg::ReviewLabel)} ": "</strong>
                <span class="review-status">{move || review_text(lang.get(), &review)}</span>
                " · " <a href=review_url>{tr(Msg::OpenReview)}</a>
            </p>
            <p class="kinds-line"><span>{tr(Msg::ByKindLabel)} ": "</span></p>
            <ul class="kinds">{kinds}</ul>
            <div class="table-scroll">
                <table class="summary-table">
                    <caption class="visually-hidden">{tr(Msg::UnitsOfBloc)} " — " {name}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr(Msg::FilterUnit)}</th>
                            <th scope="col">{tr(Msg::NominationsLabel)}</th>
                            {Stage::ALL.into_iter().map(|s| view! { <th scope="col">{tr(Msg::Stage(s))}</th> }).collect_view()}
                            <th scope="col">{tr(Msg::CityRegisteredLabel)}</th>
                            <th scope="col">{tr(Msg::AverageScoreLabel)}</th>
                            {EvaluationPeriod::ALL.into_iter().map(|p| view! {
                                <th scope="col">{move || capitalised(period_name(lang.get(), p))}</th>
                            }).collect_view()}
                            <th scope="col">{tr(Msg::ReplicationsLabel)}</th>
                            <th scope="col">{tr(Msg::DeadlinesMetLabel)}</th>
                            <th scope="col">{tr(Msg::DeadlinesOverdueLabel)}</th>
                            <th scope="col">{tr(Msg::ReportsLink)}</th>
                        </tr>
                    </thead>
                    <tbody>{unit_rows}</tbody>
                    <tfoot>
                        <tr class="bloc-total">
                            <th scope="row"><a href=bloc_link.clone()>{tr(Msg::BlocTotal)}</a></th>
                            {tally_cells(&total, &bloc_link)}
                            {deadline_cells(deadlines)}
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}

fn tally_cells(tally: &Tally, link: &str) -> impl IntoView {
    let stages = Stage::ALL
        .into_iter()
        .map(|s| {
            view! {
                <td class="num" data-stage=s.code()><a href=link.to_string()>{count(tally.stage(s))}</a></td>
            }
        })
        .collect_view();
    let evaluations = EvaluationPeriod::ALL
        .into_iter()
        .map(|p| {
            view! {
                <td class="num" data-period=p.code()>{format!("{}/{}", count(tally.evaluated(p)), count(tally.fostered))}</td>
            }
        })
        .collect_view();
    view! {
        <td class="num" data-count="nominations"><a href=link.to_string()>{count(tally.nominations)}</a></td>
        {stages}
        <td class="num" data-count="city"><a href=format!("{link}&city=yes")>{count(tally.city)}</a></td>
        <td class="num" data-count="score">{score_text(tally)}</td>
        {evaluations}
        <td class="num" data-count="replications">{count(tally.replications)}</td>
    }
}

#[component]
fn UnitRow(unit: UnitSummary, bloc: i64, year: i32) -> impl IntoView {
    let link = board_link(year, Some(bloc), Some(unit.id), None);
    view! {
        <tr data-unit=unit.id>
            <th scope="row"><a href=link.clone()>{unit.name.clone()}</a></th>
            {tally_cells(&unit.tally, &link)}
            {deadline_cells(unit.deadlines)}
            {report_cell(unit.id, year, unit.reports.clone())}
        </tr>
    }
}

/// Where the unit's periodic reports stand (E-1), each a link to the report.
fn report_cell(
    unit_id: i64,
    year: i32,
    reports: Vec<(EvaluationPeriod, shared::rules::deadline::DeadlineStatus)>,
) -> impl IntoView {
    let lang = use_lang();
    let items = move || {
        let lang = lang.get();
        reports
            .iter()
            .map(|(p, status)| {
                let url = format!("/reports?unit={unit_id}&year={year}&period={}", p.code());
                view! {
                    <li data-period=p.code() data-status=status_code(*status)>
                        <a href=url>{capitalised(shared::i18n::report_period_name(lang, *p))} ": " {status_text(lang, *status)}</a>
                    </li>
                }
            })
            .collect_view()
    };
    view! { <td class="unit-reports"><ul>{items}</ul></td> }
}
