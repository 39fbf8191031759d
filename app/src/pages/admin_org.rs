use crate::api::admin::{get_organisation, save_bloc, save_unit, set_council_seat};
use crate::components::loaded::Loaded;
use crate::error::AppError;
use crate::i18n::{tr, use_lang};
use crate::types::model::{BlocRow, UnitRow};
use leptos::prelude::*;
use shared::domain::org_input::org_errors;
use shared::i18n::{input_error, t, Msg};

type Notice = RwSignal<Option<Result<&'static str, AppError>>>;

/// Blocs (with their head unit), units, and who sits on the council this campaign.
#[component]
pub fn AdminOrgPage() -> impl IntoView {
    let org = Resource::new(|| (), |_| get_organisation());
    let lang = use_lang();
    let notice: Notice = RwSignal::new(None);
    let reload = move || org.refetch();
    view! {
        <section class="admin-page" aria-labelledby="org-title">
            <h1 id="org-title">{tr(Msg::AdminOrgTitle)}</h1>
            {move || notice.get().map(|n| match n {
                Ok(msg) => view! { <p class="notice" role="status">{move || t(lang.get(), Msg::AdminSaved).to_string() + " " + msg}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e.describe(lang.get())}</p> }.into_any(),
            })}
            <Loaded data=org let:o>{
                let units = StoredValue::new(o.units.clone());
                let blocs = StoredValue::new(o.blocs.clone());
                let bloc_rows = o.blocs.into_iter().map(|b| view! { <BlocEditor bloc=Some(b) units notice reload/> }).collect_view();
                let unit_rows = o.units.into_iter().map(|u| view! { <UnitEditor unit=Some(u) blocs notice reload/> }).collect_view();
                let campaign = o.campaign_name;
                let seats = o.council.into_iter().map(|s| {
                    let id = format!("seat-{}", s.user_id);
                    let label_for = id.clone();
                    let user_id = s.user_id;
                    let member = s.member;
                    let toggle = Action::new(move |on: &bool| { let on = *on; async move { set_council_seat(user_id, on).await } });
                    Effect::new(move |_| if let Some(r) = toggle.value().get() {
                        notice.set(Some(r.map(|_| "")));
                        reload();
                    });
                    view! {
                        <li class:member=member>
                            <input type="checkbox" id=id prop:checked=member on:change=move |ev| { toggle.dispatch(event_target_checked(&ev)); }/>
                            <label for=label_for>{format!("{} — {} ({})", s.username, s.display_name, s.unit_name.unwrap_or_default())}</label>
                        </li>
                    }
                }).collect_view();
                view! {
                    <h2>{tr(Msg::AdminBlocs)}</h2>
                    <div class="org-list">{bloc_rows}<BlocEditor bloc=None units notice reload/></div>
                    <h2>{tr(Msg::AdminUnits)}</h2>
                    <div class="org-list">{unit_rows}<UnitEditor unit=None blocs notice reload/></div>
                    <h2>{tr(Msg::AdminCouncil)} " — " {campaign}</h2>
                    <ul class="seats">{seats}</ul>
                }.into_any()
            }</Loaded>
        </section>
    }
}

fn problems(lang: shared::i18n::Lang, code: &str, name: &str) -> Vec<String> {
    org_errors(code, name)
        .iter()
        .map(|e| input_error(lang, e))
        .collect()
}

