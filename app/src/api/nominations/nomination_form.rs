use crate::error::AppError;
use crate::types::model::NominationFormData;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// What the create (`id` None) or edit form starts from: the stored nomination or an empty
/// one, the units the user may nominate for, the year's collective nominations and the
/// criteria the year is judged on.
#[server(prefix = "/api", endpoint = "nominations/form", input = Json)]
pub async fn nomination_form(id: Option<i64>) -> Result<NominationFormData, AppError> {
    use crate::types::model::Choice;
    use chrono::Datelike;
    use shared::auth::Action;
    use shared::domain::{NominationDraft, NomineeKind, Profile};

    let (user, ctx) = crate::services::request()?;
    let (draft, version, year, units, criteria, movements) = match id {
        Some(id) => {
            let record = ctx.repo.nomination(id).await?;
            let scope = crate::moves::scope(&record.card);
            if user.may(&Action::ViewNomination(scope)).is_err() {
                return Err(AppError::NotFound);
            }
            crate::services::authorize(
                &ctx,
                &user,
                Action::EditNomination(scope),
                "nomination",
                Some(id.to_string()),
            )
            .await?;
            let unit = Choice {
                id: record.card.unit_id,
                name: record.card.unit_name.clone(),
            };
            (
                record.draft,
                record.card.version,
                record.year,
                vec![unit],
                record.criteria,
                record.movements,
            )
        }
        None => {
            let units: Vec<Choice> = ctx
                .repo
                .list_units()
                .await?
                .into_iter()
                .filter(|u| {
                    user.may(&Action::CreateNomination { unit_id: u.id })
                        .is_ok()
                })
                .map(|u| Choice {
                    id: u.id,
                    name: u.name,
                })
                .collect();
            let Some(first) = units.first() else {
                return Err(crate::services::authorize(
                    &ctx,
                    &user,
                    Action::CreateNomination {
                        unit_id: user.unit_id.unwrap_or(-1),
                    },
                    "nomination",
                    None,
                )
                .await
                .err()
                .unwrap_or(AppError::Forbidden(shared::auth::Denied::Role)));
            };
            let draft = NominationDraft {
                unit_id: user.unit_id.unwrap_or(first.id),
                nominee_name: String::new(),
                profile: Profile::empty(NomineeKind::Collective),
                description: String::new(),
                replication_potential: String::new(),
                evidence: Default::default(),
                exemplar_type: None,
                movement_id: None,
            };
            let year = ctx.clock.today().year();
            let criteria = ctx.repo.year_criteria(year).await?;
            let movements = ctx.repo.year_movements(year).await?;
            (draft, 0, year, units, criteria, movements)
        }
    };
    let collectives = ctx.repo.collectives(year).await?;
    Ok(NominationFormData {
        id,
        version,
        year,
        draft,
        units,
        collectives,
        criteria,
        movements,
    })
}
