//! The council's secret ballot on its page: a member's paper (a choice on each nomination
//! they may vote on, cast once), how many have taken part, the results once it is closed,
//! and the office's button to close it.

use crate::i18n::{tr, use_lang};
use crate::types::council::{BallotChoice, BallotItem, BallotView};
use leptos::prelude::*;
use shared::i18n::{t, Msg};
use shared::rules::council::check_ballot_paper;
use std::collections::BTreeMap;

/// A member's choices on the paper, kept by the page: the list reloads live (another
/// member's paper, a score) and the paper must not lose what was chosen meanwhile.
#[derive(Clone, Copy)]
pub(super) struct PaperDraft(pub RwSignal<BTreeMap<i64, bool>>);

/// The council's secret ballot: members vote, the office opens and closes it.
#[component]
pub(super) fn BallotSection(
    ballot: BallotView,
    is_office: bool,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let BallotView {
        open,
        share_pct,
        quorum_pct,
        council,
        took_part,
        voted,
        can_cast,
        items,
    } = ballot;
    let threshold = move || {
        t(lang.get(), Msg::BallotThreshold)
            .replace("{pct}", &share_pct.to_string())
            .replace("{quorum}", &quorum_pct.to_string())
    };
    let taking_part = move || format!("{took_part}/{council} {}", t(lang.get(), Msg::VotesCast));
    let body = if can_cast {
        view! { <BallotPaper items=items busy=busy error=error on_change=on_change/> }.into_any()
    } else {
        let rows = items.into_iter().map(result_row).collect_view();
        view! {
            {voted.then(|| view! { <p class="voted">{tr(Msg::Voted)}</p> })}
            <ul class="ballot-items">{rows}</ul>
        }
        .into_any()
    };
    let close = move |_| {
        busy.set(true);
        error.set(None);
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
                " · " {threshold}
            </p>
            <p class="ballot-turnout">{taking_part}</p>
            {body}
            {(open && is_office).then(|| view! {
                <button type="button" on:click=close disabled=move || busy.get()>{tr(Msg::CloseBallot)}</button>
            })}
            <div role="alert">{move || error.get().map(|e| view! { <p class="error">{e}</p> })}</div>
        </section>
    }
}

/// A nomination of the ballot with its result once closed.
fn result_row(item: BallotItem) -> impl IntoView {
    let lang = use_lang();
    let result = item.result.map(|r| {
        let verdict = if r.passed {
            Msg::Passed
        } else {
            Msg::NotPassed
        };
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
    view! {
        <li data-nomination-id=item.id>
            <span class="ballot-name">{item.name}</span>
            " " {result}
        </li>
    }
}

/// A member's paper: Agree or Disagree on each nomination they may vote on, checked as
/// chosen by the same rule the server applies, cast once.
#[component]
fn BallotPaper(
    items: Vec<BallotItem>,
    busy: RwSignal<bool>,
    error: RwSignal<Option<String>>,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let choices =
        use_context::<PaperDraft>().map_or_else(|| RwSignal::new(BTreeMap::new()), |d| d.0);
    let eligible: Vec<i64> = items.iter().filter(|i| i.can_vote).map(|i| i.id).collect();
    let rows = items
        .into_iter()
        .map(|item| {
            let id = item.id;
            if !item.can_vote {
                return view! {
                    <li data-nomination-id=id>
                        <span class="ballot-name">{item.name}</span>
                        " " <span class="muted">{tr(Msg::NotYourVote)}</span>
                    </li>
                }
                .into_any();
            }
            let group = format!("ballot-{id}");
            let choose = move |agree: bool| {
                choices.update(|c| {
                    c.insert(id, agree);
                })
            };
            view! {
                <li data-nomination-id=id>
                    <fieldset class="ballot-choice">
                        <legend class="ballot-name">{item.name}</legend>
                        <label>
                            <input type="radio" name=group.clone() value="agree"
                                prop:checked=move || choices.with(|c| c.get(&id) == Some(&true))
                                on:change=move |_| choose(true)/>
                            " " {tr(Msg::Agree)}
                        </label>
                        <label>
                            <input type="radio" name=group value="disagree"
                                prop:checked=move || choices.with(|c| c.get(&id) == Some(&false))
                                on:change=move |_| choose(false)/>
                            " " {tr(Msg::Disagree)}
                        </label>
                    </fieldset>
                </li>
            }
            .into_any()
        })
        .collect_view();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let paper: Vec<(i64, bool)> = choices.get_untracked().into_iter().collect();
        if let Err(v) = check_ballot_paper(true, false, &eligible, &paper) {
            error.set(Some(shared::i18n::violation_message(
                lang.get_untracked(),
                &v.kind,
            )));
            return;
        }
        let paper: Vec<BallotChoice> = paper
            .into_iter()
            .map(|(id, agree)| BallotChoice { id, agree })
            .collect();
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::api::council::cast_ballot(paper).await {
                Ok(()) => on_change.run(t(lang.get_untracked(), Msg::VoteRecorded).into()),
                Err(e) => error.set(Some(e.describe(lang.get_untracked()))),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="ballot-paper" on:submit=submit>
            <p class="hint">{tr(Msg::BallotPaperHint)}</p>
            <ul class="ballot-items">{rows}</ul>
            <button type="submit" class="primary" disabled=move || busy.get()>{tr(Msg::CastBallot)}</button>
        </form>
    }
}
