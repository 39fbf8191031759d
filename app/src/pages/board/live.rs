//! The live feed: the board listens to `/events` (Server-Sent Events) and applies every
//! change it may see. The browser reconnects by itself and resumes after the last event
//! it received (`Last-Event-ID`), so nothing is missed; the board's own `seq` is where the
//! first connection starts.

use super::moving::Moves;
use crate::types::model::BoardView;
use leptos::prelude::*;

/// Whether the live connection is down (shown to the user while it reconnects).
pub fn offline(moves: Moves) -> bool {
    moves.live_down.get()
}

#[cfg(not(feature = "hydrate"))]
pub fn connect(_state: RwSignal<BoardView>, _moves: Moves) {}

#[cfg(feature = "hydrate")]
pub fn connect(state: RwSignal<BoardView>, moves: Moves) {
    use crate::types::model::{CardEvent, MoveAction};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let seq = state.with_untracked(|v| v.seq);
    let Ok(source) = web_sys::EventSource::new(&format!("/events?after={seq}")) else {
        moves.live_down.set(true);
        return;
    };
    let on_card =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let Some(data) = e.data().as_string() else {
                return;
            };
            match serde_json::from_str::<CardEvent>(&data) {
                // Only a change wakes the columns: the echo of one's own move, already
                // shown, costs a long column no new comparison of its cards.
                Ok(event) => state.maybe_update(|v| {
                    // A card made now (or carried over from last year) was in no column.
                    let new = matches!(event.action, MoveAction::Create | MoveAction::CarryOver);
                    v.apply(event.card, (!new).then_some(event.from))
                }),
                Err(err) => leptos::logging::warn!("unreadable live event: {err}"),
            }
        });
    let on_gone =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            #[derive(serde::Deserialize)]
            struct Gone {
                id: i64,
            }
            if let Some(gone) = e
                .data()
                .as_string()
                .and_then(|d| serde_json::from_str::<Gone>(&d).ok())
            {
                state.maybe_update(|v| v.remove(gone.id));
            }
        });
    // A calendar or criteria changed: what shows them on the board reloads.
    let changes = crate::components::live::calendar_changes();
    let on_calendar = Closure::<dyn FnMut()>::new(move || {
        crate::components::live::calendar_changed(changes);
    });
    // Too far behind for the server to replay: the page loads afresh.
    let on_reload = Closure::<dyn FnMut()>::new(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    let on_open = Closure::<dyn FnMut()>::new(move || moves.live_down.set(false));
    let on_error = Closure::<dyn FnMut()>::new(move || moves.live_down.set(true));
    let _ = source.add_event_listener_with_callback("card", on_card.as_ref().unchecked_ref());
    let _ = source.add_event_listener_with_callback("gone", on_gone.as_ref().unchecked_ref());
    let _ =
        source.add_event_listener_with_callback("calendar", on_calendar.as_ref().unchecked_ref());
    let _ = source.add_event_listener_with_callback("reload", on_reload.as_ref().unchecked_ref());
    source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The closures live as long as the connection: kept with it, closed and freed together.
    let kept = StoredValue::new_local(Some((
        source,
        on_card,
        on_gone,
        on_calendar,
        on_reload,
        on_open,
        on_error,
    )));
    on_cleanup(move || {
        kept.update_value(|k| {
            if let Some((source, ..)) = k.take() {
                source.close();
            }
        });
    });
}
