//! `/admin/campaigns/:id/movements`: a campaign's emulation movements (phong trào thi đua),
//! the list units choose from when they nominate an exemplar and the summary counts by. A
//! movement is renamed or retired, never deleted: a retired one stays on the nominations
//! that named it.

use crate::api::admin::{get_campaign_movements, save_movement};
use crate::components::checked_form::CheckedForm;
use crate::components::loaded::{saved_notice, Loaded};
use crate::i18n::{tr, use_lang};
use crate::types::model::{CampaignMovements, MovementRow};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::domain::exemplar::parse_movement_name;
use shared::domain::Field;
use shared::i18n::{field_name, input_error, t, Msg};

#[component]
pub fn AdminMovementsPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
    let data = Resource::new(id, |id| get_campaign_movements(id.unwrap_or(-1)));
    let (notice, on_saved) = saved_notice(data);
    view! {
        <section class="admin-page" aria-labelledby="movements-title">
            <p><A href="/admin/campaigns">{tr(Msg::CampaignYearsBack)}</A></p>
            <h1 id="movements-title">{tr(Msg::MovementsTitle)}</h1>
            <p class="hint">{tr(Msg::MovementsIntro)}</p>
            {notice}
            <Loaded data let:movements>
                <Movements data=movements on_saved/>
            </Loaded>
        </section>
    }
}

#[component]
fn Movements(data: CampaignMovements, on_saved: Callback<String>) -> impl IntoView {
    let campaign = data.campaign;
    let heading = format!(
        "{} ({}–{})",
        campaign.name, campaign.start_year, campaign.end_year
    );
    let list = if data.movements.is_empty() {
        view! { <p class="empty">{tr(Msg::NoMovements)}</p> }.into_any()
    } else {
        data.movements
            .into_iter()
            .map(|row| view! { <MovementEditor campaign_id=campaign.id row=Some(row) on_saved/> })
            .collect_view()
            .into_any()
    };
    view! {
        <h2>{heading}</h2>
        <div class="org-list movements">{list}</div>
        <h2>{tr(Msg::NewMovement)}</h2>
        <MovementEditor campaign_id=campaign.id row=None on_saved/>
    }
}

/// One movement's form (`row` None: the form that adds one).
#[component]
fn MovementEditor(
    campaign_id: i64,
    row: Option<MovementRow>,
    on_saved: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let key = row
        .as_ref()
        .map_or_else(|| "new".to_string(), |r| r.movement.id.to_string());
    let id = row.as_ref().map(|r| r.movement.id);
    let version = row.as_ref().map_or(0, |r| r.movement.version);
    let used = row.as_ref().map(|r| r.nominations);
    let name = RwSignal::new(
        row.as_ref()
            .map(|r| r.movement.name.clone())
            .unwrap_or_default(),
    );
    let retired = RwSignal::new(row.as_ref().is_some_and(|r| r.movement.retired));
    let form = CheckedForm::new(move || {
        name.with(|n| parse_movement_name(n).err().into_iter().collect::<Vec<_>>())
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let (n, r) = (name.get_untracked(), retired.get_untracked());
        form.submit(
            ev,
            move || save_movement(campaign_id, id, version, n, r),
            move |_| {
                if id.is_none() {
                    name.set(String::new());
                    retired.set(false);
                }
                on_saved.run(t(lang.get_untracked(), Msg::MovementSaved).to_string());
            },
        );
    };
    let name_id = format!("movement-{key}-name");
    let name_for = name_id.clone();
    let retired_id = format!("movement-{key}-retired");
    let retired_for = retired_id.clone();
    let count = used.map(|n| {
        view! { <span class="movement-use">{move || format!("{}: {n}", t(lang.get(), Msg::MovementUsedBy))}</span> }
    });
    let row_id = id.map(|i| i.to_string());
    view! {
        <form class="org-row movement-row" data-movement-id=row_id class:retired=move || retired.get() on:submit=submit novalidate>
            <label for=name_for>{move || field_name(lang.get(), Field::Movement)}</label>
            <input id=name_id class="name" type="text" aria-invalid=form.invalid(|_: &shared::domain::InputError| true)
                prop:value=name on:input=move |ev| { name.set(event_target_value(&ev)); form.touched(); }/>
            <label class="check" for=retired_for>
                <input id=retired_id type="checkbox" prop:checked=retired
                    on:change=move |ev| retired.set(event_target_checked(&ev))/>
                {tr(Msg::MovementRetired)}
            </label>
            {count}
            <button type="submit" disabled=move || form.saving.get()>
                {move || t(lang.get(), if id.is_some() { Msg::AdminSave } else { Msg::AddMovement })}
            </button>
            {form.alert("error", |lang, problems| problems.iter().map(|e| input_error(lang, e)).collect::<Vec<_>>().join(" "))}
        </form>
    }
}
