//! The live channel to the browsers: `/events`, Server-Sent Events of every accepted
//! change, for the user's eyes only. How changes reach every instance when several share
//! one PostgreSQL database is the backend's (`db::postgres::fanout`): the live channel
//! reads the store's broadcast and never the database's tables itself.
//!
//! The event log table is the source of truth; the in-process broadcast only wakes
//! subscribers up. A client resumes after the last event it saw (`Last-Event-ID`, sent by
//! the browser on reconnection, or `?after=` on first connection, from the board it
//! loaded), and any gap (a lagging subscriber, a missed notification) is filled from the
//! log, so that nothing is missed and nothing is shown twice.

use crate::auth::session::SessionId;
use crate::state::AppState;
use app::ports::{LiveStamps, Repository};
use app::types::auth::CurrentUser;
use app::types::model::CardEvent;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use serde::Deserialize;
use shared::auth::{Action, Role};
use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{broadcast, watch};

pub mod calendar;

/// Events read from the log at a time when catching up.
const CATCH_UP: i64 = 500;
/// A stream ends after this long; the browser reconnects at once (resuming where it was),
/// which passes the sign-in gate again, so that a disabled account stops receiving.
const STREAM_LIFETIME: Duration = Duration::from_secs(10 * 60);
/// How often a stream checks that its session is still on: a stream ends within this of
/// a sign-out, a password change, the account's disabling or a change of its roles.
pub const SESSION_CHECK: Duration = Duration::from_secs(5);
/// The most events a stream replays to catch up; a client further behind is told to
/// `reload` (its page loads afresh) and follows from the log's end.
pub const MAX_REPLAY: i64 = 1000;
/// Live streams one session may hold at once (a few tabs); more is refused with 429.
pub const STREAMS_PER_SESSION: usize = 8;

/// The live streams open on this instance, per session and in all, within their caps.
pub struct StreamSlots {
    total: usize,
    open: std::sync::Mutex<std::collections::HashMap<String, usize>>,
}

/// One open stream's place; given back when the stream ends.
pub struct Slot {
    slots: Arc<StreamSlots>,
    session: String,
}

impl StreamSlots {
    /// At most `total` streams on this instance (`EXEMPLAR_MAX_LIVE_STREAMS`).
    pub fn new(total: usize) -> Arc<StreamSlots> {
        Arc::new(StreamSlots {
            total,
            open: std::sync::Mutex::new(std::collections::HashMap::new()),
        })
    }

