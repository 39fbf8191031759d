//! Moving cards: the pre-check, the optimistic move and its confirmation or rollback,
//! drag and drop, the keyboard, the "Move to…" menu, the reason dialog and undo.

use crate::api::board::{get_card, move_nomination};
use crate::error::AppError;
use crate::i18n::{tr, use_lang};
use crate::moves::{precheck, Refusal};
use crate::types::model::{BoardCard, BoardView, CardEvent, MoveRequest, Place};
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use shared::domain::Stage;
use shared::i18n::{t, Lang, Msg};
use shared::rules::transition::{MoveKind, MAX_REASON_CHARS};
use std::time::Duration;

/// How long the "Undo" action is offered after a move.
const UNDO_OFFER: Duration = Duration::from_secs(10);

/// A card picked up with the keyboard, and where it would go.
#[derive(Debug, Clone, PartialEq)]
pub struct Picked {
    pub card: BoardCard,
    pub lane: usize,
    pub target: Stage,
    /// Its place among the target column's other cards (0 = top).
    pub slot: usize,
}

/// A move waiting for its reason (backward moves and drops).
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub card: BoardCard,
    pub to: Stage,
    pub place: Place,
    pub kind: MoveKind,
}

/// A card carried by a finger or a pen. Browsers give touch no HTML5 drag and drop, so
/// touch dragging follows pointer events from the card's grip.
#[derive(Debug, Clone, PartialEq)]
pub struct Carried {
    pub pointer: i32,
    pub card: BoardCard,
    pub start: (f64, f64),
    pub at: (f64, f64),
    /// Whether the finger has moved far enough to be a drag rather than a tap.
    pub lifted: bool,
}

/// How far (CSS pixels) a finger must move before a touch becomes a drag.
const LIFT_DISTANCE: f64 = 6.0;
/// How close (CSS pixels) to an edge a carried card makes the board scroll.
const SCROLL_EDGE: f64 = 48.0;

/// The note shown after a move, with its "Undo".
#[derive(Debug, Clone, PartialEq)]
pub struct Toast {
    pub ticket: u64,
    pub text: String,
    pub undo: Option<CardEvent>,
}

#[derive(Clone, Copy)]
pub struct Moves {
    pub state: RwSignal<BoardView>,
    pub alert: RwSignal<Option<String>>,
    pub announce: RwSignal<String>,
    pub dragging: RwSignal<Option<BoardCard>>,
    pub carried: RwSignal<Option<Carried>>,
    pub picked: RwSignal<Option<Picked>>,
    pub pending: RwSignal<Option<Pending>>,
    pub toast: RwSignal<Option<Toast>>,
    pub menu: RwSignal<Option<i64>>,
    pub live_down: RwSignal<bool>,
    /// The nomination shown in the drawer beside the board.
    pub drawer: RwSignal<Option<i64>>,
    tickets: StoredValue<u64>,
    /// Which card is picked up, and which dragged, by id: a card asks only about itself,
    /// so picking one up wakes that card alone rather than every card of a long board.
    picked_id: StoredValue<Selector<Option<i64>>>,
    dragging_id: StoredValue<Selector<Option<i64>>>,
    menu_of: StoredValue<Selector<Option<i64>>>,
}

/// While a card is carried near an edge of the window or of the columns' scroller, scroll
/// them so that every column can be reached on a small screen.
fn scroll_near_edges((x, y): (f64, f64)) {
    let window = window();
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if y < SCROLL_EDGE {
        window.scroll_by_with_x_and_y(0.0, -24.0);
    } else if height > 0.0 && y > height - SCROLL_EDGE {
        window.scroll_by_with_x_and_y(0.0, 24.0);
    }
    let board = document()
        .element_from_point(x as f32, y as f32)
        .and_then(|e| e.closest(".board").ok().flatten());
    if let Some(board) = board {
        let rect = board.get_bounding_client_rect();
        if x < rect.left() + SCROLL_EDGE {
            board.scroll_by_with_x_and_y(-24.0, 0.0);
        } else if x > rect.right() - SCROLL_EDGE {
            board.scroll_by_with_x_and_y(24.0, 0.0);
        }
    }
}

fn stage_name(lang: Lang, stage: Stage) -> &'static str {
    t(lang, Msg::Stage(stage))
}

