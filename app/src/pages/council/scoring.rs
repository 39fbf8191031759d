//! One member's score sheet for one nomination (`/council/{id}`): a score and a comment
//! per criterion, saved as typed; submitting, declaring a conflict of interest; once
//! submitted, the aggregate and the other members' sheets.

use super::{aggregate_cells, is_council, points};
use crate::api::council::{change_sheet, get_sheet};
use crate::components::live::LiveRefresh;
use crate::components::loaded::{saved_notice, Loaded};
use crate::i18n::{tr, use_lang};
use crate::types::council::{SheetChange, SheetState, SheetView};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::domain::{Criterion, Score};
use shared::i18n::{input_error, t, Lang, Msg};
use std::time::Duration;

fn criterion_name(lang: Lang, criteria: &[Criterion], code: &str) -> String {
    criteria
        .iter()
        .find(|c| c.code == code)
        .map_or(code, |c| c.text(lang))
        .to_string()
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
    let (notice, on_change) = saved_notice(data);
    view! {
        <section class="sheet-page">
            <p><a href="/council">{tr(Msg::BackToCouncil)}</a></p>
            {notice}
            <Loaded data heading=Msg::CouncilTitle let:view>
                // While the member scores, their own inputs are not reloaded under
                // them; once submitted (or for the office) the others follow live.
                {matches!(view.state, SheetState::Submitted | SheetState::Office).then(|| view! {
                    <LiveRefresh seq=view.seq wanted=is_council refresh=Callback::new(move |_| data.refetch()) delay=Duration::from_millis(500)/>
                })}
                <Sheet view on_change/>
            </Loaded>
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
    let kind_criteria = StoredValue::new(view.kind_criteria.clone());
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
            let name_vi_en = move || {
                kind_criteria.with_value(|k| criterion_name(lang.get(), k, &code_for_name))
            };
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
    let missing = move || {
        scored.with(|m| {
            kind_criteria.with_value(|k| shared::rules::council::check_submit(k, m).err())
        })
    };
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
        let codes: Vec<String> = view
            .kind_criteria
            .iter()
            .filter(|c| c.is_scored())
            .map(|c| c.code.clone())
            .collect();
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
        {view.dossier_changed_at.clone().map(|at| {
            let at = shared::i18n::format_timestamp(&at);
            let id = view.id;
            view! {
                <p class="dossier-changed" role="note">
                    {move || shared::i18n::fill(lang.get(), Msg::DossierChanged, &[("at", &at)])}
                    " "<a href=format!("/nominations/{id}")>{tr(Msg::DossierChangedLink)}</a>
                </p>
            }
        })}
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
