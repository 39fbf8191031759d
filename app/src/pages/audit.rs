use crate::api::audit::list_audit;
use crate::components::loaded::Loaded;
use crate::components::table::Table;
use crate::i18n::{tr, use_lang};
use crate::types::model::{AuditAction, AuditFilter, AuditRowView, ChainStatus};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::i18n::{audit_action_label, audit_object_label, format_timestamp, t, Msg};

/// The audit history: who did what, when, newest first; filters live in the URL.
#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        query.with(|q| AuditFilter {
            action: q.get("action").filter(|a| !a.is_empty()),
            actor: q.get("actor").filter(|a| !a.is_empty()),
            before_id: q.get("before").and_then(|b| b.parse().ok()),
        })
    };
    let page = Resource::new(filter, |f| list_audit(f.action, f.actor, f.before_id));
    let lang = use_lang();
    view! {
        <section class="audit-page" aria-labelledby="audit-title">
            <h1 id="audit-title">{tr(Msg::AuditTitle)}</h1>
            <form method="get" action="/audit" class="filters">
                <label for="audit-action">{tr(Msg::AuditAction)}</label>
                <select id="audit-action" name="action">
                    <option value="">{tr(Msg::AuditAllActions)}</option>
                    {AuditAction::all().into_iter().map(|a| a.code()).map(|a| {
                        let selected = move || filter().action.as_deref() == Some(a);
                        view! { <option value=a selected=selected>{move || audit_action_label(lang.get(), a)}</option> }
                    }).collect_view()}
                </select>
                <label for="audit-actor">{tr(Msg::AuditActor)}</label>
                <input id="audit-actor" name="actor" type="search" prop:value=move || filter().actor.unwrap_or_default()/>
                <button type="submit">{tr(Msg::AuditFilter)}</button>
            </form>
            <Loaded data=page let:p>{
                let chain = match p.chain {
                    ChainStatus::Intact { rows } => view! {
                        <p class="notice" role="status">{move || format!("{} {rows}", t(lang.get(), Msg::AuditChainIntact))}</p>
                    }.into_any(),
                    ChainStatus::Broken { row_id } => view! {
                        <p class="error" role="alert">{move || format!("{} #{row_id}", t(lang.get(), Msg::AuditChainBroken))}</p>
                    }.into_any(),
                };
                let older = p.older.map(|id| {
                    let f = filter();
                    let mut href = format!("/audit?before={id}");
                    if let Some(a) = f.action { href.push_str(&format!("&action={a}")); }
                    if let Some(a) = f.actor { href.push_str(&format!("&actor={a}")); }
                    view! { <a href=href class="older">{tr(Msg::AuditOlder)}</a> }
                });
                let empty = p.rows.is_empty();
                let rows = p.rows.into_iter().map(|r| view! { <AuditRow row=r/> }).collect_view();
                view! {
                    {chain}
                    <Table class="audit" caption=Msg::AuditTitle columns=vec![
                        Msg::AuditWhen.into(), Msg::AuditActor.into(), Msg::AuditAction.into(),
                        Msg::AuditObject.into(), Msg::AuditAddress.into(), Msg::AuditDetails.into(),
                    ]>{rows}</Table>
                    <Show when=move || empty><p>{tr(Msg::AuditEmpty)}</p></Show>
                    {older}
                }
            }</Loaded>
        </section>
    }
}

#[component]
fn AuditRow(row: AuditRowView) -> impl IntoView {
    let lang = use_lang();
    let e = row.entry;
    let action = e.action.clone();
    let action_code = e.action.clone();
    let object_type = e.object_type;
    let object_id = e.object_id;
    let object = move || {
        let label = audit_object_label(lang.get(), &object_type);
        match &object_id {
            Some(id) => format!("{label}: {id}"),
            None => label,
        }
    };
    let details = match (e.before, e.after) {
        (Some(b), Some(a)) => format!("{b} → {a}"),
        (None, Some(a)) => a,
        (Some(b), None) => b,
        (None, None) => String::new(),
    };
    let at = row.at;
    view! {
        <tr data-action=action_code>
            <td>{format_timestamp(&at)}</td>
            <td>{e.actor_name}</td>
            <td>{move || audit_action_label(lang.get(), &action)}</td>
            <td>{object}</td>
            <td>{e.address.unwrap_or_default()}</td>
            <td class="details">{details}</td>
        </tr>
    }
}
