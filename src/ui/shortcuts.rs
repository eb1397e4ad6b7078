//! The keyboard shortcuts panel.

use leptos::prelude::*;

/// The shortcuts, as shown in the panel.
const SHORTCUTS: &[(&str, &str)] = &[
    ("Alt+Page Down", "Next step, also while typing"),
    ("Alt+Page Up", "Previous step, also while typing"),
    ("Alt+Shift+\u{2192}", "Next step, outside text fields"),
    ("Alt+Shift+\u{2190}", "Previous step, outside text fields"),
    (
        "Enter or Ctrl+Enter",
        "Add the observation, moment or action being typed",
    ),
    ("Shift+Enter", "New line in an observation"),
    ("Enter or Escape", "Finish editing an observation"),
    ("Tab / Shift+Tab", "Next / previous field or button"),
    ("Alt+Shift+K", "Show or hide this list"),
];

/// A button that shows or hides the list of shortcuts; Alt+Shift+K does the same from anywhere.
#[component]
pub fn ShortcutsPanel() -> impl IntoView {
    let open = RwSignal::new(false);
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        if event.alt_key() && event.shift_key() && event.code() == "KeyK" {
            event.prevent_default();
            open.update(|open| *open = !*open);
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <button
            type="button"
            class="secondary"
            aria-expanded=move || open.get().to_string()
            aria-controls="shortcuts"
            on:click=move |_| open.update(|open| *open = !*open)
        >
            "Keyboard shortcuts"
        </button>
        <section id="shortcuts" class="shortcuts" aria-label="Keyboard shortcuts" class:hidden=move || !open.get()>
            <dl>
                {SHORTCUTS.iter().map(|(keys, action)| view! { <dt><kbd>{*keys}</kbd></dt><dd>{*action}</dd> }).collect_view()}
            </dl>
        </section>
    }
}
