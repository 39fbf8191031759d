//! What leadership's summary counts of each nomination, and the running tallies that keep
//! those counts per unit: a change of one card takes its old facts out and puts its new
//! facts in, so a move changes two counts and nothing is recomputed from scratch.

use crate::domain::{CampaignYear, EvaluationPeriod, ExemplarType, NomineeKind, Stage};
use crate::rules::deadline::{deadline_status, DeadlineStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The facts of one nomination that the summary counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    pub unit_id: i64,
    pub kind: NomineeKind,
    pub stage: Stage,
    pub dropped_from: Option<Stage>,
    /// The periodic evaluations recorded (E-1).
    pub evaluations: Vec<EvaluationPeriod>,
    pub replications: u32,
    pub city_registered: bool,
    /// The council's final weighted total, in thousandths, once the year's decision is
    /// recorded (blind scoring keeps it hidden before).
    pub council_score_milli: Option<i64>,
    /// N-2: the kind of exemplar, once classified.
    pub exemplar_type: Option<ExemplarType>,
    /// The emulation movement it came from, if named.
    pub movement_id: Option<i64>,
}

impl Facts {
    /// D-1: the nomination has been registered with the Department (it got past
    /// "discovered", even if dropped later).
    pub fn registered(&self) -> bool {
        match self.stage {
            Stage::Discovered => false,
            Stage::Dropped => !matches!(self.dropped_from, Some(Stage::Discovered) | None),
            _ => true,
        }
    }

    /// E-1: the unit owes this nomination its periodic evaluations (it is fostered or
    /// further, and not dropped).
    pub fn fostered(&self) -> bool {
        matches!(
            self.stage,
            Stage::Fostering | Stage::Evaluating | Stage::Replicated
        )
    }
}

fn stage_index(stage: Stage) -> usize {
    Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0)
}

fn kind_index(kind: NomineeKind) -> usize {
    NomineeKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0)
}

fn period_index(period: EvaluationPeriod) -> usize {
    EvaluationPeriod::ALL
        .iter()
        .position(|p| *p == period)
        .unwrap_or(0)
}

/// Counts of a set of nominations (a unit, a bloc, the whole year).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub nominations: u32,
    /// By stage, in [`Stage::ALL`] order.
    pub by_stage: [u32; 6],
    /// By kind, in [`NomineeKind::ALL`] order.
    pub by_kind: [u32; 4],
    /// By kind of exemplar (N-2), in [`ExemplarType::ALL`] order; the rest of
    /// `nominations` is not classified yet.
    #[serde(default)]
    pub by_type: [u32; 5],
    /// By emulation movement (by id); the rest of `nominations` names none.
    #[serde(default)]
    pub by_movement: BTreeMap<i64, u32>,
    /// Registered with the Department (D-1).
    pub registered: u32,
    /// Registered with the City (S-2).
    pub city: u32,
    /// Nominations with a final council score, and the sum of those scores.
    pub scored: u32,
    pub score_sum_milli: i64,
    /// Nominations owing evaluations, and how many of them have each one (in
    /// [`EvaluationPeriod::ALL`] order).
    pub fostered: u32,
    pub evaluated: [u32; 3],
    /// Units or localities that adopted the models.
    pub replications: u32,
}

impl Tally {
    fn change(&mut self, f: &Facts, add: bool) {
        let step = |n: &mut u32, by: u32| {
            if add {
                *n += by;
            } else {
                *n = n.saturating_sub(by);
            }
        };
        step(&mut self.nominations, 1);
        step(&mut self.by_stage[stage_index(f.stage)], 1);
        step(&mut self.by_kind[kind_index(f.kind)], 1);
        if let Some(t) = f.exemplar_type {
            step(&mut self.by_type[t.index()], 1);
        }
        if let Some(m) = f.movement_id {
            let n = self.by_movement.entry(m).or_default();
            step(n, 1);
            if *n == 0 {
                self.by_movement.remove(&m);
            }
        }
        step(&mut self.registered, u32::from(f.registered()));
        step(&mut self.city, u32::from(f.city_registered));
        if let Some(score) = f.council_score_milli {
            step(&mut self.scored, 1);
            self.score_sum_milli += if add { score } else { -score };
        }
        if f.fostered() {
            step(&mut self.fostered, 1);
            for p in EvaluationPeriod::ALL {
                step(
                    &mut self.evaluated[period_index(p)],
                    u32::from(f.evaluations.contains(&p)),
                );
            }
        }
        step(&mut self.replications, f.replications);
    }

