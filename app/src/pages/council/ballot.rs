//! The council's secret ballot on its page: each nomination with the member's vote or
//! the result, and the office's button to close it.

use crate::i18n::{tr, use_lang};
use leptos::prelude::*;
use shared::i18n::{t, Msg};

/// The council's secret ballot: members vote, the office opens and closes it.
#[component]
pub(super) fn BallotSection(
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
