//! The council session's minutes (`/council/minutes`), printable on A4.

use super::aggregate_cells;
use crate::api::council::get_council;
use crate::components::loaded::Loaded;
use crate::error::AppError;
use crate::i18n::{tr, use_lang};
use crate::types::council::{CouncilList, CouncilRow};
use leptos::prelude::*;
use shared::auth::Denied;
use shared::i18n::{t, Msg};

/// `/council/minutes`: the council session's minutes (biên bản), printable on A4: who took
/// part, the scores and ranking, the ballot's results and the decision. The office only.
#[component]
pub fn MinutesPage() -> impl IntoView {
    // The office's document: to the members, the page says why not.
    let data = Resource::new(
        || (),
        |_| async {
            get_council().await.and_then(|list| {
                if list.is_office {
                    Ok(list)
                } else {
                    Err(AppError::Forbidden(Denied::Role))
                }
            })
        },
    );
    view! {
        <Loaded data heading=Msg::MinutesTitle let:list>
            <Minutes list/>
        </Loaded>
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
