//! Closing a campaign year: the office carries the year's exemplars over into the
//! campaign's next year. Each goes on as a card of the next year, linked to the card it
//! came from: the dossier (profile, evidence) and the fostering plan are copied; the
//! year's evaluations, scores, decisions and replications stay with the year they were
//! made in. One write for the whole batch (all or nothing), with an event and an audit
//! entry per card. The SQL is in `queries.rs`.

mod queries;

use super::kernel::cards::{self, resolve_year};
use super::kernel::events::StoredChange;
use super::kernel::{Versioned, WriteTx};
use super::Backend;
use crate::db::{DbError, DbResult};
use app::ports::{CarryPort, RepoError, RepoResult};
use app::types::auth::CurrentUser;
use app::types::carry::{CarryItem, CarryOverView};
use app::types::model::{BoardQuery, MoveAction};
use async_trait::async_trait;
use chrono::{Datelike, NaiveDate};
use shared::auth::Action;
use shared::domain::{NomineeKind, Profile};
use shared::rules::carry::{check_carry, next_year, CarryChoice, CarryFacts, RULE};
use shared::rules::{Violation, ViolationKind};

#[async_trait]
impl CarryPort for Backend {
    async fn carry_over_view(
        &self,
        year: Option<i32>,
        today: NaiveDate,
    ) -> RepoResult<CarryOverView> {
        let mut tx = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        let (campaign_id, campaign, year, start, end) =
            resolve_year(&mut tx, &BoardQuery { year }, today.year()).await?;
        let rows = queries::rows(&mut tx, campaign_id, year).await?;
        tx.commit().await.map_err(DbError::from)?;
        Ok(CarryOverView {
            campaign,
            year,
            years: (start..=end).collect(),
            next_year: next_year(year, (start, end)).ok(),
            rows,
            can_carry: false,
        })
    }

    async fn carry_over(
        &self,
        year: i32,
        items: &[CarryItem],
        by: &CurrentUser,
    ) -> RepoResult<Vec<i64>> {
        let mut tx = WriteTx::begin(self, by).await?;
        tx.about("carry_over", Some(year.to_string()));
        tx.authorize(Action::CarryOver).await?;
        let (campaign_id, _, year, start, end) =
            resolve_year(&mut tx, &BoardQuery { year: Some(year) }, year).await?;
        let to_year = next_year(year, (start, end)).map_err(refused)?;
        if items.is_empty() {
            return Err(refused(ViolationKind::NothingToCarry));
        }
        let made = carry(&mut tx, (campaign_id, year, to_year), items).await?;
        tx.commit().await?;
        Ok(made)
    }
}

fn refused(kind: ViolationKind) -> RepoError {
    RepoError::Rules(vec![Violation::new(RULE, kind)])
}

/// Carries every item, collectives first (a unit head's nomination goes on after its
/// unit's collective, C-C4); every refusal of the batch is reported together.
async fn carry(
    tx: &mut WriteTx<'_>,
    (campaign_id, year, to_year): (i64, i32, i32),
    items: &[CarryItem],
) -> DbResult<Vec<i64>> {
    let mut chosen = Vec::with_capacity(items.len());
    for item in items {
        let cards::Moving {
            card,
            campaign_id: campaign,
            profile,
            ..
        } = cards::card_for_move(tx, item.id).await?;
        if (campaign, card.year) != (campaign_id, year) {
            return Err(RepoError::NotFound.into());
        }
        tx.expect_version(Versioned::Nomination(item.id), item.version)
            .await?;
        let profile: Profile = serde_json::from_str(&profile)
            .map_err(|e| RepoError::Unavailable(format!("nomination {}: {e}", item.id)))?;
        chosen.push((card, profile, item.choice));
    }
    chosen.sort_by_key(|(card, _, _)| card.kind != NomineeKind::Collective);
    chosen.dedup_by_key(|(card, _, _)| card.id);
    let mut violations = Vec::new();
    let mut made = Vec::new();
    for (card, mut profile, choice) in chosen {
        let link = relink(tx, &mut profile, to_year, choice).await?;
        let facts = CarryFacts {
            name: card.nominee_name.clone(),
            stage: card.stage,
            choice,
            carried_to: cards::carried_to(tx, card.id).await?.map(|_| to_year),
            collective_there: link,
        };
        let stage = match check_carry(&facts) {
            Ok(stage) => stage,
            Err(found) => {
                violations.extend(found);
                continue;
            }
        };
        let by = tx.by().display_name.clone();
        let now = tx.now();
        let position = queries::bottom_of(tx, (campaign_id, to_year), stage).await?;
        let id = queries::copy_card(
            tx,
            card.id,
            (to_year, stage),
            &profile,
            &position,
            &by,
            &now,
        )
        .await?;
        let new_card = cards::card(tx, id).await?;
        let change = StoredChange {
            action: MoveAction::CarryOver,
            by,
            from: card.stage,
            from_position: card.position.clone(),
            from_dropped_from: card.dropped_from,
            reason: None,
            card: new_card,
        };
        let detail = serde_json::json!({
            "from": card.id,
            "from_year": year,
            "choice": choice.code(),
        });
        tx.record(change, None, Some(detail)).await?;
        made.push(id);
    }
    if violations.is_empty() {
        Ok(made)
    } else {
        Err(RepoError::Rules(violations).into())
    }
}

/// C-C4: a unit head's nomination goes with its unit's collective of the same year: the
/// link moves to the collective's card of the next year. Returns whether that card is
/// there (None for any other nominee); starting again, a missing one is unlinked (the
/// unit links it again before registering).
async fn relink(
    tx: &mut WriteTx<'_>,
    profile: &mut Profile,
    to_year: i32,
    choice: CarryChoice,
) -> DbResult<Option<bool>> {
    let collective = match profile {
        Profile::Individual {
            collective_nomination: Some(collective),
            ..
        } => *collective,
        _ => return Ok(None),
    };
    let next = cards::carried_to(tx, collective).await?;
    let next = next.filter(|(_, year)| *year == to_year).map(|(id, _)| id);
    if let Profile::Individual {
        collective_nomination,
        ..
    } = profile
    {
        match next {
            Some(id) => *collective_nomination = Some(id),
            None if choice == CarryChoice::Restart => *collective_nomination = None,
            None => {}
        }
    }
    Ok(Some(next.is_some()))
}
