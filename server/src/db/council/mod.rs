//! The council's scoring (S-2) and the City decision. Every check — membership of this
//! year's council, recusal, a declared conflict, a submitted sheet, the criterion, the
//! score's range — is made on the stored data inside the write. The SQL is in `queries.rs`;
//! the council's record (members, nominees, sheets, totals) is the kernel's (`kernel/scores.rs`).

mod queries;

use super::kernel::cards::{self, resolve_year};
use super::kernel::criteria;
use super::kernel::lists::{self, Made};
use super::kernel::scores::{
    aggregate_of, ballot_view, decision, freeze_totals, members, nominee_of, nominees, rules_of,
    sheets, Member, Nominee, Sheet,
};
use super::kernel::years;
use super::kernel::WriteTx;
use super::{Backend, Conn};
use crate::db::{DbError, DbResult};
use app::moves::scope;
use app::ports::{CouncilPort, RepoError, RepoResult};
use app::types::auth::CurrentUser;
use app::types::council::{
    CouncilList, CouncilRow, MemberProgress, OtherSheet, SheetChange, SheetCriterion, SheetState,
    SheetView,
};
use app::types::model::{BoardQuery, CardEvent, MoveAction};
use async_trait::async_trait;
use chrono::{Datelike, NaiveDate};
use shared::auth::{Action, Denied, Role};
use shared::domain::{CriteriaSet, Score, Stage};
use shared::rules::city::check_city_decision;
use shared::rules::city_answer::{check_answer, check_resend, CityAnswerDraft, CityItemState};
use shared::rules::council::{
    check_conflict_reason, check_score_entry, check_sheet_open, check_submit, is_rankable, rank,
    weighted_score_milli, Aggregate, Scoresheet,
};
use shared::rules::{Violation, ViolationKind};
use std::collections::HashMap;

#[async_trait]
impl CouncilPort for Backend {
    async fn council_list(&self, user: &CurrentUser, today: NaiveDate) -> RepoResult<CouncilList> {
        let mut tx = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        let (campaign_id, campaign_name, year, _, _) =
            resolve_year(&mut tx, &BoardQuery { year: None }, today.year()).await?;
        let members = members(&mut tx, campaign_id).await?;
        let viewer = viewer(user, &members)?;
        let nominees = nominees(&mut tx, campaign_id, year, None).await?;
        let sheets = sheets(&mut tx, campaign_id, year, None).await?;
        let seq = queries::last_event(&mut tx).await?;
        let calendar = years::campaign_year(&mut tx, campaign_id, year).await?;
        let decision = decision(&mut tx, campaign_id, year).await?;
        let (_, set) = criteria::of_year(&mut tx, campaign_id, year).await?;
        let ballot = {
            let me = match &viewer {
                Viewer::Member(m) => Some(*m),
                Viewer::Office => None,
            };
            ballot_view(&mut tx, campaign_id, year, &members, me).await?
        };
        tx.commit().await.map_err(DbError::from)?;

        let aggregates: Vec<Aggregate> = nominees
            .iter()
            .map(|n| aggregate_of(n, &members, &sheets, (&set, calendar.quorum_pct)))
            .collect();
        // Only what has been scored is ranked, and nothing below a criterion's floor.
        let ranks: HashMap<i64, usize> = rank(
            aggregates
                .iter()
                .filter(|a| is_rankable(a))
                .cloned()
                .collect(),
        )
        .into_iter()
        .enumerate()
        .map(|(i, a)| (a.nomination_id, i + 1))
        .collect();
        let rows = nominees
            .iter()
            .zip(aggregates)
            .map(|(n, agg)| {
                let mine = match &viewer {
                    Viewer::Office => SheetState::Office,
                    Viewer::Member(me) => state_of(n, me, sheets.get(&(n.id, me.id)), &set),
                };
                // Blind until submitted: a member sees the totals of what they have submitted.
                let shown = matches!(mine, SheetState::Office | SheetState::Submitted);
                CouncilRow {
                    id: n.id,
                    name: n.name.clone(),
                    kind: n.kind,
                    unit_name: n.unit_name.clone(),
                    bloc_id: n.bloc_id,
                    bloc_name: n.bloc_name.clone(),
                    stage: n.stage,
                    rank: shown.then(|| ranks.get(&n.id).copied()).flatten(),
                    aggregate: shown.then_some(agg),
                    mine,
                }
            })
            .collect();
        let members = match viewer {
            Viewer::Office => members
                .iter()
                .map(|m| {
                    let mut total = 0;
                    let mut submitted = 0;
                    for n in &nominees {
                        match state_of(n, m, sheets.get(&(n.id, m.id)), &set) {
                            SheetState::Submitted => {
                                total += 1;
                                submitted += 1;
                            }
                            SheetState::Open { .. } => total += 1,
                            _ => {}
                        }
                    }
                    MemberProgress {
                        name: m.name.clone(),
                        submitted,
                        total,
                    }
                })
                .collect(),
            Viewer::Member(_) => Vec::new(),
        };
        Ok(CouncilList {
            ballot,
            quota: calendar.city_quota,
            pass_share_pct: calendar.pass_share_pct,
            city_deadline: calendar.city_submission_deadline,
            decision,
            today,
            seq,
            year,
            campaign_name,
            rows,
            is_office: matches!(viewer, Viewer::Office),
            members,
        })
    }

