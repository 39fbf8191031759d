//! Leadership's summary, the blocs' reviews (D-2) and the City list (D-3).

use super::RepoResult;
use crate::types::auth::CurrentUser;
use async_trait::async_trait;

#[async_trait]
pub trait SummaryPort: Send + Sync {
    /// What the summary shows besides the cards' counts: the campaign year (the current
    /// one when `year` is None), its calendar, the blocs and units, the blocs' reviews.
    async fn summary_frame(
        &self,
        year: Option<i32>,
        today: chrono::NaiveDate,
    ) -> RepoResult<crate::types::summary::SummaryFrame>;

    /// A bloc's review (D-2) of a campaign year with the bloc's exemplars, as `user` may
    /// see it (the bloc's head, the office, leadership; anyone else is refused).
    async fn bloc_review(
        &self,
        bloc_id: i64,
        year: Option<i32>,
        user: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<crate::types::summary::BlocReviewView>;

    /// Saves the bloc's review if still at `version` (0: never saved), and with `submit`
    /// sends it to the Department, after which it is final. Permission and
    /// `rules::review::check_review` are checked on the stored data inside one
    /// transaction; recorded in the audit history. Returns the new version.
    #[allow(clippy::too_many_arguments)]
    async fn save_bloc_review(
        &self,
        bloc_id: i64,
        year: i32,
        version: i64,
        draft: &shared::rules::review::ReviewDraft,
        submit: bool,
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<i64>;

    /// The City list (D-3) of a campaign year: the models registered with the City.
    async fn city_list(
        &self,
        year: Option<i32>,
        today: chrono::NaiveDate,
    ) -> RepoResult<crate::types::exports::CityList>;
}
