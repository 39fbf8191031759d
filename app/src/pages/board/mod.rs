//! The live kanban: a column per stage, cards moved by drag and drop, by keyboard or by
//! the "Move to…" menu; optimistic, confirmed by the server, live for everyone.

mod live;
mod moving;
mod state;

use crate::api::board::{get_board, more_cards};
use crate::components::loaded::Loaded;
use crate::i18n::{tr, use_lang};
use crate::types::model::{BoardCard, BoardFilters, BoardView};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use moving::{Moves, Picked};
use shared::domain::{NomineeKind, Stage};
use shared::i18n::{t, Msg};

/// The board page: its filters live in the URL, so a view can be shared.
#[component]
pub fn BoardPage() -> impl IntoView {
    let query = use_query_map();
    let filters = Memo::new(move |_| {
        query.with(|q| BoardFilters::from_query(|k| q.get(k).map(|v| v.to_string())))
    });
    let board = Resource::new(move || filters.get(), get_board);

    view! {
        <section class="board-page" aria-labelledby="board-title">
            <h1 id="board-title">{tr(Msg::BoardTitle)}</h1>
            <crate::pages::calendar::OwedPanel/>
            <Loaded data=board missing=Msg::BoardNoCampaign let:view>
                <LiveBoard view/>
            </Loaded>
        </section>
    }
}

/// The board's address with these filters.
fn board_url(filters: &BoardFilters) -> String {
    let query = filters.to_query();
    if query.is_empty() {
        "/board".to_string()
    } else {
        format!("/board?{query}")
    }
}

/// Navigates to the board with other filters (replacing the history entry while typing).
fn go_to(filters: &BoardFilters, replace: bool) {
    use_navigate()(
        &board_url(filters),
        NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        },
    );
}