    /// A place for one more stream of `session`, if the caps allow it.
    fn take(self: &Arc<Self>, session: &str) -> Option<Slot> {
        let mut open = self.open.lock().ok()?;
        let all: usize = open.values().sum();
        let mine = open.get(session).copied().unwrap_or(0);
        if all >= self.total || mine >= STREAMS_PER_SESSION {
            return None;
        }
        open.insert(session.to_string(), mine + 1);
        Some(Slot {
            slots: self.clone(),
            session: session.to_string(),
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.slots.open.lock() {
            match open.get(&self.session).copied() {
                Some(n) if n > 1 => {
                    open.insert(self.session.clone(), n - 1);
                }
                _ => {
                    open.remove(&self.session);
                }
            }
        }
    }
}

pub fn router() -> Router<AppState> {
    Router::new().route("/events", get(events))
}

#[derive(Deserialize)]
pub struct Resume {
    after: Option<i64>,
}

pub async fn events(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Extension(session): Extension<SessionId>,
    Query(resume): Query<Resume>,
    headers: HeaderMap,
) -> Response {
    let Some(slot) = state.streams.take(&session.0) else {
        tracing::warn!(user = %user.username, "live stream refused: too many open");
        return (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, "30")],
            "Quá nhiều kết nối trực tiếp đang mở; hãy đóng bớt các thẻ trình duyệt. / Too many live connections are open; close some browser tabs.",
        )
            .into_response();
    };
    let last = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
        .or(resume.after)
        .unwrap_or(0)
        .max(0);
    // Bounded catching up: too far behind (or from the start), the page reloads instead.
    let mut pending = VecDeque::new();
    let head = match state.ctx.repo.event_head().await {
        Ok(head) => head,
        Err(e) => {
            tracing::error!(error = %e, "live events: cannot read the event log");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let last = if head - last > MAX_REPLAY {
        pending.push_back(
            Event::default()
                .event("reload")
                .id(head.to_string())
                .data("{}"),
        );
        head
    } else {
        last
    };
    // Only calendar and ballot changes from now on: the page was loaded with them as they are.
    let mut calendar = state.calendar.clone();
    let seen = *calendar.borrow_and_update();
    // Subscribe before reading the log, so that nothing committed in between is lost.
    let feed = Feed {
        calendar,
        seen,
        pending,
        rx: state.ctx.repo.subscribe(),
        repo: state.ctx.repo.clone(),
        user,
        last,
        backlog: VecDeque::new(),
        caught_up: false,
        stopping: state.stopping.clone(),
        until: tokio::time::Instant::now() + STREAM_LIFETIME,
        next_check: tokio::time::Instant::now() + SESSION_CHECK,
        session,
        state: state.clone(),
        _slot: slot,
    };
    let stream = futures_util::stream::unfold(feed, |mut feed| async move {
        feed.next_event()
            .await
            .map(|e| (Ok::<_, Infallible>(e), feed))
    });
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

struct Feed {
    /// The calendars' and ballots' stamps (`calendar::follow`): a change becomes a
    /// `calendar` event, or a `ballot` event for those who follow the ballot.
    calendar: watch::Receiver<LiveStamps>,
    seen: LiveStamps,
    /// Those events, waiting to be sent.
    pending: VecDeque<Event>,
    rx: broadcast::Receiver<Arc<CardEvent>>,
    repo: Arc<dyn Repository>,
    user: CurrentUser,
    last: i64,
    backlog: VecDeque<CardEvent>,
    caught_up: bool,
    stopping: watch::Receiver<bool>,
    until: tokio::time::Instant,
    /// When to check next that the session is still on ([`SESSION_CHECK`]).
    next_check: tokio::time::Instant,
    session: SessionId,
    state: AppState,
    _slot: Slot,
}

impl Feed {
    async fn catch_up(&mut self) -> bool {
        match self.repo.events_after(self.last, CATCH_UP).await {
            Ok(events) => {
                self.caught_up = (events.len() as i64) < CATCH_UP;
                self.backlog.extend(events);
                true
            }
            Err(e) => {
                tracing::error!(error = %e, "live events: cannot read the event log");
                false
            }
        }
    }

    async fn next_event(&mut self) -> Option<Event> {
        if !self.caught_up && self.backlog.is_empty() && !self.catch_up().await {
            return None;
        }
        loop {
            if *self.stopping.borrow() {
                return None;
            }
            if let Some(event) = self.pending.pop_front() {
                return Some(event);
            }
            if let Some(event) = self.backlog.pop_front() {
                if event.seq <= self.last {
                    continue;
                }
                self.last = event.seq;
                match self.render(&event) {
                    Some(e) => return Some(e),
                    None => continue,
                }
            }
            if !self.caught_up {
                if !self.catch_up().await {
                    return None;
                }
                continue;
            }
            tokio::select! {
                _ = self.stopping.changed() => return None,
                _ = tokio::time::sleep_until(self.until) => return None,
                _ = tokio::time::sleep_until(self.next_check) => {
                    // Signed out, expired, disabled, or its roles changed: the stream ends
                    // (the browser reconnects through the sign-in gate, as it now stands).
                    let now = crate::auth::session::current(&self.state, &self.session).await;
                    if now.as_ref() != Some(&self.user) {
                        return None;
                    }
                    self.next_check = tokio::time::Instant::now() + SESSION_CHECK;
                }
                changed = self.calendar.changed() => match changed {
                    Ok(()) => {
                        let now = *self.calendar.borrow_and_update();
                        // Every signed-in user reads the calendar; the page reloads what
                        // it shows, as the server lets it.
                        if now.calendar != self.seen.calendar {
                            self.pending.push_back(Event::default().event("calendar").data("{}"));
                        }
                        if now.ballot != self.seen.ballot && follows_ballot(&self.user) {
                            self.pending.push_back(Event::default().event("ballot").data("{}"));
                        }
                        self.seen = now;
                    }
                    Err(_) => return None,
                },
                received = self.rx.recv() => match received {
                    Ok(event) if event.seq <= self.last => {}
                    Ok(event) if event.seq == self.last + 1 => {
                        self.backlog.push_back((*event).clone());
                    }
                    // A gap (or a lagging receiver): the log has what was missed.
                    Ok(_) | Err(broadcast::error::RecvError::Lagged(_)) => {
                        self.caught_up = false;
                    }
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
            }
        }
    }

    /// The event as this user may see it: the card, a "gone" for a card that left their
    /// view, or nothing. The council's scoring reaches the office whole, the council's
    /// members without who did it (blind scoring), and no one else.
    fn render(&self, event: &CardEvent) -> Option<Event> {
        if event.action.is_council() {
            let event = if self.user.may(&Action::SelectForCity).is_ok() {
                event.clone()
            } else if self.user.roles.contains(&Role::CouncilMember) {
                CardEvent {
                    by: String::new(),
                    ..event.clone()
                }
            } else {
                return None;
            };
            let data = serde_json::to_string(&event).ok()?;
            return Some(
                Event::default()
                    .event("card")
                    .id(event.seq.to_string())
                    .data(data),
            );
        }
        let scope = app::moves::scope(&event.card);
        let visible = self.user.may(&Action::ViewNomination(scope)).is_ok();
        let was_visible = self
            .user
            .may(&Action::ViewNomination(shared::auth::NominationScope {
                stage: event.from,
                ..scope
            }))
            .is_ok();
        let id = event.seq.to_string();
        if visible {
            let data = serde_json::to_string(event).ok()?;
            Some(Event::default().event("card").id(id).data(data))
        } else if was_visible {
            let data = serde_json::json!({ "id": event.card.id, "seq": event.seq }).to_string();
            Some(Event::default().event("gone").id(id).data(data))
        } else {
            None
        }
    }
}

/// Who is told that a ballot changed: the office, which runs it, and the council's members.
fn follows_ballot(user: &CurrentUser) -> bool {
    user.may(&Action::SelectForCity).is_ok() || user.roles.contains(&Role::CouncilMember)
}
