use crate::error::AppError;
use crate::types::model::SetupStatus;
use leptos::prelude::*;

/// How far the install's setup has come (administrators): the organisation, the running
/// campaign and its criteria version, the council's seats, the units' accounts.
#[server(prefix = "/api", endpoint = "admin/setup")]
pub async fn get_setup() -> Result<SetupStatus, AppError> {
    use chrono::Datelike;
    use shared::auth::Action;
    let (_user, ctx) = crate::services::guard(Action::Administer, "setup", None).await?;
    let today = ctx.clock.today();
    let org = ctx.repo.organisation(today).await?;
    let campaigns = ctx.repo.campaigns().await?;
    let year = today.year();
    // Today's campaign, else the latest (the list is latest first).
    let campaign = campaigns
        .iter()
        .find(|c| (c.start_year..=c.end_year).contains(&year))
        .or(campaigns.first())
        .cloned();
    let criteria_version = match &campaign {
        Some(c) => {
            let criteria = ctx.repo.campaign_criteria(c.id).await?;
            let year = year.clamp(c.start_year, c.end_year);
            criteria
                .years
                .iter()
                .find(|y| y.year == year)
                .map_or(0, |y| y.version)
        }
        None => 0,
    };
    let unit_accounts = ctx
        .repo
        .list_accounts()
        .await?
        .iter()
        .filter(|a| a.active && a.unit_id.is_some())
        .count();
    Ok(SetupStatus {
        blocs: org.blocs.len(),
        units: org.units.len(),
        campaign,
        criteria_version,
        council: org.council.iter().filter(|s| s.member).count(),
        unit_accounts,
    })
}
