//! The council's secret ballot (S-2): the office opens it on a shortlist, members vote once
//! each, the office closes it and the results are final.

use super::kernel::answer;
use super::kernel::cards::{self, resolve_year};
use super::kernel::scores::{ballot_view, decision, members, nominee_of, nominees};
use super::kernel::WriteTx;
use super::Backend;
use crate::db::DbError;
use app::types::auth::CurrentUser;
use app::types::model::{AuditAction, BoardQuery, MoveAction};
use app::moves::scope;
use app::ports::{BallotPort, RepoResult};
use async_trait::async_trait;
use chrono::NaiveDate;
use shared::auth::{Action, Denied};
use shared::rules::council::{check_pass_share, check_vote};
use shared::rules::{Violation, ViolationKind};

#[async_trait]
impl BallotPort for Backend {
    /// Opens the year's ballot on a shortlist (the office).
    async fn open_ballot(
        &self,
        ids: &[i64],
        share_pct: i64,
        user: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<()> {
        answer(async move {
            use chrono::Datelike;
            let mut tx = WriteTx::begin(self, user).await?;
            tx.about("ballot", None);
            tx.authorize(Action::SelectForCity).await?;
            let share_pct = check_pass_share(share_pct).map_err(|v| DbError::Rules(vec![v]))?;
            let (campaign_id, _, year, _, _) =
                resolve_year(&mut tx, &BoardQuery { year: None }, today.year()).await?;
            if decision(&mut tx, campaign_id, year).await?.is_some() {
                return Err(DbError::Rules(vec![Violation::new(
                    "S-2",
                    ViolationKind::CouncilClosed,
                )]));
            }
            let existing: Option<(String, String)> = sqlx::query_as(
                "SELECT opened_by, opened_at FROM ballots WHERE campaign_id = $1 AND year = $2",
            )
            .bind(campaign_id)
            .bind(year)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((by, at)) = existing {
                return Err(DbError::Conflict {
                    by: Some(by),
                    at: Some(at),
                });
            }
            let mut shortlist: Vec<i64> = ids.to_vec();
            shortlist.sort_unstable();
            shortlist.dedup();
            let eligible = nominees(&mut tx, campaign_id, year, None).await?;
            if shortlist.is_empty()
                || shortlist
                    .iter()
                    .any(|id| !eligible.iter().any(|n| n.id == *id))
            {
                return Err(DbError::Rules(vec![Violation::new(
                    "S-2",
                    ViolationKind::BallotEmpty,
                )]));
            }
            let now = tx.now();
            sqlx::query(
                "INSERT INTO ballots (campaign_id, year, share_pct, opened_at, opened_by)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(campaign_id)
            .bind(year)
            .bind(i64::from(share_pct))
            .bind(&now)
            .bind(&user.display_name)
            .execute(&mut *tx)
            .await?;
            for id in &shortlist {
                sqlx::query(
                    "INSERT INTO ballot_items (campaign_id, year, nomination_id) VALUES ($1, $2, $3)",
                )
                .bind(campaign_id)
                .bind(year)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            let entry = audit(
                user,
                AuditAction::OpenBallot,
                year.to_string(),
                serde_json::json!({ "nominations": shortlist, "share_pct": share_pct }),
            );
            tx.audited(&entry).await?;
            tx.commit().await?;
            Ok(())
        })
        .await
    }

    /// A member's secret vote: who voted is kept (once each); how is never shown, nor audited.
    async fn cast_vote(&self, id: i64, agree: bool, user: &CurrentUser) -> RepoResult<()> {
        answer(async move {
            let mut tx = WriteTx::begin(self, user).await?;
            tx.about("nomination", Some(id.to_string()));
            let card = cards::card(&mut tx, id).await?;
            let (_, campaign_id, year) = nominee_of(&mut tx, id).await?;
            let action = Action::Vote(scope(&card));
            tx.authorize(action).await?;
            let members = members(&mut tx, campaign_id).await?;
            if !members.iter().any(|m| m.id == user.user_id) {
                return Err(tx.refuse(action, Denied::Role).await);
            }
            let state: Option<(Option<String>, i64)> = sqlx::query_as(
                "SELECT b.closed_at,
                     (SELECT COUNT(*) FROM votes v WHERE v.campaign_id = b.campaign_id AND v.year = b.year
                         AND v.nomination_id = $1 AND v.member_id = $2)
                 FROM ballots b JOIN ballot_items i ON i.campaign_id = b.campaign_id AND i.year = b.year
                 WHERE b.campaign_id = $3 AND b.year = $4 AND i.nomination_id = $5",
            )
            .bind(id)
            .bind(user.user_id)
            .bind(campaign_id)
            .bind(year)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            let (open, voted) = match state {
                Some((closed, n)) => (closed.is_none(), n > 0),
                None => (false, false),
            };
            if decision(&mut tx, campaign_id, year).await?.is_some() {
                return Err(DbError::Rules(vec![Violation::new(
                    "S-2",
                    ViolationKind::CouncilClosed,
                )]));
            }
            check_vote(open, voted).map_err(|v| DbError::Rules(vec![v]))?;
            let now = tx.now();
            sqlx::query(
                "INSERT INTO votes (campaign_id, year, nomination_id, member_id, agree, cast_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(campaign_id)
            .bind(year)
            .bind(id)
            .bind(user.user_id)
            .bind(agree)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
            // Recorded without the choice: the ballot is secret.
            tx
                .changed(
                    MoveAction::Vote,
                    id,
                    None,
                    serde_json::json!({ "ballot": year }),
                )
                .await?;
            tx.commit().await?;
            Ok(())
        })
        .await
    }

    /// Closes the year's open ballot (the office); the results are then final.
    async fn close_ballot(&self, user: &CurrentUser, today: NaiveDate) -> RepoResult<()> {
        answer(async move {
            use chrono::Datelike;
            let mut tx = WriteTx::begin(self, user).await?;
            tx.about("ballot", None);
            tx.authorize(Action::SelectForCity).await?;
            let (campaign_id, _, year, _, _) =
                resolve_year(&mut tx, &BoardQuery { year: None }, today.year()).await?;
            let now = tx.now();
            let closed = sqlx::query(
                "UPDATE ballots SET closed_at = $1, closed_by = $2
                 WHERE campaign_id = $3 AND year = $4 AND closed_at IS NULL",
            )
            .bind(&now)
            .bind(&user.display_name)
            .bind(campaign_id)
            .bind(year)
            .execute(&mut *tx)
            .await?;
            if closed.rows_affected() != 1 {
                return Err(DbError::Rules(vec![Violation::new(
                    "S-2",
                    ViolationKind::BallotClosed,
                )]));
            }
            let members = members(&mut tx, campaign_id).await?;
            let results = ballot_view(&mut tx, campaign_id, year, &members, None).await?;
            let entry = audit(
                user,
                AuditAction::CloseBallot,
                year.to_string(),
                serde_json::json!({ "results": results.map(|b| b.items.iter().map(|i| (i.id, i.result)).collect::<Vec<_>>()) }),
            );
            tx.audited(&entry).await?;
            tx.commit().await?;
            Ok(())
        })
        .await
    }
}

fn audit(
    user: &CurrentUser,
    action: AuditAction,
    object: String,
    after: serde_json::Value,
) -> app::types::model::AuditEntry {
    app::types::model::AuditEntry {
        actor_id: Some(user.user_id),
        actor_name: user.username.clone(),
        action: action.into(),
        object_type: "ballot".into(),
        object_id: Some(object),
        before: None,
        after: Some(after.to_string()),
        address: None,
    }
}
