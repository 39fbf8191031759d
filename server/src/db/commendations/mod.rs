//! Commendations (S-3, P-1): a unit proposes one for its exemplar, the office decides it.
//! Each write reads in the order of every write: who, may they, the card still open (for a
//! proposal), the rule on the stored records, the write, the record on the card's history,
//! commit.

use super::kernel::{commendations, Versioned, WriteTx};
use super::{Backend, Conn};
use crate::db::{DbError, DbResult};
use app::ports::{CommendationsPort, RepoError, RepoResult};
use app::types::auth::CurrentUser;
use app::types::model::{CardEvent, MoveAction, ProposalStatus};
use async_trait::async_trait;
use chrono::NaiveDate;
use shared::auth::Action;
use shared::domain::commendation::{decision_number_key, Decision, DecisionDraft, ProposalDraft};
use shared::rules::commendation::{
    check_decision, check_proposal, DecisionFacts, ProposalFacts, ReportState,
};

#[async_trait]
impl CommendationsPort for Backend {
    async fn propose_commendation(
        &self,
        id: i64,
        draft: &ProposalDraft,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<CardEvent> {
        let mut tx = WriteTx::begin(self, by).await?;
        let card = tx.open_card_for(id, Action::ProposeCommendation).await?;
        let report = report_state(&mut tx, id, draft.report_document_id).await?;
        let pending = commendations::of_nomination(&mut tx, id)
            .await?
            .iter()
            .any(|p| p.status == ProposalStatus::Proposed);
        let facts = ProposalFacts {
            today,
            stage: card.stage,
            report,
            pending,
        };
        let proposal = check_proposal(draft, facts).map_err(RepoError::Rules)?;
        let now = tx.now();
        let proposal_id: i64 = sqlx::query_scalar(
            "INSERT INTO commendation_proposals (nomination_id, form, title, achievements,
                 report_document_id, council_date, council_present, council_result, proposed_on,
                 proposed_at, proposed_by, updated_at, updated_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(id)
        .bind(proposal.form.code())
        .bind(&proposal.title)
        .bind(&proposal.achievements)
        .bind(proposal.report_document_id)
        .bind(proposal.council_date)
        .bind(i64::from(proposal.council_present))
        .bind(&proposal.council_result)
        .bind(today)
        .bind(&now)
        .bind(&by.display_name)
        .bind(&now)
        .bind(&by.display_name)
        .fetch_one(&mut *tx)
        .await
        .map_err(DbError::from)?;
        let detail = serde_json::json!({ "proposal_id": proposal_id, "proposal": proposal });
        let event = tx
            .changed(MoveAction::ProposeCommendation, id, None, detail)
            .await?;
        tx.commit().await?;
        Ok(event)
    }

    async fn commendation(
        &self,
        proposal_id: i64,
    ) -> RepoResult<app::types::model::CommendationRecord> {
        one_proposal(self, proposal_id).await
    }

    async fn decide_commendation(
        &self,
        proposal_id: i64,
        version: i64,
        draft: &DecisionDraft,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<CardEvent> {
        let mut tx = WriteTx::begin(self, by).await?;
        tx.about("commendation", Some(proposal_id.to_string()));
        tx.authorize(Action::DecideCommendation).await?;
        let record = commendations::one(&mut tx, proposal_id).await?;
        if record.status != ProposalStatus::Proposed {
            let (by, at) = record.decided.clone().unzip();
            return Err(RepoError::Conflict { by, at });
        }
        tx.expect_version(Versioned::Commendation(proposal_id), version)
            .await?;
        let key = match draft {
            DecisionDraft::Granted { number, .. } => Some(decision_number_key(number)),
            DecisionDraft::Declined { .. } => None,
        };
        let number_taken = match &key {
            Some(key) if !key.is_empty() => number_used(&mut tx, key).await?,
            _ => false,
        };
        let facts = DecisionFacts {
            today,
            proposed_on: record.proposed_on,
            number_taken,
        };
        let decision = check_decision(draft, facts).map_err(RepoError::Rules)?;
        let now = tx.now();
        let (status, number, date, signer, form, reason) = match &decision {
            Decision::Granted {
                number,
                date,
                signer,
                form,
            } => (
                ProposalStatus::Granted,
                Some(number.as_str()),
                Some(*date),
                Some(signer.as_str()),
                Some(form.code()),
                None,
            ),
            Decision::Declined { reason } => (
                ProposalStatus::Declined,
                None,
                None,
                None,
                None,
                Some(reason.as_str()),
            ),
        };
        sqlx::query(
            "UPDATE commendation_proposals SET status = $1, decision_number = $2,
                 decision_key = $3, decision_date = $4, decision_signer = $5, granted_form = $6,
                 decline_reason = $7, decided_at = $8, decided_by = $9, version = version + 1,
                 updated_at = $8, updated_by = $9
             WHERE id = $10",
        )
        .bind(status.code())
        .bind(number)
        .bind(key.filter(|_| number.is_some()))
        .bind(date)
        .bind(signer)
        .bind(form)
        .bind(reason)
        .bind(&now)
        .bind(&by.display_name)
        .bind(proposal_id)
        .execute(&mut *tx)
        .await
        .map_err(DbError::from)?;
        let before = serde_json::json!({ "proposal_id": proposal_id, "status": "proposed" });
        let detail = serde_json::json!({ "proposal_id": proposal_id, "decision": decision });
        let event = tx
            .changed(
                MoveAction::DecideCommendation,
                record.nomination_id,
                Some(before.to_string()),
                detail,
            )
            .await?;
        tx.commit().await?;
        Ok(event)
    }
}

/// One proposal (a separate read: no write is involved).
async fn one_proposal(
    store: &Backend,
    proposal_id: i64,
) -> RepoResult<app::types::model::CommendationRecord> {
    let mut conn = store.pool.acquire().await.map_err(DbError::from)?;
    Ok(commendations::one(&mut conn, proposal_id).await?)
}

/// What the dossier of nomination `id` holds for the report a proposal names.
async fn report_state(conn: &mut Conn, id: i64, document: Option<i64>) -> DbResult<ReportState> {
    let Some(document) = document else {
        return Ok(ReportState::Missing);
    };
    let row: Option<(String, Option<String>)> = sqlx::query_as(
        "SELECT kind, removed_at FROM nomination_documents WHERE id = $1 AND nomination_id = $2",
    )
    .bind(document)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match row {
        None => ReportState::Missing,
        Some((_, Some(_))) => ReportState::Removed,
        Some((kind, None)) if kind == "achievement_report" => ReportState::Attached,
        Some(_) => ReportState::NotAReport,
    })
}

/// Whether a decision already carries this number (compared as `decision_number_key`).
async fn number_used(conn: &mut Conn, key: &str) -> DbResult<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT id FROM commendation_proposals WHERE decision_key = $1")
            .bind(key)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(found.is_some())
}