    pub fn add(&mut self, facts: &Facts) {
        self.change(facts, true);
    }

    pub fn remove(&mut self, facts: &Facts) {
        self.change(facts, false);
    }

    /// Adds another tally's counts (a bloc from its units).
    pub fn merge(&mut self, other: &Tally) {
        self.nominations += other.nominations;
        for (a, b) in self.by_stage.iter_mut().zip(other.by_stage) {
            *a += b;
        }
        for (a, b) in self.by_kind.iter_mut().zip(other.by_kind) {
            *a += b;
        }
        for (a, b) in self.by_type.iter_mut().zip(other.by_type) {
            *a += b;
        }
        for (m, n) in &other.by_movement {
            *self.by_movement.entry(*m).or_default() += n;
        }
        self.registered += other.registered;
        self.city += other.city;
        self.scored += other.scored;
        self.score_sum_milli += other.score_sum_milli;
        self.fostered += other.fostered;
        for (a, b) in self.evaluated.iter_mut().zip(other.evaluated) {
            *a += b;
        }
        self.replications += other.replications;
    }

    pub fn stage(&self, stage: Stage) -> u32 {
        self.by_stage[stage_index(stage)]
    }

    pub fn kind(&self, kind: NomineeKind) -> u32 {
        self.by_kind[kind_index(kind)]
    }

    /// Nominations of a kind of exemplar; None: those not classified yet.
    pub fn exemplar_type(&self, kind: Option<ExemplarType>) -> u32 {
        match kind {
            Some(t) => self.by_type[t.index()],
            None => self
                .nominations
                .saturating_sub(self.by_type.iter().sum::<u32>()),
        }
    }

    /// Nominations that came from a movement; None: those that name none.
    pub fn movement(&self, movement: Option<i64>) -> u32 {
        match movement {
            Some(m) => self.by_movement.get(&m).copied().unwrap_or(0),
            None => self
                .nominations
                .saturating_sub(self.by_movement.values().sum::<u32>()),
        }
    }

    pub fn evaluated(&self, period: EvaluationPeriod) -> u32 {
        self.evaluated[period_index(period)]
    }

    /// The average final council score, rounded to the nearest thousandth.
    pub fn average_score_milli(&self) -> Option<i64> {
        (self.scored > 0).then(|| {
            let n = i64::from(self.scored);
            (self.score_sum_milli + n / 2).div_euclid(n)
        })
    }

    /// Where this unit stands on the deadlines it owes (D-1 and the three E-1
    /// evaluations, the latter only when it fosters something), in date order.
    pub fn unit_deadlines(
        &self,
        calendar: &CampaignYear,
        today: NaiveDate,
    ) -> Vec<(DeadlineOwed, DeadlineStatus)> {
        let mut out = vec![(
            DeadlineOwed::Registration,
            deadline_status(calendar.registration_deadline, today, self.registered > 0),
        )];
        if self.fostered > 0 {
            for p in EvaluationPeriod::ALL {
                let date = match p {
                    EvaluationPeriod::SixMonth => calendar.checkpoints.six_month,
                    EvaluationPeriod::NineMonth => calendar.checkpoints.nine_month,
                    EvaluationPeriod::Annual => calendar.checkpoints.annual,
                };
                let done = self.evaluated(p) >= self.fostered;
                out.push((
                    DeadlineOwed::Evaluation(p),
                    deadline_status(date, today, done),
                ));
            }
        }
        out
    }
}

/// A unit's deadline, as counted by [`Tally::unit_deadlines`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeadlineOwed {
    Registration,
    Evaluation(EvaluationPeriod),
}

/// How many deadlines were met and how many are overdue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineCount {
    pub met: u32,
    pub overdue: u32,
    pub open: u32,
}

impl DeadlineCount {
    pub fn of(statuses: impl IntoIterator<Item = DeadlineStatus>) -> DeadlineCount {
        let mut count = DeadlineCount::default();
        for s in statuses {
            match s {
                DeadlineStatus::Done | DeadlineStatus::Late { .. } => count.met += 1,
                DeadlineStatus::Overdue { .. } => count.overdue += 1,
                DeadlineStatus::Upcoming { .. } | DeadlineStatus::DueSoon { .. } => count.open += 1,
            }
        }
        count
    }