impl Moves {
    pub fn new(state: RwSignal<BoardView>) -> Moves {
        let picked: RwSignal<Option<Picked>> = RwSignal::new(None);
        let dragging: RwSignal<Option<BoardCard>> = RwSignal::new(None);
        let picked_id = Selector::new(move || picked.with(|p| p.as_ref().map(|p| p.card.id)));
        let dragging_id = Selector::new(move || dragging.with(|c| c.as_ref().map(|c| c.id)));
        let menu: RwSignal<Option<i64>> = RwSignal::new(None);
        let menu_of = Selector::new(move || menu.get());
        Moves {
            state,
            alert: RwSignal::new(None),
            announce: RwSignal::new(String::new()),
            dragging,
            carried: RwSignal::new(None),
            picked,
            pending: RwSignal::new(None),
            toast: RwSignal::new(None),
            menu,
            live_down: RwSignal::new(false),
            drawer: RwSignal::new(None),
            tickets: StoredValue::new(0),
            picked_id: StoredValue::new(picked_id),
            dragging_id: StoredValue::new(dragging_id),
            menu_of: StoredValue::new(menu_of),
        }
    }

    /// Whether the "Move to…" menu of card `id` is open (reactive).
    pub fn is_menu_open(&self, id: i64) -> bool {
        self.menu_of.with_value(|s| s.selected(&Some(id)))
    }

    /// Whether the card `id` is the one picked up by keyboard (reactive).
    pub fn is_picked(&self, id: i64) -> bool {
        self.picked_id.with_value(|s| s.selected(&Some(id)))
    }

    /// Whether the card `id` is the one being dragged (reactive).
    pub fn is_dragging(&self, id: i64) -> bool {
        self.dragging_id.with_value(|s| s.selected(&Some(id)))
    }

    fn lang(&self) -> Lang {
        use_lang().get_untracked()
    }

    /// The card being dragged or carried by keyboard.
    pub fn active_card(&self) -> Option<BoardCard> {
        self.dragging
            .get()
            .or_else(|| self.picked.get().map(|p| p.card))
    }

    /// The browser's pre-check: permission and the shape of the move, with the shared
    /// rules' message when refused.
    pub fn check(&self, card: &BoardCard, to: Stage) -> Result<Option<MoveKind>, String> {
        let actor = self.state.with_untracked(|v| v.user.actor());
        let lang = self.lang();
        precheck(&actor, card, to).map_err(|r| match r {
            Refusal::Denied(d) => d.message(lang).to_string(),
            Refusal::Rules(v) => v
                .iter()
                .map(|v| shared::i18n::violation_message(lang, &v.kind))
                .collect::<Vec<_>>()
                .join(" "),
        })
    }

    /// Whether the user may do anything with the card: move it somewhere or reorder it.
    /// Read-only users (leadership, council members) get a card without controls.
    pub fn movable(&self, card: &BoardCard) -> bool {
        let actor = self.state.with_untracked(|v| v.user.actor());
        Stage::ALL
            .into_iter()
            .any(|to| precheck(&actor, card, to).is_ok())
    }

    /// Starts a move chosen by the user: refused at once if the pre-check refuses, asks
    /// for a reason when the rules want one, otherwise sent.
    pub fn request(&self, card: BoardCard, to: Stage, place: Place) {
        self.menu.set(None);
        match self.check(&card, to) {
            Err(message) => self.alert.set(Some(message)),
            Ok(Some(kind)) if kind.needs_reason() => self.pending.set(Some(Pending {
                card,
                to,
                place,
                kind,
            })),
            Ok(_) => self.send(card, to, place, None, None),
        }
    }

    /// Shows the move at once, sends it, and keeps or rolls back what was shown according
    /// to the server's answer.
    pub fn send(
        &self,
        card: BoardCard,
        to: Stage,
        place: Place,
        reason: Option<String>,
        undo_of: Option<i64>,
    ) {
        let this = *self;
        let lang = self.lang();
        self.alert.set(None);
        let original = card.clone();
        let provisional = self
            .state
            .with_untracked(|v| v.provisional_position(&card, to, place));
        let mut shown = card.clone();
        shown.position = provisional;
        shown.dropped_from = crate::moves::dropped_from_after(card.stage, to, card.dropped_from);
        shown.stage = to;
        self.state.update(|v| {
            v.apply(shown, Some(card.stage));
        });
        let request = MoveRequest {
            id: card.id,
            version: card.version,
            to,
            place,
            reason,
            undo_of,
        };
        leptos::task::spawn_local(async move {
            match move_nomination(request).await {
                Ok(event) => {
                    this.state
                        .maybe_update(|v| v.apply(event.card.clone(), Some(event.from)));
                    let text = if undo_of.is_some() {
                        t(lang, Msg::Undone).to_string()
                    } else {
                        format!(
                            "{} “{}” {} “{}”.",
                            t(lang, Msg::MovedTo),
                            event.card.nominee_name,
                            t(lang, Msg::MoveInto),
                            stage_name(lang, event.card.stage)
                        )
                    };
                    let undo = undo_of.is_none().then_some(event);
                    this.show_toast(text, undo);
                }
                Err(e) => {
                    // Put the card back where it was (unless something newer arrived).
                    this.state.update(|v| {
                        v.apply(original.clone(), Some(to));
                    });
                    this.alert.set(Some(e.describe(lang)));
                    if matches!(e, AppError::Conflict { .. }) {
                        if let Ok(fresh) = get_card(original.id).await {
                            this.state.update(|v| {
                                v.apply(fresh, Some(original.stage));
                            });
                        }
                    }
                }
            }
        });
    }