#[component]
fn FilterBar(view: BoardView) -> impl IntoView {
    let lang = use_lang();
    let filters = view.filters.clone();
    let navigate = use_navigate();
    let apply = {
        let filters = filters.clone();
        move |change: &dyn Fn(&mut BoardFilters)| {
            let mut next = filters.clone();
            change(&mut next);
            navigate(
                &board_url(&next),
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };
    let parse_id = |v: String| v.parse::<i64>().ok();
    let year_options = view
        .years
        .iter()
        .map(|y| {
            let selected = *y == view.year;
            view! { <option value=y.to_string() selected=selected>{*y}</option> }
        })
        .collect_view();
    let bloc_options = view
        .blocs
        .iter()
        .map(|b| {
            let selected = filters.bloc == Some(b.id);
            view! { <option value=b.id.to_string() selected=selected>{b.name.clone()}</option> }
        })
        .collect_view();
    let unit_options = view
        .units
        .iter()
        .map(|u| {
            let selected = filters.unit == Some(u.id);
            view! { <option value=u.id.to_string() selected=selected>{u.name.clone()}</option> }
        })
        .collect_view();
    let kind_options = NomineeKind::ALL
        .into_iter()
        .map(|k| {
            let selected = filters.kind == Some(k);
            view! { <option value=k.code() selected=selected>{move || t(lang.get(), Msg::Kind(k))}</option> }
        })
        .collect_view();
    let search = RwSignal::new(filters.q.clone().unwrap_or_default());
    let typing = StoredValue::new(0u32);
    let on_search = {
        let filters = filters.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            search.set(value.clone());
            // Wait for a pause in typing before asking the server.
            typing.update_value(|n| *n += 1);
            let ticket = typing.get_value();
            let filters = filters.clone();
            set_timeout(
                move || {
                    if typing.get_value() == ticket {
                        let mut next = filters.clone();
                        next.q = Some(value.trim().to_string()).filter(|q| !q.is_empty());
                        go_to(&next, true);
                    }
                },
                std::time::Duration::from_millis(300),
            );
        }
    };
    let any = filters != BoardFilters::default();
    // On a phone the filters but the search fold behind one button; the active ones stay in
    // sight as chips, each a link to the board without it.
    let open = RwSignal::new(false);
    let chips = filter_chips(&view);
    let active = chips.len();
    let chips = chips
        .into_iter()
        .map(|chip| {
            let value = match chip.value {
                ChipValue::Name(name) => view! { ": " {name} }.into_any(),
                ChipValue::Msg(msg) => view! { ": " {move || t(lang.get(), msg)} }.into_any(),
                ChipValue::Nothing => ().into_any(),
            };
            let label = chip.label;
            view! {
                <li>
                    <a class="chip" href=chip.href
                        title=move || format!("{} {}", t(lang.get(), Msg::RemoveFilter), t(lang.get(), label))>
                        <span>{move || t(lang.get(), label)} {value}</span>
                        <span class="chip-x" aria-hidden="true">"×"</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let (a1, a2, a3, a4, a5, a6) = (
        apply.clone(),
        apply.clone(),
        apply.clone(),
        apply.clone(),
        apply.clone(),
        apply.clone(),
    );
    view! {
        <form class="filters" role="search" aria-label=tr(Msg::Filters) on:submit=|ev| ev.prevent_default()>
            <label>
                <span>{tr(Msg::Search)}</span>
                <input type="search" name="q" prop:value=move || search.get()
                    placeholder=tr(Msg::SearchHint) title=tr(Msg::SearchHint)
                    on:input=on_search/>
            </label>
            <button type="button" class="filters-toggle" aria-controls="more-filters"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {tr(Msg::Filters)}
                {(active > 0).then(|| view! { " " <span class="filters-count">{active}</span> })}
            </button>
            <div id="more-filters" class="more-filters" class:open=move || open.get()>
            <label>
                <span>{tr(Msg::FilterYear)}</span>
                <select name="year" on:change=move |ev| {
                    let y = event_target_value(&ev).parse().ok();
                    a1(&|f: &mut BoardFilters| f.year = y)
                }>{year_options}</select>
            </label>
            <label>
                <span>{tr(Msg::FilterBloc)}</span>
                <select name="bloc" on:change=move |ev| {
                    let b = parse_id(event_target_value(&ev));
                    a2(&|f: &mut BoardFilters| { f.bloc = b; f.unit = None; })
                }>
                    <option value="">{tr(Msg::FilterAll)}</option>
                    {bloc_options}
                </select>
            </label>
            <label>
                <span>{tr(Msg::FilterUnit)}</span>
                <select name="unit" on:change=move |ev| {
                    let u = parse_id(event_target_value(&ev));
                    a3(&|f: &mut BoardFilters| f.unit = u)
                }>
                    <option value="">{tr(Msg::FilterAll)}</option>
                    {unit_options}
                </select>
            </label>
            <label>
                <span>{tr(Msg::FilterKind)}</span>
                <select name="kind" on:change=move |ev| {
                    let k = NomineeKind::from_code(&event_target_value(&ev));
                    a4(&|f: &mut BoardFilters| f.kind = k)
                }>
                    <option value="">{tr(Msg::FilterAll)}</option>
                    {kind_options}
                </select>
            </label>
            <label>
                <span>{tr(Msg::FilterCity)}</span>
                <select name="city" on:change=move |ev| {
                    let c = match event_target_value(&ev).as_str() {
                        "yes" => Some(true),
                        "no" => Some(false),
                        _ => None,
                    };
                    a5(&|f: &mut BoardFilters| f.city = c)
                }>
                    <option value="">{tr(Msg::FilterAll)}</option>
                    <option value="yes" selected=filters.city == Some(true)>{tr(Msg::CityYes)}</option>
                    <option value="no" selected=filters.city == Some(false)>{tr(Msg::CityNo)}</option>
                </select>
            </label>
            <label class="check">
                <input type="checkbox" name="lanes" prop:checked=filters.lanes on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    a6(&|f: &mut BoardFilters| f.lanes = on)
                }/>
                <span>{tr(Msg::Swimlanes)}</span>
            </label>
            <Show when=move || any>
                <a class="clear-filters" href="/board">{tr(Msg::ClearFilters)}</a>
            </Show>
            </div>
            <ul class="filter-chips">{chips}</ul>
        </form>
    }
}

/// What an active filter's chip says after its label.
enum ChipValue {
    Name(String),
    Msg(Msg),
    /// A switch (the swimlanes): its label says it all.
    Nothing,
}

/// An active filter (all but the search), and the board's address without it.
struct Chip {
    label: Msg,
    value: ChipValue,
    href: String,
}

fn filter_chips(view: &BoardView) -> Vec<Chip> {
    let f = &view.filters;
    let without = |change: &dyn Fn(&mut BoardFilters)| {
        let mut next = f.clone();
        change(&mut next);
        board_url(&next)
    };
    let mut chips = Vec::new();
    if let Some(year) = f.year {
        chips.push(Chip {
            label: Msg::FilterYear,
            value: ChipValue::Name(year.to_string()),
            href: without(&|n| n.year = None),
        });
    }
    if let Some(bloc) = f.bloc {
        let name = view
            .blocs
            .iter()
            .find(|b| b.id == bloc)
            .map(|b| b.name.clone());
        chips.push(Chip {
            label: Msg::FilterBloc,
            value: ChipValue::Name(name.unwrap_or_else(|| bloc.to_string())),
            href: without(&|n| {
                n.bloc = None;
                n.unit = None;
            }),
        });
    }
    if let Some(unit) = f.unit {
        let name = view
            .units
            .iter()
            .find(|u| u.id == unit)
            .map(|u| u.name.clone());
        chips.push(Chip {
            label: Msg::FilterUnit,
            value: ChipValue::Name(name.unwrap_or_else(|| unit.to_string())),
            href: without(&|n| n.unit = None),
        });
    }
    if let Some(kind) = f.kind {
        chips.push(Chip {
            label: Msg::FilterKind,
            value: ChipValue::Msg(Msg::Kind(kind)),
            href: without(&|n| n.kind = None),
        });
    }
    if let Some(city) = f.city {
        chips.push(Chip {
            label: Msg::FilterCity,
            value: ChipValue::Msg(if city { Msg::CityYes } else { Msg::CityNo }),
            href: without(&|n| n.city = None),
        });
    }
    if f.lanes {
        chips.push(Chip {
            label: Msg::Swimlanes,
            value: ChipValue::Nothing,
            href: without(&|n| n.lanes = false),
        });
    }
    chips
}

/// The board once loaded: its state, the live feed and the move machinery.
#[component]
fn LiveBoard(view: BoardView) -> impl IntoView {
    let year = view.year;
    let campaign = view.campaign_name.clone();
    let filter_bar = view! { <FilterBar view=view.clone()/> };
    let can_create = {
        use shared::auth::{authorize, Action, Role};
        let actor = view.user.actor();
        let unit = view.user.unit_id.unwrap_or(-1);
        authorize(&actor, &Action::CreateNomination { unit_id: unit }).is_ok()
            || actor.has(Role::CouncilOffice)
    };
    // Closing the year: the office carries the year's exemplars over into the next.
    let can_carry = {
        use shared::auth::{authorize, Action};
        let last = view.years.last().copied().unwrap_or(year);
        year < last && authorize(&view.user.actor(), &Action::CarryOver).is_ok()
    };
    let state = RwSignal::new(view);
    let moves = Moves::new(state);
    provide_context(moves);
    provide_context(ShownStage(RwSignal::new(Stage::ALL[0])));
    live::connect(state, moves);

    let lanes = move || {
        state.with(|v| {
            v.lanes
                .iter()
                .enumerate()
                .map(|(i, lane)| (i, lane.bloc.clone()))
                .collect::<Vec<_>>()
        })
    };
    let empty = move || {
        state.with(|v| {
            v.lanes
                .iter()
                .all(|l| l.columns.iter().all(|c| c.total == 0))
        })
    };
    view! {
        {filter_bar}
        <p class="board-summary">
            <strong>{tr(Msg::BoardSummary)} " " {year}</strong>
            " · "
            {campaign}
        </p>
        <Show when=move || can_create || can_carry>
            <p class="board-actions">
                <Show when=move || can_create>
                    <a class="button-link" href="/nominations/new">{tr(Msg::NewNomination)}</a>
                </Show>
                " "
                <Show when=move || can_carry>
                    <a class="button-link secondary" href=format!("/carry-over?year={year}")>
                        {tr(Msg::CarryLink)}
                    </a>
                </Show>
            </p>
        </Show>
        <p id="drag-help" class="hint">{tr(Msg::DragHelp)}</p>
        <div class="board-alert" role="alert">
            {move || moves.alert.get()}
        </div>
        <div class="visually-hidden" aria-live="assertive">{move || moves.announce.get()}</div>
        <Show when=move || live::offline(moves)>
            <p class="notice warning" role="status">{tr(Msg::LiveOffline)}</p>
        </Show>
        <Show when=empty>
            <p class="notice" role="status">{tr(Msg::NoResults)}</p>
        </Show>
        <StageSwitcher/>
        <For each=lanes key=|(i, bloc)| (*i, bloc.as_ref().map(|b| b.id)) let:lane>
            <LaneView index=lane.0 bloc=lane.1/>
        </For>
        <moving::ReasonDialog/>
        <moving::TouchGhost/>
        <moving::UndoToast/>
        <Drawer/>
    }
}

/// The stage whose column a narrow screen shows (the columns scroll sideways, one at a time).
#[derive(Clone, Copy)]
struct ShownStage(RwSignal<Stage>);

/// On a narrow screen, one column at a time: a button per stage with its count brings the
/// stage's column into view (in every lane); swiping the columns moves the current one too.
#[component]
fn StageSwitcher() -> impl IntoView {
    let lang = use_lang();
    let state = expect_context::<Moves>().state;
    let shown = expect_context::<ShownStage>().0;
    let buttons = Stage::ALL
        .into_iter()
        .map(|stage| {
            let total = move || {
                state.with(|v| {
                    (0..v.lanes.len())
                        .filter_map(|lane| v.column(lane, stage))
                        .map(|c| c.total)
                        .sum::<usize>()
                })
            };
            view! {
                <li>
                    <button type="button" data-shows-stage=stage.code()
                        aria-current=move || (shown.get() == stage).then_some("true")
                        on:click=move |_| {
                            shown.set(stage);
                            show_stage(stage);
                        }>
                        {move || t(lang.get(), Msg::Stage(stage))}
                        " "
                        <span class="column-count">{total}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="stage-switcher" aria-label=tr(Msg::StageSwitcher)>
            <ul>{buttons}</ul>
        </nav>
    }
}

/// Scrolls every lane's columns so that `stage`'s column starts at the left edge.
fn show_stage(stage: Stage) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(boards) = document.query_selector_all(".board") else {
        return;
    };
    for i in 0..boards.length() {
        let Some(board) = boards
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let selector = format!(".column[data-stage=\"{}\"]", stage.code());
        if let Ok(Some(column)) = board.query_selector(&selector) {
            let offset =
                column.get_bounding_client_rect().left() - board.get_bounding_client_rect().left();
            board.set_scroll_left(board.scroll_left() + offset as i32);
        }
    }
}

/// Scrolls lane `lane`'s columns sideways, as little as needed, until `stage`'s column is
/// wholly in view: a card carried by keyboard on a phone (one column at a time) shows the
/// column it would go to. Nothing moves when the column is already in view (a desktop's
/// board shows them all), and the page itself never scrolls.
pub(super) fn reveal_column(lane: usize, stage: Stage) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = format!(
        ".column[data-lane=\"{lane}\"][data-stage=\"{}\"]",
        stage.code()
    );
    let Ok(Some(column)) = document.query_selector(&selector) else {
        return;
    };
    let Ok(Some(board)) = column.closest(".board") else {
        return;
    };
    let (c, b) = (
        column.get_bounding_client_rect(),
        board.get_bounding_client_rect(),
    );
    let by = if c.left() < b.left() {
        c.left() - b.left()
    } else if c.right() > b.right() {
        (c.right() - b.right()).min(c.left() - b.left())
    } else {
        return;
    };
    board.set_scroll_left(board.scroll_left() + by.round() as i32);
}

/// The stage whose column is nearest the left edge of a lane's scrolled columns.
fn stage_in_view(board: &web_sys::Element) -> Option<Stage> {
    let left = board.get_bounding_client_rect().left();
    let columns = board.query_selector_all(".column").ok()?;
    let mut best: Option<(f64, Stage)> = None;
    for i in 0..columns.length() {
        use wasm_bindgen::JsCast;
        let Some(column) = columns
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let Some(stage) = column
            .get_attribute("data-stage")
            .and_then(|c| Stage::from_code(&c))
        else {
            continue;
        };
        let distance = (column.get_bounding_client_rect().left() - left).abs();
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, stage));
        }
    }
    best.map(|(_, stage)| stage)
}

