//! `/summary/blocs/{id}/review`: a bloc head writes the bloc's preliminary review (D-2)
//! from the bloc's data and sends it to the Department; once sent it is read-only. And
//! `/print/{list}`: any of the lists as a printable A4 administrative document.

use crate::api::summary::{get_bloc_review, get_document, save_bloc_review};
use crate::components::loaded::{saved_notice, Loaded};
use crate::i18n::{tr, use_lang};
use crate::types::calendar::{status_code, status_text};
use crate::types::exports::{DocKind, Document};
use crate::types::summary::BlocReviewView;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::domain::Field;
use shared::i18n::{field_name, format_date, format_int, period_name, t, Msg};
use shared::rules::review::{check_review, ReviewDraft};
use std::collections::BTreeMap;

#[component]
pub fn ReviewPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = Memo::new(move |_| {
        (
            params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok())),
            query.with(|q| q.get("year").and_then(|y| y.parse::<i32>().ok())),
        )
    });
    let data = Resource::new(
        move || key.get(),
        |(id, year)| async move {
            match id {
                Some(id) => get_bloc_review(id, year).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    let (notice, on_saved) = saved_notice(data);
    view! {
        <section class="review-page" aria-labelledby="review-title">
            <p><a href="/summary">{tr(Msg::BackToSummary)}</a></p>
            <h1 id="review-title">{tr(Msg::ReviewPageTitle)}</h1>
            {notice}
            <Loaded data let:view>
                <Review view on_saved/>
            </Loaded>
        </section>
    }
}

#[component]
fn Review(view: BlocReviewView, on_saved: Callback<String>) -> impl IntoView {
    let lang = use_lang();
    let assessment = RwSignal::new(view.assessment.clone());
    let comments = RwSignal::new(
        view.exemplars
            .iter()
            .map(|e| (e.id, e.comment.clone()))
            .collect::<BTreeMap<i64, String>>(),
    );
    let exemplars = view.exemplar_names();
    let problems = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let version = view.version;
    let year = view.year;
    let bloc_id = view.bloc_id;
    let can_write = view.can_write;
    let draft = move || ReviewDraft {
        assessment: assessment.get(),
        comments: comments.get(),
    };
    // Lengths and the like, as typed (the rest is checked when sending).
    let typed_problems = {
        let exemplars = exemplars.clone();
        move || {
            let lang = lang.get();
            check_review(&draft(), &exemplars, false, false)
                .err()
                .unwrap_or_default()
                .iter()
                .map(|v| v.message(lang))
                .collect::<Vec<_>>()
        }
    };
    let save = {
        let exemplars = exemplars.clone();
        move |submit: bool| {
            let d = draft();
            let lang = lang.get_untracked();
            if let Err(v) = check_review(&d, &exemplars, false, submit) {
                problems.set(v.iter().map(|v| v.message(lang)).collect());
                return;
            }
            problems.set(Vec::new());
            error.set(None);
            pending.set(true);
            leptos::task::spawn_local(async move {
                let result = save_bloc_review(bloc_id, year, version, d, submit).await;
                pending.set(false);
                match result {
                    Ok(_) => on_saved.run(
                        t(
                            lang,
                            if submit {
                                Msg::ReviewSent
                            } else {
                                Msg::ReviewSaved
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
    let status = view.status;
    let deadline = format_date(view.deadline);
    let submitted = view.submitted_on.map(|on| {
        let by = view.submitted_by.clone().unwrap_or_default();
        view! {
            <p class="review-sent" role="note">
                {tr(Msg::ReviewReadOnly)} " " {tr(Msg::ReviewSubmittedOn)} " " {format_date(on)} " · " {by}
            </p>
        }
    });
    let tally = view.tally.clone();
    let figures = move || {
        let lang = lang.get();
        let stages = shared::domain::Stage::ALL
            .into_iter()
            .map(|s| {
                format!(
                    "{} {}",
                    t(lang, Msg::Stage(s)),
                    format_int(i64::from(tally.stage(s)))
                )
            })
            .collect::<Vec<_>>()
            .join(" · ");
        let evaluations = shared::domain::EvaluationPeriod::ALL
            .into_iter()
            .map(|p| {
                format!(
                    "{} {}/{}",
                    period_name(lang, p),
                    tally.evaluated(p),
                    tally.fostered
                )
            })
            .collect::<Vec<_>>()
            .join(" · ");
        view! {
            <dl class="review-figures">
                <div><dt>{t(lang, Msg::NominationsLabel)}</dt><dd>{format_int(i64::from(tally.nominations))}</dd></div>
                <div><dt>{t(lang, Msg::ByStageLabel)}</dt><dd>{stages}</dd></div>
                <div><dt>{t(lang, Msg::ColEvaluations)}</dt><dd>{evaluations}</dd></div>
                <div><dt>{t(lang, Msg::ReplicationsLabel)}</dt><dd>{format_int(i64::from(tally.replications))}</dd></div>
                <div><dt>{t(lang, Msg::CityRegisteredLabel)}</dt><dd>{format_int(i64::from(tally.city))}</dd></div>
            </dl>
        }
    };
    let rows = view
        .exemplars
        .iter()
        .map(|e| {
            let id = e.id;
            let input_id = format!("comment-{id}");
            let label = e.name.clone();
            let evaluations = e.evaluations.clone();
            let kind = e.kind;
            let stage = e.stage;
            let comment_cell = if can_write {
                view! {
                    <textarea id=input_id rows="2" maxlength="2000" aria-label=format!("{} — {}", field_name(lang.get_untracked(), Field::Comment), label)
                        prop:value=move || comments.with(|c| c.get(&id).cloned().unwrap_or_default())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            comments.update(|c| { c.insert(id, v); });
                        }></textarea>
                }
                .into_any()
            } else {
                view! { <span class="comment">{e.comment.clone()}</span> }.into_any()
            };
            view! {
                <tr data-exemplar=id>
                    <th scope="row"><a href=format!("/nominations/{id}")>{e.name.clone()}</a></th>
                    <td>{e.unit_name.clone()}</td>
                    <td>{tr(Msg::Kind(kind))}</td>
                    <td>{tr(Msg::Stage(stage))}</td>
                    <td>{move || evaluations.iter().map(|p| period_name(lang.get(), *p)).collect::<Vec<_>>().join(", ")}</td>
                    <td class="num">{e.replications}</td>
                    <td class="comment-cell">{comment_cell}</td>
                </tr>
            }
        })
        .collect_view();
    let empty = view.exemplars.is_empty();
    let kind = DocKind::Review { bloc_id };
    view! {
        <p class="review-head">
            <strong>{view.bloc_name.clone()}</strong>
            {view.head_unit.clone().map(|h| format!(" · {h}"))}
            " · " {tr(Msg::BoardSummary)} " " {year}
            " · " {tr(Msg::ReviewDeadlineLabel)} " " {deadline}
            " · " <span class="status" data-status=status_code(status)>{move || status_text(lang.get(), status)}</span>
        </p>
        {submitted}
        <p class="downloads">
            <span>{tr(Msg::DownloadsLabel)} ": "</span>
            <a href=kind.download_url(year, "docx") download rel="external">{tr(Msg::DownloadDocx)}</a> " · "
            <a href=kind.download_url(year, "xlsx") download rel="external">{tr(Msg::DownloadXlsx)}</a> " · "
            <a href=kind.download_url(year, "csv") download rel="external">{tr(Msg::DownloadCsv)}</a> " · "
            <a href=kind.print_url(year)>{tr(Msg::PrintView)}</a>
        </p>
        <h2>{tr(Msg::ReviewBlocData)}</h2>
        {figures}
        <form class="review-form" on:submit=|ev| ev.prevent_default()>
            <label for="assessment">{move || field_name(lang.get(), Field::Assessment)}</label>
            {if can_write {
                view! {
                    <textarea id="assessment" rows="6" maxlength="4000"
                        prop:value=move || assessment.get()
                        on:input=move |ev| assessment.set(event_target_value(&ev))></textarea>
                }.into_any()
            } else {
                view! { <p id="assessment" class="assessment">{view.assessment.clone()}</p> }.into_any()
            }}
            <h2>{tr(Msg::ReviewExemplars)}</h2>
            {if empty {
                view! { <p class="hint">{tr(Msg::NoExemplars)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="review-table">
                            <thead><tr>
                                <th scope="col">{move || field_name(lang.get(), Field::NomineeName)}</th>
                                <th scope="col">{tr(Msg::FilterUnit)}</th>
                                <th scope="col">{tr(Msg::FilterKind)}</th>
                                <th scope="col">{tr(Msg::ColStage)}</th>
                                <th scope="col">{tr(Msg::ColEvaluations)}</th>
                                <th scope="col">{tr(Msg::ColReplications)}</th>
                                <th scope="col">{move || field_name(lang.get(), Field::Comment)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <ul class="problems" aria-live="polite">
                {move || typed_problems().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
            <Show when=move || !problems.with(Vec::is_empty)>
                <div class="error" role="alert">
                    <p>{tr(Msg::ReviewProblems)}</p>
                    <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <Show when=move || error.with(Option::is_some)>
                <p class="error" role="alert">{move || error.get()}</p>
            </Show>
            <Show when=move || can_write>
                <p class="actions">
                    <button type="button" class="secondary" disabled=move || pending.get()
                        on:click={let save = save_draft.clone(); move |_| save(false)}>{tr(Msg::SaveDraft)}</button>
                    " "
                    <button type="button" class="primary" disabled=move || pending.get()
                        on:click={let save = save.clone(); move |_| save(true)}>{tr(Msg::SubmitReview)}</button>
                    <span class="hint">" " {tr(Msg::ReviewSubmitHint)}</span>
                </p>
            </Show>
        </form>
    }
}

#[component]
pub fn PrintPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = Memo::new(move |_| {
        (
            params.with(|p| p.get("doc").unwrap_or_default()),
            query.with(|q| q.get("year").and_then(|y| y.parse::<i32>().ok())),
        )
    });
    let data = Resource::new(move || key.get(), |(doc, year)| get_document(doc, year));
    view! {
        <Loaded data heading=Msg::PrintView let:document>{
            let (doc, year) = key.get_untracked();
            view! { <PrintedDocument document kind=DocKind::from_code(&doc) year/> }
        }</Loaded>
    }
}

#[component]
fn PrintedDocument(document: Document, kind: Option<DocKind>, year: Option<i32>) -> impl IntoView {
    let headers = document
        .columns
        .iter()
        .map(|c| view! { <th scope="col">{c.header.clone()}</th> })
        .collect_view();
    let width = document.columns.len().max(1);
    let rows = if document.rows.is_empty() {
        view! { <tr class="no-data"><td colspan=width>{document.no_data.clone()}</td></tr> }
            .into_any()
    } else {
        document
            .rows
            .iter()
            .map(|row| {
                let cells = row
                    .iter()
                    .map(|c| {
                        let numeric = matches!(
                            c,
                            crate::types::exports::Cell::Int(_)
                                | crate::types::exports::Cell::Points(_)
                        );
                        view! { <td class=numeric.then_some("num")>{c.display()}</td> }
                    })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view()
            .into_any()
    };
    let paragraphs = document
        .paragraphs
        .iter()
        .map(|p| view! { <p class="doc-paragraph"><strong>{p.label.clone()} ": "</strong>{p.text.clone()}</p> })
        .collect_view();
    let year_of = year.unwrap_or_else(|| chrono::Datelike::year(&document.date));
    let downloads = kind.map(|k| {
        view! {
            <a href=k.download_url(year_of, "docx") download rel="external">{tr(Msg::DownloadDocx)}</a> " · "
            <a href=k.download_url(year_of, "xlsx") download rel="external">{tr(Msg::DownloadXlsx)}</a> " · "
            <a href=k.download_url(year_of, "csv") download rel="external">{tr(Msg::DownloadCsv)}</a> " · "
        }
    });
    // A unit's proposal is read from its card (unit staff do not see the summary).
    let back = match kind {
        Some(DocKind::Proposal { .. }) => {
            view! { <a href="/board">{tr(Msg::BackToBoard)}</a> }.into_any()
        }
        Some(DocKind::UnitReport { unit_id, period }) => view! {
            <a href=format!("/reports?unit={unit_id}&year={year_of}&period={}", period.code())>{tr(Msg::ReportsLink)}</a>
        }
        .into_any(),
        Some(DocKind::DepartmentReport { period }) => view! {
            <a href=format!("/reports?year={year_of}&period={}", period.code())>{tr(Msg::ReportsLink)}</a>
        }
        .into_any(),
        _ => view! { <a href="/summary">{tr(Msg::BackToSummary)}</a> }.into_any(),
    };
    view! {
        <article class="minutes document" aria-labelledby="doc-title">
            <p class="no-print">
                {back} " · " {downloads}
                <button type="button" class="print" on:click=|_| {
                    #[cfg(feature = "hydrate")]
                    { let _ = window().print(); }
                }>{tr(Msg::PrintDocument)}</button>
            </p>
            <header class="minutes-head">
                <div class="issuer">
                    <p>{document.authority.clone()}</p>
                    <p><strong>{document.issuer.clone()}</strong></p>
                </div>
                <div class="motto">
                    <p><strong>{tr(Msg::MinutesMotto)}</strong></p>
                    <p><strong>{tr(Msg::MinutesMotto2)}</strong></p>
                    <p class="place-date">{document.place_date.clone()}</p>
                </div>
            </header>
            <h1 id="doc-title">{document.title.clone()}</h1>
            <p class="minutes-subtitle">{document.subtitle.clone()}</p>
            {paragraphs}
            <table class="minutes-table">
                <thead><tr>{headers}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <footer class="signatures single">
                <div><p><strong>{document.signer.clone()}</strong></p><p class="sign">{document.sign_hint.clone()}</p></div>
            </footer>
        </article>
    }
}