    fn show_toast(&self, text: String, undo: Option<CardEvent>) {
        self.tickets.update_value(|n| *n += 1);
        let ticket = self.tickets.get_value();
        self.toast.set(Some(Toast { ticket, text, undo }));
        let toast = self.toast;
        set_timeout(
            move || {
                if toast.get_untracked().is_some_and(|t| t.ticket == ticket) {
                    toast.set(None);
                }
            },
            UNDO_OFFER,
        );
    }

    /// Reverses one's own move, if nothing changed since.
    pub fn undo(&self, event: CardEvent) {
        self.toast.set(None);
        let current = self
            .state
            .with_untracked(|v| v.find(event.card.id).cloned())
            .unwrap_or(event.card.clone());
        self.send(current, event.from, Place::Top, None, Some(event.seq));
    }

    pub fn drag_start(&self, ev: leptos::ev::DragEvent, card: BoardCard) {
        if let Some(dt) = ev.data_transfer() {
            let _ = dt.set_data("text/plain", &card.id.to_string());
            dt.set_effect_allowed("move");
        }
        self.picked.set(None);
        self.dragging.set(Some(card));
    }

    pub fn drag_end(&self) {
        self.dragging.set(None);
    }

    pub fn drag_over(&self, ev: leptos::ev::DragEvent) {
        if self.dragging.get_untracked().is_some() {
            // Every column accepts the drop: a forbidden one then explains why.
            ev.prevent_default();
            if let Some(dt) = ev.data_transfer() {
                dt.set_drop_effect("move");
            }
        }
    }

    pub fn drop_on(&self, ev: leptos::ev::DragEvent, lane: usize, stage: Stage) {
        use wasm_bindgen::JsCast;
        let Some(card) = self.dragging.get_untracked() else {
            return;
        };
        ev.prevent_default();
        self.dragging.set(None);
        let under = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        self.drop_at(card, under, f64::from(ev.client_y()), lane, stage);
    }

    /// Drops a card on a column, at the place under the pointer.
    fn drop_at(
        &self,
        card: BoardCard,
        under: Option<web_sys::Element>,
        client_y: f64,
        lane: usize,
        stage: Stage,
    ) {
        let place = self.place_at(under, client_y, &card, lane, stage);
        if card.stage == stage && self.same_place(&card, lane, place) {
            return;
        }
        self.request(card, stage, place);
    }

