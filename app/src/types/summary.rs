//! Leadership's picture of the programme by bloc and unit (`/summary`), and the blocs'
//! reviews (D-2). The counts come from [`shared::rules::summary`]'s running tallies, which
//! the server keeps current from the event log (see `SummaryHub`).

use crate::types::model::ProposalStatus;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use shared::domain::commendation::CommendationForm;
use shared::domain::{CampaignYear, EvaluationPeriod, NomineeKind, Stage};
use shared::rules::deadline::DeadlineStatus;
use shared::rules::summary::{DeadlineCount, Facts, Tally};

/// Where a bloc stands with its review (D-2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewStatus {
    pub status: DeadlineStatus,
    /// A draft has been saved.
    pub started: bool,
    pub submitted_on: Option<NaiveDate>,
    pub submitted_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitSummary {
    pub id: i64,
    pub name: String,
    pub tally: Tally,
    /// Its registration, evaluations and periodic reports.
    pub deadlines: DeadlineCount,
    /// Where its periodic report of each period stands (E-1).
    #[serde(default)]
    pub reports: Vec<(EvaluationPeriod, DeadlineStatus)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlocSummary {
    pub id: i64,
    pub name: String,
    pub tally: Tally,
    /// The units' deadlines and the bloc's review.
    pub deadlines: DeadlineCount,
    pub review: ReviewStatus,
    pub units: Vec<UnitSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryView {
    pub campaign_name: String,
    pub year: i32,
    pub years: Vec<i32>,
    pub today: NaiveDate,
    /// The event log's sequence number the counts are current to.
    pub seq: i64,
    pub calendar: CampaignYear,
    pub total: Tally,
    pub deadlines: DeadlineCount,
    pub blocs: Vec<BlocSummary>,
    /// The user sees every bloc (leadership, the office), not only their own.
    pub all_blocs: bool,
    /// The campaign's emulation movements, for the counts by movement.
    #[serde(default)]
    pub movements: Vec<shared::domain::Movement>,
    /// The commendations proposed and decided (S-3).
    #[serde(default)]
    pub commendations: CommendationSummary,
}

/// What the summary needs besides the cards' counts, read in one go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryFrame {
    pub campaign_name: String,
    pub year: i32,
    pub years: Vec<i32>,
    pub calendar: CampaignYear,
    /// (id, name), in Vietnamese order.
    pub blocs: Vec<(i64, String)>,
    /// (id, name, bloc id), in Vietnamese order.
    pub units: Vec<(i64, String, i64)>,
    pub reviews: Vec<ReviewRow>,
    /// The campaign's emulation movements (retired ones too: nominations may name them).
    #[serde(default)]
    pub movements: Vec<shared::domain::Movement>,
    /// The year's commendation proposals (S-3), one each.
    #[serde(default)]
    pub commendations: Vec<CommendationFact>,
    /// The units' periodic reports (E-1) begun: (unit, period, sent on).
    #[serde(default)]
    pub unit_reports: Vec<(i64, EvaluationPeriod, Option<NaiveDate>)>,
}

/// One commendation proposal, as the summary counts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommendationFact {
    pub unit_id: i64,
    /// The form proposed.
    pub form: CommendationForm,
    pub status: ProposalStatus,
    /// The form granted, once granted.
    pub granted: Option<CommendationForm>,
}

impl CommendationFact {
    /// The form it is counted under: what was granted, once granted; what was proposed
    /// before (and when declined).
    pub fn counted_form(&self) -> CommendationForm {
        self.granted.unwrap_or(self.form)
    }
}

/// Proposals awaiting a decision, granted and declined.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommendationCount {
    pub pending: u32,
    pub granted: u32,
    pub declined: u32,
}

impl CommendationCount {
    pub fn add(&mut self, status: ProposalStatus) {
        match status {
            ProposalStatus::Proposed => self.pending += 1,
            ProposalStatus::Granted => self.granted += 1,
            ProposalStatus::Declined => self.declined += 1,
        }
    }

