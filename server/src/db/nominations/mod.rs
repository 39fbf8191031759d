//! Nominations: reading one with what was filled in and its history, creating one and
//! editing it. The SQL is in `queries.rs`.

mod queries;

use super::kernel::events::StoredChange;
use super::kernel::{cards, commendations, criteria, facts, movements, years, Versioned, WriteTx};
use super::Backend;
use crate::db::{DbError, DbResult};
use app::ports::{NominationsPort, RepoError, RepoResult};
use app::types::auth::CurrentUser;
use app::types::carry::YearRecord;
use app::types::model::{CardEvent, CollectiveOption, MoveAction, NominationRecord};
use async_trait::async_trait;
use shared::auth::Action;
use shared::domain::exemplar::movement_choice_error;
use shared::domain::{CriteriaSet, Field, InputError, NominationDraft, Stage};
use shared::rules::transition::{dossier_violations, MoveFacts};

#[async_trait]
impl NominationsPort for Backend {
    async fn nomination(&self, id: i64) -> RepoResult<NominationRecord> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        let card = cards::card(&mut conn, id).await?;
        let stored = queries::stored(&mut conn, id).await?;
        Ok(NominationRecord {
            draft: NominationDraft {
                unit_id: card.unit_id,
                nominee_name: card.nominee_name.clone(),
                profile: stored.profile,
                description: stored.description,
                replication_potential: stored.replication_potential,
                evidence: queries::evidence(&mut conn, id).await?,
                exemplar_type: stored.exemplar_type,
                movement_id: stored.movement_id,
            },
            movements: movements::of_campaign(&mut conn, stored.campaign_id).await?,
            history: queries::history(&mut conn, id).await?,
            plan: facts::plan(&mut conn, id).await?,
            evaluations: facts::evaluations(&mut conn, id).await?,
            replications: facts::replications(&mut conn, id).await?,
            calendar: years::campaign_year(&mut conn, stored.campaign_id, stored.year).await?,
            criteria: criteria::of_year(&mut conn, stored.campaign_id, stored.year)
                .await?
                .1,
            years: cards::chain(&mut conn, id)
                .await?
                .into_iter()
                .map(|(id, year)| YearRecord { id, year })
                .collect(),
            documents: super::dossier::documents(&mut conn, id).await?,
            commendations: commendations::of_nomination(&mut conn, id).await?,
            card,
            year: stored.year,
            created_at: stored.created_at,
        })
    }

    async fn collectives(&self, year: i32) -> RepoResult<Vec<CollectiveOption>> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        Ok(queries::collectives(&mut conn, year).await?)
    }

    async fn year_criteria(&self, year: i32) -> RepoResult<CriteriaSet> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        match queries::campaign_covering(&mut conn, year).await? {
            Some(campaign) => Ok(criteria::of_year(&mut conn, campaign, year).await?.1),
            None => Ok(CriteriaSet::default()),
        }
    }

    async fn year_movements(&self, year: i32) -> RepoResult<Vec<shared::domain::Movement>> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        match queries::campaign_covering(&mut conn, year).await? {
            Some(campaign) => Ok(movements::of_campaign(&mut conn, campaign).await?),
            None => Ok(Vec::new()),
        }
    }

    /// Creates or edits, in one write with its event and audit entry.
    async fn save_nomination(
        &self,
        id: Option<i64>,
        version: i64,
        year: i32,
        draft: &NominationDraft,
        by: &CurrentUser,
    ) -> RepoResult<CardEvent> {
        let mut tx = WriteTx::begin(self, by).await?;
        let event = match id {
            None => create(&mut tx, year, draft).await?,
            Some(id) => edit(&mut tx, id, version, draft).await?,
        };
        tx.commit().await?;
        Ok(event)
    }
}

/// Who may create for which unit is checked by the server function before (the draft's
/// unit is the scope).
async fn create(tx: &mut WriteTx<'_>, year: i32, draft: &NominationDraft) -> DbResult<CardEvent> {
    let by = tx.by();
    let campaign = queries::campaign_covering(tx, year)
        .await?
        .ok_or(RepoError::Invalid(InputError::Invalid {
            field: Field::Year,
        }))?;
    if !queries::unit_exists(tx, draft.unit_id).await? {
        return Err(RepoError::Invalid(InputError::Required { field: Field::Unit }).into());
    }
    known_evidence(tx, (campaign, year), draft, &Default::default()).await?;
    known_movement(tx, campaign, draft, None).await?;
    let position = queries::top_of_discovered(tx, campaign, year).await?;
    let now = tx.now();
    let id = queries::insert(tx, campaign, year, draft, &position, &by.display_name, &now).await?;
    let card = cards::card(tx, id).await?;
    let change = StoredChange {
        action: MoveAction::Create,
        by: by.display_name.clone(),
        from: Stage::Discovered,
        from_position: card.position.clone(),
        from_dropped_from: None,
        reason: None,
        card,
    };
    tx.record(change, None, None).await
}

