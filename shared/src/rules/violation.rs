use crate::domain::{EvaluationPeriod, Field, InputError, Stage};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One broken rule: which (its plan.md ID) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// The rule's ID in plan.md, e.g. "C-B5".
    pub rule: String,
    pub kind: ViolationKind,
}

/// Everything a rule can object to; the message catalogue words each one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ViolationKind {
    /// The move is not one of: forward one stage, back one stage, drop, restore.
    NotAMove {
        from: Stage,
        to: Stage,
    },
    /// A restore must return to the stage the nomination was dropped from.
    RestoreElsewhere {
        expected: Option<Stage>,
    },
    ReasonRequired,
    Input(InputError),
    ProfileIncomplete {
        fields: Vec<Field>,
    },
    EvidenceMissing {
        criteria: Vec<String>,
    },
    CulturalFamilyYears {
        consecutive: u32,
        needed: u32,
    },
    UnitHeadWithoutCollective,
    UnitHeadCollectiveNotRegistered,
    RegistrationClosed {
        deadline: NaiveDate,
    },
    NoFosteringPlan,
    /// F-1: the unit head has not approved the fostering plan (or an edit since cleared it).
    PlanNotApproved,
    LeaderMissing {
        role: LeaderRole,
    },
    NoDatedActivity,
    EvaluationMissing {
        period: EvaluationPeriod,
    },
    AnnualRatingTooLow,
    EvaluationRepeated {
        period: EvaluationPeriod,
    },
    EvaluationTooEarly {
        period: EvaluationPeriod,
        opens: NaiveDate,
    },
    DateOutsideYear {
        year: i32,
    },
    DateInFuture,
    /// A fostering plan belongs to a registered nomination (F-1).
    PlanNotOpen {
        stage: Stage,
    },
    /// Periodic evaluations are recorded while a nomination is fostered or evaluated (E-1).
    EvaluationNotOpen {
        stage: Stage,
    },
    /// An edited plan must be approved again by the unit head.
    PlanNotApprovable,
    /// Replications are recorded for models being evaluated or replicated.
    ReplicationNotOpen {
        stage: Stage,
    },
    /// A submitted scoresheet is final.
    SheetSubmitted,
    /// S-2: the year's models for the City are decided; scores are locked.
    CouncilClosed,
    /// The ballot is not open (not yet, or closed).
    BallotClosed,
    /// One ballot paper per member.
    AlreadyVoted,
    /// A paper names a nomination that is not on the ballot, one the member may not vote
    /// on (their unit's, a declared conflict), or one twice.
    BallotPaperInvalid,
    /// A paper leaves nominations the member may vote on without a choice.
    BallotPaperIncomplete {
        missing: usize,
    },
    /// A ballot closes once the year's quorum of the council took part.
    BallotNoQuorum {
        took_part: usize,
        needed: usize,
    },
    /// The ballot holds at least one nomination, registered or further along.
    BallotEmpty,
    /// A member who declared a conflict of interest does not score the nomination.
    ConflictDeclared,
    /// Scores are given on the scored criteria of the nominee's kind.
    NotACriterion {
        code: String,
    },
    /// II.2: a year's criteria are frozen once its council has begun scoring.
    CriteriaFrozen {
        year: i32,
    },
    /// D-3: there is no decision to send to the City yet.
    NothingToSend,
    /// S-2: a year's quorum stays as it was once its council has begun scoring.
    QuorumFrozen {
        year: i32,
    },
    /// A sheet is submitted with every scored criterion.
    SheetIncomplete {
        missing: Vec<String>,
    },
    /// E-2: a selection sends at least one exemplar.
    SelectionEmpty,
    /// E-2: only registered nominations (not dropped) can be sent to the City.
    SelectionNotEligible {
        count: usize,
    },
    /// Only one's own latest move can be undone, shortly after, if nothing changed since.
    UndoUnavailable,
    CityQuotaFull {
        max: u8,
    },
    CityListTooShort {
        min: u8,
        have: usize,
    },
    CityNotEligible {
        stage: Stage,
    },
    /// D-2: a submitted bloc review is final.
    ReviewSubmitted,
    /// D-2: a review is submitted with a comment on each of the bloc's exemplars.
    ReviewIncomplete {
        missing: Vec<String>,
    },
    /// D-2: comments are on the bloc's own exemplars of the year.
    ReviewNotInBloc,
    /// Closing a year: the campaign's last year has no next year to carry exemplars into.
    NoNextYear {
        year: i32,
        last: i32,
    },
    /// Closing a year: at least one exemplar is carried over.
    NothingToCarry,
    /// A dropped exemplar does not go on where it stood: it starts again, discovered.
    CarryDropped {
        name: String,
    },
    /// An exemplar goes into the next year once.
    AlreadyCarried {
        name: String,
        year: i32,
    },
    /// C-C4: a unit head's nomination goes on after its unit's collective.
    CarryCollectiveFirst {
        name: String,
    },
    /// A card carried over into a later year is that year's record now: it is not moved
    /// or edited any more (its evaluations of the year may still be filed).
    CarriedOn {
        year: i32,
    },
    /// A year in which something was recorded stays in its campaign.
    YearInUse {
        year: i32,
    },
    /// N-1: a file larger than the installation allows.
    FileTooLarge {
        name: String,
        max_bytes: u64,
    },
    /// N-1: the dossier would hold more than the installation allows.
    DossierFull {
        name: String,
        max_bytes: u64,
        used_bytes: u64,
    },
    /// N-1: a file whose content is none of the accepted types (whatever its name says).
    FileTypeNotAccepted {
        name: String,
    },
    /// N-1: a file name that is a path (a separator, a parent or hidden name).
    FileNamePathLike,
    /// N-1: no file was chosen, or it is empty.
    FileMissing,
    /// S-3: the nomination has a proposal still awaiting the office's decision.
    CommendationPending,
    /// S-3: only an exemplar registered with the Department (not dropped) is proposed.
    CommendationNotOpen,
    /// S-3: the document named as the achievement report is not one (or was removed).
    ReportNotUsable,
    /// S-3: a decision dated before the proposal it decides.
    DecisionBeforeProposal {
        proposed_on: NaiveDate,
    },
    /// S-3: the decision number is already another decision's.
    DecisionNumberTaken {
        number: String,
    },
    /// D-3: the City has answered on this model already (a returned one is sent again
    /// first).
    CityAlreadyAnswered,
    /// D-3: only a model the City returned is sent again.
    CityNotReturned,
    /// E-1: a unit's periodic report is sent once, and is final.
    PeriodicReportSent,
    /// E-1: the report's entries are on the unit's own exemplars of the period.
    PeriodicReportNotInUnit,
    /// E-1: a report is sent with an evaluation and achievements for every exemplar.
    PeriodicReportIncomplete {
        missing: Vec<String>,
    },
    /// E-2: a conference of a year is held in that year.
    ConferenceOutsideYear {
        year: i32,
    },
    /// E-2: a conference record names at least one exemplar honoured.
    ConferenceNoHonours,
    /// E-2: an exemplar is honoured once at a conference.
    ConferenceHonouredTwice,
    /// E-2: a unit's conference honours the unit's exemplars of the year; the sector's, the
    /// year's registered exemplars.
    ConferenceNotEligible,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeaderRole {
    Fostering,
    Publicity,
    Replication,
}

impl Violation {
    pub fn new(rule: &str, kind: ViolationKind) -> Violation {
        Violation {
            rule: rule.to_string(),
            kind,
        }
    }
}

/// `Ok` when nothing was found, else every violation.
pub fn verdict(violations: Vec<Violation>) -> Result<(), Vec<Violation>> {
    if violations.is_empty() {
        Ok(())
    } else {
        Err(violations)
    }
}