#[component]
fn LaneView(index: usize, bloc: Option<crate::types::model::Choice>) -> impl IntoView {
    let heading = bloc.as_ref().map(|b| {
        let name = b.name.clone();
        view! { <h2 class="lane-title" id=format!("lane-{index}")>{name}</h2> }
    });
    let label = bloc.as_ref().map(|b| b.name.clone()).unwrap_or_else(|| {
        t(
            crate::i18n::use_lang().get_untracked(),
            Msg::BoardColumnsLabel,
        )
        .into()
    });
    let shown = expect_context::<ShownStage>().0;
    let columns = Stage::ALL
        .into_iter()
        .map(|stage| view! { <Column lane=index stage in_lane=bloc.is_some()/> })
        .collect_view();
    view! {
        <section class="lane">
            {heading}
            // Focusable so that keyboard users can scroll the columns sideways.
            <div class="board" role="region" tabindex="0" aria-label=label on:scroll=move |ev| {
                use wasm_bindgen::JsCast;
                let board = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                if let Some(stage) = board.as_ref().and_then(stage_in_view) {
                    if shown.get_untracked() != stage {
                        shown.set(stage);
                    }
                }
            }>
                {columns}
            </div>
        </section>
    }
}

#[component]
fn Column(lane: usize, stage: Stage, in_lane: bool) -> impl IntoView {
    let lang = use_lang();
    let moves = expect_context::<Moves>();
    let state = moves.state;
    let heading_id = format!("col-{lane}-{}", stage.code());
    // In swimlanes, each column is named with its bloc too, so that landmarks differ.
    let labelled_by = if in_lane {
        format!("{heading_id} lane-{lane}")
    } else {
        heading_id.clone()
    };
    let total = move || state.with(|v| v.column(lane, stage).map(|c| c.total).unwrap_or(0));
    let cards = move || {
        state.with(|v| {
            v.column(lane, stage)
                .map(|c| c.cards.clone())
                .unwrap_or_default()
        })
    };
    let shown = move || state.with(|v| v.column(lane, stage).map(|c| c.cards.len()).unwrap_or(0));
    // While a card is dragged or picked up, every column says whether it may receive it.
    let verdict = move || {
        moves
            .active_card()
            .filter(|c| c.stage != stage)
            .map(|card| moves.check(&card, stage))
    };
    let class = move || match verdict() {
        None => "column",
        Some(Ok(_)) => "column drop-ok",
        Some(Err(_)) => "column drop-no",
    };
    let reason = move || verdict().and_then(|v| v.err());
    let keyboard_target = move || {
        moves
            .picked
            .get()
            .is_some_and(|p: Picked| p.target == stage && p.lane == lane)
    };
    let loading_more = RwSignal::new(false);
    let show_more = move |_| {
        let (filters, bloc) = state.with_untracked(|v| {
            (
                v.filters.clone(),
                v.lanes
                    .get(lane)
                    .and_then(|l| l.bloc.as_ref().map(|b| b.id)),
            )
        });
        let offset = shown();
        loading_more.set(true);
        leptos::task::spawn_local(async move {
            match more_cards(filters, stage, bloc, offset).await {
                Ok(more) => state.update(|v| v.extend(lane, stage, more)),
                Err(e) => moves.alert.set(Some(e.describe(lang.get_untracked()))),
            }
            loading_more.set(false);
        });
    };
    view! {
        <section class=class class:keyboard-target=keyboard_target data-stage=stage.code() data-lane=lane
            aria-labelledby=labelled_by
            on:dragover=move |ev| moves.drag_over(ev)
            on:drop=move |ev| moves.drop_on(ev, lane, stage)>
            <h2 id=heading_id>
                <span class="column-title">{move || t(lang.get(), Msg::Stage(stage))}</span>
                <span class="column-count" title=tr(Msg::CardCount)>{total}</span>
            </h2>
            {move || reason().map(|r| view! { <p class="drop-reason">{r}</p> })}
            <Show when=move || total() == 0>
                <p class="column-empty">{tr(Msg::EmptyColumn)}</p>
            </Show>
            <ul class="cards">
                <For each=cards key=|c| (c.id, c.version, c.position.as_str().to_string(), c.evaluations.len(), c.replications, c.council_score_milli) let:card>
                    <Card card lane/>
                </For>
            </ul>
            <Show when=move || { shown() < total() }>
                <button type="button" class="show-more" on:click=show_more disabled=move || loading_more.get()>
                    {tr(Msg::ShowMore)} " (" {move || total().saturating_sub(shown())} " " {tr(Msg::Remaining)} ")"
                </button>
            </Show>
        </section>
    }
}

