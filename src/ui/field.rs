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
        let area = NodeRef::<leptos::html::Textarea>::new();
        keep_value(area, value);
        view! { <textarea rows="3" placeholder=placeholder node_ref=area on:input=input></textarea> }.into_any()
    } else {
        let line = NodeRef::<leptos::html::Input>::new();
        keep_value(line, value);
        view! { <input type=input_type autocomplete="off" placeholder=placeholder node_ref=line on:input=input/> }
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

/// Shows `value` in a text control without rewriting what is being typed: the control's value is set only when
/// it differs. Setting it to the same text (as `prop:value` does after every keystroke that changes the review)
/// resets the browser's editor for the field and costs it a layout each time.
pub fn keep_value<E>(control: NodeRef<E>, value: Signal<String>)
where
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        let value = value.get();
        let Some(control) = control.get() else {
            return;
        };
        let control: &wasm_bindgen::JsValue = wasm_bindgen::JsCast::unchecked_ref(&control);
        let key = wasm_bindgen::JsValue::from_str("value");
        let shown = js_sys::Reflect::get(control, &key)
            .ok()
            .and_then(|shown| shown.as_string());
        if shown.as_deref() != Some(value.as_str()) {
            let _ = js_sys::Reflect::set(control, &key, &wasm_bindgen::JsValue::from_str(&value));
        }
    });
}
