//! `/carry-over`: closing a campaign year. The Department office chooses, for each of the
//! year's exemplars, whether it goes on into the campaign's next year where it stands,
//! starts again there as discovered, or stays behind; one action carries the whole batch
//! over (checked by `shared::rules::carry` as chosen, and again on the server).
//! Leadership reads where each went.

use crate::api::year::{carry_over, get_carry_over};
use crate::components::checked_form::CheckedForm;
use crate::components::loaded::{saved_notice, Loaded};
use crate::error::AppError;
use crate::i18n::{tr, use_lang};
use crate::types::carry::{CarryItem, CarryOverView};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::domain::Stage;
use shared::i18n::{fill, t, Msg};
use shared::rules::carry::{carried_stage, check_carry, CarryChoice, CarryFacts, RULE};
use shared::rules::{Violation, ViolationKind};

#[component]
pub fn CarryOverPage() -> impl IntoView {
    let query = use_query_map();
    let year =
        Memo::new(move |_| query.with(|q| q.get("year").and_then(|y| y.parse::<i32>().ok())));
    let data = Resource::new(move || year.get(), get_carry_over);
    let (notice, on_saved) = saved_notice(data);
    // The choices the user made, kept when the rows are reloaded (after a conflict).
    let kept = StoredValue::new(Vec::<(i64, Option<CarryChoice>)>::new());
    // A batch refused because someone changed a card first: the rows are reloaded, the
    // user's choices kept, and the refusal said above them.
    let stale = RwSignal::new(None::<String>);
    let on_stale = Callback::new(move |text: String| {
        stale.set(Some(text));
        data.refetch();
    });
    let on_saved = Callback::new(move |text: String| {
        stale.set(None);
        kept.set_value(Vec::new());
        on_saved.run(text);
    });
    view! {
        <section class="carry-page" aria-labelledby="carry-title">
            <h1 id="carry-title">{tr(Msg::CarryTitle)}</h1>
            <p class="hint">{tr(Msg::CarryIntro)}</p>
            {notice}
            <Show when=move || stale.with(Option::is_some)>
                <div class="carry-stale" role="alert"><p class="error">{move || stale.get()}</p></div>
            </Show>
            <Loaded data let:view>
                <CarryForm view kept on_saved on_stale/>
            </Loaded>
        </section>
    }
}

/// One row's choice: the card, the version seen, and what becomes of it (None: stays).
type Chosen = (i64, i64, Option<CarryChoice>);

