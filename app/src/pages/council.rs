//! `/council` and `/council/{id}`: the council scores registered nominations against the
//! criteria of their kind (S-2). Saved as the member types; blind until submitted.

use crate::api::council::{change_sheet, get_council, get_sheet};
use crate::components::live::LiveRefresh;
use crate::components::loaded::Loaded;
use crate::i18n::{tr, use_lang};
use crate::types::council::{CouncilList, CouncilRow, SheetChange, SheetState, SheetView};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::domain::{criteria_for, NomineeKind, Score};
use shared::i18n::{input_error, t, Lang, Msg};
use shared::rules::council::Aggregate;
use std::time::Duration;

/// "7,25" for 7250 thousandths (Vietnamese decimal comma).
fn points(milli: i64) -> String {
    shared::i18n::format_points(milli)
}

fn criterion_name(lang: Lang, kind: NomineeKind, code: &str) -> String {
    criteria_for(kind)
        .iter()
        .find(|c| c.code == code)
        .map(|c| if lang == Lang::Vi { c.vi } else { c.en })
        .unwrap_or(code)
        .to_string()
}

fn state_text(lang: Lang, state: &SheetState) -> String {
    match state {
        SheetState::Recused => t(lang, Msg::StateRecused).into(),
        SheetState::Conflict { .. } => t(lang, Msg::StateConflict).into(),
        SheetState::Open { scored, total } => {
            format!("{} {scored}/{total}", t(lang, Msg::StateOpen))
        }
        SheetState::Submitted => t(lang, Msg::StateSubmitted).into(),
        SheetState::Office => t(lang, Msg::StateOffice).into(),
    }
}

fn state_code(state: &SheetState) -> &'static str {
    match state {
        SheetState::Recused => "recused",
        SheetState::Conflict { .. } => "conflict",
        SheetState::Open { .. } => "open",
        SheetState::Submitted => "submitted",
        SheetState::Office => "office",
    }
}

/// The aggregate in words: total, sheets counted of those who may score, quorum, spread.
fn aggregate_cells(lang: Lang, a: &Aggregate) -> (String, String, String, String) {
    let total = a.total_milli.map(points).unwrap_or_else(|| "—".into());
    let count = format!("{}/{}", a.scored, a.eligible);
    let quorum = if a.quorum { "✓" } else { "—" }.to_string();
    let spread = match a.spread_milli {
        Some(s) if a.disagreement => format!("{} ⚠ {}", points(s), t(lang, Msg::Disagreement)),
        Some(s) => points(s),
        None => "—".into(),
    };
    (total, count, quorum, spread)
}

/// The council's secret ballot: members vote, the office opens and closes it.
#[component]
fn BallotSection(
    ballot: crate::types::council::BallotView,
    is_office: bool,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let open = ballot.open;
    let pct = ballot.share_pct;
    let items = ballot
        .items
        .into_iter()
        .map(|item| {
            let id = item.id;
            let vote = move |agree: bool| {
                busy.set(true);
                error.set(None);
                leptos::task::spawn_local(async move {
                    match crate::api::council::cast_vote(id, agree).await {
                        Ok(()) => on_change.run(t(lang.get_untracked(), Msg::VoteRecorded).into()),
                        Err(e) => error.set(Some(e.describe(lang.get_untracked()))),
                    }
                    busy.set(false);
                });
            };
            let controls = if item.can_vote {
                view! {
                    <button type="button" class="vote agree" disabled=move || busy.get() on:click=move |_| vote(true)>
                        {tr(Msg::Agree)}<span class="visually-hidden">{format!(" — {}", item.name)}</span>
                    </button>
                    <button type="button" class="vote disagree" disabled=move || busy.get() on:click=move |_| vote(false)>
                        {tr(Msg::Disagree)}<span class="visually-hidden">{format!(" — {}", item.name)}</span>
                    </button>
                }
                .into_any()
            } else if item.voted {
                view! { <span class="voted">{tr(Msg::Voted)}</span> }.into_any()
            } else {
                ().into_any()
            };
            let result = item.result.map(|r| {
                let verdict = if r.passed { Msg::Passed } else { Msg::NotPassed };
                view! {
                    <span class="ballot-result" data-passed=r.passed.to_string()>
                        {move || format!("{} {} · {} {} · {} {} · ",
                            t(lang.get(), Msg::Agree), r.agree,
                            t(lang.get(), Msg::Disagree), r.disagree,
                            t(lang.get(), Msg::QuorumLabel), if r.quorum { "✓" } else { "—" })}
                        <strong>{tr(verdict)}</strong>
                    </span>
                }
            });
            let cast = (open && is_office).then(|| {
                let n = item.cast;
                view! { <span class="muted">{move || format!("{n} {}", t(lang.get(), Msg::VotesCast))}</span> }
            });
            view! {
                <li data-nomination-id=id>
                    <span class="ballot-name">{item.name.clone()}</span>
                    " " {controls} {cast} {result}
                </li>
            }
        })
        .collect_view();
    let close = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            match crate::api::council::close_ballot().await {
                Ok(()) => on_change.run(t(lang.get_untracked(), Msg::BallotClosedDone).into()),
                Err(e) => error.set(Some(e.describe(lang.get_untracked()))),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="ballot" aria-labelledby="ballot-title">
            <h2 id="ballot-title">{tr(Msg::BallotTitle)}</h2>
            <p class="hint">
                {move || t(lang.get(), if open { Msg::BallotOpenNote } else { Msg::BallotClosedNote })}
                " · "
                {move || t(lang.get(), Msg::BallotThreshold).replace("{pct}", &pct.to_string())}
            </p>
            <ul class="ballot-items">{items}</ul>
            {(open && is_office).then(|| view! {
                <button type="button" on:click=close disabled=move || busy.get()>{tr(Msg::CloseBallot)}</button>
            })}
            <div role="alert">{move || error.get().map(|e| view! { <p class="error">{e}</p> })}</div>
        </section>
    }
}