    pub fn total(&self) -> u32 {
        self.pending + self.granted + self.declined
    }
}

/// A bloc's or unit's commendations (units follow their bloc).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommendationPlace {
    pub bloc_id: i64,
    /// None: the bloc's own row.
    pub unit_id: Option<i64>,
    pub name: String,
    pub count: CommendationCount,
}

/// The commendations of what the summary shows: by form and by bloc and unit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommendationSummary {
    pub total: CommendationCount,
    /// In [`CommendationForm::ALL`] order.
    pub by_form: Vec<(CommendationForm, CommendationCount)>,
    /// Only the blocs and units with a proposal.
    pub by_place: Vec<CommendationPlace>,
}

/// A bloc's stored review, as far as the summary is concerned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRow {
    pub bloc_id: i64,
    pub submitted_on: Option<NaiveDate>,
    pub submitted_by: Option<String>,
}

/// The facts of a card that the summary counts.
pub fn facts(card: &crate::types::model::BoardCard) -> Facts {
    Facts {
        unit_id: card.unit_id,
        kind: card.kind,
        stage: card.stage,
        dropped_from: card.dropped_from,
        evaluations: card.evaluations.clone(),
        replications: card.replications,
        city_registered: card.city_registered,
        council_score_milli: card.council_score_milli,
        exemplar_type: card.exemplar_type,
        movement_id: card.movement_id,
    }
}

/// Builds the view from the frame and the per-unit tallies, keeping only the blocs `bloc`
/// (None: all of them).
pub fn build_view(
    frame: SummaryFrame,
    unit_tally: impl Fn(i64) -> Tally,
    seq: i64,
    today: NaiveDate,
    only_bloc: Option<i64>,
) -> SummaryView {
    use shared::rules::deadline::deadline_status;
    let commendations = commendation_summary(&frame, only_bloc);
    let calendar = frame.calendar;
    let mut total = Tally::default();
    let mut all_deadlines = DeadlineCount::default();
    let blocs = frame
        .blocs
        .iter()
        .filter(|(id, _)| only_bloc.is_none_or(|b| b == *id))
        .map(|(bloc_id, bloc_name)| {
            let mut tally = Tally::default();
            let mut deadlines = DeadlineCount::default();
            let units: Vec<UnitSummary> = frame
                .units
                .iter()
                .filter(|(_, _, b)| b == bloc_id)
                .map(|(id, name, _)| {
                    let t = unit_tally(*id);
                    let reports: Vec<(EvaluationPeriod, DeadlineStatus)> = EvaluationPeriod::ALL
                        .into_iter()
                        .map(|p| {
                            let sent = frame
                                .unit_reports
                                .iter()
                                .find(|(u, q, _)| u == id && *q == p)
                                .and_then(|(_, _, on)| *on);
                            let date = shared::rules::deadline::checkpoint(&calendar, p);
                            (p, shared::rules::deadline::status_met_on(date, today, sent))
                        })
                        .collect();
                    let d = DeadlineCount::of(
                        t.unit_deadlines(&calendar, today)
                            .into_iter()
                            .map(|(_, s)| s)
                            .chain(reports.iter().map(|(_, s)| *s)),
                    );
                    tally.merge(&t);
                    deadlines.merge(d);
                    UnitSummary {
                        id: *id,
                        name: name.clone(),
                        tally: t,
                        deadlines: d,
                        reports,
                    }
                })
                .collect();
            let row = frame.reviews.iter().find(|r| r.bloc_id == *bloc_id);
            let submitted = row.and_then(|r| r.submitted_on);
            let review = ReviewStatus {
                status: deadline_status(calendar.bloc_review_deadline, today, submitted.is_some()),
                started: row.is_some(),
                submitted_on: submitted,
                submitted_by: row.and_then(|r| r.submitted_by.clone()),
            };
            deadlines.merge(DeadlineCount::of([review.status]));
            total.merge(&tally);
            all_deadlines.merge(deadlines);
            BlocSummary {
                id: *bloc_id,
                name: bloc_name.clone(),
                tally,
                deadlines,
                review,
                units,
            }
        })
        .collect();
    SummaryView {
        commendations,
        campaign_name: frame.campaign_name,
        year: frame.year,
        years: frame.years,
        today,
        seq,
        calendar,
        total,
        deadlines: all_deadlines,
        blocs,
        all_blocs: only_bloc.is_none(),
        movements: frame.movements,
    }
}