    /// A finger or pen touches a card's grip: the card may be about to be carried.
    pub fn pointer_down(&self, ev: leptos::ev::PointerEvent, card: BoardCard) {
        use wasm_bindgen::JsCast;
        // The mouse has HTML5 drag and drop on the whole card.
        if ev.pointer_type() == "mouse" || !ev.is_primary() {
            return;
        }
        ev.prevent_default();
        if let Some(grip) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = grip.set_pointer_capture(ev.pointer_id());
        }
        let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        self.picked.set(None);
        self.carried.set(Some(Carried {
            pointer: ev.pointer_id(),
            card,
            start: at,
            at,
            lifted: false,
        }));
    }

    pub fn pointer_move(&self, ev: leptos::ev::PointerEvent) {
        let Some(mut carried) = self.carried.get_untracked() else {
            return;
        };
        if carried.pointer != ev.pointer_id() {
            return;
        }
        ev.prevent_default();
        let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        carried.at = at;
        if !carried.lifted {
            let (dx, dy) = (at.0 - carried.start.0, at.1 - carried.start.1);
            if dx.hypot(dy) < LIFT_DISTANCE {
                return;
            }
            carried.lifted = true;
            self.dragging.set(Some(carried.card.clone()));
        }
        self.carried.set(Some(carried));
        scroll_near_edges(at);
    }

    pub fn pointer_up(&self, ev: leptos::ev::PointerEvent) {
        let Some(carried) = self.carried.get_untracked() else {
            return;
        };
        if carried.pointer != ev.pointer_id() {
            return;
        }
        self.carried.set(None);
        if !carried.lifted {
            return;
        }
        self.dragging.set(None);
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let under = document().element_from_point(x as f32, y as f32);
        let Some(column) = under
            .as_ref()
            .and_then(|e| e.closest("[data-stage]").ok().flatten())
        else {
            // Let go outside the board: nothing moves.
            return;
        };
        let stage = column
            .get_attribute("data-stage")
            .and_then(|code| Stage::from_code(&code));
        let lane = column
            .get_attribute("data-lane")
            .and_then(|lane| lane.parse::<usize>().ok());
        if let (Some(stage), Some(lane)) = (stage, lane) {
            self.drop_at(carried.card, under, y, lane, stage);
        }
    }

    /// The browser took the touch back (a system gesture): the card stays where it was.
    pub fn pointer_cancel(&self) {
        if self.carried.get_untracked().is_some() {
            self.carried.set(None);
            self.dragging.set(None);
        }
    }

    /// Where in the column the card was dropped: after the card under the pointer (or
    /// before it, in its upper half), else at the top.
    fn place_at(
        &self,
        under: Option<web_sys::Element>,
        client_y: f64,
        card: &BoardCard,
        lane: usize,
        stage: Stage,
    ) -> Place {
        let target = under.and_then(|e| e.closest("[data-nomination-id]").ok().flatten());
        let Some(element) = target else {
            return Place::Top;
        };
        let Some(over) = element
            .get_attribute("data-nomination-id")
            .and_then(|v| v.parse::<i64>().ok())
        else {
            return Place::Top;
        };
        if over == card.id {
            // Over its own old place: it stays among the same neighbours.
            return self.current_place(card, lane);
        }
        let rect = element.get_bounding_client_rect();
        let lower_half = client_y > rect.top() + rect.height() / 2.0;
        if lower_half {
            return Place::After(over);
        }
        let ids = self.column_ids(lane, stage, card.id);
        match ids.iter().position(|id| *id == over) {
            Some(0) | None => Place::Top,
            Some(i) => Place::After(ids[i - 1]),
        }
    }

    /// The place a card holds now in its column.
    fn current_place(&self, card: &BoardCard, lane: usize) -> Place {
        let all: Vec<i64> = self.state.with_untracked(|v| {
            v.column(lane, card.stage)
                .map(|c| c.cards.iter().map(|c| c.id).collect())
                .unwrap_or_default()
        });
        match all.iter().position(|id| *id == card.id) {
            Some(i) if i > 0 => Place::After(all[i - 1]),
            _ => Place::Top,
        }
    }

    fn column_ids(&self, lane: usize, stage: Stage, without: i64) -> Vec<i64> {
        self.state.with_untracked(|v| {
            v.column(lane, stage)
                .map(|c| {
                    c.cards
                        .iter()
                        .map(|c| c.id)
                        .filter(|id| *id != without)
                        .collect()
                })
                .unwrap_or_default()
        })
    }

    fn same_place(&self, card: &BoardCard, lane: usize, place: Place) -> bool {
        let all: Vec<i64> = self.state.with_untracked(|v| {
            v.column(lane, card.stage)
                .map(|c| c.cards.iter().map(|c| c.id).collect())
                .unwrap_or_default()
        });
        let Some(i) = all.iter().position(|id| *id == card.id) else {
            return false;
        };
        match place {
            Place::Top => i == 0,
            Place::After(id) => i > 0 && all[i - 1] == id,
        }
    }

    fn describe_target(&self, p: &Picked) -> String {
        let lang = self.lang();
        let others = self.column_ids(p.lane, p.target, p.card.id).len();
        let verdict = if p.target == p.card.stage {
            t(lang, Msg::Allowed).to_string()
        } else {
            match self.check(&p.card, p.target) {
                Ok(_) => t(lang, Msg::Allowed).to_string(),
                Err(reason) => format!("{}: {reason}", t(lang, Msg::NotAllowed)),
            }
        };
        format!(
            "{}: {}, {} {}/{}. {}.",
            t(lang, Msg::TargetColumn),
            stage_name(lang, p.target),
            t(lang, Msg::PositionIn),
            p.slot + 1,
            others + 1,
            verdict
        )
    }

    /// The keyboard: Space picks up and drops, arrows move, Escape cancels; every step
    /// is announced.
    pub fn key(&self, ev: leptos::ev::KeyboardEvent, card: BoardCard, lane: usize) {
        let lang = self.lang();
        let current = self.picked.get_untracked().filter(|p| p.card.id == card.id);
        let key = ev.key();
        match (current, key.as_str()) {
            (None, " ") => {
                ev.prevent_default();
                let slot = self
                    .column_ids(lane, card.stage, -1)
                    .iter()
                    .position(|id| *id == card.id)
                    .unwrap_or(0);
                let picked = Picked {
                    card: card.clone(),
                    lane,
                    target: card.stage,
                    slot,
                };
                self.announce.set(format!(
                    "{} “{}”. {}",
                    t(lang, Msg::PickedUp),
                    card.nominee_name,
                    self.describe_target(&picked)
                ));
                self.alert.set(None);
                self.picked.set(Some(picked));
            }
            (Some(mut p), "ArrowLeft" | "ArrowRight") => {
                ev.prevent_default();
                let i = Stage::ALL.iter().position(|s| *s == p.target).unwrap_or(0);
                let n = Stage::ALL.len();
                let next = if key == "ArrowRight" {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                p.target = Stage::ALL[next];
                p.slot = 0;
                super::reveal_column(p.lane, p.target);
                self.announce.set(self.describe_target(&p));
                self.picked.set(Some(p));
            }
            (Some(mut p), "ArrowUp" | "ArrowDown") => {
                ev.prevent_default();
                let others = self.column_ids(p.lane, p.target, p.card.id).len();
                p.slot = if key == "ArrowUp" {
                    p.slot.saturating_sub(1)
                } else {
                    (p.slot + 1).min(others)
                };
                self.announce.set(self.describe_target(&p));
                self.picked.set(Some(p));
            }
            (Some(p), " " | "Enter") => {
                ev.prevent_default();
                self.picked.set(None);
                let ids = self.column_ids(p.lane, p.target, p.card.id);
                let place = match p.slot {
                    0 => Place::Top,
                    s => ids
                        .get(s - 1)
                        .map(|id| Place::After(*id))
                        .unwrap_or(Place::Top),
                };
                if p.target == p.card.stage && self.same_place(&p.card, p.lane, place) {
                    self.announce.set(t(lang, Msg::DropCancelled).into());
                    return;
                }
                self.announce.set(format!(
                    "{} “{}” {} “{}”.",
                    t(lang, Msg::MovedTo),
                    p.card.nominee_name,
                    t(lang, Msg::MoveInto),
                    stage_name(lang, p.target)
                ));
                self.request(p.card, p.target, place);
            }
            (Some(_), "Escape" | "Tab") => {
                if key == "Escape" {
                    ev.prevent_default();
                }
                self.picked.set(None);
                self.announce.set(t(lang, Msg::DropCancelled).into());
            }
            _ => {}
        }
    }
}

