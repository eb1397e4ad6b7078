//! Labelled fields used for every value of a review, so they all look and behave alike.

use leptos::prelude::*;

/// A label wrapping an input or text area; the label text is the field's accessible name.
#[component]
pub fn TextField(
    /// The visible label.
    label: &'static str,
    /// The current value.
    value: Signal<String>,
    /// Called with the new value on every keystroke.
    on_input: Callback<String>,
    /// The input type (`text`, `date`, `url`); ignored for multi-line fields.
    #[prop(default = "text")]
    input_type: &'static str,
    /// A text area instead of a one-line input.
    #[prop(optional)]
    multiline: bool,
    /// An example value shown while the field is empty.
    #[prop(optional)]
    placeholder: &'static str,
) -> impl IntoView {
    let input = move |event: leptos::ev::Event| on_input.run(event_target_value(&event));
    let control = if multiline {
        view! { <textarea rows="3" placeholder=placeholder prop:value=value on:input=input></textarea> }.into_any()
    } else {
        view! { <input type=input_type autocomplete="off" placeholder=placeholder prop:value=value on:input=input/> }
            .into_any()
    };
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            {control}
        </label>
    }
}

/// A label wrapping a drop-down of fixed choices, whose first choice means "none".
#[component]
pub fn ChoiceField(
    /// The visible label.
    label: &'static str,
    /// The text of the "none" choice.
    none: &'static str,
    /// `(key, text)` of each choice.
    choices: Vec<(&'static str, &'static str)>,
    /// The chosen key, or "" for none.
    value: Signal<&'static str>,
    /// Called with the newly chosen key ("" for none).
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="inline">
            {label} " "
            <select prop:value=value on:change=move |event| on_change.run(event_target_value(&event))>
                <option value="">{none}</option>
                {choices.into_iter().map(|(key, text)| view! { <option value=key>{text}</option> }).collect_view()}
            </select>
        </label>
    }
}
