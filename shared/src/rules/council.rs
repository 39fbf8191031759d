//! Council aggregation: weighted totals, recusal, quorum, spread and ranking.
//!
//! Totals are kept in thousandths of a point (integers), so that ranking is exact and the
//! same in the browser and on the server.

use super::{Violation, ViolationKind};
use crate::domain::{Criterion, Field, InputError, Score};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// A spread (max − min of the members' totals) from this many points up is flagged.
pub const DISAGREEMENT_SPREAD_MILLI: i64 = 3_000;

/// One council member's scoresheet for one nomination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scoresheet {
    pub member_id: i64,
    /// The member's own unit, for recusal.
    pub member_unit_id: Option<i64>,
    pub scores: BTreeMap<String, Score>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aggregate {
    pub nomination_id: i64,
    /// Mean of the complete, non-recused scoresheets' weighted scores, in thousandths
    /// (0..=10_000); `None` before anyone has scored.
    pub total_milli: Option<i64>,
    /// Complete scoresheets counted.
    pub scored: usize,
    /// Council members who may score it (the council less those recused).
    pub eligible: usize,
    pub recused: usize,
    pub quorum: bool,
    pub spread_milli: Option<i64>,
    pub disagreement: bool,
    /// The criteria whose mean score is below their floor: such a nominee is not ranked,
    /// however high its other scores.
    #[serde(default)]
    pub below_floor: Vec<String>,
}

/// Members of the nominee's own unit do not score it.
pub fn is_recused(member_unit_id: Option<i64>, nominee_unit_id: i64) -> bool {
    member_unit_id == Some(nominee_unit_id)
}

/// Quorum: at least `quorum_pct` % of the members who may take part did (the year's number;
/// the default 66 % is two thirds for any council under 50).
pub fn quorum_reached(present: usize, eligible: usize, quorum_pct: u8) -> bool {
    eligible > 0 && present * 100 >= eligible * usize::from(quorum_pct)
}

/// One member's weighted score in thousandths, if the sheet covers every scored criterion
/// of `criteria` (the nominee kind's, of the version the nomination is scored under).
pub fn weighted_score_milli(criteria: &[Criterion], sheet: &Scoresheet) -> Option<i64> {
    let mut weighted = 0i64;
    let mut weights = 0i64;
    for c in criteria.iter().filter(|c| c.is_scored()) {
        let score = sheet.scores.get(&c.code)?;
        weighted += i64::from(c.weight) * i64::from(score.value());
        weights += i64::from(c.weight);
    }
    if weights == 0 {
        return None;
    }
    Some(round_div(weighted * 1000, weights))
}

fn round_div(n: i64, d: i64) -> i64 {
    (2 * n + d) / (2 * d)
}

/// Aggregates the sheets of one nomination. `council` lists every member's unit.
pub fn aggregate(
    nomination_id: i64,
    criteria: &[Criterion],
    nominee_unit_id: i64,
    council: &[(i64, Option<i64>)],
    sheets: &[Scoresheet],
    quorum_pct: u8,
) -> Aggregate {
    let recused = council
        .iter()
        .filter(|(_, unit)| is_recused(*unit, nominee_unit_id))
        .count();
    let eligible = council.len() - recused;
    let members: std::collections::BTreeSet<i64> = council
        .iter()
        .filter(|(_, unit)| !is_recused(*unit, nominee_unit_id))
        .map(|(id, _)| *id)
        .collect();
    let (counted, totals): (Vec<&Scoresheet>, Vec<i64>) = sheets
        .iter()
        .filter(|s| members.contains(&s.member_id))
        .filter_map(|s| Some((s, weighted_score_milli(criteria, s)?)))
        .unzip();
    let below_floor = if counted.is_empty() {
        Vec::new()
    } else {
        criteria
            .iter()
            .filter(|c| c.is_scored())
            .filter_map(|c| Some((c, c.floor?)))
            .filter(|(c, floor)| {
                let sum: i64 = counted
                    .iter()
                    .filter_map(|s| s.scores.get(&c.code))
                    .map(|s| i64::from(s.value()))
                    .sum();
                // mean < floor, exactly: sum / n < floor.
                sum < i64::from(*floor) * counted.len() as i64
            })
            .map(|(c, _)| c.code.clone())
            .collect()
    };
    let scored = totals.len();
    let total_milli = (scored > 0).then(|| round_div(totals.iter().sum(), scored as i64));
    let spread_milli = match (totals.iter().max(), totals.iter().min()) {
        (Some(max), Some(min)) => Some(max - min),
        _ => None,
    };
    Aggregate {
        nomination_id,
        total_milli,
        scored,
        eligible,
        recused,
        quorum: quorum_reached(scored, eligible, quorum_pct),
        spread_milli,
        disagreement: spread_milli.is_some_and(|s| s >= DISAGREEMENT_SPREAD_MILLI),
        below_floor,
    }
}

