use crate::api::admin::{
    account_field_errors, create_account, list_accounts, reset_password, update_account,
};
use crate::components::checked_form::CheckedForm;
use crate::components::loaded::Loaded;
use crate::components::table::Table;
use crate::error::AppError;
use crate::i18n::{tr, use_lang};
use crate::types::model::{AccountFields, AccountView, UnitOption};
use leptos::prelude::*;
use shared::auth::{role_label, Role};
use shared::domain::{NewPassword, Username};
use shared::i18n::{input_error, t, Lang, Msg};
use std::collections::BTreeSet;

/// Account administration: list, create, change roles and unit, disable, reset password.
#[component]
pub fn AdminAccountsPage() -> impl IntoView {
    let overview = Resource::new(|| (), |_| list_accounts());
    let lang = use_lang();
    // The outcome of the last change, announced to screen readers.
    let notice = RwSignal::new(None::<Result<String, AppError>>);
    view! {
        <section class="admin-page" aria-labelledby="admin-title">
            <h1 id="admin-title">{tr(Msg::AdminAccountsTitle)}</h1>
            {move || notice.get().map(|n| match n {
                Ok(text) => view! { <p class="notice" role="status">{text}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e.describe(lang.get())}</p> }.into_any(),
            })}
            <Loaded data=overview let:o>{
                let units = StoredValue::new(o.units);
                let rows = o.accounts.into_iter().map(|a| view! {
                    <AccountRow account=a units=units notice on_change=move || overview.refetch()/>
                }).collect_view();
                view! {
                    <CreateAccount units notice on_change=move || overview.refetch()/>
                    <Table class="accounts" caption=Msg::AdminAccountsTitle columns=vec![
                        Msg::Username.into(), Msg::AdminName.into(), Msg::AdminUnit.into(),
                        Msg::AdminRoles.into(), Msg::AdminStatus.into(), Msg::AdminActions.into(),
                    ]>{rows}</Table>
                }.into_any()
            }</Loaded>
        </section>
    }
}

fn messages(lang: Lang, errors: &[shared::domain::InputError]) -> Vec<String> {
    errors.iter().map(|e| input_error(lang, e)).collect()
}

#[component]
fn UnitSelect(
    id: String,
    units: StoredValue<Vec<UnitOption>>,
    value: RwSignal<Option<i64>>,
) -> impl IntoView {
    view! {
        <select id=id on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
            <option value="" selected=move || value.get().is_none()>{tr(Msg::AdminNoUnit)}</option>
            {units.get_value().into_iter().map(|u| {
                let uid = u.id;
                view! {
                    <option value=uid.to_string() selected=move || value.get() == Some(uid)>
                        {format!("{} ({})", u.name, u.bloc_name)}
                    </option>
                }
            }).collect_view()}
        </select>
    }
}