/// `/council/minutes`: the council session's minutes (biên bản), printable on A4: who took
/// part, the scores and ranking, the ballot's results and the decision. The office only.
#[component]
pub fn MinutesPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_council());
    let lang = use_lang();
    view! {
        <Transition fallback=move || view! { <p class="loading">{tr(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) if list.is_office => view! { <Minutes list/> }.into_any(),
                    Ok(_) => view! {
                        <h1>{tr(Msg::MinutesTitle)}</h1>
                        <p class="error" role="alert">{move || crate::error::AppError::Forbidden(shared::auth::Denied::Role).describe(lang.get())}</p>
                    }.into_any(),
                    Err(e) => view! {
                        <h1>{tr(Msg::MinutesTitle)}</h1>
                        <p class="error" role="alert">{move || e.describe(lang.get())}</p>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Minutes(list: CouncilList) -> impl IntoView {
    let lang = use_lang();
    let year = list.year;
    let date = list
        .decision
        .as_ref()
        .map(|d| d.decided_on)
        .unwrap_or(list.today);
    let present = list
        .members
        .iter()
        .filter(|m| m.submitted > 0)
        .map(|m| view! { <li>{m.name.clone()}</li> })
        .collect_view();
    let mut ranked: Vec<CouncilRow> = list
        .rows
        .iter()
        .filter(|r| r.rank.is_some())
        .cloned()
        .collect();
    ranked.sort_by_key(|r| r.rank);
    let scores = move || {
        let lang = lang.get();
        ranked
            .iter()
            .map(|r| {
                let (total, count, quorum, spread) = r
                    .aggregate
                    .as_ref()
                    .map(|a| aggregate_cells(lang, a))
                    .unwrap_or_default();
                view! {
                    <tr>
                        <td>{r.rank.unwrap_or_default()}</td>
                        <td>{r.name.clone()}</td>
                        <td>{r.unit_name.clone()}</td>
                        <td>{total}</td>
                        <td>{count}</td>
                        <td>{quorum}</td>
                        <td>{spread}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let ballot = list.ballot.clone().map(|b| {
        b.items
            .into_iter()
            .map(|i| {
                let r = i.result;
                view! {
                    <tr>
                        <td>{i.name}</td>
                        <td>{r.map(|r| r.agree.to_string()).unwrap_or_default()}</td>
                        <td>{r.map(|r| r.disagree.to_string()).unwrap_or_default()}</td>
                        <td>{r.map(|r| if r.quorum { "✓" } else { "—" }).unwrap_or_default()}</td>
                        <td>{r.map(|r| tr(if r.passed { Msg::Passed } else { Msg::NotPassed }))}</td>
                    </tr>
                }
            })
            .collect_view()
    });
    let names: Vec<(i64, String, String)> = list
        .rows
        .iter()
        .map(|r| (r.id, r.name.clone(), r.unit_name.clone()))
        .collect();
    let decision = list.decision.clone().map(|d| {
        let items = d
            .nominations
            .iter()
            .filter_map(|id| names.iter().find(|(x, ..)| x == id))
            .map(|(_, name, unit)| view! { <li>{format!("{name} ({unit})")}</li> })
            .collect_view();
        let when = shared::i18n::format_date(d.decided_on);
        view! {
            <p>{tr(Msg::DecisionOn)} " " {when} " · " {d.recorded_by.clone()}</p>
            <ol>{items}</ol>
        }
    });
    view! {
        <article class="minutes" aria-labelledby="minutes-title">
            <p class="no-print"><a href="/council">{tr(Msg::BackToCouncil)}</a>
                " " <button type="button" class="print" on:click=|_| {
                    #[cfg(feature = "hydrate")]
                    { let _ = window().print(); }
                }>{tr(Msg::Print)}</button>
            </p>
            <header class="minutes-head">
                <div class="issuer">
                    <p>{tr(Msg::MinutesIssuer)}</p>
                    <p><strong>{tr(Msg::MinutesCouncil)}</strong></p>
                </div>
                <div class="motto">
                    <p><strong>{tr(Msg::MinutesMotto)}</strong></p>
                    <p><strong>{tr(Msg::MinutesMotto2)}</strong></p>
                    <p class="place-date">{move || format!("{} {}", t(lang.get(), Msg::MinutesDate), shared::i18n::format_date(date))}</p>
                </div>
            </header>
            <h1 id="minutes-title">{tr(Msg::MinutesTitle)}</h1>
            <p class="minutes-subtitle">{tr(Msg::MinutesSubtitle)} " " {year}</p>
            <h2>"1. " {tr(Msg::MinutesPresent)}</h2>
            <ol class="present">{present}</ol>
            <h2>"2. " {tr(Msg::MinutesScores)}</h2>
            <table class="minutes-table">
                <thead><tr>
                    <th scope="col">{tr(Msg::RankLabel)}</th>
                    <th scope="col">{move || shared::i18n::field_name(lang.get(), shared::domain::Field::NomineeName)}</th>
                    <th scope="col">{tr(Msg::FilterUnit)}</th>
                    <th scope="col">{tr(Msg::TotalLabel)}</th>
                    <th scope="col">{tr(Msg::ScoresCountLabel)}</th>
                    <th scope="col">{tr(Msg::QuorumLabel)}</th>
                    <th scope="col">{tr(Msg::SpreadLabel)}</th>
                </tr></thead>
                <tbody>{scores}</tbody>
            </table>
            <h2>"3. " {tr(Msg::MinutesBallot)}</h2>
            {match ballot {
                Some(rows) => view! {
                    <table class="minutes-table">
                        <thead><tr>
                            <th scope="col">{move || shared::i18n::field_name(lang.get(), shared::domain::Field::NomineeName)}</th>
                            <th scope="col">{tr(Msg::Agree)}</th>
                            <th scope="col">{tr(Msg::Disagree)}</th>
                            <th scope="col">{tr(Msg::QuorumLabel)}</th>
                            <th scope="col">{tr(Msg::Passed)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }.into_any(),
                None => view! { <p>{tr(Msg::MinutesNoBallot)}</p> }.into_any(),
            }}
            <h2>"4. " {tr(Msg::MinutesDecision)}</h2>
            {match decision {
                Some(d) => d.into_any(),
                None => view! { <p>{tr(Msg::MinutesNoDecision)}</p> }.into_any(),
            }}
            <footer class="signatures">
                <div><p><strong>{tr(Msg::MinutesSecretary)}</strong></p><p class="sign">{tr(Msg::MinutesSign)}</p></div>
                <div><p><strong>{tr(Msg::MinutesChair)}</strong></p><p class="sign">{tr(Msg::MinutesSign)}</p></div>
            </footer>
        </article>
    }
}

/// A council member's sheet changed somewhere.
fn is_council(event: &crate::types::model::CardEvent) -> bool {
    event.action.is_council()
}

#[component]
pub fn CouncilPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_council());
    let notice = RwSignal::new(None::<String>);
    view! {
        <section class="council-page" aria-labelledby="council-title">
            <h1 id="council-title">{tr(Msg::CouncilTitle)}</h1>
            <p class="hint">{tr(Msg::CouncilIntro)}</p>
            <p class="notice" role="status">{move || notice.get()}</p>
            <Loaded data let:list>
                <LiveRefresh seq=list.seq wanted=is_council refresh=Callback::new(move |_| data.refetch()) delay=Duration::from_millis(500)/>
                <CouncilTable list on_change=Callback::new(move |text| {
                    notice.set(Some(text));
                    data.refetch();
                })/>
            </Loaded>
        </section>
    }
}

#[component]
fn CouncilTable(list: CouncilList, on_change: Callback<String>) -> impl IntoView {
    let lang = use_lang();
    // S-2: the office's choice of models for the City, before the decision.
    let choosing = list.is_office && list.decision.is_none();
    let quota = list.quota;
    let chosen = RwSignal::new(Vec::<(i64, shared::domain::Stage)>::new());
    let choice_error = RwSignal::new(None::<String>);
    let decided: Vec<i64> = list
        .decision
        .as_ref()
        .map(|d| d.nominations.clone())
        .unwrap_or_default();
    let kind = RwSignal::new(None::<NomineeKind>);
    let bloc = RwSignal::new(None::<i64>);
    let mut blocs: Vec<(i64, String)> = Vec::new();
    for r in &list.rows {
        if !blocs.iter().any(|(id, _)| *id == r.bloc_id) {
            blocs.push((r.bloc_id, r.bloc_name.clone()));
        }
    }
    blocs.sort_by(|a, b| shared::text::compare_vi(&a.1, &b.1));
    let mut rows = list.rows.clone();
    // The office reads the ranking; members read the list in registration order.
    if list.is_office {
        rows.sort_by_key(|r| r.rank.unwrap_or(usize::MAX));
    }
    let members = list.members.clone();
    let progress = (!members.is_empty()).then(|| {
        let lines = members
            .iter()
            .map(|m| view! { <tr><th scope="row">{m.name.clone()}</th><td>{format!("{}/{}", m.submitted, m.total)}</td></tr> })
            .collect_view();
        view! {
            <section class="members-progress" aria-labelledby="members-title">
                <h2 id="members-title">{tr(Msg::MembersProgressTitle)}</h2>
                <table class="deadline-table">
                    <thead><tr>
                        <th scope="col">{tr(Msg::MemberLabel)}</th>
                        <th scope="col">{tr(Msg::StateSubmitted)}</th>
                    </tr></thead>
                    <tbody>{lines}</tbody>
                </table>
            </section>
        }
    });
    let shown = move |r: &CouncilRow| {
        kind.get().is_none_or(|k| k == r.kind) && bloc.get().is_none_or(|b| b == r.bloc_id)
    };
    let body = move || {
        let lang = lang.get();
        rows.iter()
            .filter(|r| shown(r))
            .map(|r| {
                let (total, count, quorum, spread) = r
                    .aggregate
                    .as_ref()
                    .map(|a| aggregate_cells(lang, a))
                    .unwrap_or_default();
                let id = r.id;
                let stage = r.stage;
                let name = r.name.clone();
                let pick = choosing.then(|| {
                    view! {
                        <td>
                            <input type="checkbox" aria-label=format!("{} — {}", t(lang, Msg::ChooseForCity), name)
                                prop:checked=move || chosen.with(|c| c.iter().any(|(x, _)| *x == id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    choice_error.set(None);
                                    if on {
                                        let already = chosen.with(Vec::len);
                                        // The shared quota rule, before anything is sent.
                                        if let Err(v) = shared::rules::city::check_city_selection(stage, already, quota) {
                                            choice_error.set(Some(v.iter().map(|v| v.message(lang)).collect::<Vec<_>>().join(" ")));
                                            if let Some(input) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) {
                                                input.set_checked(false);
                                            }
                                            return;
                                        }
                                        chosen.update(|c| c.push((id, stage)));
                                    } else {
                                        chosen.update(|c| c.retain(|(x, _)| *x != id));
                                    }
                                }/>
                        </td>
                    }
                });
                let mark = decided.contains(&id).then(|| view! { <span class="badge badge-city">{t(lang, Msg::ChosenMark)}</span> });
                view! {
                    <tr data-nomination-id=r.id data-state=state_code(&r.mine)>
                        {pick}
                        <td>{r.rank.map(|n| n.to_string()).unwrap_or_default()}</td>
                        <th scope="row"><a href=format!("/council/{}", r.id)>{r.name.clone()}</a> {mark}</th>
                        <td>{t(lang, Msg::Kind(r.kind))}</td>
                        <td>{r.unit_name.clone()}</td>
                        <td class="mine">{(r.mine != SheetState::Office).then(|| state_text(lang, &r.mine))}</td>
                        <td class="total">{total}</td>
                        <td>{count}</td>
                        <td>{quorum}</td>
                        <td>{spread}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let kind_options = move || {
        let lang = lang.get();
        NomineeKind::ALL
            .into_iter()
            .map(|k| view! { <option value=k.code()>{t(lang, Msg::Kind(k))}</option> })
            .collect_view()
    };
    let names: Vec<(i64, String)> = list.rows.iter().map(|r| (r.id, r.name.clone())).collect();
    let has_ballot = list.ballot.is_some();
    let ballot_section = list
        .ballot
        .clone()
        .map(|ballot| view! { <BallotSection ballot is_office=list.is_office on_change/> });
    let decision_panel = list.decision.clone().map(|d| {
        let items = d
            .nominations
            .iter()
            .map(|id| {
                let name = names
                    .iter()
                    .find(|(x, _)| x == id)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default();
                view! { <li>{name}</li> }
            })
            .collect_view();
        let when = format!(
            "{} {} · {}",
            t(lang.get_untracked(), Msg::DecisionOn),
            shared::i18n::format_date(d.decided_on),
            d.recorded_by
        );
        view! {
            <section class="decision" aria-labelledby="decision-title">
                <h2 id="decision-title">{tr(Msg::DecisionTitle)}</h2>
                <p>{when}</p>
                <ol>{items}</ol>
            </section>
        }
    });
    let today = list.today;
    let date_typed = RwSignal::new(shared::i18n::format_date(today));
    let share_typed = RwSignal::new(shared::rules::council::DEFAULT_PASS_SHARE_PCT.to_string());
    let busy = RwSignal::new(false);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang_now = lang.get_untracked();
        let picked = chosen.get_untracked();
        let date = shared::text::parse_date(&date_typed.get_untracked())
            .ok()
            .flatten();
        let mut problems: Vec<String> =
            shared::rules::city::check_city_decision(&picked, quota, false)
                .err()
                .unwrap_or_default()
                .iter()
                .map(|v| v.message(lang_now))
                .collect();
        if date.is_none() {
            problems.push(shared::i18n::input_error(
                lang_now,
                &shared::domain::InputError::Invalid {
                    field: shared::domain::Field::EvaluationDate,
                },
            ));
        }
        if !problems.is_empty() {
            choice_error.set(Some(problems.join(" ")));
            return;
        }
        let Some(date) = date else { return };
        busy.set(true);
        let ids: Vec<i64> = picked.iter().map(|(id, _)| *id).collect();
        leptos::task::spawn_local(async move {
            match crate::api::council::decide_for_city(date, ids).await {
                Ok(_) => on_change.run(t(lang.get_untracked(), Msg::DecisionRecorded).into()),
                Err(e) => choice_error.set(Some(e.describe(lang.get_untracked()))),
            }
            busy.set(false);
        });
    };
    let choice_form = choosing.then(|| {
        view! {
            <section class="city-choice" aria-labelledby="choice-title">
                <h2 id="choice-title">{tr(Msg::CityChoiceTitle)}</h2>
                <p class="hint">{tr(Msg::CityChoiceHint)}</p>
                <form class="admin-form" on:submit=record novalidate>
                    <span class="label">{tr(Msg::ChooseForCity)}</span>
                    <span class="chosen-count">{move || format!("{} {} {}", chosen.with(Vec::len), t(lang.get(), Msg::ChosenOfMax), quota.max())}</span>
                    <label for="decided-on">{tr(Msg::DecisionDateLabel)}</label>
                    <input id="decided-on" type="text" inputmode="numeric" placeholder="dd/mm/yyyy"
                        prop:value=move || date_typed.get()
                        on:input=move |ev| date_typed.set(event_target_value(&ev))/>
                    {(!has_ballot).then(|| view! {

                        <label for="pass-share">{move || shared::i18n::field_name(lang.get(), shared::domain::Field::PassShare)}</label>

                        <input id="pass-share" type="number" min="50" max="100" step="1"

                            prop:value=move || share_typed.get()

                            on:input=move |ev| share_typed.set(event_target_value(&ev))/>

                    })}
                    <button type="submit" class="primary" disabled=move || busy.get()>{tr(Msg::RecordDecision)}</button>
                    {(!has_ballot).then(|| view! {
                        <button type="button" disabled=move || busy.get() on:click=move |_| {
                            let ids: Vec<i64> = chosen.get_untracked().iter().map(|(id, _)| *id).collect();
                            // The threshold is checked by the shared rule before anything is sent.
                            let share = share_typed.get_untracked().trim().parse::<i64>().unwrap_or(-1);
                            if let Err(v) = shared::rules::council::check_pass_share(share) {
                                choice_error.set(Some(v.message(lang.get_untracked())));
                                return;
                            }
                            busy.set(true);
                            choice_error.set(None);
                            leptos::task::spawn_local(async move {
                                match crate::api::council::open_ballot(ids, share).await {
                                    Ok(()) => on_change.run(t(lang.get_untracked(), Msg::BallotOpened).into()),
                                    Err(e) => choice_error.set(Some(e.describe(lang.get_untracked()))),
                                }
                                busy.set(false);
                            });
                        }>{tr(Msg::OpenBallot)}</button>
                    })}
                </form>
                <div role="alert">{move || choice_error.get().map(|e| view! { <p class="error">{e}</p> })}</div>
            </section>
        }
    });
    let bloc_options = blocs
        .into_iter()
        .map(|(id, name)| view! { <option value=id.to_string()>{name}</option> })
        .collect_view();
    view! {
        <p class="board-summary"><strong>{tr(Msg::BoardSummary)} " " {list.year}</strong> " · " {list.campaign_name.clone()}</p>
        {progress}
        <form class="filters" role="search" aria-label=tr(Msg::Filters) on:submit=|ev| ev.prevent_default()>
            <label>
                <span>{tr(Msg::FilterKind)}</span>
                <select on:change=move |ev| kind.set(NomineeKind::from_code(&event_target_value(&ev)))>
                    <option value="">{tr(Msg::FilterAll)}</option>
                    {kind_options}
                </select>
            </label>
            <label>
                <span>{tr(Msg::FilterBloc)}</span>
                <select on:change=move |ev| bloc.set(event_target_value(&ev).parse().ok())>
                    <option value="">{tr(Msg::FilterAll)}</option>
                    {bloc_options}
                </select>
            </label>
        </form>
        {list.is_office.then(|| view! { <p><a class="button-link" href="/council/minutes">{tr(Msg::MinutesLink)}</a></p> })}
        {decision_panel}
        {ballot_section}
        {choice_form}
        <table class="selection-table council-table">
            <thead><tr>
                {choosing.then(|| view! { <th scope="col">{tr(Msg::ChooseForCity)}</th> })}
                <th scope="col">{tr(Msg::RankLabel)}</th>
                <th scope="col">{move || shared::i18n::field_name(lang.get(), shared::domain::Field::NomineeName)}</th>
                <th scope="col">{tr(Msg::FilterKind)}</th>
                <th scope="col">{tr(Msg::FilterUnit)}</th>
                <th scope="col">{tr(Msg::MySheetLabel)}</th>
                <th scope="col">{tr(Msg::TotalLabel)}</th>
                <th scope="col">{tr(Msg::ScoresCountLabel)}</th>
                <th scope="col">{tr(Msg::QuorumLabel)}</th>
                <th scope="col">{tr(Msg::SpreadLabel)}</th>
            </tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}

#[component]
pub fn SheetPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
    let data = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_sheet(id).await,
            None => Err(crate::error::AppError::NotFound),
        }
    });
    let lang = use_lang();
    let notice = RwSignal::new(None::<String>);
    view! {
        <section class="sheet-page">
            <p><a href="/council">{tr(Msg::BackToCouncil)}</a></p>
            <p class="notice" role="status">{move || notice.get()}</p>
            <Transition fallback=move || view! { <p class="loading">{tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        // While the member scores, their own inputs are not reloaded under
                        // them; once submitted (or for the office) the others follow live.
                        Ok(view) if matches!(view.state, SheetState::Submitted | SheetState::Office) => view! {
                            <LiveRefresh seq=view.seq wanted=is_council refresh=Callback::new(move |_| data.refetch()) delay=Duration::from_millis(500)/>
                            <Sheet view on_change=Callback::new(move |text| {
                                notice.set(Some(text));
                                data.refetch();
                            })/>
                        }.into_any(),
                        Ok(view) => view! {
                            <Sheet view on_change=Callback::new(move |text| {
                                notice.set(Some(text));
                                data.refetch();
                            })/>
                        }.into_any(),
                        Err(e) => view! {
                            <h1>{tr(Msg::CouncilTitle)}</h1>
                            <p class="error" role="alert">{move || e.describe(lang.get())}</p>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The saving state of one criterion's row.
#[derive(Debug, Clone, PartialEq)]
enum RowSave {
    Idle,
    Saving,
    Saved,
    Failed(String),
}

#[component]
fn Sheet(view: SheetView, on_change: Callback<String>) -> impl IntoView {
    let lang = use_lang();
    let id = view.id;
    let kind = view.kind;
    let state = view.state.clone();
    let open = matches!(state, SheetState::Open { .. });
    // The scores as they stand on the page (for the submit check), by criterion.
    let scored = RwSignal::new(
        view.criteria
            .iter()
            .filter_map(|c| Some((c.code.clone(), Score::new(i64::from(c.score?)).ok()?)))
            .collect::<std::collections::BTreeMap<String, Score>>(),
    );
    let rows = view
        .criteria
        .iter()
        .map(|c| {
            let code = c.code.clone();
            let input_id = format!("s-{code}");
            let comment_id = format!("c-{code}");
            let status_id = format!("st-{code}");
            let text = RwSignal::new(c.score.map(|s| s.to_string()).unwrap_or_default());
            let comment = RwSignal::new(c.comment.clone());
            let save_state = RwSignal::new(RowSave::Idle);
            let ticket = StoredValue::new(0u64);
            let error = Memo::new(move |_| {
                let raw = text.get();
                if raw.trim().is_empty() {
                    None
                } else {
                    Score::parse(&raw).err()
                }
            });
            // Saved as the member types: after a short pause, the latest values are sent.
            let schedule = {
                let code = code.clone();
                move || {
                    let n = ticket.get_value() + 1;
                    ticket.set_value(n);
                    let raw = text.get_untracked();
                    let score = if raw.trim().is_empty() {
                        None
                    } else {
                        match Score::parse(&raw) {
                            Ok(s) => Some(s),
                            // Refused at once by the shared rule; nothing is sent.
                            Err(_) => return,
                        }
                    };
                    scored.update(|m| {
                        match score {
                            Some(s) => m.insert(code.clone(), s),
                            None => m.remove(&code),
                        };
                    });
                    let code = code.clone();
                    save_state.set(RowSave::Saving);
                    set_timeout(
                        move || {
                            if ticket.get_value() != n {
                                return;
                            }
                            let change = SheetChange::Score {
                                criterion: code,
                                score: score.map(|s| i64::from(s.value())),
                                comment: comment.get_untracked(),
                            };
                            leptos::task::spawn_local(async move {
                                let result = change_sheet(id, change).await;
                                if ticket.get_value() == n {
                                    save_state.set(match result {
                                        Ok(_) => RowSave::Saved,
                                        Err(e) => RowSave::Failed(e.describe(lang.get_untracked())),
                                    });
                                }
                            });
                        },
                        Duration::from_millis(500),
                    );
                }
            };
            let schedule_comment = schedule.clone();
            let code_for_name = code.clone();
            let code_for_label = code.clone();
            let name_vi_en = move || criterion_name(lang.get(), kind, &code_for_name);
            let weight = c.weight;
            let status = move || {
                let lang = lang.get();
                if let Some(e) = error.get() {
                    return input_error(lang, &e);
                }
                match save_state.get() {
                    RowSave::Idle => String::new(),
                    RowSave::Saving => t(lang, Msg::SavingShort).into(),
                    RowSave::Saved => format!("✓ {}", t(lang, Msg::SavedShort)),
                    RowSave::Failed(e) => e,
                }
            };
            let described = format!("{status_id} score-scale");
            view! {
                <tr>
                    <th scope="row">
                        <label for=input_id.clone()>{name_vi_en}</label>
                        <span class="weight">{move || format!(" ({} {weight})", t(lang.get(), Msg::WeightLabel))}</span>
                    </th>
                    <td>
                        <input id=input_id type="number" min="0" max="10" step="1" inputmode="numeric"
                            class="score-input" disabled=!open aria-describedby=described
                            aria-invalid=move || error.get().is_some().to_string()
                            prop:value=move || text.get()
                            on:input=move |ev| { text.set(event_target_value(&ev)); schedule(); }/>
                    </td>
                    <td>
                        <label class="visually-hidden" for=comment_id.clone()>
                            {move || format!("{} {}", shared::i18n::field_name(lang.get(), shared::domain::Field::Comment), code_for_label)}
                        </label>
                        <textarea id=comment_id rows="1" disabled=!open
                            prop:value=move || comment.get()
                            on:input=move |ev| { comment.set(event_target_value(&ev)); schedule_comment(); }></textarea>
                    </td>
                    <td class="row-status" id=status_id aria-live="polite">{status}</td>
                </tr>
            }
        })
        .collect_view();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let missing = move || scored.with(|m| shared::rules::council::check_submit(kind, m).err());
    let submit = move |_| {
        if let Some(v) = missing() {
            error.set(Some(
                v.iter()
                    .map(|v| v.message(lang.get_untracked()))
                    .collect::<Vec<_>>()
                    .join(" "),
            ));
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match change_sheet(id, SheetChange::Submit).await {
                Ok(_) => on_change.run(t(lang.get_untracked(), Msg::SheetSubmittedNote).into()),
                Err(e) => error.set(Some(e.describe(lang.get_untracked()))),
            }
            busy.set(false);
        });
    };
    let reason = RwSignal::new(String::new());
    let declare = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Err(v) = shared::rules::council::check_conflict_reason(&reason.get_untracked()) {
            error.set(Some(v[0].message(lang.get_untracked())));
            return;
        }
        busy.set(true);
        let change = SheetChange::Conflict {
            reason: reason.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match change_sheet(id, change).await {
                Ok(_) => on_change.run(t(lang.get_untracked(), Msg::ConflictDeclaredNote).into()),
                Err(e) => error.set(Some(e.describe(lang.get_untracked()))),
            }
            busy.set(false);
        });
    };
    let status_line = match &state {
        SheetState::Recused => Some(
            shared::auth::Denied::Recused
                .message(lang.get_untracked())
                .to_string(),
        ),
        SheetState::Conflict { reason } => Some(format!(
            "{}: {reason}",
            t(lang.get_untracked(), Msg::StateConflict)
        )),
        SheetState::Submitted => Some(t(lang.get_untracked(), Msg::SheetSubmittedNote).to_string()),
        _ => None,
    };
    let has_criteria = !view.criteria.is_empty();
    let others = view.others.clone().map(|others| {
        let codes: Vec<String> = shared::domain::scored_criteria(kind).map(|c| c.code.to_string()).collect();
        let head = codes
            .iter()
            .map(|c| view! { <th scope="col">{c.clone()}</th> })
            .collect_view();
        let lines = others
            .into_iter()
            .map(|o| {
                let cells = codes
                    .iter()
                    .map(|c| view! { <td>{o.scores.get(c).map(|s| s.to_string()).unwrap_or_default()}</td> })
                    .collect_view();
                let total = o.total_milli.map(points).unwrap_or_default();
                let note = if o.conflict {
                    Some(Msg::StateConflict)
                } else if !o.submitted {
                    Some(Msg::NotYet)
                } else {
                    None
                };
                view! {
                    <tr>
                        <th scope="row">{o.member.clone()} {note.map(|m| view! { <span class="muted">{" ("}{tr(m)}{")"}</span> })}</th>
                        {cells}
                        <td class="total">{total}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="others" aria-labelledby="others-title">
                <h2 id="others-title">{tr(Msg::OthersTitle)}</h2>
                <table class="selection-table">
                    <thead><tr><th scope="col">{tr(Msg::MemberLabel)}</th>{head}<th scope="col">{tr(Msg::TotalLabel)}</th></tr></thead>
                    <tbody>{lines}</tbody>
                </table>
            </section>
        }
    });
    let aggregate = view.aggregate.map(|a| {
        let (total, count, quorum, spread) = aggregate_cells(lang.get_untracked(), &a);
        view! {
            <dl class="profile aggregate">
                <dt>{tr(Msg::TotalLabel)}</dt><dd class="total">{total}</dd>
                <dt>{tr(Msg::ScoresCountLabel)}</dt><dd>{count}</dd>
                <dt>{tr(Msg::QuorumLabel)}</dt><dd>{quorum}</dd>
                <dt>{tr(Msg::SpreadLabel)}</dt><dd>{spread}</dd>
            </dl>
        }
    });
    view! {
        <h1>{view.name.clone()}</h1>
        <p class="plan-context">{move || format!("{} · {} · {}", t(lang.get(), Msg::Kind(kind)), view.unit_name, t(lang.get(), Msg::Stage(view.stage)))}</p>
        {status_line.map(|s| view! { <p class="approval">{s}</p> })}
        <Show when=move || has_criteria>
            <p class="hint" id="score-scale">{tr(Msg::ScoreScale)}</p>
        </Show>
        {has_criteria.then(|| view! {
            <table class="selection-table sheet-table">
                <thead><tr>
                    <th scope="col">{tr(Msg::CriterionLabel)}</th>
                    <th scope="col">{tr(Msg::ScoreLabel)}</th>
                    <th scope="col">{move || shared::i18n::field_name(lang.get(), shared::domain::Field::Comment)}</th>
                    <th scope="col"><span class="visually-hidden">{tr(Msg::SavedShort)}</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        })}
        <div role="alert">{move || error.get().map(|e| view! { <p class="error">{e}</p> })}</div>
        {open.then(|| view! {
            <div class="section-actions">
                <button type="button" class="primary" on:click=submit disabled=move || busy.get()>{tr(Msg::SubmitSheet)}</button>
            </div>
            <details class="conflict">
                <summary>{tr(Msg::DeclareConflict)}</summary>
                <form class="admin-form" on:submit=declare>
                    <label for="conflict-reason">{tr(Msg::ConflictReasonLabel)}</label>
                    <textarea id="conflict-reason" rows="2" prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    <button type="submit" disabled=move || busy.get()>{tr(Msg::DeclareConflict)}</button>
                </form>
            </details>
        })}
        {aggregate}
        {others}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_use_a_decimal_comma() {
        assert_eq!(points(7250), "7,25");
        assert_eq!(points(10_000), "10,00");
        assert_eq!(points(0), "0,00");
        assert_eq!(points(6667), "6,67");
        assert_eq!(points(9999), "10,00");
    }
}
