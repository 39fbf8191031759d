//! A nomination's commendation proposals and their decisions (S-3), read by the card and
//! by the write that decides one.

use super::Conn;
use crate::db::{DbError, DbResult};
use app::ports::RepoError;
use app::types::model::{CommendationRecord, ProposalStatus};
use chrono::NaiveDate;
use shared::domain::commendation::{CommendationForm, Decision, Proposal};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    nomination_id: i64,
    form: String,
    title: String,
    achievements: String,
    report_document_id: i64,
    report_title: String,
    council_date: NaiveDate,
    council_present: i64,
    council_result: String,
    proposed_on: NaiveDate,
    proposed_by: String,
    status: String,
    decision_number: Option<String>,
    decision_date: Option<NaiveDate>,
    decision_signer: Option<String>,
    granted_form: Option<String>,
    decline_reason: Option<String>,
    decided_by: Option<String>,
    decided_at: Option<String>,
    version: i64,
}

const SELECT: &str = "SELECT p.id, p.nomination_id, p.form, p.title, p.achievements,
        p.report_document_id, d.title AS report_title, p.council_date, p.council_present,
        p.council_result, p.proposed_on, p.proposed_by, p.status, p.decision_number,
        p.decision_date, p.decision_signer, p.granted_form, p.decline_reason, p.decided_by,
        p.decided_at, p.version
    FROM commendation_proposals p JOIN nomination_documents d ON d.id = p.report_document_id";

fn into_record(r: Row) -> DbResult<CommendationRecord> {
    let id = r.id;
    let corrupt =
        |what: &str| DbError::from(RepoError::Unavailable(format!("proposal {id}: bad {what}")));
    let form = |code: &str| CommendationForm::from_code(code).ok_or_else(|| corrupt("form"));
    let status = ProposalStatus::from_code(&r.status).ok_or_else(|| corrupt("status"))?;
    let decision = match status {
        ProposalStatus::Proposed => None,
        ProposalStatus::Granted => Some(Decision::Granted {
            number: r.decision_number.clone().ok_or_else(|| corrupt("number"))?,
            date: r.decision_date.ok_or_else(|| corrupt("date"))?,
            signer: r.decision_signer.clone().unwrap_or_default(),
            form: form(r.granted_form.as_deref().unwrap_or_default())?,
        }),
        ProposalStatus::Declined => Some(Decision::Declined {
            reason: r.decline_reason.clone().unwrap_or_default(),
        }),
    };
    Ok(CommendationRecord {
        id,
        nomination_id: r.nomination_id,
        proposal: Proposal {
            form: form(&r.form)?,
            title: r.title,
            achievements: r.achievements,
            report_document_id: r.report_document_id,
            council_date: r.council_date,
            council_present: u32::try_from(r.council_present).unwrap_or(0),
            council_result: r.council_result,
        },
        report_title: r.report_title,
        proposed_on: r.proposed_on,
        proposed_by: r.proposed_by,
        status,
        decision,
        decided: r.decided_by.zip(r.decided_at),
        version: r.version,
    })
}

/// The proposals of nomination `id`, oldest first.
pub async fn of_nomination(conn: &mut Conn, id: i64) -> DbResult<Vec<CommendationRecord>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE p.nomination_id = $1 ORDER BY p.id"
    )))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(into_record).collect()
}

/// One proposal.
pub async fn one(conn: &mut Conn, proposal_id: i64) -> DbResult<CommendationRecord> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE p.id = $1")))
        .bind(proposal_id)
        .fetch_optional(&mut *conn)
        .await?;
    into_record(row.ok_or(RepoError::NotFound)?)
}
