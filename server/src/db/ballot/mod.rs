//! The council's secret ballot (S-2): the office opens it on a shortlist, members vote once
//! each, the office closes it and the results are final. The SQL is in `queries.rs`; the
//! members, nominees and results are the council record's (`kernel/scores.rs`).

mod queries;

use super::kernel::cards::{self, resolve_year};
use super::kernel::lists::{self, List, Made};
use super::kernel::scores::{ballot_view, decision, members, nominees};
use super::kernel::{years, WriteTx};
use super::{Backend, Conn};
use crate::db::{DbError, DbResult};
use app::moves::scope;
use app::ports::{BallotPort, RepoError, RepoResult};
use app::types::auth::CurrentUser;
use app::types::council::BallotChoice;
use app::types::model::{AuditAction, AuditEntry, BoardQuery};
use async_trait::async_trait;
use chrono::{Datelike, NaiveDate};
use shared::auth::{Action, Denied};
use shared::rules::council::{check_ballot_paper, check_close_ballot, check_pass_share};
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
        let mut tx = WriteTx::begin(self, user).await?;
        tx.about("ballot", None);
        tx.authorize(Action::SelectForCity).await?;
        let share_pct = check_pass_share(share_pct).map_err(|v| RepoError::Rules(vec![v]))?;
        let (campaign_id, year) = this_year(&mut tx, today).await?;
        if decision(&mut tx, campaign_id, year).await?.is_some() {
            return Err(rule(ViolationKind::CouncilClosed).into());
        }
        if let Some((by, at)) = lists::made_by(&mut tx, List::Ballot, (campaign_id, year)).await? {
            return Err(RepoError::Conflict {
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
            return Err(rule(ViolationKind::BallotEmpty).into());
        }
        let now = tx.now();
        let share = i64::from(share_pct);
        // The ballot keeps the year's quorum as it stands when it opens.
        let quorum = i64::from(
            years::campaign_year(&mut tx, campaign_id, year)
                .await?
                .quorum_pct,
        );
        let made = Made::Ballot {
            share_pct: share,
            quorum_pct: quorum,
        };
        let by = &user.display_name;
        lists::make(&mut tx, made, (campaign_id, year), &shortlist, by, &now).await?;
        let after = serde_json::json!({
            "nominations": shortlist, "share_pct": share_pct, "quorum_pct": quorum,
        });
        tx.audited(&audit(user, AuditAction::OpenBallot, year, after))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A member's secret ballot paper: who took part is kept (once each) apart from the
    /// counts, which carry no voter and no time; audited and announced as taking part only.
    async fn cast_ballot(
        &self,
        choices: &[BallotChoice],
        user: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<()> {
        let mut tx = WriteTx::begin(self, user).await?;
        tx.about("ballot", None);
        let (campaign_id, year) = this_year(&mut tx, today).await?;
        let members = members(&mut tx, campaign_id).await?;
        let me = members.iter().find(|m| m.id == user.user_id);
        let view = ballot_view(&mut tx, campaign_id, year, &members, me).await?;
        let Some(view) = view else {
            return Err(rule(ViolationKind::BallotClosed).into());
        };
        // Only members seated on this year's council vote.
        let Some(me) = me else {
            let first = view.items.first().map_or(0, |i| i.id);
            let action = Action::Vote(scope(&cards::card(&mut tx, first).await?));
            return Err(tx.refuse(action, Denied::Role).await.into());
        };
        if decision(&mut tx, campaign_id, year).await?.is_some() {
            return Err(rule(ViolationKind::CouncilClosed).into());
        }
        let eligible: Vec<i64> = view
            .items
            .iter()
            .filter(|i| i.can_vote)
            .map(|i| i.id)
            .collect();
        let paper: Vec<(i64, bool)> = choices.iter().map(|c| (c.id, c.agree)).collect();
        check_ballot_paper(view.open, view.voted, &eligible, &paper)
            .map_err(|v| RepoError::Rules(vec![v]))?;
        queries::take_part(&mut tx, campaign_id, year, me.id).await?;
        // In the order of the ballot, not of the paper: nothing of the paper is kept.
        let mut counted = paper;
        counted.sort_unstable();
        for (id, agree) in counted {
            queries::count(&mut tx, campaign_id, year, id, agree).await?;
        }
        // Taking part is recorded, not the choices nor the nominations.
        let after = serde_json::json!({ "year": year });
        tx.audited(&audit(user, AuditAction::TookPartInBallot, year, after))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Closes the year's open ballot (the office); the results are then final.
    async fn close_ballot(&self, user: &CurrentUser, today: NaiveDate) -> RepoResult<()> {
        let mut tx = WriteTx::begin(self, user).await?;
        tx.about("ballot", None);
        tx.authorize(Action::SelectForCity).await?;
        let (campaign_id, year) = this_year(&mut tx, today).await?;
        let now = tx.now();
        let members = members(&mut tx, campaign_id).await?;
        let view = ballot_view(&mut tx, campaign_id, year, &members, None).await?;
        let Some(view) = view.filter(|v| v.open) else {
            return Err(rule(ViolationKind::BallotClosed).into());
        };
        // Results only with the quorum: closing after one paper would show how it voted.
        check_close_ballot(view.took_part, members.len(), view.quorum_pct)
            .map_err(|v| RepoError::Rules(vec![v]))?;
        let council = members.len() as i64;
        if !queries::close(
            &mut tx,
            campaign_id,
            year,
            council,
            &user.display_name,
            &now,
        )
        .await?
        {
            return Err(rule(ViolationKind::BallotClosed).into());
        }
        let results = ballot_view(&mut tx, campaign_id, year, &members, None).await?;
        let results = results.map(|b| b.items.iter().map(|i| (i.id, i.result)).collect::<Vec<_>>());
        let after = serde_json::json!({ "results": results });
        tx.audited(&audit(user, AuditAction::CloseBallot, year, after))
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The campaign year of `today`: (campaign id, year).
async fn this_year(conn: &mut Conn, today: NaiveDate) -> DbResult<(i64, i32)> {
    let (campaign_id, _, year, _, _) =
        resolve_year(conn, &BoardQuery { year: None }, today.year()).await?;
    Ok((campaign_id, year))
}

fn rule(kind: ViolationKind) -> DbError {
    RepoError::Rules(vec![Violation::new("S-2", kind)]).into()
}

fn audit(
    user: &CurrentUser,
    action: AuditAction,
    year: i32,
    after: serde_json::Value,
) -> AuditEntry {
    AuditEntry {
        actor_id: Some(user.user_id),
        actor_name: user.username.clone(),
        action: action.into(),
        object_type: "ballot".into(),
        object_id: Some(year.to_string()),
        before: None,
        after: Some(after.to_string()),
        address: None,
    }
}
