//! The field and button that add an item (an observation, a moment, an action) to a list. The typed text stays
//! in the field until the item is really added, and is kept by the workspace while the user visits other steps,
//! so nothing is lost on a blank add or by moving.

use leptos::prelude::*;

use super::field::keep_value;
use crate::workspace::Workspace;

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
    /// Names this field among all "add" fields, e.g. `<review id>:<question id>`, to keep what it holds.
    draft_key: String,
) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let draft_key = StoredValue::new(draft_key);
    let draft = RwSignal::new(draft_key.with_value(|key| workspace.unfinished(key)));
    let keep = move |text: String| {
        draft_key.with_value(|key| workspace.set_unfinished(key, &text));
        draft.set(text);
    };
    let add = move || {
        if on_add.run(draft.get_untracked()) {
            keep(String::new());
        }
    };
    let input = move |event: leptos::ev::Event| keep(event_target_value(&event));
    let field = if multiline {
        let area = NodeRef::<leptos::html::Textarea>::new();
        keep_value(area, draft.into());
        view! {
            <textarea
                rows="2"
                aria-labelledby=labelled_by
                placeholder=placeholder
                node_ref=area
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
        let line = NodeRef::<leptos::html::Input>::new();
        keep_value(line, draft.into());
        view! { <input type="text" autocomplete="off" placeholder=placeholder node_ref=line on:input=input/> }
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
