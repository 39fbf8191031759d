//! The council's list of nominations (`/council`): each with its rank, the member's own
//! sheet and the aggregate score, filtered by kind and bloc; the members' progress, the
//! decision, and the office's choice of models for the City (by decision or by ballot).

use super::aggregate_cells;
use super::ballot::BallotSection;
use crate::i18n::{tr, use_lang};
use crate::types::council::{CityStepKind, CouncilList, CouncilRow, SentModel, SheetState};
use leptos::prelude::*;
use shared::domain::NomineeKind;
use shared::i18n::{fill, t, Lang, Msg};

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

#[component]
pub(super) fn CouncilTable(list: CouncilList, on_change: Callback<String>) -> impl IntoView {
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
    let deadline = list.city_deadline;
    let is_office = list.is_office;
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
        // D-3: a decision or a dispatch after the year's deadline says so.
        let late = move |day: chrono::NaiveDate| {
            (day > deadline).then(|| {
                let days = (day - deadline).num_days();
                let text = shared::i18n::fill(
                    lang.get_untracked(),
                    Msg::LateBy,
                    &[
                        ("days", &days),
                        ("deadline", &shared::i18n::format_date(deadline)),
                    ],
                );
                view! { <strong class="late">" — "{text}</strong> }
            })
        };
        let dispatch = match d.dispatch.clone() {
            Some(sent) => view! {
                <p class="dispatch">
                    {format!(
                        "{} {} · {} {} · {}",
                        t(lang.get_untracked(), Msg::DispatchSent),
                        sent.number,
                        t(lang.get_untracked(), Msg::SentOnDay),
                        shared::i18n::format_date(sent.sent_on),
                        sent.recorded_by
                    )}
                    {late(sent.sent_on)}
                </p>
                <p class="dispatch-sent">
                    {fill(lang.get_untracked(), Msg::DispatchCarried, &[("count", &sent.sent.len())])}
                    " "
                    {sent.sent.iter().map(|m| format!("{} ({})", m.name, m.unit)).collect::<Vec<_>>().join("; ")}
                </p>
                <CityAnswers sent_on=sent.sent_on models=sent.sent.clone() is_office today=list.today on_change/>
            }
            .into_any(),
            None if is_office => {
                view! { <DispatchForm today=list.today decided_on=d.decided_on on_change/> }
                    .into_any()
            }
            None => view! { <p class="dispatch muted">{tr(Msg::DispatchNotYet)}</p> }.into_any(),
        };
        view! {
            <section class="decision" aria-labelledby="decision-title">
                <h2 id="decision-title">{tr(Msg::DecisionTitle)}</h2>
                <p>{when}{late(d.decided_on)}</p>
                <ol>{items}</ol>
                {dispatch}
            </section>
        }
    });
    let today = list.today;
    let date_typed = RwSignal::new(shared::i18n::format_date(today));
    let share_typed = RwSignal::new(list.pass_share_pct.to_string());
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
                <p class="hint">{move || fill(lang.get(), Msg::CityChoiceHint, &[("min", &quota.min()), ("max", &quota.max())])}</p>
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

/// Where a sent model stands with the City, as a sentence.
fn city_state_text(lang: Lang, model: &SentModel, sent_on: chrono::NaiveDate) -> String {
    use shared::i18n::format_date;
    use shared::rules::city_answer::CityOutcome;
    let mut parts: Vec<String> = model
        .steps
        .iter()
        .map(|s| match &s.step {
            CityStepKind::Resend { on } => {
                fill(lang, Msg::CityResentOn, &[("date", &format_date(*on))])
            }
            CityStepKind::Answer(a) => {
                let msg = match a.outcome {
                    CityOutcome::Accepted => Msg::CityAnsweredAccepted,
                    CityOutcome::Commended => Msg::CityAnsweredCommended,
                    CityOutcome::Returned => Msg::CityAnsweredReturned,
                };
                fill(
                    lang,
                    msg,
                    &[("date", &format_date(a.answered_on)), ("detail", &a.detail)],
                )
            }
        })
        .collect();
    if let shared::rules::city_answer::CityItemState::Awaiting { since } = model.state(sent_on) {
        parts.push(fill(
            lang,
            Msg::CityAwaiting,
            &[("date", &format_date(since))],
        ));
    }
    parts.join(" → ")
}