/// Whether the nomination can be given a rank: scored, and not below a floor.
pub fn is_rankable(a: &Aggregate) -> bool {
    a.total_milli.is_some() && a.below_floor.is_empty()
}

/// The ranking order, best first. Tie-break, stated: (0) a nomination below a criterion's
/// floor comes after every other; (1) nominations with a quorum rank above those without;
/// (2) higher weighted total; (3) smaller spread (more agreement); (4) more scores; (5)
/// lower nomination id (registered earlier).
pub fn rank_order(a: &Aggregate, b: &Aggregate) -> Ordering {
    a.below_floor
        .is_empty()
        .cmp(&b.below_floor.is_empty())
        .reverse()
        .then_with(|| b.quorum.cmp(&a.quorum))
        .then_with(|| {
            b.total_milli
                .unwrap_or(-1)
                .cmp(&a.total_milli.unwrap_or(-1))
        })
        .then_with(|| {
            a.spread_milli
                .unwrap_or(i64::MAX)
                .cmp(&b.spread_milli.unwrap_or(i64::MAX))
        })
        .then_with(|| b.scored.cmp(&a.scored))
        .then_with(|| a.nomination_id.cmp(&b.nomination_id))
}

pub fn rank(mut aggregates: Vec<Aggregate>) -> Vec<Aggregate> {
    aggregates.sort_by(rank_order);
    aggregates
}

/// The result of a ballot on one nomination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotResult {
    pub agree: usize,
    pub disagree: usize,
    /// The year's quorum of the council voted.
    pub quorum: bool,
    /// Quorum, and at least `share_pct` of the *whole* council agreed.
    pub passed: bool,
}

/// Tallies a ballot: `council` is the whole council's size (not just those who voted).
pub fn ballot_result(
    (agree, disagree): (usize, usize),
    council: usize,
    share_pct: u8,
    quorum_pct: u8,
) -> BallotResult {
    let voted = agree + disagree;
    let quorum = quorum_reached(voted, council, quorum_pct);
    BallotResult {
        agree,
        disagree,
        quorum,
        passed: quorum && agree * 100 >= usize::from(share_pct) * council,
    }
}

/// The share a ballot requires is between a simple majority and unanimity (in percent).
pub fn check_pass_share(share_pct: i64) -> Result<u8, Violation> {
    if (50..=100).contains(&share_pct) {
        Ok(share_pct as u8)
    } else {
        Err(Violation::new(
            "S-2",
            ViolationKind::Input(InputError::OutOfRange {
                field: Field::PassShare,
                min: 50,
                max: 100,
            }),
        ))
    }
}