    async fn council_sheet(&self, id: i64, user: &CurrentUser) -> RepoResult<SheetView> {
        let mut tx = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        let (n, campaign_id, year) = nominee_of(&mut tx, id).await?;
        let members = members(&mut tx, campaign_id).await?;
        let viewer = viewer(user, &members)?;
        let sheets = sheets(&mut tx, campaign_id, year, Some(id)).await?;
        let seq = queries::last_event(&mut tx).await?;
        let (set, quorum_pct) = rules_of(&mut tx, campaign_id, year).await?;
        let dossier_changed_at = queries::edited_after_scoring(&mut tx, id).await?;
        tx.commit().await.map_err(DbError::from)?;
        let kind_criteria = set.of(n.kind).to_vec();
        let (state, own) = match &viewer {
            Viewer::Office => (SheetState::Office, None),
            Viewer::Member(me) => {
                let own = sheets.get(&(id, me.id));
                (state_of(&n, me, own, &set), own)
            }
        };
        let criteria = match viewer {
            Viewer::Member(_) => set
                .scored(n.kind)
                .map(|c| SheetCriterion {
                    code: c.code.clone(),
                    weight: c.weight,
                    score: own.and_then(|s| s.scores.get(&c.code)).map(|s| s.value()),
                    comment: own
                        .and_then(|s| s.comments.get(&c.code))
                        .cloned()
                        .unwrap_or_default(),
                })
                .collect(),
            Viewer::Office => Vec::new(),
        };
        // Blind until submitted: nothing of the others before one's own sheet is in.
        let shown = matches!(state, SheetState::Office | SheetState::Submitted);
        let others = shown.then(|| {
            members
                .iter()
                .filter(|m| m.id != user.user_id && m.unit_id != Some(n.unit_id))
                .map(|m| {
                    let s = sheets.get(&(id, m.id)).cloned().unwrap_or_default();
                    OtherSheet {
                        member: m.name.clone(),
                        submitted: s.submitted,
                        conflict: s.conflict.is_some(),
                        total_milli: weighted_score_milli(
                            &kind_criteria,
                            &Scoresheet {
                                member_id: m.id,
                                member_unit_id: m.unit_id,
                                scores: s.scores.clone(),
                            },
                        ),
                        scores: s
                            .scores
                            .iter()
                            .map(|(k, v)| (k.clone(), v.value()))
                            .collect(),
                    }
                })
                .collect()
        });
        let aggregate = shown.then(|| aggregate_of(&n, &members, &sheets, (&set, quorum_pct)));
        Ok(SheetView {
            seq,
            id,
            name: n.name,
            kind: n.kind,
            unit_name: n.unit_name,
            stage: n.stage,
            state,
            criteria,
            kind_criteria,
            dossier_changed_at,
            others,
            aggregate,
        })
    }

