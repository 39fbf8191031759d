use crate::api::board::get_board;
use crate::i18n::{tr, use_lang};
use crate::model::{Board, BoardCard};
use leptos::prelude::*;
use shared::domain::Stage;
use shared::i18n::{t, Msg};

/// The kanban of one campaign year: a column per stage.
#[component]
pub fn BoardPage() -> impl IntoView {
    let board = Resource::new(|| (), |_| get_board(None));
    let lang = use_lang();

    view! {
        <section class="board-page" aria-labelledby="board-title">
            <h1 id="board-title">{tr(Msg::BoardTitle)}</h1>
            <Suspense fallback=move || view! { <p class="loading" role="status">{tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match board.await {
                        Ok(b) => view! { <BoardColumns board=b/> }.into_any(),
                        Err(e) => view! {
                            <p class="error" role="alert">{move || e.message(lang.get())}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn BoardColumns(board: Board) -> impl IntoView {
    let year = board.year;
    let campaign = board.campaign_name.clone();
    let columns = Stage::ALL
        .into_iter()
        .map(|stage| {
            let cards: Vec<BoardCard> = board.column(stage).cloned().collect();
            view! { <Column stage cards/> }
        })
        .collect_view();
    view! {
        <p class="board-summary">
            <strong>{tr(Msg::BoardSummary)} " " {year}</strong>
            " · "
            {campaign}
        </p>
        // Focusable so that keyboard users can scroll the columns sideways.
        <div class="board" role="region" tabindex="0" aria-label=tr(Msg::BoardColumnsLabel)>
            {columns}
        </div>
    }
}

#[component]
fn Column(stage: Stage, cards: Vec<BoardCard>) -> impl IntoView {
    let lang = use_lang();
    let heading_id = format!("col-{}", stage.code());
    let labelled_by = heading_id.clone();
    let count = cards.len();
    let empty = cards.is_empty();
    let items = cards
        .into_iter()
        .map(|card| view! { <Card card/> })
        .collect_view();
    view! {
        <section class="column" data-stage=stage.code() aria-labelledby=labelled_by>
            <h2 id=heading_id>
                <span class="column-title">{move || t(lang.get(), Msg::Stage(stage))}</span>
                <span class="column-count" title=tr(Msg::CardCount)>{count}</span>
            </h2>
            <Show when=move || empty>
                <p class="column-empty">{tr(Msg::EmptyColumn)}</p>
            </Show>
            <ul class="cards">{items}</ul>
        </section>
    }
}

#[component]
fn Card(card: BoardCard) -> impl IntoView {
    let lang = use_lang();
    let kind = card.kind;
    view! {
        <li class="card" data-id=card.id data-kind=kind.code()>
            <p class="card-name">{card.nominee_name}</p>
            <p class="card-kind">{move || t(lang.get(), Msg::Kind(kind))}</p>
            <p class="card-unit">{card.unit_name}</p>
            <p class="card-bloc">{card.bloc_name}</p>
            <Show when=move || card.city_registered>
                <span class="badge badge-city">{tr(Msg::CityBadge)}</span>
            </Show>
        </li>
    }
}
