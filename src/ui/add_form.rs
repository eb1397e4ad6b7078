//! The field and button that add an item (an observation, a moment, an action) to a list. The typed text stays
//! in the field until the item is really added, so nothing is lost on a blank or refused add.

use leptos::prelude::*;

/// A form with one field that adds what is typed when Enter is pressed or the button is clicked.
#[component]
pub fn AddForm(
    /// The field's visible label; leave empty when `labelled_by` names the field instead.
    #[prop(optional)]
    label: &'static str,
    /// The id of the element whose text is the field's accessible name (a question's heading).
    #[prop(optional, into)]
    labelled_by: Option<String>,
    /// An example shown while the field is empty.
    placeholder: &'static str,
    /// The button's text.
    button: &'static str,
    /// A text area, where Shift+Enter starts a new line, instead of a one-line input.
    #[prop(optional)]
    multiline: bool,
    /// Adds the text, returning whether it was added (blank text is not).
    on_add: Callback<String, bool>,
) -> impl IntoView {
    let draft = RwSignal::new(String::new());
    let add = move || {
        if on_add.run(draft.get_untracked()) {
            draft.set(String::new());
        }
    };
    let input = move |event: leptos::ev::Event| draft.set(event_target_value(&event));
    let field = if multiline {
        view! {
            <textarea
                rows="2"
                aria-labelledby=labelled_by
                placeholder=placeholder
                prop:value=draft
                on:input=input
                on:keydown=move |event| {
                    if event.key() == "Enter" && !event.shift_key() {
                        event.prevent_default();
                        add();
                    }
                }
            ></textarea>
        }
        .into_any()
    } else {
        view! { <input type="text" autocomplete="off" placeholder=placeholder prop:value=draft on:input=input/> }
            .into_any()
    };
    let field = if label.is_empty() {
        field
    } else {
        view! {
            <label class="field">
                <span class="field-label">{label}</span>
                {field}
            </label>
        }
        .into_any()
    };
    view! {
        <form class="add" on:submit=move |event| { event.prevent_default(); add(); }>
            {field}
            <button type="submit">{button}</button>
        </form>
    }
}
