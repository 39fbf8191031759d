//! Periodic reports (E-1): each unit's report for a period and the Department's report
//! compiled from them.

use super::RepoResult;
use crate::types::auth::CurrentUser;
use crate::types::report::{ReportsOverview, UnitReportView};
use async_trait::async_trait;
use chrono::NaiveDate;
use shared::domain::EvaluationPeriod;
use shared::i18n::Lang;
use shared::rules::periodic_report::UnitReportDraft;

#[async_trait]
pub trait ReportsPort: Send + Sync {
    /// The bloc of unit `unit_id` (who may read its reports depends on it).
    async fn report_unit_bloc(&self, unit_id: i64) -> RepoResult<i64>;

    /// Unit `unit_id`'s report for `period` (None: the latest begun, `current_period`) of the campaign year `year` (None: today's), as
    /// `user` may read it (`Action::ViewUnitReport`); until first saved, drafted from the
    /// records in `lang`.
    async fn unit_report(
        &self,
        unit_id: i64,
        year: Option<i32>,
        period: Option<EvaluationPeriod>,
        user: &CurrentUser,
        today: NaiveDate,
        lang: Lang,
    ) -> RepoResult<UnitReportView>;

    /// Saves unit `unit_id`'s report if still at `version` (0: never saved), and with
    /// `send` sends it to the Department: permission (`Action::WriteUnitReport`) and
    /// `rules::periodic_report::check_unit_report` against the unit's exemplars of the
    /// period, in one write with its audit entry. A sent report is final.
    #[allow(clippy::too_many_arguments)]
    async fn save_unit_report(
        &self,
        unit_id: i64,
        year: i32,
        period: EvaluationPeriod,
        version: i64,
        draft: &UnitReportDraft,
        send: bool,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<i64>;

    /// Who has reported for `period`, among the units `user` may read, with their sent
    /// reports compiled, and the Department's assessment.
    async fn reports_overview(
        &self,
        year: Option<i32>,
        period: Option<EvaluationPeriod>,
        user: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<ReportsOverview>;

    /// Saves the Department's assessment in its report for `period` if still at
    /// `version` (the office; audited).
    async fn save_department_report(
        &self,
        year: i32,
        period: EvaluationPeriod,
        version: i64,
        assessment: &str,
        by: &CurrentUser,
    ) -> RepoResult<i64>;
}
