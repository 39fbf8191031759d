use crate::api::auth::get_current_user;
use crate::components::lang_toggle::LangToggle;
use crate::i18n::tr;
use leptos::prelude::*;
use leptos_router::components::A;
use shared::auth::Action;
use shared::i18n::Msg;

#[component]
pub fn Header() -> impl IntoView {
    let me = Resource::new(|| (), |_| get_current_user());
    view! {
        <header class="site-header">
            <div class="brand">
                <span class="brand-name">{tr(Msg::AppName)}</span>
                <span class="brand-tagline">{tr(Msg::AppTagline)}</span>
            </div>
            <nav aria-label="primary">
                <A href="/board">{tr(Msg::NavBoard)}</A>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let user = me.await.ok().flatten()?;
                        let audit = user.may(&Action::ViewAudit).is_ok();
                        let admin = user.may(&Action::Administer).is_ok();
                        let council = user.actor().has(shared::auth::Role::CouncilMember)
                            || user.may(&Action::SelectForCity).is_ok();
                        let selections = user.may(&Action::SelectForCity).is_ok()
                            || user.may(&Action::ViewSummaries).is_ok();
                        let summary = user.may(&Action::ViewSummaries).is_ok()
                            || user
                                .bloc_id
                                .is_some_and(|bloc_id| user.may(&Action::ViewBloc { bloc_id }).is_ok());
                        let reports = summary
                            || user.unit_id.is_some_and(|unit_id| {
                                user.may(&Action::WriteUnitReport { unit_id }).is_ok()
                            });
                        Some(view! {
                            <A href="/calendar">{tr(Msg::NavCalendar)}</A>
                            <Show when=move || reports>
                                <A href="/reports">{tr(Msg::ReportsLink)}</A>
                                <A href="/conferences">{tr(Msg::ConferencesLink)}</A>
                            </Show>
                            <Show when=move || summary>
                                <A href="/summary">{tr(Msg::NavSummary)}</A>
                            </Show>
                            <Show when=move || council>
                                <A href="/council">{tr(Msg::NavCouncil)}</A>
                            </Show>
                            <Show when=move || selections>
                                <A href="/selections">{tr(Msg::NavSelections)}</A>
                            </Show>
                            <Show when=move || audit>
                                <A href="/audit">{tr(Msg::NavAudit)}</A>
                            </Show>
                            <Show when=move || admin>
                                <A href="/admin/setup">{tr(Msg::NavSetup)}</A>
                                <A href="/admin/accounts">{tr(Msg::NavAdmin)}</A>
                                <A href="/admin/organisation">{tr(Msg::NavOrg)}</A>
                                <A href="/admin/campaigns">{tr(Msg::NavCampaigns)}</A>
                            </Show>
                        })
                    })}
                </Suspense>
            </nav>
            <LangToggle/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    me.await.ok().flatten().map(|user| view! {
                        <div class="user-box">
                            <a class="user-name" href="/account/password" title=tr(Msg::ChangePasswordTitle)>
                                <span class="visually-hidden">{tr(Msg::SignedInAs)} " "</span>
                                {user.display_name}
                            </a>
                            <form method="post" action="/logout">
                                <button type="submit" class="sign-out">{tr(Msg::SignOut)}</button>
                            </form>
                        </div>
                    })
                })}
            </Suspense>
        </header>
    }
}