#[component]
fn BlocEditor(
    bloc: Option<BlocRow>,
    units: StoredValue<Vec<UnitRow>>,
    notice: Notice,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let key = bloc
        .as_ref()
        .map(|b| b.id.to_string())
        .unwrap_or_else(|| "new".into());
    let id = bloc.as_ref().map(|b| b.id);
    let version = bloc.as_ref().map(|b| b.version).unwrap_or(0);
    let code = RwSignal::new(bloc.as_ref().map(|b| b.code.clone()).unwrap_or_default());
    let name = RwSignal::new(bloc.as_ref().map(|b| b.name.clone()).unwrap_or_default());
    let head = RwSignal::new(bloc.as_ref().and_then(|b| b.head_unit_id));
    let tried = RwSignal::new(false);
    let save = Action::new(move |input: &(String, String, Option<i64>)| {
        let (c, n, h) = input.clone();
        async move { save_bloc(id, version, c, n, h).await }
    });
    Effect::new(move |_| {
        if let Some(r) = save.value().get() {
            notice.set(Some(r.map(|_| "")));
            reload();
        }
    });
    let ids = (
        format!("bloc-{key}-code"),
        format!("bloc-{key}-name"),
        format!("bloc-{key}-head"),
    );
    let head_options = units.get_value().into_iter().filter(|u| Some(u.bloc_id) == id).map(|u| {
        let uid = u.id;
        view! { <option value=uid.to_string() selected=move || head.get() == Some(uid)>{u.name}</option> }
    }).collect_view();
    view! {
        <form class="org-row" on:submit=move |ev| { ev.prevent_default(); tried.set(true); if problems(lang.get(), &code.get(), &name.get()).is_empty() { save.dispatch((code.get(), name.get(), head.get())); } }>
            <label for=ids.0.clone()>{tr(Msg::OrgCode)}</label>
            <input id=ids.0.clone() class="code" prop:value=code on:input=move |ev| code.set(event_target_value(&ev))/>
            <label for=ids.1.clone()>{tr(Msg::OrgName)}</label>
            <input id=ids.1.clone() class="name" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            <label for=ids.2.clone()>{tr(Msg::HeadUnit)}</label>
            <select id=ids.2.clone() on:change=move |ev| head.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || head.get().is_none()>"—"</option>
                {head_options}
            </select>
            <button type="submit" disabled=move || save.pending().get()>{move || t(lang.get(), if id.is_some() { Msg::AdminSave } else { Msg::AdminAddBloc })}</button>
            <Show when=move || tried.get() && !problems(lang.get(), &code.get(), &name.get()).is_empty()>
                <p class="error" role="alert">{move || problems(lang.get(), &code.get(), &name.get()).join(" ")}</p>
            </Show>
        </form>
    }
}

#[component]
fn UnitEditor(
    unit: Option<UnitRow>,
    blocs: StoredValue<Vec<BlocRow>>,
    notice: Notice,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let key = unit
        .as_ref()
        .map(|u| u.id.to_string())
        .unwrap_or_else(|| "new".into());
    let id = unit.as_ref().map(|u| u.id);
    let version = unit.as_ref().map(|u| u.version).unwrap_or(0);
    let code = RwSignal::new(unit.as_ref().map(|u| u.code.clone()).unwrap_or_default());
    let name = RwSignal::new(unit.as_ref().map(|u| u.name.clone()).unwrap_or_default());
    let first_bloc = blocs.with_value(|b| b.first().map(|b| b.id).unwrap_or_default());
    let bloc = RwSignal::new(unit.as_ref().map(|u| u.bloc_id).unwrap_or(first_bloc));
    let tried = RwSignal::new(false);
    let save = Action::new(move |input: &(String, String, i64)| {
        let (c, n, b) = input.clone();
        async move { save_unit(id, version, c, n, b).await }
    });
    Effect::new(move |_| {
        if let Some(r) = save.value().get() {
            notice.set(Some(r.map(|_| "")));
            reload();
        }
    });
    let ids = (
        format!("unit-{key}-code"),
        format!("unit-{key}-name"),
        format!("unit-{key}-bloc"),
    );
    let bloc_options = blocs.get_value().into_iter().map(|b| {
        let bid = b.id;
        view! { <option value=bid.to_string() selected=move || bloc.get() == bid>{b.name}</option> }
    }).collect_view();
    view! {
        <form class="org-row" on:submit=move |ev| { ev.prevent_default(); tried.set(true); if problems(lang.get(), &code.get(), &name.get()).is_empty() { save.dispatch((code.get(), name.get(), bloc.get())); } }>
            <label for=ids.0.clone()>{tr(Msg::OrgCode)}</label>
            <input id=ids.0.clone() class="code" prop:value=code on:input=move |ev| code.set(event_target_value(&ev))/>
            <label for=ids.1.clone()>{tr(Msg::OrgName)}</label>
            <input id=ids.1.clone() class="name" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            <label for=ids.2.clone()>{tr(Msg::OrgBloc)}</label>
            <select id=ids.2.clone() on:change=move |ev| if let Ok(v) = event_target_value(&ev).parse() { bloc.set(v) }>
                {bloc_options}
            </select>
            <button type="submit" disabled=move || save.pending().get()>{move || t(lang.get(), if id.is_some() { Msg::AdminSave } else { Msg::AdminAddUnit })}</button>
            <Show when=move || tried.get() && !problems(lang.get(), &code.get(), &name.get()).is_empty()>
                <p class="error" role="alert">{move || problems(lang.get(), &code.get(), &name.get()).join(" ")}</p>
            </Show>
        </form>
    }
}