/// Counts the frame's commendation proposals of the blocs shown (`only_bloc`; None: all).
fn commendation_summary(frame: &SummaryFrame, only_bloc: Option<i64>) -> CommendationSummary {
    let mut out = CommendationSummary {
        by_form: CommendationForm::ALL
            .into_iter()
            .map(|f| (f, CommendationCount::default()))
            .collect(),
        ..Default::default()
    };
    for (bloc_id, bloc_name) in frame
        .blocs
        .iter()
        .filter(|(id, _)| only_bloc.is_none_or(|b| b == *id))
    {
        let mut bloc = CommendationCount::default();
        let mut units = Vec::new();
        for (unit_id, unit_name, _) in frame.units.iter().filter(|u| u.2 == *bloc_id) {
            let mut unit = CommendationCount::default();
            for fact in frame.commendations.iter().filter(|c| c.unit_id == *unit_id) {
                unit.add(fact.status);
                bloc.add(fact.status);
                out.total.add(fact.status);
                out.by_form[fact.counted_form().index()].1.add(fact.status);
            }
            if unit.total() > 0 {
                units.push(CommendationPlace {
                    bloc_id: *bloc_id,
                    unit_id: Some(*unit_id),
                    name: unit_name.clone(),
                    count: unit,
                });
            }
        }
        if bloc.total() > 0 {
            out.by_place.push(CommendationPlace {
                bloc_id: *bloc_id,
                unit_id: None,
                name: bloc_name.clone(),
                count: bloc,
            });
            out.by_place.extend(units);
        }
    }
    out
}

/// One of the bloc's exemplars, as its review shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewExemplar {
    pub id: i64,
    pub name: String,
    pub unit_name: String,
    pub kind: NomineeKind,
    pub stage: Stage,
    pub evaluations: Vec<EvaluationPeriod>,
    pub replications: u32,
    pub city_registered: bool,
    pub comment: String,
}

/// `/summary/blocs/{id}/review`: a bloc's review (D-2) with the bloc's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlocReviewView {
    pub year: i32,
    pub years: Vec<i32>,
    pub today: NaiveDate,
    pub bloc_id: i64,
    pub bloc_name: String,
    pub head_unit: Option<String>,
    pub deadline: NaiveDate,
    pub status: DeadlineStatus,
    /// 0 until first saved.
    pub version: i64,
    pub assessment: String,
    pub exemplars: Vec<ReviewExemplar>,
    pub updated_by: Option<String>,
    /// UTC, RFC 3339.
    pub updated_at: Option<String>,
    pub submitted_on: Option<NaiveDate>,
    pub submitted_by: Option<String>,
    /// The user may write it (the bloc's head, or the office) and it is not submitted.
    pub can_write: bool,
    /// The bloc's counts, for writing the review from the bloc's data.
    pub tally: Tally,
}

impl BlocReviewView {
    pub fn draft(&self) -> shared::rules::review::ReviewDraft {
        shared::rules::review::ReviewDraft {
            assessment: self.assessment.clone(),
            comments: self
                .exemplars
                .iter()
                .filter(|e| !e.comment.is_empty())
                .map(|e| (e.id, e.comment.clone()))
                .collect(),
        }
    }

    pub fn exemplar_names(&self) -> Vec<(i64, String)> {
        self.exemplars
            .iter()
            .map(|e| (e.id, e.name.clone()))
            .collect()
    }
}

/// Is this stage one of a bloc's exemplars (registered and still in the programme)?
pub fn is_exemplar(stage: Stage) -> bool {
    matches!(
        stage,
        Stage::Registered | Stage::Fostering | Stage::Evaluating | Stage::Replicated
    )
}
