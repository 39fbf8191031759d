//! Domain types. Constructors that take user input return typed errors; nothing panics.

pub mod account;
pub mod campaign;
pub mod commendation;
pub mod criteria;
pub mod dossier;
pub mod error;
pub mod evaluation;
pub mod exemplar;
mod kind;
pub mod nomination;
pub mod org;
pub mod org_input;
mod position;
pub mod profile;
pub mod score;
mod stage;

pub use account::{NewPassword, Username};
pub use campaign::{Campaign, CampaignDraft, CampaignYear, Checkpoints, Quota};
pub use criteria::{Assessment, CriteriaSet, Criterion, CriterionProblem};
pub use error::{forbidden_character, has_forbidden_character, Field, InputError, RequiredText};
pub use evaluation::{
    Activity, ActivityDraft, ActivityKind, ActivityStatus, Evaluation, EvaluationDraft,
    EvaluationPeriod, FosteringPlan, Leader, LeaderDraft, PlanDraft, Rating, Replication,
    ReplicationDraft, SelectionPeriod,
};
pub use exemplar::{ExemplarType, Movement};
pub use kind::NomineeKind;
pub use nomination::{Nomination, NominationDraft};
pub use org::{Bloc, Unit};
pub use position::Position;
pub use profile::{CoopType, Profile};
pub use score::Score;
pub use stage::Stage;
