//! A page's data in one frame: while it loads, a status line; if it fails, the reason in
//! the user's language and, where trying again may help, a button that loads it again;
//! then the content. A transition
//! keeps what is shown on screen while it reloads after a change.

use crate::error::AppError;
use crate::i18n::{tr, use_lang};
use leptos::prelude::*;
use shared::i18n::Msg;
use std::sync::Arc;

/// `<Loaded data=resource let:value>…</Loaded>`: the children, given the loaded value.
#[component]
pub fn Loaded<T, F, V>(
    data: Resource<Result<T, AppError>>,
    /// For a page whose title comes with its content: on failure, this title stands above
    /// the reason, so that the page still has one.
    #[prop(optional)]
    heading: Option<Msg>,
    /// What "not found" means on this page, said as a fact rather than an error (the board
    /// of an install without a campaign yet).
    #[prop(optional)]
    missing: Option<Msg>,
    children: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    let children = Arc::new(children);
    view! {
        <Transition fallback=move || view! { <p class="loading" role="status">{tr(Msg::Loading)}</p> }>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => children(value).into_any(),
                        Err(AppError::NotFound) if missing.is_some() => {
                            let text = missing.unwrap_or(Msg::Loading);
                            view! { <p class="empty" role="status">{tr(text)}</p> }.into_any()
                        }
                        Err(e) => {
                            // Trying again is offered only where it may help (no dead button
                            // under a refusal).
                            let retry = e.retryable().then(|| view! {
                                <button type="button" class="secondary" on:click=move |_| data.refetch()>
                                    {tr(Msg::TryAgain)}
                                </button>
                            });
                            let failed = view! {
                                <div class="load-failed">
                                    <p class="error" role="alert">{move || e.describe(lang.get())}</p>
                                    {retry}
                                </div>
                            };
                            match heading {
                                Some(title) => view! { <h1>{tr(title)}</h1> {failed} }.into_any(),
                                None => failed.into_any(),
                            }
                        }
                    }
                })
            }}
        </Transition>
    }
}

/// A page's status line (`role="status"`), and what its form calls once saved: the
/// callback says its text there and loads `data` again.
pub fn saved_notice<T>(data: Resource<Result<T, AppError>>) -> (impl IntoView, Callback<String>)
where
    T: Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
{
    let notice = RwSignal::new(None::<String>);
    let on_saved = Callback::new(move |text| {
        notice.set(Some(text));
        data.refetch();
    });
    (
        view! { <p class="notice" role="status">{move || notice.get()}</p> },
        on_saved,
    )
}