/// The "Move to…" menu of a card: every other stage, those the user may not choose
/// marked with the reason.
#[component]
pub fn MoveMenu(card: BoardCard) -> impl IntoView {
    let moves = expect_context::<Moves>();
    let lang = use_lang();
    let id = card.id;
    let open = move || moves.is_menu_open(id);
    let menu_id = format!("move-menu-{id}");
    let controls = menu_id.clone();
    let hidden_name = format!(" “{}”", card.nominee_name);
    let items = move || {
        let lang = lang.get();
        Stage::ALL
            .into_iter()
            .filter(|s| *s != card.stage)
            .map(|stage| {
                let verdict = moves.check(&card, stage);
                let refused = verdict.as_ref().err().cloned();
                let disabled = refused.is_some();
                let card = card.clone();
                let title = refused.clone().unwrap_or_default();
                view! {
                    <li role="none">
                        <button type="button" role="menuitem" data-stage=stage.code()
                            aria-disabled=disabled.to_string() title=title
                            on:click=move |_| moves.request(card.clone(), stage, Place::Top)>
                            {stage_name(lang, stage)}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="move-menu">
            <button type="button" class="move-button" aria-haspopup="menu"
                aria-expanded=move || open().to_string() aria-controls=controls
                on:click=move |_| moves.menu.update(|m| *m = if *m == Some(id) { None } else { Some(id) })>
                {tr(Msg::MoveTo)}
                <span class="visually-hidden">{hidden_name}</span>
            </button>
            <Show when=open>
                <ul class="menu" role="menu" id=menu_id.clone() aria-label=tr(Msg::MoveTo)
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            moves.menu.set(None);
                        }
                    }>
                    {items.clone()}
                </ul>
            </Show>
        </div>
    }
}

/// Asks for the reason of a backward move or a drop; nothing is sent without one.
#[component]
pub fn ReasonDialog() -> impl IntoView {
    let moves = expect_context::<Moves>();
    let lang = use_lang();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let cancel = move || {
        moves.pending.set(None);
        text.set(String::new());
        error.set(None);
    };
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(p) = moves.pending.get_untracked() else {
            return;
        };
        let reason = text.get_untracked();
        let lang = lang.get_untracked();
        let trimmed = reason.trim();
        if trimmed.is_empty() {
            error.set(Some(shared::i18n::violation_message(
                lang,
                &shared::rules::ViolationKind::ReasonRequired,
            )));
            return;
        }
        if trimmed.chars().count() > MAX_REASON_CHARS {
            error.set(Some(shared::i18n::input_error(
                lang,
                &shared::domain::InputError::TooLong {
                    field: shared::domain::Field::Reason,
                    max: MAX_REASON_CHARS,
                },
            )));
            return;
        }
        cancel();
        moves.send(p.card, p.to, p.place, Some(trimmed.to_string()), None);
    };
    let title = move || {
        moves.pending.get().map(|p| {
            let lang = lang.get();
            let head = if p.kind == MoveKind::Drop {
                t(lang, Msg::ReasonDropTitle)
            } else {
                t(lang, Msg::ReasonBackTitle)
            };
            format!(
                "{head}: “{}” → {}",
                p.card.nominee_name,
                stage_name(lang, p.to)
            )
        })
    };
    view! {
        <Show when=move || moves.pending.get().is_some()>
            <div class="dialog-backdrop">
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="reason-title"
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            cancel();
                        }
                    }>
                    <form on:submit=confirm novalidate>
                        <h2 id="reason-title">{title}</h2>
                        <label for="move-reason">{tr(Msg::ReasonLabel)}</label>
                        <textarea id="move-reason" name="reason" rows="4" autofocus
                            maxlength=MAX_REASON_CHARS.to_string()
                            prop:value=move || text.get()
                            on:input=move |ev| { text.set(event_target_value(&ev)); error.set(None); }>
                        </textarea>
                        <div role="alert" class="field-error">{move || error.get()}</div>
                        <div class="actions">
                            <button type="submit" class="primary">{tr(Msg::Confirm)}</button>
                            <button type="button" on:click=move |_| cancel()>{tr(Msg::Cancel)}</button>
                        </div>
                    </form>
                </div>
            </div>
        </Show>
    }
}

