//! A form checked as the user types: the shared rule's problems, shown from the first
//! change (or the first try to save) on, marked on the fields they concern and listed in
//! the form's alert with the server's refusal; the saving state that disables the submit
//! button and ignores a second submit while the first is on its way.

use crate::error::AppError;
use crate::i18n::use_lang;
use leptos::prelude::*;
use shared::i18n::{t, Lang, Msg};
use std::future::Future;
use std::sync::Arc;

/// The signals a checked form shares. `P` is one problem as the shared rule reports it.
pub struct CheckedForm<P: Send + Sync + 'static> {
    /// Whether the problems are shown yet.
    pub shown: RwSignal<bool>,
    /// What the shared rule finds wrong with the fields as they stand.
    pub problems: Memo<Vec<P>>,
    /// Sent to the server, no answer yet.
    pub saving: RwSignal<bool>,
    /// The server's refusal of the last try, in the user's language.
    pub server_error: RwSignal<Option<String>>,
    lang: RwSignal<Lang>,
}

impl<P: Send + Sync + 'static> Clone for CheckedForm<P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P: Send + Sync + 'static> Copy for CheckedForm<P> {}

impl<P> CheckedForm<P>
where
    P: Clone + PartialEq + Send + Sync + 'static,
{
    /// A form whose problems are what `check` finds (it reads the fields' signals).
    pub fn new(check: impl Fn() -> Vec<P> + Send + Sync + 'static) -> Self {
        Self {
            shown: RwSignal::new(false),
            problems: Memo::new(move |_| check()),
            saving: RwSignal::new(false),
            server_error: RwSignal::new(None),
            lang: use_lang(),
        }
    }

    /// A field was changed: from now on the problems are shown.
    pub fn touched(self) {
        self.shown.set(true);
    }

    /// A field's `aria-invalid`: whether a shown problem `concerns` it.
    pub fn invalid(
        self,
        concerns: impl Fn(&P) -> bool + Send + Sync + 'static,
    ) -> impl Fn() -> String + Send + Sync + 'static {
        move || (self.shown.get() && self.problems.with(|p| p.iter().any(&concerns))).to_string()
    }

    /// What is said beside a field: the shown problems that `concern` it, in one line.
    pub fn messages(
        self,
        concerns: impl Fn(&P) -> bool + Send + Sync + 'static,
        message: impl Fn(&P, Lang) -> String + Send + Sync + 'static,
    ) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        move || {
            let lang = self.lang.get();
            self.shown
                .get()
                .then(|| {
                    self.problems.with(|p| {
                        p.iter()
                            .filter(|p| concerns(p))
                            .map(|p| message(p, lang))
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                })
                .filter(|s| !s.is_empty())
        }
    }

    /// The form is submitted: the problems are shown; if there are none and nothing is on
    /// its way, what `send` sends goes to the server, and its answer to `done` (or, if
    /// refused, to the alert).
    pub fn submit<T, Fut>(
        self,
        ev: leptos::ev::SubmitEvent,
        send: impl FnOnce() -> Fut,
        done: impl FnOnce(T) + 'static,
    ) where
        T: 'static,
        Fut: Future<Output = Result<T, AppError>> + 'static,
    {
        ev.prevent_default();
        self.shown.set(true);
        self.server_error.set(None);
        if !self.problems.with_untracked(Vec::is_empty) || self.saving.get_untracked() {
            return;
        }
        self.saving.set(true);
        let sending = send();
        leptos::task::spawn_local(async move {
            match sending.await {
                Ok(answer) => done(answer),
                Err(e) => self
                    .server_error
                    .set(Some(e.describe(self.lang.get_untracked()))),
            }
            self.saving.set(false);
        });
    }

    /// The form's alert (`class` places it): the problems once shown, as `summary` lists
    /// them, then the server's refusal. It is there only while it has something to say, so
    /// that its arrival is announced.
    pub fn alert<V: IntoView + 'static>(
        self,
        class: &'static str,
        summary: impl Fn(Lang, Vec<P>) -> V + Send + Sync + 'static,
    ) -> impl IntoView {
        let summary = Arc::new(summary);
        let problems_shown = move || self.shown.get() && !self.problems.with(Vec::is_empty);
        let refused = move || self.server_error.with(Option::is_some);
        view! {
            <Show when=move || problems_shown() || refused()>
                <div class=class role="alert">
                    {
                        let summary = summary.clone();
                        move || problems_shown().then(|| summary(self.lang.get(), self.problems.get()))
                    }
                    {move || self.server_error.get().map(|e| view! { <p class="error">{e}</p> })}
                </div>
            </Show>
        }
    }

    /// The submit button, saying `label`, or that the form is being saved.
    pub fn submit_button(self, label: Msg) -> impl IntoView {
        view! {
            <button type="submit" class="primary" disabled=move || self.saving.get()>
                {move || t(self.lang.get(), if self.saving.get() { Msg::Saving } else { label })}
            </button>
        }
    }
}