#[component]
fn RoleChecks(prefix: String, roles: RwSignal<BTreeSet<Role>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <fieldset class="roles">
            <legend>{tr(Msg::AdminRoles)}</legend>
            {Role::ALL.into_iter().map(|role| {
                let id = format!("{prefix}-{}", role.code());
                let label_for = id.clone();
                view! {
                    <label for=label_for class="check">
                        <input
                            type="checkbox"
                            id=id
                            prop:checked=move || roles.with(|r| r.contains(&role))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                roles.update(|r| { if on { r.insert(role); } else { r.remove(&role); } });
                            }
                        />
                        {move || role_label(lang.get(), role)}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn CreateAccount(
    units: StoredValue<Vec<UnitOption>>,
    notice: RwSignal<Option<Result<String, AppError>>>,
    on_change: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let position = RwSignal::new(String::new());
    let unit = RwSignal::new(None::<i64>);
    let roles = RwSignal::new(BTreeSet::<Role>::new());
    let password = RwSignal::new(String::new());
    let fields = move || AccountFields {
        display_name: display_name.get(),
        position: position.get(),
        unit_id: unit.get(),
        roles: roles.get(),
        active: true,
    };
    // The same rules the server applies, run as the administrator types.
    let form = CheckedForm::new(move || {
        let mut errors = account_field_errors(&fields());
        if let Err(e) = Username::parse(&username.get()) {
            errors.insert(0, e);
        }
        if let Err(e) = NewPassword::parse(&password.get()) {
            errors.push(e);
        }
        errors
    });
    let created = move |a: AccountView| {
        let text = format!(
            "{} {}",
            t(lang.get_untracked(), Msg::AdminCreated),
            a.username
        );
        notice.set(Some(Ok(text)));
        username.set(String::new());
        password.set(String::new());
        form.shown.set(false);
        on_change();
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let (u, f, p) = (username.get(), fields(), password.get());
        form.submit(ev, move || create_account(u, f, p), created);
    };
    let input = move |signal: RwSignal<String>| {
        move |ev| {
            signal.set(event_target_value(&ev));
            form.touched();
        }
    };
    view! {
        <details class="create-account">
            <summary>{tr(Msg::AdminCreate)}</summary>
            <form on:submit=submit class="admin-form" novalidate>
                <label for="new-username">{tr(Msg::Username)}</label>
                <input id="new-username" autocomplete="off" prop:value=username on:input=input(username)/>
                <label for="new-name">{tr(Msg::AdminName)}</label>
                <input id="new-name" prop:value=display_name on:input=input(display_name)/>
                <label for="new-position">{tr(Msg::AdminPosition)}</label>
                <input id="new-position" prop:value=position on:input=input(position)/>
                <label for="new-unit">{tr(Msg::AdminUnit)}</label>
                <UnitSelect id="new-unit".to_string() units value=unit/>
                <RoleChecks prefix="new-role".to_string() roles/>
                <label for="new-password">{tr(Msg::Password)}</label>
                <input id="new-password" type="password" autocomplete="new-password" prop:value=password on:input=input(password)/>
                {form.alert("error", |lang, problems| view! {
                    <ul>{messages(lang, &problems).into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                })}
                {form.submit_button(Msg::AdminCreate)}
            </form>
        </details>
    }
}

#[component]
fn AccountRow(
    account: AccountView,
    units: StoredValue<Vec<UnitOption>>,
    notice: RwSignal<Option<Result<String, AppError>>>,
    on_change: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let a = StoredValue::new(account);
    let editing = RwSignal::new(false);
    let resetting = RwSignal::new(false);
    let display_name = RwSignal::new(a.with_value(|a| a.display_name.clone()));
    let position = RwSignal::new(a.with_value(|a| a.position.clone()));
    let unit = RwSignal::new(a.with_value(|a| a.unit_id));
    let roles = RwSignal::new(a.with_value(|a| a.roles.clone()));
    let new_password = RwSignal::new(String::new());
    let fields = move |active: bool| AccountFields {
        display_name: display_name.get(),
        position: position.get(),
        unit_id: unit.get(),
        roles: roles.get(),
        active,
    };
    let update = Action::new(move |input: &(i64, i64, AccountFields)| {
        let (id, version, f) = input.clone();
        async move { update_account(id, version, f).await }
    });
    let reset = Action::new(move |input: &(i64, i64, String)| {
        let (id, version, p) = input.clone();
        async move { reset_password(id, version, p).await }
    });
    let finish = move |result: Result<AccountView, AppError>, msg: Msg| match result {
        Ok(v) => {
            notice.set(Some(Ok(format!(
                "{} {}",
                t(lang.get_untracked(), msg),
                v.username
            ))));
            editing.set(false);
            resetting.set(false);
            on_change();
        }
        Err(e) => {
            // A conflict means the list is stale: reload it so the next try is on fresh data.
            if matches!(e, AppError::Conflict { .. }) {
                on_change();
            }
            notice.set(Some(Err(e)));
        }
    };
    Effect::new(move |_| {
        if let Some(r) = update.value().get() {
            finish(r, Msg::AdminSaved);
        }
    });
    Effect::new(move |_| {
        if let Some(r) = reset.value().get() {
            new_password.set(String::new());
            finish(r, Msg::AdminPasswordReset);
        }
    });
    let (id, version, active) = a.with_value(|a| (a.id, a.version, a.active));
    let username = a.with_value(|a| a.username.clone());
    let prefix = format!("acc-{id}");
    let password_id = format!("{prefix}-password");
    let password_for = password_id.clone();
    let name_id = format!("{prefix}-name");
    let name_for = name_id.clone();
    let unit_id = format!("{prefix}-unit");
    let unit_for = unit_id.clone();
    let role_names = move || {
        a.with_value(|a| {
            a.roles
                .iter()
                .map(|r| role_label(lang.get(), *r))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    view! {
        <tr data-username=username.clone() class:disabled=!active>
            <td>{username.clone()}</td>
            <td>{a.with_value(|a| a.display_name.clone())}</td>
            <td>{a.with_value(|a| a.unit_name.clone().unwrap_or_default())}</td>
            <td>{role_names}</td>
            <td>{move || t(lang.get(), if active { Msg::AdminActive } else { Msg::AdminDisabled })}</td>
            <td class="row-actions">
                <button type="button" on:click=move |_| editing.update(|e| *e = !*e) aria-expanded=move || editing.get().to_string()>
                    {tr(Msg::AdminEdit)}
                </button>
                <button type="button" on:click=move |_| { update.dispatch((id, version, fields(!active))); }>
                    {move || t(lang.get(), if active { Msg::AdminDisable } else { Msg::AdminEnable })}
                </button>
                <button type="button" on:click=move |_| resetting.update(|e| *e = !*e) aria-expanded=move || resetting.get().to_string()>
                    {tr(Msg::AdminResetPassword)}
                </button>
            </td>
        </tr>
        <Show when=move || editing.get()>
            <tr class="edit-row"><td colspan="6">
                <form class="admin-form inline" on:submit=move |ev| { ev.prevent_default(); update.dispatch((id, version, fields(active))); }>
                    <label for=name_for.clone()>{tr(Msg::AdminName)}</label>
                    <input id=name_id.clone() prop:value=display_name on:input=move |ev| display_name.set(event_target_value(&ev))/>
                    <label for=unit_for.clone()>{tr(Msg::AdminUnit)}</label>
                    <UnitSelect id=unit_id.clone() units value=unit/>
                    <RoleChecks prefix=prefix.clone() roles/>
                    <button type="submit" class="primary" disabled=move || update.pending().get()>{tr(Msg::AdminSave)}</button>
                </form>
            </td></tr>
        </Show>
        <Show when=move || resetting.get()>
            <tr class="edit-row"><td colspan="6">
                <form class="admin-form inline" on:submit=move |ev| { ev.prevent_default(); reset.dispatch((id, version, new_password.get())); }>
                    <label for=password_for.clone()>{tr(Msg::AdminNewPassword)}</label>
                    <input id=password_id.clone() type="password" autocomplete="new-password" prop:value=new_password on:input=move |ev| new_password.set(event_target_value(&ev))/>
                    <button type="submit" class="primary" disabled=move || reset.pending().get()>{tr(Msg::AdminResetPassword)}</button>
                </form>
            </td></tr>
        </Show>
    }
}