    /// Changes the member's own sheet, checked on the stored data, and recorded.
    async fn council_change(
        &self,
        id: i64,
        change: &SheetChange,
        user: &CurrentUser,
    ) -> RepoResult<SheetState> {
        let mut tx = WriteTx::begin(self, user).await?;
        tx.about("nomination", Some(id.to_string()));
        let card = cards::card(&mut tx, id).await?;
        let (n, campaign_id, year) = nominee_of(&mut tx, id).await?;
        let action = Action::Score(scope(&card));
        tx.authorize(action).await?;
        let members = members(&mut tx, campaign_id).await?;
        // Only members seated on this year's council score.
        let Some(me) = members.iter().find(|m| m.id == user.user_id) else {
            return Err(tx.refuse(action, Denied::Role).await.into());
        };
        if decision(&mut tx, campaign_id, year).await?.is_some() {
            return Err(RepoError::Rules(vec![Violation::new(
                "S-2",
                ViolationKind::CouncilClosed,
            )]));
        }
        let sheets = sheets(&mut tx, campaign_id, year, Some(id)).await?;
        let (_, set) = criteria::of_year(&mut tx, campaign_id, year).await?;
        let kind_criteria = set.of(n.kind);
        let own = sheets.get(&(id, me.id)).cloned().unwrap_or_default();
        check_sheet_open(own.submitted, own.conflict.is_some())
            .map_err(|v| RepoError::Rules(vec![v]))?;
        let now = tx.now();
        let sheet = queries::Sheet {
            nomination: id,
            member: me.id,
        };
        queries::touch_sheet(&mut tx, sheet, &now).await?;
        let (action, detail) = match change {
            SheetChange::Score {
                criterion,
                score,
                comment,
            } => {
                let (criterion, score, comment) = (criterion.as_str(), *score, comment.as_str());
                check_score_entry(kind_criteria, criterion, comment).map_err(RepoError::Rules)?;
                let score = score
                    .map(Score::new)
                    .transpose()
                    .map_err(RepoError::Invalid)?;
                let value = score.map(|s| i64::from(s.value()));
                queries::write_score(&mut tx, sheet, criterion, value, comment.trim(), &now)
                    .await?;
                // That a score changed, not the number: the scores stay on the sheet.
                (
                    MoveAction::Score,
                    serde_json::json!({ "criterion": criterion, "scored": score.is_some() }),
                )
            }
            SheetChange::Submit => {
                check_submit(kind_criteria, &own.scores).map_err(RepoError::Rules)?;
                queries::submit_sheet(&mut tx, sheet, &now).await?;
                (
                    MoveAction::SubmitSheet,
                    serde_json::json!({ "criteria": own.scores.len() }),
                )
            }
            SheetChange::Conflict { reason } => {
                let reason = check_conflict_reason(reason).map_err(RepoError::Rules)?;
                queries::declare_conflict(&mut tx, sheet, &reason).await?;
                (
                    MoveAction::DeclareConflict,
                    serde_json::json!({ "reason": reason }),
                )
            }
        };
        // Recorded in the event log and the audit history with the card (no score in either:
        // they stay on the sheet), and published: the live channel tells the office who,
        // the council's members only that something changed, and no one else anything.
        tx.changed(action, id, None, detail).await?;
        let after = sheets_after(&mut tx, campaign_id, year, id, me.id).await?;
        tx.commit().await?;
        Ok(state_of(&n, me, Some(&after), &set))
    }