/// A member's ballot paper: one choice (agree or not) on every nomination of the ballot
/// the member may vote on (`eligible`: not their own unit's, no conflict declared), given
/// once, while the ballot is open. A paper is taken whole or not at all.
pub fn check_ballot_paper(
    open: bool,
    took_part: bool,
    eligible: &[i64],
    choices: &[(i64, bool)],
) -> Result<(), Violation> {
    if !open {
        return Err(Violation::new("S-2", ViolationKind::BallotClosed));
    }
    if took_part {
        return Err(Violation::new("S-2", ViolationKind::AlreadyVoted));
    }
    let mut seen = Vec::with_capacity(choices.len());
    for (id, _) in choices {
        if !eligible.contains(id) || seen.contains(id) {
            return Err(Violation::new("S-2", ViolationKind::BallotPaperInvalid));
        }
        seen.push(*id);
    }
    let missing = eligible.iter().filter(|id| !seen.contains(id)).count();
    if missing > 0 {
        return Err(Violation::new(
            "S-2",
            ViolationKind::BallotPaperIncomplete { missing },
        ));
    }
    Ok(())
}

/// The members a ballot needs to have taken part before it may close: the year's quorum
/// of the whole council (rounded up).
pub fn ballot_quorum(council: usize, quorum_pct: u8) -> usize {
    (council * usize::from(quorum_pct)).div_ceil(100).max(1)
}

/// A ballot closes, and its results show, only once the quorum of the council took part.
pub fn check_close_ballot(
    took_part: usize,
    council: usize,
    quorum_pct: u8,
) -> Result<(), Violation> {
    let needed = ballot_quorum(council, quorum_pct);
    if took_part < needed {
        return Err(Violation::new(
            "S-2",
            ViolationKind::BallotNoQuorum { took_part, needed },
        ));
    }
    Ok(())
}

/// The longest comment on a criterion, and the longest reason for a declared conflict.
pub const MAX_COMMENT_CHARS: usize = 2000;
pub const MAX_CONFLICT_CHARS: usize = 1000;

/// A member's sheet can change until it is submitted, and not after declaring a conflict.
pub fn check_sheet_open(submitted: bool, conflict: bool) -> Result<(), Violation> {
    if conflict {
        return Err(Violation::new("S-2", ViolationKind::ConflictDeclared));
    }
    if submitted {
        return Err(Violation::new("S-2", ViolationKind::SheetSubmitted));
    }
    Ok(())
}

/// A score or comment is given on one of the scored criteria of the nominee's kind, with a
/// comment of bounded length.
pub fn check_score_entry(
    criteria: &[Criterion],
    criterion: &str,
    comment: &str,
) -> Result<(), Vec<Violation>> {
    let mut v = Vec::new();
    if !criteria
        .iter()
        .any(|c| c.is_scored() && c.code == criterion)
    {
        v.push(Violation::new(
            "S-2",
            ViolationKind::NotACriterion {
                code: criterion.to_string(),
            },
        ));
    }
    if comment.trim().chars().count() > MAX_COMMENT_CHARS {
        v.push(Violation::new(
            "S-2",
            ViolationKind::Input(InputError::TooLong {
                field: Field::Comment,
                max: MAX_COMMENT_CHARS,
            }),
        ));
    }
    super::verdict(v)
}

/// A sheet is submitted when every scored criterion of the kind has its score.
pub fn check_submit(
    criteria: &[Criterion],
    scores: &BTreeMap<String, Score>,
) -> Result<(), Vec<Violation>> {
    let missing: Vec<String> = criteria
        .iter()
        .filter(|c| c.is_scored() && !scores.contains_key(&c.code))
        .map(|c| c.code.clone())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(vec![Violation::new(
            "S-2",
            ViolationKind::SheetIncomplete { missing },
        )])
    }
}

