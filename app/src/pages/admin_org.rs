use crate::api::admin::{get_organisation, save_bloc, save_unit, set_council_seat};
use crate::components::checked_form::CheckedForm;
use crate::components::loaded::Loaded;
use crate::error::AppError;
use crate::i18n::{tr, use_lang};
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
    // One action for every seat, made here and not in the list: the list is drawn again
    // each time the organisation reloads, which would drop a toggle still being saved (its
    // answer would then never reload the page, which went on showing the box unticked).
    let failed = StoredValue::new(false);
    let seat = Action::new(move |&(user_id, on): &(i64, bool)| async move {
        let r = set_council_seat(user_id, on).await;
        if let Err(e) = &r {
            failed.set_value(true);
            notice.set(Some(Err(e.clone())));
        }
        r
    });
    // Reload once every toggle has been answered: a reload between two would redraw the
    // box still being saved from the older state. Only the latest answer is the action's
    // value; a refusal of an earlier one stays in the notice.
    Effect::new(move |_| {
        if seat.pending().get() {
            return;
        }
        if seat.value().with(Option::is_some) {
            if !failed.get_value() {
                notice.set(Some(Ok("")));
            }
            failed.set_value(false);
            reload();
        }
    });
    view! {
        <section class="admin-page" aria-labelledby="org-title">
            <h1 id="org-title">{tr(Msg::AdminOrgTitle)}</h1>
            {move || notice.get().map(|n| match n {
                Ok(msg) => view! { <p class="notice" role="status">{move || format!("{} {msg}", t(lang.get(), Msg::OrgSaved)).trim_end().to_string()}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e.describe(lang.get())}</p> }.into_any(),
            })}
            <Loaded data=org let:o>{
                // A bloc's head is one of its own units; a unit may be in any bloc.
                let heads = |bloc: Option<i64>| o.units.iter().filter(|u| Some(u.bloc_id) == bloc).map(|u| (u.id, u.name.clone())).collect::<Vec<_>>();
                let blocs = o.blocs.iter().map(|b| (b.id, b.name.clone())).collect::<Vec<_>>();
                let bloc_rows = o.blocs.iter().map(|b| {
                    let row = (b.id, b.version, b.code.clone(), b.name.clone(), b.head_unit_id);
                    view! { <OrgEditor kind=OrgKind::Bloc row=Some(row) options=heads(Some(b.id)) notice reload/> }
                }).collect_view();
                let new_bloc = view! { <OrgEditor kind=OrgKind::Bloc row=None options=heads(None) notice reload/> };
                let unit_rows = o.units.iter().map(|u| {
                    let row = (u.id, u.version, u.code.clone(), u.name.clone(), Some(u.bloc_id));
                    view! { <OrgEditor kind=OrgKind::Unit row=Some(row) options=blocs.clone() notice reload/> }
                }).collect_view();
                let new_unit = view! { <OrgEditor kind=OrgKind::Unit row=None options=blocs.clone() notice reload/> };
                let campaign = o.campaign_name;
                let seats = o.council.into_iter().map(|s| {
                    let id = format!("seat-{}", s.user_id);
                    let label_for = id.clone();
                    let user_id = s.user_id;
                    let member = s.member;
                    view! {
                        <li class:member=member>
                            <input type="checkbox" id=id prop:checked=member on:change=move |ev| { seat.dispatch((user_id, event_target_checked(&ev))); }/>
                            <label for=label_for>{format!("{} — {} ({})", s.username, s.display_name, s.unit_name.unwrap_or_default())}</label>
                        </li>
                    }
                }).collect_view();
                view! {
                    <h2>{tr(Msg::AdminBlocs)}</h2>
                    <div class="org-list">{bloc_rows}{new_bloc}</div>
                    <h2>{tr(Msg::AdminUnits)}</h2>
                    <div class="org-list">{unit_rows}{new_unit}</div>
                    <h2 id="council">{tr(Msg::AdminCouncil)} " — " {campaign}</h2>
                    <ul class="seats">{seats}</ul>
                }.into_any()
            }</Loaded>
        </section>
    }
}

