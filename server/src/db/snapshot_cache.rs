//! Reads kept for the requests that follow while nothing has changed: a year's board (the
//! server's heaviest read: every card of the year, with its evaluations, replications and
//! council total) and its calendar of deadlines (counted over every nomination).
//!
//! Every change to what they show is written, in its own transaction, with an entry in the
//! audit history (a move, an edit, a score sheet, a calendar, a unit's name…), and a move
//! with a card event as well; so a read made in a snapshot whose audit and event heads are
//! those of a kept read gives the kept value. The heads are read in the same snapshot as
//! the value they key, and on PostgreSQL from the shared database, so each instance keeps
//! its own copy and none serves one older than the request's snapshot.

use chrono::NaiveDate;
use std::sync::{Arc, Mutex};

/// What a value was read at: the year asked for (none: the current one), the day (badges
/// and deadlines depend on it) and the heads of the event log and the audit history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SnapshotKey {
    pub year: Option<i32>,
    pub today: NaiveDate,
    pub events: i64,
    pub audit: i64,
}

impl SnapshotKey {
    fn same_heads(&self, other: &SnapshotKey) -> bool {
        self.events == other.events && self.audit == other.audit
    }
}

/// Values read for different years (or days) at the same heads: a handful at most.
const KEPT: usize = 8;

pub struct SnapshotCache<V> {
    kept: Mutex<Vec<(SnapshotKey, Arc<V>)>>,
    /// Taken while a value is read after a change, so that the requests arriving meanwhile
    /// wait for that one read instead of each making their own.
    loading: tokio::sync::Mutex<()>,
}

impl<V> Default for SnapshotCache<V> {
    fn default() -> Self {
        SnapshotCache {
            kept: Mutex::new(Vec::new()),
            loading: tokio::sync::Mutex::new(()),
        }
    }
}

/// What [`SnapshotCache::find`] found.
pub enum Found<'a, V> {
    Kept(Arc<V>),
    /// Not kept: read it while holding this, then [`SnapshotCache::keep`] it.
    Read(tokio::sync::MutexGuard<'a, ()>),
}

impl<V> SnapshotCache<V> {
    /// The value read at `key`, if one is kept.
    pub fn get(&self, key: &SnapshotKey) -> Option<Arc<V>> {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.iter()
            .find(|(k, _)| k == key)
            .map(|(_, value)| Arc::clone(value))
    }

    /// The value kept for `key`; else, once any read in progress is done and has not kept
    /// it, the turn to read it.
    pub async fn find(&self, key: &SnapshotKey) -> Found<'_, V> {
        if let Some(value) = self.get(key) {
            return Found::Kept(value);
        }
        let turn = self.loading.lock().await;
        match self.get(key) {
            Some(value) => Found::Kept(value),
            None => Found::Read(turn),
        }
    }

    /// Keeps `value`, read at `key`. Values read at other heads are dropped: only a snapshot
    /// older than this one could ask for them again, and heads only move forward.
    pub fn keep(&self, key: SnapshotKey, value: Arc<V>) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.retain(|(k, _)| k.same_heads(&key) && *k != key);
        if kept.len() >= KEPT {
            kept.remove(0);
        }
        kept.push((key, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::types::model::Board;

    fn board(year: i32) -> Arc<Board> {
        Arc::new(Board {
            campaign_name: "c".into(),
            year,
            years: vec![year],
            seq: 0,
            cards: Vec::new(),
            calendar: shared::domain::CampaignYear::with_plan_defaults(year),
            today: NaiveDate::from_ymd_opt(year, 10, 15).unwrap(),
        })
    }

    fn key(year: Option<i32>, events: i64, audit: i64) -> SnapshotKey {
        SnapshotKey {
            year,
            today: NaiveDate::from_ymd_opt(2026, 10, 15).unwrap(),
            events,
            audit,
        }
    }

    #[test]
    fn a_board_is_served_again_only_at_the_same_heads_year_and_day() {
        let cache = SnapshotCache::<Board>::default();
        assert!(cache.get(&key(None, 1, 1)).is_none());
        cache.keep(key(None, 1, 1), board(2026));
        assert_eq!(cache.get(&key(None, 1, 1)).unwrap().year, 2026);
        // Any change (a move, or an audited edit without an event) misses.
        assert!(cache.get(&key(None, 2, 2)).is_none());
        assert!(cache.get(&key(None, 1, 2)).is_none());
        // Another year, another day: another board.
        assert!(cache.get(&key(Some(2027), 1, 1)).is_none());
        let mut tomorrow = key(None, 1, 1);
        tomorrow.today = tomorrow.today.succ_opt().unwrap();
        assert!(cache.get(&tomorrow).is_none());
    }

    #[test]
    fn boards_of_other_heads_are_dropped_and_years_at_the_same_heads_kept() {
        let cache = SnapshotCache::<Board>::default();
        cache.keep(key(Some(2026), 5, 9), board(2026));
        cache.keep(key(Some(2027), 5, 9), board(2027));
        assert_eq!(cache.get(&key(Some(2026), 5, 9)).unwrap().year, 2026);
        assert_eq!(cache.get(&key(Some(2027), 5, 9)).unwrap().year, 2027);
        // Read again after a change: the older boards go.
        cache.keep(key(Some(2026), 6, 10), board(2026));
        assert!(cache.get(&key(Some(2027), 5, 9)).is_none());
        assert_eq!(cache.kept.lock().unwrap().len(), 1);
        // Never more than a handful.
        for y in 0..20 {
            cache.keep(key(Some(2000 + y), 6, 10), board(2000 + y));
        }
        assert!(cache.kept.lock().unwrap().len() <= KEPT);
        assert_eq!(cache.get(&key(Some(2019), 6, 10)).unwrap().year, 2019);
    }
}