#[component]
fn Card(card: BoardCard, lane: usize) -> impl IntoView {
    let lang = use_lang();
    let moves = expect_context::<Moves>();
    let kind = card.kind;
    let id = card.id;
    let name = card.nominee_name.clone();
    let city = card.city_registered;
    let replications = card.replications;
    let council_score = card.council_score_milli;
    // E-1: an evaluation owed whose checkpoint has passed (the shared rule, on the facts
    // the card carries).
    let overdue = moves.state.with_untracked(|v| {
        shared::rules::deadline::overdue_evaluation(
            card.stage,
            &card.evaluations,
            &v.calendar,
            v.today,
        )
    });
    let picked = move || moves.is_picked(id);
    let dragging = move || moves.is_dragging(id);
    let movable = moves.movable(&card);
    let drag_card = card.clone();
    let key_card = card.clone();
    let menu_card = card.clone();
    let touch_card = card.clone();
    // Touch and pen users drag by the grip (it keeps the page from scrolling under the
    // finger); keyboard and screen reader users have the card's button and the menu.
    let grip = movable.then(|| {
        view! {
            <span class="grip" aria-hidden="true" title=tr(Msg::TouchGripHint)
                on:pointerdown=move |ev| moves.pointer_down(ev, touch_card.clone())
                on:pointermove=move |ev| moves.pointer_move(ev)
                on:pointerup=move |ev| moves.pointer_up(ev)
                on:pointercancel=move |_| moves.pointer_cancel()>
                "⠿"
            </span>
        }
    });
    // Read-only users get the card without controls: nothing to drag, press or open.
    let title = if movable {
        view! {
            <button type="button" class="card-name card-grab"
                aria-describedby="drag-help" aria-pressed=move || picked().to_string()
                title=tr(Msg::CardGrabHint)
                on:keydown=move |ev| moves.key(ev, key_card.clone(), lane)>
                {name}
            </button>
        }
        .into_any()
    } else {
        view! { <p class="card-name">{name}</p> }.into_any()
    };
    view! {
        <li class="card" class:picked=picked class:dragging=dragging
            data-nomination-id=id data-kind=kind.code()
            draggable=movable.then_some("true")
            on:dragstart=move |ev| moves.drag_start(ev, drag_card.clone())
            on:dragend=move |_| moves.drag_end()>
            {grip}
            {title}
            <p class="card-kind">{move || t(lang.get(), Msg::Kind(kind))}</p>
            <p class="card-unit">{card.unit_name.clone()}</p>
            <p class="card-bloc">{card.bloc_name.clone()}</p>
            <Show when=move || city>
                <span class="badge badge-city">{tr(Msg::CityBadge)}</span>
            </Show>
            {overdue.map(|period| view! {
                <span class="badge badge-overdue">
                    {move || format!("{}: {}", t(lang.get(), Msg::OverdueBadge), shared::i18n::period_name(lang.get(), period))}
                </span>
            })}
            {council_score.map(|milli| view! {
                <span class="badge badge-score">
                    {move || format!("{}: {}", t(lang.get(), Msg::CouncilScoreBadge), shared::i18n::format_points(milli))}
                </span>
            })}
            {(replications > 0).then(|| view! {
                <span class="badge badge-replicated">
                    {move || format!("{}: {replications} {}", t(lang.get(), Msg::ReplicatedBadge), t(lang.get(), Msg::PlacesUnit))}
                </span>
            })}
            <div class="card-actions">
                <a class="card-details" href=format!("/nominations/{id}")
                    on:click=move |ev: leptos::ev::MouseEvent| {
                        // A plain click opens the drawer; a new tab or window gets the page.
                        if ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() {
                            ev.prevent_default();
                            moves.drawer.set(Some(id));
                        }
                    }>
                    {tr(Msg::Details)}
                    <span class="visually-hidden">{format!(" “{}”", card.nominee_name)}</span>
                </a>
                {movable.then(|| view! { <moving::MoveMenu card=menu_card/> })}
            </div>
        </li>
    }
}

