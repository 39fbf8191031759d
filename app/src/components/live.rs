//! Keeps a page's data current: follows the live channel (`/events`, after the sequence
//! number the data is current to) and asks the page to reload when a change it cares about
//! arrives anywhere. What the user may then see is decided again by the server.

use crate::types::model::CardEvent;
use leptos::prelude::*;
use std::time::Duration;

/// Counts the live channel's word that a campaign's calendar or criteria changed (provided
/// by the app): what shows deadlines or criteria reads it, and so reloads.
#[derive(Clone, Copy)]
pub struct CalendarChanges(pub RwSignal<u64>);

/// The app's [`CalendarChanges`] (a counter of its own outside the app).
pub fn calendar_changes() -> RwSignal<u64> {
    use_context::<CalendarChanges>().map_or_else(|| RwSignal::new(0), |c| c.0)
}

/// A calendar change arrived: everything that reads [`calendar_changes`] reloads.
pub fn calendar_changed(changes: RwSignal<u64>) {
    changes.update(|n| *n += 1);
}

/// Refreshes at most every `delay`, after an event that `wanted` accepts or a change of a
/// calendar, criteria or ballot.
#[component]
pub fn LiveRefresh(
    seq: i64,
    wanted: fn(&CardEvent) -> bool,
    refresh: Callback<()>,
    #[prop(default = Duration::from_millis(300))] delay: Duration,
) -> impl IntoView {
    let changes = calendar_changes();
    let _ = Effect::new(move |started: Option<()>| {
        if started.is_none() {
            follow(
                seq,
                wanted,
                delay,
                move || refresh.run(()),
                move || {
                    calendar_changed(changes);
                },
            );
        }
    });
}

#[cfg(feature = "hydrate")]
fn follow(
    seq: i64,
    wanted: fn(&CardEvent) -> bool,
    delay: Duration,
    refresh: impl Fn() + Clone + 'static,
    on_calendar: impl Fn() + 'static,
) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let Ok(source) = web_sys::EventSource::new(&format!("/events?after={seq}")) else {
        return;
    };
    // The pending refresh, reference-counted rather than owned by the view: the timer must
    // not touch anything the page disposes when it re-renders, and cleanup clears it, since
    // `refresh` belongs to the disposed view.
    let timer = ArcStoredValue::new(None::<TimeoutHandle>);
    let on_card = {
        let timer = timer.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            // A calendar's or a ballot's change is always relevant (events `calendar` and
            // `ballot`, the latter sent only to the office and the council); a card's when
            // wanted.
            let relevant = e.type_() == "calendar"
                || e.type_() == "ballot"
                || e.type_() == "reload"
                || e.data()
                    .as_string()
                    .and_then(|d| serde_json::from_str::<CardEvent>(&d).ok())
                    .is_some_and(|ev| wanted(&ev));
            if e.type_() == "calendar" {
                on_calendar();
            }
            if !relevant || timer.get_value().is_some() {
                return;
            }
            let refresh = refresh.clone();
            let fired = timer.clone();
            if let Ok(handle) = set_timeout_with_handle(
                move || {
                    fired.set_value(None);
                    refresh();
                },
                delay,
            ) {
                timer.set_value(Some(handle));
            }
        })
    };
    let _ = source.add_event_listener_with_callback("card", on_card.as_ref().unchecked_ref());
    let _ = source.add_event_listener_with_callback("calendar", on_card.as_ref().unchecked_ref());
    let _ = source.add_event_listener_with_callback("ballot", on_card.as_ref().unchecked_ref());
    // Too far behind for the server to replay: everything is loaded afresh.
    let _ = source.add_event_listener_with_callback("reload", on_card.as_ref().unchecked_ref());
    let kept = StoredValue::new_local(Some((source, on_card)));
    on_cleanup(move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
            timer.set_value(None);
        }
        kept.update_value(|k| {
            if let Some((source, _)) = k.take() {
                source.close();
            }
        });
    });
}

#[cfg(not(feature = "hydrate"))]
fn follow(
    _seq: i64,
    _wanted: fn(&CardEvent) -> bool,
    _delay: Duration,
    _refresh: impl Fn() + Clone + 'static,
    _on_calendar: impl Fn() + 'static,
) {
}