/// D-3: each model sent to the City with where it stands; the office records the City's
/// answer on an awaited one, and sends a returned one again.
#[component]
fn CityAnswers(
    sent_on: chrono::NaiveDate,
    models: Vec<SentModel>,
    is_office: bool,
    today: chrono::NaiveDate,
    on_change: Callback<String>,
) -> impl IntoView {
    use shared::rules::city_answer::CityItemState;
    let lang = use_lang();
    let items = models
        .into_iter()
        .map(|m| {
            let state = m.state(sent_on);
            let id = m.id;
            let text = {
                let m = m.clone();
                move || city_state_text(lang.get(), &m, sent_on)
            };
            let form = is_office.then(|| match state {
                CityItemState::Awaiting { .. } => {
                    view! { <CityAnswerForm id state today on_change/> }.into_any()
                }
                CityItemState::Answered {
                    outcome: shared::rules::city_answer::CityOutcome::Returned,
                    ..
                } => view! { <ResendForm id state today on_change/> }.into_any(),
                CityItemState::Answered { .. } => ().into_any(),
            });
            let state_code = match state {
                CityItemState::Awaiting { .. } => "awaiting",
                CityItemState::Answered { outcome, .. } => outcome.code(),
            };
            view! {
                <li data-nomination-id=id data-city-state=state_code>
                    <strong>{m.name.clone()}</strong> " (" {m.unit.clone()} "): "
                    <span class="city-state">{text}</span>
                    {form}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="city-answers" aria-labelledby="city-answers-title">
            <h3 id="city-answers-title">{tr(Msg::CityAnswersTitle)}</h3>
            <ul>{items}</ul>
        </section>
    }
}

/// A date typed day first, or the field's error in the user's language.
fn typed_day(
    lang: Lang,
    typed: &str,
    field: shared::domain::Field,
) -> Result<Option<chrono::NaiveDate>, String> {
    shared::text::parse_date(typed).map_err(|_| {
        shared::i18n::input_error(lang, &shared::domain::InputError::Invalid { field })
    })
}

#[component]
fn CityAnswerForm(
    id: i64,
    state: shared::rules::city_answer::CityItemState,
    today: chrono::NaiveDate,
    on_change: Callback<String>,
) -> impl IntoView {
    use shared::rules::city_answer::{check_answer, CityAnswerDraft, CityOutcome};
    let lang = use_lang();
    let outcome = RwSignal::new(None::<CityOutcome>);
    let day = RwSignal::new(shared::i18n::format_date(today));
    let detail = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang_now = lang.get_untracked();
        let answered_on = match typed_day(
            lang_now,
            &day.get_untracked(),
            shared::domain::Field::AnsweredOn,
        ) {
            Ok(d) => d,
            Err(e) => return error.set(Some(e)),
        };
        let draft = CityAnswerDraft {
            outcome: outcome.get_untracked(),
            answered_on,
            detail: detail.get_untracked(),
        };
        if let Err(v) = check_answer(&draft, state, today) {
            let text: Vec<String> = v.iter().map(|v| v.message(lang_now)).collect();
            return error.set(Some(text.join(" ")));
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::api::council::record_city_answer(id, draft).await {
                Ok(_) => on_change.run(t(lang.get_untracked(), Msg::CityAnswerRecorded).into()),
                Err(e) => error.set(Some(e.describe(lang.get_untracked()))),
            }
            busy.set(false);
        });
    };
    let (o_id, d_id, x_id) = (
        format!("city-outcome-{id}"),
        format!("city-date-{id}"),
        format!("city-detail-{id}"),
    );
    let (o_for, d_for, x_for) = (o_id.clone(), d_id.clone(), x_id.clone());
    let options = [
        (CityOutcome::Accepted, Msg::CityOutcomeAccepted),
        (CityOutcome::Commended, Msg::CityOutcomeCommended),
        (CityOutcome::Returned, Msg::CityOutcomeReturned),
    ]
    .into_iter()
    .map(|(o, msg)| view! { <option value=o.code() prop:selected=move || outcome.get() == Some(o)>{tr(msg)}</option> })
    .collect_view();
    view! {
        <form class="admin-form city-answer-form" on:submit=submit novalidate>
            <label for=o_for>{move || shared::i18n::field_name(lang.get(), shared::domain::Field::CityOutcome)}</label>
            <select id=o_id on:change=move |ev| outcome.set(CityOutcome::from_code(&event_target_value(&ev)))>
                <option value="" prop:selected=move || outcome.get().is_none()>{tr(Msg::ChooseCityOutcome)}</option>
                {options}
            </select>
            <label for=d_for>{move || shared::i18n::field_name(lang.get(), shared::domain::Field::AnsweredOn)}</label>
            <input id=d_id type="text" inputmode="numeric" placeholder="dd/mm/yyyy"
                prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev))/>
            <label for=x_for>{move || shared::i18n::field_name(lang.get(), shared::domain::Field::CityDetail)}</label>
            <input id=x_id type="text" prop:value=move || detail.get() on:input=move |ev| detail.set(event_target_value(&ev))/>
            <button type="submit" class="primary" disabled=move || busy.get()>{tr(Msg::RecordCityAnswer)}</button>
            <div role="alert">{move || error.get().map(|e| view! { <p class="error">{e}</p> })}</div>
        </form>
    }
}