/// A declared conflict of interest names its reason.
pub fn check_conflict_reason(reason: &str) -> Result<String, Vec<Violation>> {
    crate::domain::RequiredText::parse(Field::Reason, reason, MAX_CONFLICT_CHARS)
        .map(|r| r.to_string())
        .map_err(|e| vec![Violation::new("S-2", ViolationKind::Input(e))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CriteriaSet, NomineeKind};
    use proptest::prelude::*;

    fn crit(kind: NomineeKind) -> Vec<Criterion> {
        CriteriaSet::plan().of(kind).to_vec()
    }

    fn sheet(member_id: i64, unit: Option<i64>, kind: NomineeKind, value: i64) -> Scoresheet {
        Scoresheet {
            member_id,
            member_unit_id: unit,
            scores: CriteriaSet::plan()
                .scored(kind)
                .map(|c| (c.code.clone(), Score::new(value).unwrap()))
                .collect(),
        }
    }

    fn council(n: i64) -> Vec<(i64, Option<i64>)> {
        (1..=n).map(|i| (i, Some(100 + i))).collect()
    }

    #[test]
    fn weighted_total_uses_the_criteria_weights() {
        // C-A1..C-A5 weigh 2, 3, 1, 1, 1: 10 on C-A2 alone gives 30 / 8 = 3.75.
        let mut s = sheet(1, None, NomineeKind::Collective, 0);
        s.scores.insert("C-A2".into(), Score::new(10).unwrap());
        assert_eq!(
            weighted_score_milli(&crit(NomineeKind::Collective), &s),
            Some(3_750)
        );
        s.scores.remove("C-A5");
        assert_eq!(
            weighted_score_milli(&crit(NomineeKind::Collective), &s),
            None,
            "incomplete sheet"
        );
    }

    #[test]
    fn members_of_the_nominees_unit_are_recused() {
        let c = council(7);
        // Member 3 belongs to unit 103, the nominee's unit: their 10s do not count.
        let sheets = vec![
            sheet(1, Some(101), NomineeKind::Individual, 6),
            sheet(3, Some(103), NomineeKind::Individual, 10),
        ];
        let a = aggregate(9, &crit(NomineeKind::Individual), 103, &c, &sheets, 66);
        assert_eq!((a.recused, a.eligible, a.scored), (1, 6, 1));
        assert_eq!(a.total_milli, Some(6_000));
    }

    #[test]
    fn quorum_is_two_thirds_of_the_council() {
        assert!(!quorum_reached(4, 7, 66));
        assert!(quorum_reached(5, 7, 66));
        assert!(quorum_reached(4, 6, 66));
        assert!(!quorum_reached(0, 0, 66));
        // 66 % is two thirds for every council under 50; the Department may ask for more.
        for n in 1..50usize {
            for present in 0..=n {
                assert_eq!(
                    quorum_reached(present, n, 66),
                    present * 3 >= n * 2,
                    "{present}/{n}"
                );
            }
        }
        assert!(quorum_reached(5, 7, 66));
        assert!(!quorum_reached(5, 7, 80));
        assert!(quorum_reached(6, 7, 80));
        let c = council(7);
        let sheets: Vec<_> = (1..=5)
            .map(|m| sheet(m, None, NomineeKind::Household, 8))
            .collect();
        assert!(aggregate(1, &crit(NomineeKind::Household), 1, &c, &sheets, 66).quorum);
    }

    #[test]
    fn spread_flags_disagreement() {
        let c = council(3);
        let sheets = vec![
            sheet(1, None, NomineeKind::Cooperative, 9),
            sheet(2, None, NomineeKind::Cooperative, 5),
        ];
        let a = aggregate(1, &crit(NomineeKind::Cooperative), 1, &c, &sheets, 66);
        assert_eq!(a.spread_milli, Some(4_000));
        assert!(a.disagreement);
        assert_eq!(a.total_milli, Some(7_000));
    }

    #[test]
    fn ranking_tie_break_is_quorum_total_spread_count_id() {
        let base = Aggregate {
            nomination_id: 1,
            total_milli: Some(8_000),
            scored: 5,
            eligible: 7,
            recused: 0,
            quorum: true,
            spread_milli: Some(1_000),
            disagreement: false,
            below_floor: Vec::new(),
        };
        let below = Aggregate {
            nomination_id: 7,
            total_milli: Some(9_900),
            below_floor: vec!["C-A3".into()],
            ..base.clone()
        };
        let no_quorum = Aggregate {
            nomination_id: 2,
            total_milli: Some(9_500),
            quorum: false,
            ..base.clone()
        };
        let higher = Aggregate {
            nomination_id: 3,
            total_milli: Some(8_500),
            ..base.clone()
        };
        let tighter = Aggregate {
            nomination_id: 4,
            spread_milli: Some(500),
            ..base.clone()
        };
        let more = Aggregate {
            nomination_id: 5,
            scored: 6,
            ..base.clone()
        };
        let later = Aggregate {
            nomination_id: 6,
            ..base.clone()
        };
        let ranked: Vec<i64> = rank(vec![later, below, no_quorum, base, more, tighter, higher])
            .into_iter()
            .map(|a| a.nomination_id)
            .collect();
        assert_eq!(ranked, [3, 4, 5, 1, 6, 2, 7]);
    }

    #[test]
    fn a_nominee_below_a_compliance_floor_is_not_ranked_however_high_the_rest() {
        // C-C1 has the floor 5: three members give 10 everywhere but 4, 4 and 6 on C-C1
        // (mean 4.67 < 5).
        let kind = NomineeKind::Individual;
        let c = council(3);
        let sheets: Vec<_> = [4, 4, 6]
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let mut s = sheet(i as i64 + 1, None, kind, 10);
                s.scores.insert("C-C1".into(), Score::new(*v).unwrap());
                s
            })
            .collect();
        let a = aggregate(1, &crit(kind), 99, &c, &sheets, 66);
        assert_eq!(a.below_floor, ["C-C1"]);
        assert!(!is_rankable(&a));
        // 4, 5, 6: the mean is exactly the floor, which is enough.
        let mut sheets = sheets;
        sheets[1]
            .scores
            .insert("C-C1".into(), Score::new(5).unwrap());
        let a = aggregate(1, &crit(kind), 99, &c, &sheets, 66);
        assert!(a.below_floor.is_empty() && is_rankable(&a));
        // Without a floor on C-C1 nothing is below.
        let mut criteria = crit(kind);
        criteria[0].floor = None;
        sheets[1]
            .scores
            .insert("C-C1".into(), Score::new(0).unwrap());
        assert!(aggregate(1, &criteria, 99, &c, &sheets, 66)
            .below_floor
            .is_empty());
    }

    #[test]
    fn the_criteria_given_decide_the_total_not_the_plan_s() {
        // The administrator weighs C-A1 alone 10: a sheet of 10 on C-A1 and 0 elsewhere.
        let mut criteria = crit(NomineeKind::Collective);
        criteria[0].weight = 10;
        let mut s = sheet(1, None, NomineeKind::Collective, 0);
        s.scores.insert("C-A1".into(), Score::new(10).unwrap());
        // (10 × 10) / (10 + 3 + 1 + 1 + 1) = 6.25 under the edited set, 2.5 under the plan's.
        assert_eq!(weighted_score_milli(&criteria, &s), Some(6_250));
        assert_eq!(
            weighted_score_milli(&crit(NomineeKind::Collective), &s),
            Some(2_500)
        );
    }

    proptest! {
        #[test]
        fn totals_stay_within_the_scale(values in proptest::collection::vec(0i64..=10, 0..7)) {
            let c = council(7);
            let sheets: Vec<_> = values.iter().enumerate()
                .map(|(i, v)| sheet(i as i64 + 1, None, NomineeKind::Collective, *v)).collect();
            let a = aggregate(1, &crit(NomineeKind::Collective), 1, &c, &sheets, 66);
            prop_assert_eq!(a.scored, values.len());
            if let Some(t) = a.total_milli { prop_assert!((0..=10_000).contains(&t)); }
            if let Some(s) = a.spread_milli { prop_assert!((0..=10_000).contains(&s)); }
        }

        #[test]
        fn ranking_is_a_deterministic_total_order(totals in proptest::collection::vec((proptest::option::of(0i64..=10_000), any::<bool>(), 0usize..8, any::<bool>()), 1..12)) {
            let aggs: Vec<Aggregate> = totals.iter().enumerate().map(|(i, (t, q, n, low))| Aggregate {
                nomination_id: i as i64, total_milli: *t, scored: *n, eligible: 7, recused: 0,
                quorum: *q, spread_milli: t.map(|x| x % 3000), disagreement: false,
                below_floor: if *low { vec!["C-A3".into()] } else { Vec::new() },
            }).collect();
            let mut reversed = aggs.clone();
            reversed.reverse();
            let ranked = rank(aggs);
            // Every nominee below a floor comes after every other.
            let first_low = ranked.iter().position(|a| !a.below_floor.is_empty()).unwrap_or(ranked.len());
            prop_assert!(ranked[first_low..].iter().all(|a| !a.below_floor.is_empty()));
            prop_assert_eq!(ranked, rank(reversed));
        }
    }

    #[test]
    fn s_2_ballots_pass_with_seventy_percent_of_the_whole_council_and_a_quorum() {
        // Council of 7: 70 % of 7 is 4.9, so 5 agree are needed; quorum is 5 voters.
        assert!(ballot_result((5, 0), 7, 70, 66).passed);
        assert!(
            !ballot_result((4, 0), 7, 70, 66).passed,
            "4 of 7 is under 70 %"
        );
        assert!(
            !ballot_result((4, 0), 7, 70, 66).quorum,
            "4 voters of 7 is under two thirds"
        );
        assert!(ballot_result((4, 1), 7, 70, 66).quorum);
        assert!(!ballot_result((4, 1), 7, 70, 66).passed);
        // Council of 10: exactly 70 % passes.
        assert!(ballot_result((7, 0), 10, 70, 66).passed);
        assert!(!ballot_result((6, 4), 10, 70, 66).passed);
        assert!(!ballot_result((0, 0), 0, 70, 66).quorum);
        assert_eq!(check_pass_share(70).unwrap(), 70);
        assert!(check_pass_share(49).is_err());
        assert!(check_pass_share(101).is_err());
    }

    #[test]
    fn s_2_a_ballot_paper_answers_every_item_the_member_may_vote_on_once() {
        let paper = |open, took_part, choices: &[(i64, bool)]| {
            check_ballot_paper(open, took_part, &[1, 2], choices).map_err(|v| v.kind)
        };
        assert_eq!(paper(true, false, &[(1, true), (2, false)]), Ok(()));
        assert_eq!(paper(true, false, &[(2, false), (1, true)]), Ok(()));
        assert_eq!(
            paper(false, false, &[(1, true), (2, true)]),
            Err(ViolationKind::BallotClosed)
        );
        assert_eq!(
            paper(true, true, &[(1, true), (2, true)]),
            Err(ViolationKind::AlreadyVoted)
        );
        assert_eq!(
            paper(true, false, &[(1, true)]),
            Err(ViolationKind::BallotPaperIncomplete { missing: 1 })
        );
        // An item the member may not vote on (their unit's, a declared conflict), or twice.
        assert_eq!(
            paper(true, false, &[(1, true), (2, true), (3, true)]),
            Err(ViolationKind::BallotPaperInvalid)
        );
        assert_eq!(
            paper(true, false, &[(1, true), (1, false), (2, true)]),
            Err(ViolationKind::BallotPaperInvalid)
        );
        // Nothing to vote on: taking part is still counted.
        assert!(check_ballot_paper(true, false, &[], &[]).is_ok());
    }

    #[test]
    fn s_2_a_ballot_closes_only_with_the_quorum_of_the_council() {
        // Two thirds of 7 is 4.67: five must have taken part.
        assert_eq!(ballot_quorum(7, 66), 5);
        assert_eq!(ballot_quorum(9, 66), 6);
        assert_eq!(ballot_quorum(0, 66), 1);
        assert_eq!(
            check_close_ballot(1, 7, 66).unwrap_err().kind,
            ViolationKind::BallotNoQuorum {
                took_part: 1,
                needed: 5
            }
        );
        assert!(check_close_ballot(5, 7, 66).is_ok());
    }

    proptest! {
        #[test]
        fn a_paper_is_taken_only_when_it_answers_each_eligible_item_once(
            eligible in proptest::collection::btree_set(0i64..20, 0..8),
            choices in proptest::collection::vec((0i64..20, any::<bool>()), 0..10),
        ) {
            let eligible: Vec<i64> = eligible.into_iter().collect();
            if check_ballot_paper(true, false, &eligible, &choices).is_ok() {
                let mut ids: Vec<i64> = choices.iter().map(|(id, _)| *id).collect();
                ids.sort_unstable();
                prop_assert_eq!(ids, eligible);
            }
        }

        #[test]
        fn a_ballot_closes_only_when_the_quorum_took_part(took_part in 0usize..40, council in 0usize..40, quorum in 50u8..=100) {
            if check_close_ballot(took_part, council, quorum).is_ok() {
                prop_assert!(took_part >= 1);
                prop_assert!(took_part * 100 >= council * usize::from(quorum));
            }
        }

        #[test]
        fn a_ballot_passes_only_with_quorum_and_the_share(agree in 0usize..30, disagree in 0usize..30, extra in 0usize..30, share in 50u8..=100) {
            let council = agree + disagree + extra;
            let r = ballot_result((agree, disagree), council, share, 66);
            if r.passed {
                prop_assert!(r.quorum);
                prop_assert!(agree * 100 >= usize::from(share) * council);
            }
        }
    }

    #[test]
    fn s_2_a_sheet_is_open_until_submitted_and_closed_by_a_conflict() {
        assert!(check_sheet_open(false, false).is_ok());
        assert_eq!(
            check_sheet_open(true, false).unwrap_err().kind,
            ViolationKind::SheetSubmitted
        );
        assert_eq!(
            check_sheet_open(false, true).unwrap_err().kind,
            ViolationKind::ConflictDeclared
        );
        assert!(check_conflict_reason("  ").is_err());
        assert_eq!(check_conflict_reason(" Người thân ").unwrap(), "Người thân");
    }

    #[test]
    fn s_2_scores_go_on_the_kinds_criteria_and_a_sheet_is_submitted_complete() {
        let kind = NomineeKind::Household;
        let set = CriteriaSet::plan();
        let codes: Vec<&str> = set.scored(kind).map(|c| c.code.as_str()).collect();
        assert!(check_score_entry(&crit(kind), codes[0], "Tốt").is_ok());
        assert_eq!(
            check_score_entry(&crit(kind), "C-A1", "").unwrap_err()[0].kind,
            ViolationKind::NotACriterion {
                code: "C-A1".into()
            }
        );
        assert!(
            check_score_entry(&crit(kind), codes[0], &"x".repeat(MAX_COMMENT_CHARS + 1)).is_err()
        );
        let mut scores = BTreeMap::new();
        scores.insert(codes[0].to_string(), Score::new(8).unwrap());
        let err = check_submit(&crit(kind), &scores).unwrap_err();
        assert!(
            matches!(&err[0].kind, ViolationKind::SheetIncomplete { missing } if missing.len() == codes.len() - 1)
        );
        for c in &codes {
            scores.insert(c.to_string(), Score::new(7).unwrap());
        }
        assert!(check_submit(&crit(kind), &scores).is_ok());
    }
}
