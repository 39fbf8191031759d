use crate::error::AppError;
use crate::types::council::BallotChoice;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The most choices a paper may carry (a ballot is a year's shortlist; more is not a
/// paper but abuse, refused before anything is read).
pub const MAX_BALLOT_CHOICES: usize = 200;

/// A council member's secret ballot paper: a choice on each nomination of the open ballot
/// they may vote on, cast once.
#[server(prefix = "/api", endpoint = "council/ballot/vote", input = Json)]
pub async fn cast_ballot(choices: Vec<BallotChoice>) -> Result<(), AppError> {
    let (user, ctx) = crate::services::request()?;
    if choices.len() > MAX_BALLOT_CHOICES {
        return Err(AppError::from(crate::ports::RepoError::Rules(vec![
            shared::rules::Violation::new("S-2", shared::rules::ViolationKind::BallotPaperInvalid),
        ])));
    }
    ctx.repo
        .cast_ballot(&choices, &user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