#[component]
fn CarryForm(
    view: CarryOverView,
    kept: StoredValue<Vec<(i64, Option<CarryChoice>)>>,
    on_saved: Callback<String>,
    on_stale: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let year = view.year;
    let years = view
        .years
        .iter()
        .map(|y| {
            let href = format!("/carry-over?year={y}");
            view! { <li><a href=href aria-current=(*y == year).then_some("page")>{*y}</a></li> }
        })
        .collect_view();
    let nav = view! { <nav aria-label=tr(Msg::FilterYear)><ul class="tabs">{years}</ul></nav> };
    let Some(next) = view.next_year else {
        let text = move || fill(lang.get(), Msg::CarryLastYear, &[("year", &year)]);
        return view! { {nav} <p class="empty">{text}</p> }.into_any();
    };
    if view.rows.is_empty() {
        return view! { {nav} <p class="empty">{tr(Msg::CarryNothing)}</p> }.into_any();
    }
    let can_carry = view.can_carry;
    let campaign = view.campaign.clone();
    // By default every exemplar still in the running goes on; a dropped one stays. A
    // choice the user made before the rows were reloaded stands if the row allows it still.
    let chosen = RwSignal::new(kept.with_value(|kept| {
        view.rows
            .iter()
            .filter(|r| r.carried_to.is_none())
            .map(|r| {
                let default = (r.stage != Stage::Dropped).then_some(CarryChoice::Continue);
                let go = kept
                    .iter()
                    .find(|(id, _)| *id == r.id)
                    .map(|(_, c)| *c)
                    .filter(|c| c.is_none_or(|c| carried_stage(r.stage, c).is_some()))
                    .unwrap_or(default);
                (r.id, r.version, go)
            })
            .collect::<Vec<Chosen>>()
    }));
    let facts: Vec<(i64, String, Stage)> = view
        .rows
        .iter()
        .map(|r| (r.id, r.name.clone(), r.stage))
        .collect();
    let form = CheckedForm::new(move || chosen.with(|rows| problems(rows, &facts)));
    let items = move || {
        chosen.with_untracked(|rows| {
            rows.iter()
                .filter_map(|(id, version, choice)| {
                    choice.map(|choice| CarryItem {
                        id: *id,
                        version: *version,
                        choice,
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        kept.set_value(
            chosen.with_untracked(|rows| rows.iter().map(|(id, _, c)| (*id, *c)).collect()),
        );
        form.submit(
            ev,
            move || {
                let sending = carry_over(year, items());
                async move {
                    let answer = sending.await;
                    if let Err(e @ AppError::Conflict { .. }) = &answer {
                        on_stale.run(e.describe(lang.get_untracked()));
                    }
                    answer
                }
            },
            move |made: Vec<i64>| {
                let text = fill(
                    lang.get_untracked(),
                    Msg::CarryDone,
                    &[("count", &made.len()), ("year", &next)],
                );
                on_saved.run(text);
            },
        )
    };
    let count = move || chosen.with(|rows| rows.iter().filter(|(_, _, c)| c.is_some()).count());
    let rows = view
        .rows
        .into_iter()
        .map(|r| {
            let (id, kind, stage) = (r.id, r.kind, r.stage);
            let select_id = format!("carry-{id}");
            let control = match r.carried_to {
                Some(to) => view! {
                    <a class="carried" href=format!("/nominations/{to}")>
                        {move || fill(lang.get(), Msg::CarriedTo, &[("year", &next)])}
                    </a>
                }
                .into_any(),
                None if can_carry => {
                    let current = move || {
                        chosen.with(|rows| {
                            rows.iter()
                                .find(|(x, _, _)| *x == id)
                                .and_then(|(_, _, c)| *c)
                                .map_or("", CarryChoice::code)
                        })
                    };
                    let go_on = carried_stage(stage, CarryChoice::Continue).map(|to| {
                        view! {
                            <option value="continue" selected=move || current() == "continue">
                                {move || fill(lang.get(), Msg::CarryContinue, &[("stage", &t(lang.get(), Msg::Stage(to)))])}
                            </option>
                        }
                    });
                    view! {
                        <select id=select_id.clone() class:going=move || !current().is_empty()
                            on:change=move |ev| {
                                let choice = CarryChoice::from_code(&event_target_value(&ev));
                                chosen.update(|rows| {
                                    if let Some(row) = rows.iter_mut().find(|(x, _, _)| *x == id) {
                                        row.2 = choice;
                                    }
                                });
                                form.touched();
                            }>
                            {go_on}
                            <option value="restart" selected=move || current() == "restart">
                                {tr(Msg::CarryRestart)}
                            </option>
                            <option value="" selected=move || current().is_empty()>
                                {tr(Msg::CarryStay)}
                            </option>
                        </select>
                    }
                    .into_any()
                }
                None => view! { <span class="muted">{tr(Msg::CarryNotYet)}</span> }.into_any(),
            };
            view! {
                <tr data-nomination-id=id data-stage=stage.code()>
                    <th scope="row">
                        <label for=select_id>
                            <a href=format!("/nominations/{id}")>{r.name.clone()}</a>
                        </label>
                    </th>
                    <td>{move || t(lang.get(), Msg::Kind(kind))}</td>
                    <td>{r.unit_name.clone()}</td>
                    <td>{move || t(lang.get(), Msg::Stage(stage))}</td>
                    <td>{control}</td>
                </tr>
            }
        })
        .collect_view();
    let next_heading = move || fill(lang.get(), Msg::CarryNextYear, &[("year", &next)]);
    let button = move || fill(lang.get(), Msg::CarrySubmit, &[("year", &next)]);
    view! {
        {nav}
        <h2>{format!("{campaign} · {year} → {next}")}</h2>
        <p><a href=format!("/board?year={next}")>
            {move || fill(lang.get(), Msg::CarryOpenBoard, &[("year", &next)])}
        </a></p>
        <form class="carry-form" on:submit=submit novalidate>
            <div class="table-scroll">
                <table class="selection-table carry-table">
                    <thead><tr>
                        <th scope="col">{move || shared::i18n::field_name(lang.get(), shared::domain::Field::NomineeName)}</th>
                        <th scope="col">{tr(Msg::FilterKind)}</th>
                        <th scope="col">{tr(Msg::FilterUnit)}</th>
                        <th scope="col">{move || format!("{} {year}", t(lang.get(), Msg::StageLabel))}</th>
                        <th scope="col">{next_heading}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {form.alert("form-errors", |lang, problems: Vec<Violation>| {
                problems
                    .iter()
                    .map(|v| view! { <p>{v.message(lang)}</p> })
                    .collect_view()
            })}
            <Show when=move || can_carry>
                <p class="selected-count">{count} " " {tr(Msg::CarryChosenCount)}</p>
                <button type="submit" class="primary" disabled=move || form.saving.get()>
                    {move || if form.saving.get() { t(lang.get(), Msg::Saving).to_string() } else { button() }}
                </button>
            </Show>
        </form>
    }
    .into_any()
}

/// What the shared rule finds wrong with the choices as they stand (the server checks
/// again, with what only it knows: versions, earlier carries, C-C4's links).
fn problems(rows: &[Chosen], facts: &[(i64, String, Stage)]) -> Vec<Violation> {
    let mut found: Vec<Violation> = rows
        .iter()
        .filter_map(|(id, _, choice)| {
            let choice = (*choice)?;
            let (_, name, stage) = facts.iter().find(|(x, _, _)| x == id)?;
            let facts = CarryFacts {
                name: name.clone(),
                stage: *stage,
                choice,
                carried_to: None,
                collective_there: None,
            };
            check_carry(&facts).err()
        })
        .flatten()
        .collect();
    if rows.iter().all(|(_, _, c)| c.is_none()) {
        found.push(Violation::new(RULE, ViolationKind::NothingToCarry));
    }
    found
}
