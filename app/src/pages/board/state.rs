//! The board's state in the browser: applying changes (one's own optimistic moves, the
//! server's answers, live events from others) to the windowed columns.

use crate::types::model::{BoardCard, BoardView, ColumnView, Place};
use shared::domain::{Position, Stage};

impl BoardView {
    fn lane_of(&self, card: &BoardCard) -> Option<usize> {
        if self.filters.lanes {
            self.lanes
                .iter()
                .position(|l| l.bloc.as_ref().is_some_and(|b| b.id == card.bloc_id))
        } else if self.lanes.is_empty() {
            None
        } else {
            Some(0)
        }
    }

    fn column_mut(&mut self, lane: usize, stage: Stage) -> Option<&mut ColumnView> {
        self.lanes
            .get_mut(lane)?
            .columns
            .iter_mut()
            .find(|c| c.stage == stage)
    }

    /// The column a card is shown in, for lane `lane`.
    pub fn column(&self, lane: usize, stage: Stage) -> Option<&ColumnView> {
        self.lanes
            .get(lane)?
            .columns
            .iter()
            .find(|c| c.stage == stage)
    }

    /// The card with this id, if it is loaded.
    pub fn find(&self, id: i64) -> Option<&BoardCard> {
        self.lanes
            .iter()
            .flat_map(|l| l.columns.iter())
            .flat_map(|c| c.cards.iter())
            .find(|c| c.id == id)
    }

    fn take(&mut self, id: i64) -> Option<(usize, BoardCard)> {
        for (l, lane) in self.lanes.iter_mut().enumerate() {
            for column in &mut lane.columns {
                if let Some(i) = column.cards.iter().position(|c| c.id == id) {
                    column.total = column.total.saturating_sub(1);
                    return Some((l, column.cards.remove(i)));
                }
            }
        }
        None
    }

    /// Shows `card` as it now is. A card older than the one shown is ignored (a late or
    /// repeated event). `from` is where the card was before, used to correct the count of
    /// a column whose loaded window did not hold it. Returns whether anything changed.
    pub fn apply(&mut self, card: BoardCard, from: Option<Stage>) -> bool {
        // The board is one campaign year: another year's cards are not on it.
        if card.year != self.year {
            return false;
        }
        if let Some(shown) = self.find(card.id) {
            if shown.version > card.version || *shown == card {
                return false;
            }
            self.take(card.id);
        } else if let Some(from) = from {
            if self.filters.admits(&card) {
                if let Some(column) = self.lane_of(&card).and_then(|l| self.column_mut(l, from)) {
                    column.total = column.total.saturating_sub(1);
                }
            }
        }
        self.insert(card);
        true
    }

    /// Takes a card off the board (it left the user's view).
    pub fn remove(&mut self, id: i64) -> bool {
        self.take(id).is_some()
    }

    fn insert(&mut self, card: BoardCard) {
        if !self.filters.admits(&card) {
            return;
        }
        let Some(lane) = self.lane_of(&card) else {
            return;
        };
        let Some(column) = self.column_mut(lane, card.stage) else {
            return;
        };
        let all_loaded = column.cards.len() >= column.total;
        column.total += 1;
        let key = |c: &BoardCard| (c.position.clone(), c.id);
        let at = column.cards.partition_point(|c| key(c) < key(&card));
        // Past the last loaded card of a longer column, it is counted but not shown.
        if at < column.cards.len() || all_loaded {
            column.cards.insert(at, card);
        }
    }

    /// Where a card would go for `place` in its target column, as the browser guesses it
    /// before the server decides (the server's answer replaces it).
    pub fn provisional_position(&self, card: &BoardCard, to: Stage, place: Place) -> Position {
        let lane = self.lane_of(card).unwrap_or(0);
        let cards: Vec<&BoardCard> = self
            .column(lane, to)
            .map(|c| c.cards.iter().filter(|c| c.id != card.id).collect())
            .unwrap_or_default();
        let anchor = match place {
            Place::Top => None,
            Place::After(id) => cards.iter().position(|c| c.id == id),
        };
        match anchor {
            None => cards
                .first()
                .map(|c| c.position.before())
                .unwrap_or_else(Position::first),
            Some(i) => match cards.get(i + 1) {
                Some(next) => Position::between(&cards[i].position, &next.position)
                    .unwrap_or_else(|| cards[i].position.after()),
                None => cards[i].position.after(),
            },
        }
    }

