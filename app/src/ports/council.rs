//! The council's scoring and its decision for the City (S-2).

use super::RepoResult;
use crate::types::auth::CurrentUser;
use crate::types::model::CardEvent;
use async_trait::async_trait;

#[async_trait]
pub trait CouncilPort: Send + Sync {
    /// The council's list for the current campaign year as `user` may see it (a member of
    /// this year's council, or the office; anyone else is refused).
    async fn council_list(
        &self,
        user: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<crate::types::council::CouncilList>;

    /// The user's scoresheet for one nomination, and the others' once theirs is submitted.
    async fn council_sheet(
        &self,
        id: i64,
        user: &CurrentUser,
    ) -> RepoResult<crate::types::council::SheetView>;

    /// Changes the member's own scoresheet, checked on the stored data, and recorded.
    async fn council_change(
        &self,
        id: i64,
        change: &crate::types::council::SheetChange,
        user: &CurrentUser,
    ) -> RepoResult<crate::types::council::SheetState>;

    /// S-2: the office records the year's 3 to 5 models for the City (dated `decided_on`);
    /// their cards carry the City badge, the others of the year lose it, and the year's
    /// scores are locked. Returns the changed cards' events (published live).
    async fn decide_for_city(
        &self,
        decided_on: chrono::NaiveDate,
        ids: &[i64],
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<Vec<CardEvent>>;

    /// D-3: the office records that the year's decided list went to the City — the
    /// dispatch's number and the day it was sent (checked by the shared rule against the
    /// decision and `today`), once a year: a second is a conflict naming who recorded it.
    async fn record_dispatch(
        &self,
        number: &str,
        sent_on: chrono::NaiveDate,
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<()>;

    /// D-3: the office records the City's answer on model `id` of this year's dispatch
    /// (`rules::city_answer::check_answer` on where it stands), as a card event.
    async fn record_city_answer(
        &self,
        id: i64,
        draft: &shared::rules::city_answer::CityAnswerDraft,
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<CardEvent>;

    /// D-3: the office sends a returned model again, on `sent_on`
    /// (`rules::city_answer::check_resend`), as a card event; it then awaits a new answer.
    async fn resend_to_city(
        &self,
        id: i64,
        sent_on: Option<chrono::NaiveDate>,
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<CardEvent>;
}