async fn edit(
    tx: &mut WriteTx<'_>,
    id: i64,
    version: i64,
    draft: &NominationDraft,
) -> DbResult<CardEvent> {
    let by = tx.by();
    let before = tx.open_card_for(id, Action::EditNomination).await?;
    tx.expect_version(Versioned::Nomination(id), version)
        .await?;
    // The unit and the kind are what the nomination is; they do not change by editing.
    if draft.unit_id != before.unit_id || draft.profile.kind() != before.kind {
        return Err(RepoError::Invalid(InputError::Invalid { field: Field::Unit }).into());
    }
    let stored = queries::stored(tx, id).await?;
    known_movement(tx, stored.campaign_id, draft, stored.movement_id).await?;
    if let Some(campaign) = queries::campaign_covering(tx, before.year).await? {
        let kept = queries::evidence(tx, id).await?;
        known_evidence(tx, (campaign, before.year), draft, &kept).await?;
        // Registered or further along — or dropped from there, since a restore brings the
        // card back to that stage without the registration's checks.
        let registered = |stage: Stage| !matches!(stage, Stage::Discovered | Stage::Dropped);
        if registered(before.stage) || before.dropped_from.is_some_and(registered) {
            registered_dossier(tx, (campaign, before.year), &before, draft).await?;
        }
    }
    let now = tx.now();
    queries::update(tx, id, version, draft, &by.display_name, &now).await?;
    let card = cards::card(tx, id).await?;
    let audit_before =
        serde_json::json!({ "name": before.nominee_name, "version": before.version }).to_string();
    let change = StoredChange {
        action: MoveAction::Edit,
        by: by.display_name.clone(),
        from: before.stage,
        from_position: before.position.clone(),
        from_dropped_from: before.dropped_from,
        reason: None,
        card,
    };
    tx.record(change, Some(audit_before), None).await
}

/// The movement named is one of the nomination's campaign's, and still followed unless
/// the nomination named it already (`stored`).
async fn known_movement(
    tx: &mut WriteTx<'_>,
    campaign: i64,
    draft: &NominationDraft,
    stored: Option<i64>,
) -> DbResult<()> {
    if draft.movement_id.is_none() {
        return Ok(());
    }
    let movements = movements::of_campaign(tx, campaign).await?;
    match movement_choice_error(draft.movement_id, stored, &movements) {
        Some(error) => Err(RepoError::Invalid(error).into()),
        None => Ok(()),
    }
}

/// Evidence is given only on the criteria the year is judged on (of the nominee's kind),
/// unless it is kept as it was stored.
async fn known_evidence(
    tx: &mut WriteTx<'_>,
    (campaign, year): (i64, i32),
    draft: &NominationDraft,
    kept: &std::collections::BTreeMap<String, String>,
) -> DbResult<()> {
    let (_, set) = criteria::of_year(tx, campaign, year).await?;
    match draft.evidence_errors(&set, kept).into_iter().next() {
        Some(error) => Err(RepoError::Invalid(error).into()),
        None => Ok(()),
    }
}

/// A registered nomination (or further along) keeps a dossier registration would accept:
/// S-1, C-B5 and C-C4 are checked again on the edited draft (D-1's deadline is not: it was
/// met when the nomination was registered).
async fn registered_dossier(
    tx: &mut WriteTx<'_>,
    campaign_year: (i64, i32),
    card: &app::types::model::BoardCard,
    draft: &NominationDraft,
) -> DbResult<()> {
    let (campaign, year) = campaign_year;
    let (_, set) = criteria::of_year(tx, campaign, year).await?;
    let calendar = years::campaign_year(tx, campaign, year).await?;
    let linked =
        facts::linked_collective_stage(tx, &draft.profile, card.unit_id, campaign_year).await?;
    let facts = MoveFacts {
        profile: &draft.profile,
        evidence: &draft.evidence,
        criteria: set.of(draft.profile.kind()),
        nomination_year: year,
        today: calendar.registration_deadline,
        calendar: &calendar,
        fostering_plan: None,
        plan_approved: false,
        evaluations: &[],
        linked_collective_stage: linked,
        dropped_from: None,
    };
    let violations = dossier_violations(&facts);
    if violations.is_empty() {
        Ok(())
    } else {
        Err(RepoError::Rules(violations).into())
    }
}