/// The nomination beside the board, opened from a card's "Details".
#[component]
fn Drawer() -> impl IntoView {
    use crate::api::nominations::get_nomination;
    use crate::pages::nomination::NominationDetail;
    let moves = expect_context::<Moves>();
    let data = Resource::new(
        move || moves.drawer.get(),
        |id| async move {
            match id {
                Some(id) => get_nomination(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let notice = RwSignal::new(None::<String>);
    let close = move || {
        notice.set(None);
        moves.drawer.set(None)
    };
    view! {
        <Show when=move || moves.drawer.get().is_some()>
            <aside class="drawer" aria-labelledby="nomination-title"
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        close();
                    }
                }>
                <div class="drawer-bar">
                    <button type="button" class="close" on:click=move |_| close()>{tr(Msg::Close)}</button>
                    {move || moves.drawer.get().map(|id| view! {
                        <a href=format!("/nominations/{id}")>{tr(Msg::OpenFullPage)}</a>
                    })}
                </div>
                <p class="notice" role="status">{move || notice.get()}</p>
                <Loaded data let:view>
                    {view.map(|view| view! {
                        <NominationDetail view heading=2 on_change=Callback::new(move |text| {
                            notice.set(Some(text));
                            data.refetch();
                        })/>
                    })}
                </Loaded>
            </aside>
        </Show>
    }
}