/// "Moved … · Undo", for ten seconds after a move.
#[component]
pub fn UndoToast() -> impl IntoView {
    let moves = expect_context::<Moves>();
    view! {
        <div class="toast-region" role="status">
            {move || moves.toast.get().map(|toast| {
                let undo = toast.undo.clone();
                view! {
                    <div class="toast">
                        <span>{toast.text.clone()}</span>
                        {undo.map(|event| view! {
                            <button type="button" class="undo" on:click=move |_| moves.undo(event.clone())>
                                {tr(Msg::Undo)}
                            </button>
                        })}
                        <button type="button" class="close" aria-label=tr(Msg::Close)
                            on:click=move |_| moves.toast.set(None)>"×"</button>
                    </div>
                }
            })}
        </div>
    }
}

/// The card under a finger that carries it: a label that follows the touch (it takes no
/// pointer events, so the column under the finger can be found). Placed through the CSS
/// object model: the Content Security Policy forbids inline style attributes.
#[component]
pub fn TouchGhost() -> impl IntoView {
    let moves = expect_context::<Moves>();
    let carried = move || moves.carried.get().filter(|c| c.lifted);
    let ghost = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let at = carried().map(|c| c.at);
        if let (Some(el), Some((x, y))) = (ghost.get(), at) {
            let style = web_sys::HtmlElement::style(&el);
            let _ = style.set_property("left", &format!("{x}px"));
            let _ = style.set_property("top", &format!("{y}px"));
        }
    });
    view! {
        <div class="touch-ghost" aria-hidden="true" node_ref=ghost hidden=move || carried().is_none()>
            {move || carried().map(|c| c.card.nominee_name)}
        </div>
    }
}