    /// Appends a further page of a column's cards (ignoring any already shown).
    pub fn extend(&mut self, lane: usize, stage: Stage, more: Vec<BoardCard>) {
        let known: Vec<i64> = self
            .lanes
            .iter()
            .flat_map(|l| l.columns.iter())
            .flat_map(|c| c.cards.iter().map(|c| c.id))
            .collect();
        if let Some(column) = self.column_mut(lane, stage) {
            column
                .cards
                .extend(more.into_iter().filter(|c| !known.contains(&c.id)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::types::auth::CurrentUser;
    use crate::types::model::{Board, BoardCard, BoardFilters, BoardView, Place, COLUMN_WINDOW};
    use shared::domain::{NomineeKind, Position, Stage};
    use std::collections::BTreeSet;

    fn card(id: i64, stage: Stage, position: &Position) -> BoardCard {
        BoardCard {
            id,
            nominee_name: format!("Nguyễn Văn {id}"),
            kind: NomineeKind::Individual,
            unit_id: 1 + id % 2,
            unit_name: "Chi cục".into(),
            bloc_id: 1 + id % 2,
            bloc_name: format!("Khối {}", 1 + id % 2),
            stage,
            position: position.clone(),
            version: 1,
            city_registered: false,
            dropped_from: None,
            evaluations: Vec::new(),
            replications: 0,
            council_score_milli: None,
            year: 2026,
            exemplar_type: None,
            movement_id: None,
        }
    }

    fn view(n: usize, filters: BoardFilters) -> BoardView {
        let positions = Position::sequence(n);
        let cards = (0..n)
            .map(|i| card(i as i64, Stage::Discovered, &positions[i]))
            .collect();
        let user = CurrentUser {
            user_id: 1,
            username: "office".into(),
            display_name: "Office".into(),
            roles: BTreeSet::new(),
            unit_id: None,
            unit_name: None,
            bloc_id: None,
        };
        BoardView::arrange(
            &Board {
                campaign_name: "C".into(),
                year: 2026,
                years: vec![2026],
                seq: 0,
                cards,
                calendar: shared::domain::CampaignYear::with_plan_defaults(2026),
                today: chrono::NaiveDate::from_ymd_opt(2026, 10, 15).unwrap(),
            },
            |_| true,
            filters,
            user,
        )
    }

    fn counts(v: &BoardView) -> (usize, usize) {
        let d = v.column(0, Stage::Discovered).unwrap();
        let r = v.column(0, Stage::Registered).unwrap();
        (d.total, r.total)
    }

    #[test]
    fn columns_show_a_window_and_count_everything() {
        let v = view(COLUMN_WINDOW + 10, BoardFilters::default());
        let d = v.column(0, Stage::Discovered).unwrap();
        assert_eq!(d.total, COLUMN_WINDOW + 10);
        assert_eq!(d.cards.len(), COLUMN_WINDOW);
    }

    #[test]
    fn a_move_changes_two_counts_once_however_often_it_arrives() {
        let mut v = view(3, BoardFilters::default());
        let mut moved = v.find(1).unwrap().clone();
        moved.stage = Stage::Registered;
        moved.version = 2;
        assert!(v.apply(moved.clone(), Some(Stage::Discovered)));
        assert!(!v.apply(moved.clone(), Some(Stage::Discovered)));
        assert_eq!(counts(&v), (2, 1));
        // An older version arriving late changes nothing.
        let mut old = moved.clone();
        old.version = 1;
        old.stage = Stage::Discovered;
        assert!(!v.apply(old, Some(Stage::Registered)));
        assert_eq!(counts(&v), (2, 1));
    }

    #[test]
    fn a_move_of_a_card_beyond_the_window_still_updates_the_counts() {
        let mut v = view(COLUMN_WINDOW + 5, BoardFilters::default());
        let far = (COLUMN_WINDOW + 2) as i64;
        let positions = Position::sequence(COLUMN_WINDOW + 5);
        let mut moved = card(far, Stage::Registered, &positions[0]);
        moved.version = 2;
        assert!(v.apply(moved, Some(Stage::Discovered)));
        assert_eq!(counts(&v), (COLUMN_WINDOW + 4, 1));
        assert!(v.find(far).is_some(), "shown in the short column it joined");
    }

    #[test]
    fn a_new_card_is_counted_and_another_year_s_card_stays_off() {
        let mut v = view(3, BoardFilters::default());
        let positions = Position::sequence(4);
        // Made (or carried over) now: in no column before.
        assert!(v.apply(card(10, Stage::Registered, &positions[3]), None));
        assert_eq!(counts(&v), (3, 1));
        // Carried over into next year: that year's board shows it, not this one.
        let mut next_year = card(11, Stage::Registered, &positions[3]);
        next_year.year = 2027;
        assert!(!v.apply(next_year, None));
        assert_eq!(counts(&v), (3, 1));
        assert!(v.find(11).is_none());
    }

    #[test]
    fn cards_that_do_not_pass_the_filters_stay_out() {
        let filters = BoardFilters {
            q: Some("nguyen van 2".into()),
            ..Default::default()
        };
        let mut v = view(5, filters);
        assert_eq!(counts(&v).0, 1);
        let mut other = v.find(2).unwrap().clone();
        other.id = 3;
        other.nominee_name = "Trần Thị Mai".into();
        other.version = 5;
        other.stage = Stage::Registered;
        v.apply(other, Some(Stage::Discovered));
        assert_eq!(counts(&v), (1, 0));
    }

    #[test]
    fn swimlanes_group_by_bloc() {
        let v = view(
            6,
            BoardFilters {
                lanes: true,
                ..Default::default()
            },
        );
        assert_eq!(v.lanes.len(), 2);
        assert!(v.lanes.iter().all(|l| l.columns[0].total == 3));
    }

    #[test]
    fn provisional_positions_follow_the_place() {
        let v = view(3, BoardFilters::default());
        let c = v.find(0).unwrap().clone();
        let top = v.provisional_position(&c, Stage::Discovered, Place::Top);
        assert!(top < v.find(1).unwrap().position);
        let between = v.provisional_position(&c, Stage::Discovered, Place::After(1));
        assert!(between > v.find(1).unwrap().position && between < v.find(2).unwrap().position);
    }

    #[test]
    fn search_ignores_accents_and_filters_round_trip_through_the_url() {
        let f = BoardFilters {
            year: Some(2026),
            bloc: Some(2),
            kind: Some(NomineeKind::Household),
            city: Some(true),
            q: Some("nguyễn văn an".into()),
            lanes: true,
            ..Default::default()
        };
        let query = f.to_query();
        let pairs: Vec<(String, String)> = query
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_string(), percent_decode(v))
            })
            .collect();
        let back = BoardFilters::from_query(|k| {
            pairs
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(back, f);
        assert!(shared::text::matches_search(
            "Nguyễn Văn An",
            "nguyen van an"
        ));
    }

    fn percent_decode(v: &str) -> String {
        let bytes = v.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&v[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }
}
