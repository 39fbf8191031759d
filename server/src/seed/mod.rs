//! Data sets loaded into an empty database: the demo Department, and large synthetic
//! campaigns for benchmarks. Backend-neutral: each `Store` loads a `Dataset` its own way.

pub mod demo;
pub mod synthetic;

use shared::auth::Role;
use shared::domain::{NomineeKind, Profile, Stage};

pub struct BlocSeed {
    pub code: &'static str,
    pub name: &'static str,
    /// Code of the unit whose head leads the bloc (plan.md D-2).
    pub head_unit: &'static str,
}

pub struct UnitSeed {
    pub code: &'static str,
    pub name: &'static str,
    pub bloc: &'static str,
}

pub struct CampaignSeed {
    pub name: String,
    pub start_year: i32,
    pub end_year: i32,
    /// A campaign year whose registration deadline (D-1) differs from the plan's default.
    pub registration_deadline: Option<(i32, chrono::NaiveDate)>,
}

pub struct AccountSeed {
    pub username: String,
    pub display_name: String,
    pub position: String,
    pub unit: Option<&'static str>,
    pub roles: Vec<Role>,
    pub council: bool,
}

pub struct NominationSeed {
    pub unit: String,
    pub kind: NomineeKind,
    pub nominee_name: String,
    pub profile: Profile,
    pub description: String,
    pub replication_potential: String,
    pub stage: Stage,
    pub year: i32,
    pub city_registered: bool,
    /// Evidence per criterion code.
    pub evidence: Vec<(String, String)>,
    /// F-1: the fostering plan (approved by the unit head when `plan_approved`).
    pub plan: Option<shared::domain::FosteringPlan>,
    pub plan_approved: bool,
    /// E-1: the periodic evaluations already recorded.
    pub evaluations: Vec<shared::domain::Evaluation>,
    /// N-2: the kind of exemplar.
    pub exemplar_type: Option<shared::domain::ExemplarType>,
    /// The emulation movement it came from: an index into [`Dataset::movements`].
    pub movement: Option<usize>,
}

/// E-1: a unit's periodic report, drafted from the unit's records when loaded; sent on a
/// day, or left a draft.
pub struct ReportSeed {
    pub unit: &'static str,
    pub year: i32,
    pub period: shared::domain::EvaluationPeriod,
    pub sent_on: Option<chrono::NaiveDate>,
    /// Who saved (and sent) it.
    pub by: String,
    /// Added to the drafted assessment.
    pub assessment: &'static str,
}

pub struct Dataset {
    /// Written to `meta.dataset`, so later starts know what was loaded.
    pub name: &'static str,
    pub blocs: Vec<BlocSeed>,
    pub units: Vec<UnitSeed>,
    pub campaign: CampaignSeed,
    /// The campaign's emulation movements.
    pub movements: Vec<&'static str>,
    pub accounts: Vec<AccountSeed>,
    /// Every demo account's password (they are demo accounts: printed in the README).
    pub password: &'static str,
    pub nominations: Vec<NominationSeed>,
    /// The units' periodic reports (E-1).
    pub reports: Vec<ReportSeed>,
}