/// A bloc (its link: the head unit, one of its own units, or none) or a unit (its link:
/// the bloc it belongs to).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OrgKind {
    Bloc,
    Unit,
}

/// A row stored already: id, version, code, name and link.
type OrgRow = (i64, i64, String, String, Option<i64>);

impl OrgKind {
    /// The prefix of the form's field ids, the link's label, and the add button's text.
    fn words(self) -> (&'static str, Msg, Msg) {
        match self {
            OrgKind::Bloc => ("bloc", Msg::HeadUnit, Msg::AdminAddBloc),
            OrgKind::Unit => ("unit", Msg::OrgBloc, Msg::AdminAddUnit),
        }
    }
}

/// One bloc's or unit's form (`row` None: the form that adds one); `options` are the
/// link's choices, by id and name.
#[component]
fn OrgEditor(
    kind: OrgKind,
    row: Option<OrgRow>,
    options: Vec<(i64, String)>,
    notice: Notice,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let (prefix, link_label, add_label) = kind.words();
    let key = row
        .as_ref()
        .map(|r| r.0.to_string())
        .unwrap_or_else(|| "new".into());
    let (id, version) = (row.as_ref().map(|r| r.0), row.as_ref().map_or(0, |r| r.1));
    let code = RwSignal::new(row.as_ref().map(|r| r.2.clone()).unwrap_or_default());
    let name = RwSignal::new(row.as_ref().map(|r| r.3.clone()).unwrap_or_default());
    // A unit always belongs to a bloc: a new one to the first, unless another is chosen.
    let first = (kind == OrgKind::Unit)
        .then(|| options.first().map(|o| o.0))
        .flatten();
    let link = RwSignal::new(row.as_ref().map_or(first, |r| r.4));
    let form = CheckedForm::new(move || org_errors(&code.get(), &name.get()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let (c, n, l) = (code.get(), name.get(), link.get());
        let send = move || async move {
            match kind {
                OrgKind::Bloc => save_bloc(id, version, c, n, l).await,
                OrgKind::Unit => save_unit(id, version, c, n, l.unwrap_or_default()).await,
            }
        };
        form.submit(ev, send, move |()| {
            notice.set(Some(Ok("")));
            reload();
        });
    };
    let input = move |signal: RwSignal<String>| {
        move |ev| {
            signal.set(event_target_value(&ev));
            form.touched();
        }
    };
    let ids = [
        format!("{prefix}-{key}-code"),
        format!("{prefix}-{key}-name"),
        format!(
            "{prefix}-{key}-{}",
            if kind == OrgKind::Bloc {
                "head"
            } else {
                "bloc"
            }
        ),
    ];
    let none = (kind == OrgKind::Bloc)
        .then(|| view! { <option value="" selected=move || link.get().is_none()>"—"</option> });
    let choices = options.into_iter().map(|(oid, oname)| {
        view! { <option value=oid.to_string() selected=move || link.get() == Some(oid)>{oname}</option> }
    }).collect_view();
    view! {
        <form class="org-row" on:submit=submit>
            <label for=ids[0].clone()>{tr(Msg::OrgCode)}</label>
            <input id=ids[0].clone() class="code" prop:value=code on:input=input(code)/>
            <label for=ids[1].clone()>{tr(Msg::OrgName)}</label>
            <input id=ids[1].clone() class="name" prop:value=name on:input=input(name)/>
            <label for=ids[2].clone()>{tr(link_label)}</label>
            <select id=ids[2].clone() on:change=move |ev| {
                let chosen = event_target_value(&ev).parse().ok();
                if chosen.is_some() || kind == OrgKind::Bloc { link.set(chosen) }
            }>
                {none}
                {choices}
            </select>
            <button type="submit" disabled=move || form.saving.get()>{move || t(lang.get(), if id.is_some() { Msg::AdminSave } else { add_label })}</button>
            {form.alert("error", |lang, problems| problems.iter().map(|e| input_error(lang, e)).collect::<Vec<_>>().join(" "))}
        </form>
    }
}