#[component]
fn ResendForm(
    id: i64,
    state: shared::rules::city_answer::CityItemState,
    today: chrono::NaiveDate,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let day = RwSignal::new(shared::i18n::format_date(today));
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang_now = lang.get_untracked();
        let sent_on = match typed_day(
            lang_now,
            &day.get_untracked(),
            shared::domain::Field::SentOn,
        ) {
            Ok(d) => d,
            Err(e) => return error.set(Some(e)),
        };
        if let Err(v) = shared::rules::city_answer::check_resend(sent_on, state, today) {
            let text: Vec<String> = v.iter().map(|v| v.message(lang_now)).collect();
            return error.set(Some(text.join(" ")));
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::api::council::resend_to_city(id, sent_on).await {
                Ok(_) => on_change.run(t(lang.get_untracked(), Msg::CityResendRecorded).into()),
                Err(e) => error.set(Some(e.describe(lang.get_untracked()))),
            }
            busy.set(false);
        });
    };
    let d_id = format!("city-resend-{id}");
    let d_for = d_id.clone();
    view! {
        <form class="admin-form city-resend-form" on:submit=submit novalidate>
            <label for=d_for>{move || shared::i18n::field_name(lang.get(), shared::domain::Field::SentOn)}</label>
            <input id=d_id type="text" inputmode="numeric" placeholder="dd/mm/yyyy"
                prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev))/>
            <button type="submit" class="primary" disabled=move || busy.get()>{tr(Msg::ResendToCity)}</button>
            <div role="alert">{move || error.get().map(|e| view! { <p class="error">{e}</p> })}</div>
        </form>
    }
}

/// D-3: the office records the list sent to the City — the dispatch's number and the day
/// it was sent, checked by the shared rule as typed and again on the server.
#[component]
fn DispatchForm(
    today: chrono::NaiveDate,
    decided_on: chrono::NaiveDate,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let number = RwSignal::new(String::new());
    let day = RwSignal::new(shared::i18n::format_date(today));
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang_now = lang.get_untracked();
        let Some(sent_on) = shared::text::parse_date(&day.get_untracked())
            .ok()
            .flatten()
        else {
            let field = shared::domain::Field::SentOn;
            let e = shared::domain::InputError::Invalid { field };
            error.set(Some(shared::i18n::input_error(lang_now, &e)));
            return;
        };
        let typed = number.get_untracked();
        if let Err(v) =
            shared::rules::city::check_dispatch(&typed, sent_on, Some(decided_on), today)
        {
            let text: Vec<String> = v.iter().map(|v| v.message(lang_now)).collect();
            error.set(Some(text.join(" ")));
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::api::council::record_dispatch(typed, sent_on).await {
                Ok(()) => on_change.run(t(lang.get_untracked(), Msg::DispatchRecorded).into()),
                Err(e) => error.set(Some(e.describe(lang.get_untracked()))),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="admin-form dispatch-form" on:submit=submit novalidate>
            <label for="dispatch-number">{move || shared::i18n::field_name(lang.get(), shared::domain::Field::DispatchNumber)}</label>
            <input id="dispatch-number" type="text" autocomplete="off" placeholder="125/SNN-VP"
                prop:value=move || number.get()
                on:input=move |ev| number.set(event_target_value(&ev))/>
            <label for="dispatch-date">{move || shared::i18n::field_name(lang.get(), shared::domain::Field::SentOn)}</label>
            <input id="dispatch-date" type="text" inputmode="numeric" placeholder="dd/mm/yyyy"
                prop:value=move || day.get()
                on:input=move |ev| day.set(event_target_value(&ev))/>
            <button type="submit" class="primary" disabled=move || busy.get()>{tr(Msg::RecordDispatch)}</button>
            <div role="alert">{move || error.get().map(|e| view! { <p class="error">{e}</p> })}</div>
        </form>
    }
}