    pub fn merge(&mut self, other: DeadlineCount) {
        self.met += other.met;
        self.overdue += other.overdue;
        self.open += other.open;
    }
}

/// Per-unit tallies of one campaign year, kept current one card at a time.
#[derive(Debug, Clone, Default)]
pub struct Tallies {
    cards: HashMap<i64, Facts>,
    units: BTreeMap<i64, Tally>,
}

impl Tallies {
    pub fn new(cards: impl IntoIterator<Item = (i64, Facts)>) -> Tallies {
        let mut t = Tallies::default();
        for (id, facts) in cards {
            t.set(id, facts);
        }
        t
    }

    /// Puts a card's current facts in place of what was counted for it. Returns whether
    /// any count changed.
    pub fn set(&mut self, id: i64, facts: Facts) -> bool {
        match self.cards.get(&id) {
            Some(old) if *old == facts => return false,
            Some(old) => {
                let old = old.clone();
                self.units.entry(old.unit_id).or_default().remove(&old);
            }
            None => {}
        }
        self.units.entry(facts.unit_id).or_default().add(&facts);
        self.cards.insert(id, facts);
        true
    }

    /// Takes a card out (it left the year).
    pub fn remove(&mut self, id: i64) -> bool {
        let Some(old) = self.cards.remove(&id) else {
            return false;
        };
        self.units.entry(old.unit_id).or_default().remove(&old);
        true
    }

    pub fn contains(&self, id: i64) -> bool {
        self.cards.contains_key(&id)
    }

