//! Changes of the campaigns' calendars and criteria, and of the ballots, for the live
//! channel: one task per instance reads the store's stamps (`CalendarPort::live_stamps`)
//! every [`POLL`] and publishes them when they have grown, so that a change saved on any
//! instance reaches the pages open on every instance. Not in the event log: nothing is
//! replayed, a page that reconnects has loaded them afresh anyway; and a ballot's change
//! says nothing of who or how.

use app::ports::{LiveStamps, Repository};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;

/// How often the stamp is read: how long a calendar change may take to reach open pages.
pub const POLL: Duration = Duration::from_secs(2);

/// Starts following the stamps from `first` (read at start); the receiver changes when
/// one grows. The task ends when the server begins to stop or nothing listens any more.
pub fn follow(
    repo: Arc<dyn Repository>,
    first: LiveStamps,
    mut stopping: watch::Receiver<bool>,
) -> watch::Receiver<LiveStamps> {
    let (tx, rx) = watch::channel(first);
    tokio::spawn(async move {
        let mut last = first;
        loop {
            tokio::select! {
                _ = stopping.changed() => return,
                () = tokio::time::sleep(POLL) => {}
            }
            if *stopping.borrow() || tx.is_closed() {
                return;
            }
            match repo.live_stamps().await {
                Ok(stamp) if stamp != last => {
                    last = stamp;
                    tx.send_replace(stamp);
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "live stamps: cannot read them"),
            }
        }
    });
    rx
}
