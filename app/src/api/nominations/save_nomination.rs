use crate::error::AppError;
use crate::types::model::CardEvent;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::NominationDraft;

/// Creates (`id` None, in campaign year `year`) or edits a nomination still at `version`.
/// The same rules as the form's instant checks are applied again here.
#[server(prefix = "/api", endpoint = "nominations/save", input = Json)]
pub async fn save_nomination(
    id: Option<i64>,
    version: i64,
    year: i32,
    draft: NominationDraft,
) -> Result<CardEvent, AppError> {
    use shared::auth::Action;

    let (user, ctx) = crate::services::request()?;
    if id.is_none() {
        crate::services::authorize(
            &ctx,
            &user,
            Action::CreateNomination {
                unit_id: draft.unit_id,
            },
            "nomination",
            None,
        )
        .await?;
    }
    let errors = draft.validate();
    if !errors.is_empty() {
        let lang = crate::i18n::request_lang();
        return Err(AppError::Invalid(
            errors
                .iter()
                .map(|e| shared::i18n::input_error(lang, e))
                .collect(),
        ));
    }
    ctx.repo
        .save_nomination(id, version, year, &draft.normalised(), &user)
        .await
        .map_err(AppError::from)
}