    pub fn len(&self) -> usize {
        self.cards.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    /// A unit's counts (zero when it has no nomination).
    pub fn unit(&self, unit_id: i64) -> Tally {
        self.units.get(&unit_id).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn facts(unit_id: i64, stage: Stage) -> Facts {
        Facts {
            unit_id,
            kind: NomineeKind::Individual,
            stage,
            dropped_from: None,
            evaluations: Vec::new(),
            replications: 0,
            city_registered: false,
            council_score_milli: None,
            exemplar_type: None,
            movement_id: None,
        }
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn registration_counts_what_got_past_discovered() {
        assert!(!facts(1, Stage::Discovered).registered());
        assert!(facts(1, Stage::Registered).registered());
        let mut dropped = facts(1, Stage::Dropped);
        dropped.dropped_from = Some(Stage::Discovered);
        assert!(!dropped.registered());
        dropped.dropped_from = Some(Stage::Fostering);
        assert!(dropped.registered());
        assert!(!dropped.fostered());
        assert!(facts(1, Stage::Replicated).fostered());
    }

    #[test]
    fn a_move_changes_two_stage_counts() {
        let mut t = Tallies::new([(1, facts(7, Stage::Registered))]);
        let before = t.unit(7);
        assert!(t.set(1, facts(7, Stage::Fostering)));
        let after = t.unit(7);
        assert_eq!(
            after.stage(Stage::Registered),
            before.stage(Stage::Registered) - 1
        );
        assert_eq!(
            after.stage(Stage::Fostering),
            before.stage(Stage::Fostering) + 1
        );
        assert_eq!(after.nominations, before.nominations);
        assert!(!t.set(1, facts(7, Stage::Fostering)), "nothing changed");
    }

    #[test]
    fn average_score_rounds_to_the_nearest_thousandth() {
        let mut t = Tally::default();
        assert_eq!(t.average_score_milli(), None);
        for s in [7000, 8000, 8001] {
            let mut f = facts(1, Stage::Registered);
            f.council_score_milli = Some(s);
            t.add(&f);
        }
        assert_eq!(t.average_score_milli(), Some(7667));
    }

    #[test]
    fn counts_by_kind_of_exemplar_and_movement_leave_the_rest_unclassified() {
        let mut t = Tallies::default();
        let mut f = facts(1, Stage::Registered);
        f.exemplar_type = Some(ExemplarType::Model);
        f.movement_id = Some(3);
        t.set(1, f.clone());
        t.set(2, facts(1, Stage::Discovered));
        let unit = t.unit(1);
        assert_eq!(unit.exemplar_type(Some(ExemplarType::Model)), 1);
        assert_eq!(unit.exemplar_type(Some(ExemplarType::Initiative)), 0);
        assert_eq!(unit.exemplar_type(None), 1);
        assert_eq!(unit.movement(Some(3)), 1);
        assert_eq!(unit.movement(None), 1);
        // Reclassified: the old counts go, the new ones come.
        f.exemplar_type = Some(ExemplarType::Initiative);
        f.movement_id = None;
        t.set(1, f);
        let unit = t.unit(1);
        assert_eq!(unit.exemplar_type(Some(ExemplarType::Model)), 0);
        assert_eq!(unit.exemplar_type(Some(ExemplarType::Initiative)), 1);
        assert_eq!(unit.movement(Some(3)), 0);
        assert!(unit.by_movement.is_empty(), "no empty entry is kept");
        assert_eq!(unit.movement(None), 2);
        let mut bloc = Tally::default();
        bloc.merge(&unit);
        bloc.merge(&unit);
        assert_eq!(bloc.exemplar_type(Some(ExemplarType::Initiative)), 2);
        assert_eq!(bloc.exemplar_type(None), 2);
    }

    #[test]
    fn unit_deadlines_follow_the_calendar() {
        let cal = CampaignYear::with_plan_defaults(2026);
        let mut t = Tally::default();
        // Nothing registered: D-1 (31/12/2025) is overdue; no evaluations owed.
        let d = t.unit_deadlines(&cal, day(10, 15));
        assert_eq!(d.len(), 1);
        assert!(matches!(d[0].1, DeadlineStatus::Overdue { .. }));
        let mut f = facts(1, Stage::Fostering);
        f.evaluations = vec![EvaluationPeriod::SixMonth];
        t.add(&f);
        let d = t.unit_deadlines(&cal, day(10, 15));
        let count = DeadlineCount::of(d.iter().map(|(_, s)| *s));
        // D-1 and the 6-month evaluation met; the 9-month one (30/09) overdue; annual open.
        assert_eq!(
            count,
            DeadlineCount {
                met: 2,
                overdue: 1,
                open: 1
            }
        );
    }

    fn any_facts() -> impl Strategy<Value = Facts> {
        (
            1i64..4,
            0usize..4,
            0usize..6,
            proptest::option::of(0usize..6),
            proptest::collection::vec(0usize..3, 0..3),
            0u32..4,
            any::<bool>(),
            proptest::option::of(0i64..10_000),
            proptest::option::of(0usize..5),
            proptest::option::of(1i64..4),
        )
            .prop_map(
                |(unit_id, k, s, from, evals, replications, city, score, t, m)| {
                    let mut evaluations: Vec<EvaluationPeriod> = evals
                        .into_iter()
                        .map(|i| EvaluationPeriod::ALL[i])
                        .collect();
                    evaluations.sort_by_key(|p| period_index(*p));
                    evaluations.dedup();
                    Facts {
                        unit_id,
                        kind: NomineeKind::ALL[k],
                        stage: Stage::ALL[s],
                        dropped_from: from.map(|i| Stage::ALL[i]),
                        evaluations,
                        replications,
                        city_registered: city,
                        council_score_milli: score,
                        exemplar_type: t.map(|i| ExemplarType::ALL[i]),
                        movement_id: m,
                    }
                },
            )
    }

    proptest! {
        /// However the cards change, the running tallies equal counting afresh.
        #[test]
        fn running_tallies_equal_a_fresh_count(
            changes in proptest::collection::vec((0i64..12, proptest::option::of(any_facts())), 0..60)
        ) {
            let mut running = Tallies::default();
            let mut current: BTreeMap<i64, Facts> = BTreeMap::new();
            for (id, change) in changes {
                match change {
                    Some(f) => {
                        running.set(id, f.clone());
                        current.insert(id, f);
                    }
                    None => {
                        running.remove(id);
                        current.remove(&id);
                    }
                }
            }
            let fresh = Tallies::new(current.clone());
            for unit in 1..4 {
                prop_assert_eq!(running.unit(unit), fresh.unit(unit));
                let mut direct = Tally::default();
                for f in current.values().filter(|f| f.unit_id == unit) {
                    direct.add(f);
                }
                prop_assert_eq!(running.unit(unit), direct);
                // Classified or not, every nomination is counted once.
                let u = running.unit(unit);
                let typed: u32 = ExemplarType::ALL.iter().map(|t| u.exemplar_type(Some(*t))).sum();
                prop_assert_eq!(typed + u.exemplar_type(None), u.nominations);
                let named: u32 = u.by_movement.values().sum();
                prop_assert_eq!(named + u.movement(None), u.nominations);
            }
            prop_assert_eq!(running.len(), current.len());
        }
    }
}
