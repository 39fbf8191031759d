//! Leadership's summary, served from running tallies.

use crate::ports::{RepoError, RepoResult, Repository};
use crate::types::model::{BoardQuery, MoveAction};
use crate::types::summary::{build_view, facts, SummaryView};
use chrono::NaiveDate;

/// The server's running tallies of each campaign year, built once from the board and then
/// caught up from the event log on each request: a change costs a few counts, not a
/// recount. The log is the source of truth, so several server instances agree.
#[derive(Default)]
pub struct SummaryHub {
    years: tokio::sync::Mutex<std::collections::HashMap<i32, YearTallies>>,
}

struct YearTallies {
    seq: i64,
    tallies: shared::rules::summary::Tallies,
}

const CATCH_UP: i64 = 1000;

impl SummaryHub {
    /// The summary of a campaign year (the current one when None), for every bloc or only
    /// `only_bloc`.
    pub async fn summary(
        &self,
        repo: &dyn Repository,
        year: Option<i32>,
        today: NaiveDate,
        only_bloc: Option<i64>,
    ) -> RepoResult<SummaryView> {
        let frame = repo.summary_frame(year, today).await?;
        let year = frame.year;
        let mut years = self.years.lock().await;
        if let std::collections::hash_map::Entry::Vacant(slot) = years.entry(year) {
            slot.insert(Self::build(repo, year, today).await?);
        }
        let mut rebuild = false;
        if let Some(entry) = years.get_mut(&year) {
            loop {
                let events = repo.events_after(entry.seq, CATCH_UP).await?;
                for ev in &events {
                    entry.seq = ev.seq;
                    // The decision makes every score of the year final at once, with
                    // events only for the cards whose City badge changed: recount.
                    if ev.action == MoveAction::CitySelect {
                        rebuild = true;
                    }
                    if ev.card.year == year {
                        entry.tallies.set(ev.card.id, facts(&ev.card));
                    } else {
                        entry.tallies.remove(ev.card.id);
                    }
                }
                if (events.len() as i64) < CATCH_UP {
                    break;
                }
            }
        }
        if rebuild {
            years.insert(year, Self::build(repo, year, today).await?);
        }
        let entry = years
            .get(&year)
            .ok_or_else(|| RepoError::Unavailable("summary".into()))?;
        Ok(build_view(
            frame,
            |unit| entry.tallies.unit(unit),
            entry.seq,
            today,
            only_bloc,
        ))
    }

    async fn build(repo: &dyn Repository, year: i32, today: NaiveDate) -> RepoResult<YearTallies> {
        let board = repo.board(&BoardQuery { year: Some(year) }, today).await?;
        Ok(YearTallies {
            seq: board.seq,
            tallies: shared::rules::summary::Tallies::new(
                board.cards.iter().map(|c| (c.id, facts(c))),
            ),
        })
    }

    /// Forgets every year's tallies (they are rebuilt on the next request).
    pub async fn forget(&self) {
        self.years.lock().await.clear();
    }
}