    /// S-2: records the year's models for the City, sets the City badge on exactly them, and
    /// closes the year's scoring.
    async fn decide_for_city(
        &self,
        decided_on: NaiveDate,
        ids: &[i64],
        user: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<Vec<CardEvent>> {
        let mut tx = WriteTx::begin(self, user).await?;
        tx.about("city_decision", None);
        tx.authorize(Action::SelectForCity).await?;
        let (campaign_id, _, year, _, _) =
            resolve_year(&mut tx, &BoardQuery { year: None }, today.year()).await?;
        let calendar = years::campaign_year(&mut tx, campaign_id, year).await?;
        let decided = decision(&mut tx, campaign_id, year).await?.is_some();
        let mut chosen = Vec::new();
        for id in ids {
            let stage = queries::stage_in_year(&mut tx, *id, campaign_id, year)
                .await?
                .and_then(|s| Stage::from_code(&s))
                .ok_or(RepoError::NotFound)?;
            chosen.push((*id, stage));
        }
        let mut violations = check_city_decision(&chosen, calendar.city_quota, decided)
            .err()
            .unwrap_or_default();
        if decided_on.year() != year {
            violations.push(Violation::new(
                "S-2",
                ViolationKind::DateOutsideYear { year },
            ));
        }
        if decided_on > today {
            violations.push(Violation::new("S-2", ViolationKind::DateInFuture));
        }
        if !violations.is_empty() {
            return Err(RepoError::Rules(violations));
        }
        let now = tx.now();
        let mut selected: Vec<i64> = ids.to_vec();
        selected.sort_unstable();
        selected.dedup();
        let by = &user.display_name;
        let made = Made::CityDecision { decided_on };
        lists::make(&mut tx, made, (campaign_id, year), &selected, by, &now).await?;
        // The totals are final as they stand now, whoever is seated later.
        freeze_totals(&mut tx, campaign_id, year).await?;
        // The City badge follows the decision: on the chosen, off any other card of the year.
        let badged = queries::badged(&mut tx, campaign_id, year).await?;
        let mut affected: Vec<i64> = badged.iter().chain(&selected).copied().collect();
        affected.sort_unstable();
        affected.dedup();
        for id in affected {
            let on = selected.contains(&id);
            if on == badged.contains(&id) {
                continue;
            }
            queries::set_badge(&mut tx, id, on, year, by, &now).await?;
            let detail = serde_json::json!({ "city": on, "decided_on": decided_on });
            tx.changed(MoveAction::CitySelect, id, None, detail).await?;
        }
        Ok(tx.commit().await?)
    }

    async fn record_dispatch(
        &self,
        number: &str,
        sent_on: NaiveDate,
        user: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<()> {
        let mut tx = WriteTx::begin(self, user).await?;
        tx.about("city_dispatch", None);
        tx.authorize(Action::SelectForCity).await?;
        let (campaign_id, _, year, _, _) =
            resolve_year(&mut tx, &BoardQuery { year: None }, today.year()).await?;
        let decided = decision(&mut tx, campaign_id, year).await?;
        if let Some(sent) = decided.as_ref().and_then(|d| d.dispatch.as_ref()) {
            return Err(RepoError::Conflict {
                by: Some(sent.recorded_by.clone()),
                at: Some(sent.recorded_at.clone()),
            });
        }
        let number = shared::rules::city::check_dispatch(
            number,
            sent_on,
            decided.map(|d| d.decided_on),
            today,
        )
        .map_err(RepoError::Rules)?;
        let now = tx.now();
        queries::record_dispatch(
            &mut tx,
            (campaign_id, year),
            &number,
            sent_on,
            (&user.display_name, &now),
        )
        .await?;
        let sent: Vec<String> = decision(&mut tx, campaign_id, year)
            .await?
            .and_then(|d| d.dispatch)
            .map(|d| d.sent.into_iter().map(|m| m.name).collect())
            .unwrap_or_default();
        let after = serde_json::json!({
            "year": year, "number": number, "sent_on": sent_on, "sent": sent,
        });
        let entry = app::types::model::AuditEntry::change(
            user,
            app::types::model::AuditAction::CityDispatched,
            ("city_dispatch", year.to_string()),
            None,
            after.to_string(),
        );
        tx.audited(&entry).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn record_city_answer(
        &self,
        id: i64,
        draft: &CityAnswerDraft,
        user: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<CardEvent> {
        let mut tx = WriteTx::begin(self, user).await?;
        tx.about("city_answer", Some(id.to_string()));
        tx.authorize(Action::SelectForCity).await?;
        let (campaign_year, state) = sent_state(&mut tx, id).await?;
        let answer = check_answer(draft, state, today).map_err(RepoError::Rules)?;
        let now = tx.now();
        let step = (
            "answer",
            Some(answer.outcome.code()),
            answer.detail.as_str(),
            answer.answered_on,
        );
        queries::record_city_step(&mut tx, campaign_year, id, step, (&user.display_name, &now))
            .await?;
        let detail = serde_json::json!({ "answer": answer });
        let event = tx.changed(MoveAction::CityAnswer, id, None, detail).await?;
        tx.commit().await?;
        Ok(event)
    }

    async fn resend_to_city(
        &self,
        id: i64,
        sent_on: Option<NaiveDate>,
        user: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<CardEvent> {
        let mut tx = WriteTx::begin(self, user).await?;
        tx.about("city_answer", Some(id.to_string()));
        tx.authorize(Action::SelectForCity).await?;
        let (campaign_year, state) = sent_state(&mut tx, id).await?;
        let on = check_resend(sent_on, state, today).map_err(RepoError::Rules)?;
        let now = tx.now();
        let step = ("resend", None, "", on);
        queries::record_city_step(&mut tx, campaign_year, id, step, (&user.display_name, &now))
            .await?;
        let detail = serde_json::json!({ "resent_on": on });
        let event = tx.changed(MoveAction::CityResend, id, None, detail).await?;
        tx.commit().await?;
        Ok(event)
    }
}

/// Nomination `id` as its year's dispatch to the City carried it: its campaign year and
/// where it stands with the City. Not on the dispatch (or nothing sent): not found.
async fn sent_state(conn: &mut Conn, id: i64) -> DbResult<((i64, i32), CityItemState)> {
    let (campaign_id, year): (i64, i32) =
        sqlx::query_as("SELECT campaign_id, year FROM nominations WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(RepoError::NotFound)?;
    let dispatch = decision(conn, campaign_id, year)
        .await?
        .and_then(|d| d.dispatch)
        .ok_or(RepoError::NotFound)?;
    let model = dispatch
        .sent
        .iter()
        .find(|m| m.id == id)
        .ok_or(RepoError::NotFound)?;
    Ok(((campaign_id, year), model.state(dispatch.sent_on)))
}

fn state_of(n: &Nominee, me: &Member, sheet: Option<&Sheet>, set: &CriteriaSet) -> SheetState {
    if me.unit_id == Some(n.unit_id) {
        return SheetState::Recused;
    }
    match sheet {
        Some(s) if s.conflict.is_some() => SheetState::Conflict {
            reason: s.conflict.clone().unwrap_or_default(),
        },
        Some(s) if s.submitted => SheetState::Submitted,
        _ => SheetState::Open {
            scored: sheet.map_or(0, |s| {
                set.scored(n.kind)
                    .filter(|c| s.scores.contains_key(&c.code))
                    .count() as u32
            }),
            total: set.scored(n.kind).count() as u32,
        },
    }
}

/// Who is asking: a member of this year's council, the office, or nobody allowed.
enum Viewer<'a> {
    Member(&'a Member),
    Office,
}

fn viewer<'a>(user: &CurrentUser, members: &'a [Member]) -> DbResult<Viewer<'a>> {
    if let Some(me) = members.iter().find(|m| m.id == user.user_id) {
        return Ok(Viewer::Member(me));
    }
    if user.actor().has(Role::CouncilOffice) {
        return Ok(Viewer::Office);
    }
    Err(RepoError::Denied(Denied::Role).into())
}

async fn sheets_after(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    id: i64,
    member: i64,
) -> DbResult<Sheet> {
    Ok(sheets(conn, campaign_id, year, Some(id))
        .await?
        .remove(&(id, member))
        .unwrap_or_default())
}
