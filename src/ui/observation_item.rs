//! One observation: its text (editable in place), writing hints, luck tag, dial, order, links to moments, and
//! actions.

use gotlucky_core::hints::HintedItem;
use gotlucky_core::parts::Part;
use gotlucky_core::summary::describe_action;
use gotlucky_core::{Dial, Direction, Luck, ObservationId};
use leptos::prelude::*;

use super::add_form::AddForm;
use super::field::{keep_value, ChoiceField};
use super::hint_notes::HintNotes;
use super::review_context::ReviewContext;
use crate::workspace::Deleted;

/// An observation in its question's list.
#[component]
pub fn ObservationItem(id: ObservationId) -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let observation = Memo::new(move |_| {
        context
            .read(Part::Observation(id), |review| review.observation(id).cloned())
            .flatten()
    });
    let text = move || {
        observation
            .with(|o| o.as_ref().map(|o| o.text.clone()))
            .unwrap_or_default()
    };
    let editing = RwSignal::new(false);
    let text_id = format!("observation-{}", id.0);
    let text_id_for_view = text_id.clone();
    let luck = move || {
        observation
            .with(|o| o.as_ref().and_then(|o| o.luck).map(Luck::key))
            .unwrap_or("")
    };
    let dial = move || {
        observation
            .with(|o| o.as_ref().and_then(|o| o.dial).map(Dial::key))
            .unwrap_or("")
    };
    let move_by = move |direction: Direction| {
        context.update(|review, now| review.move_observation(id, direction, now));
    };
    let delete = move |_| {
        context.delete(|review, now| {
            review.remove_observation(id, now).map(|removed| Deleted::Observation {
                review: review.id.clone(),
                removed,
            })
        })
    };

    // `autofocus` only works for what is there when the page loads: the editor appears later, so focus it by node.
    let editor = NodeRef::<leptos::html::Textarea>::new();
    keep_value(editor, Signal::derive(text));
    Effect::new(move |_| {
        if let Some(editor) = editor.get() {
            let _ = editor.focus();
        }
    });
    let text_view = move || {
        let text_id = text_id_for_view.clone();
        if editing.get() {
            view! {
                <textarea
                    id=text_id
                    class="edit"
                    aria-label="Edit observation"
                    rows="2"
                    node_ref=editor
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        context.edit(|review, now| review.edit_observation(id, &value, now));
                    }
                    on:keydown=move |event| {
                        let key = event.key();
                        if key == "Escape" || (key == "Enter" && !event.shift_key()) {
                            event.prevent_default();
                            editing.set(false);
                        }
                    }
                ></textarea>
            }
            .into_any()
        } else {
            view! { <p class="item-text" id=text_id>{text}</p> }.into_any()
        }
    };
    // Where a merged observation came from, shown quietly: the words are the team's now.
    let source = move || {
        observation
            .with(|o| o.as_ref().and_then(|o| o.source.clone()))
            .map(|source| view! { <p class="item-meta item-source">"from: " {source}</p> })
    };

    view! {
        <li class="item observation">
            {text_view}
            {source}
            <HintNotes item=HintedItem::Observation(id)/>
            // Named by the observation's text, so "Edit" or "Delete" is heard with what it acts on.
            <div class="item-tools" role="group" aria-labelledby=text_id>
                <ChoiceField
                    label="Luck"
                    none="not tagged"
                    choices=Luck::ALL.iter().map(|luck| (luck.key(), luck.label())).collect()
                    value=Signal::derive(luck)
                    on_change=Callback::new(move |key: String| {
                        context.update(|review, now| review.set_luck(id, Luck::from_key(&key), now));
                    })
                />
                <ChoiceField
                    label="Dial"
                    none="no dial"
                    choices=Dial::ALL.iter().map(|dial| (dial.key(), dial.label())).collect()
                    value=Signal::derive(dial)
                    on_change=Callback::new(move |key: String| {
                        context.update(|review, now| review.set_dial(id, Dial::from_key(&key), now));
                    })
                />
                <button type="button" class="secondary" on:click=move |_| editing.update(|editing| *editing = !*editing)>
                    {move || if editing.get() { "Done" } else { "Edit" }}
                </button>
                <button type="button" class="secondary" on:click=move |_| move_by(Direction::Up)>"Move up"</button>
                <button type="button" class="secondary" on:click=move |_| move_by(Direction::Down)>"Move down"</button>
                <button type="button" class="secondary" on:click=delete>"Delete"</button>
            </div>
            <Links id=id/>
        </li>
    }
}

/// The actions made from this observation, and a closed panel to link it to moments or make an action.
#[component]
fn Links(id: ObservationId) -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    // A memo over the actions only, so that typing into an observation does not rebuild this list for every
    // observation.
    let actions = Memo::new(move |_| {
        context
            .read(Part::Actions, |review| {
                review.actions_from(id).map(describe_action).collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    // The panel's contents exist only while it is open: a step holds dozens of observations, and mounting a
    // form and a list of moments under each closed panel made opening a long step take seconds.
    let open = RwSignal::new(false);

    view! {
        <ul class="linked-actions" aria-label="Actions from this observation">
            {move || actions.get().into_iter().map(|action| view! { <li>"Action: " {action}</li> }).collect_view()}
        </ul>
        <details class="links" on:toggle=move |event| {
            open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open());
        }>
            <summary>"Link to a moment or make an action"</summary>
            {move || open.get().then(|| view! { <LinksPanel id=id/> })}
        </details>
    }
}

/// The moments this observation can explain, and a form to make an action from it.
#[component]
fn LinksPanel(id: ObservationId) -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let moments = Memo::new(move |_| {
        context
            .read(Part::Moments, |review| {
                review
                    .moments
                    .iter()
                    .map(|m| (m.id, m.text.clone(), m.explained_by.contains(&id)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let add_action = Callback::new(move |what: String| {
        context
            .update(|review, now| review.add_action(&what, Some(id), now))
            .flatten()
            .is_some()
    });

    view! {
        <fieldset>
            <legend>"Explains these \u{201c}we got lucky\u{201d} moments"</legend>
            {move || {
                let moments = moments.get();
                if moments.is_empty() {
                    view! { <p class="item-meta">"No moments yet: add them in Set the scene."</p> }.into_any()
                } else {
                    moments
                        .into_iter()
                        .map(|(moment, text, linked)| {
                            view! {
                                <label class="inline">
                                    <input
                                        type="checkbox"
                                        prop:checked=linked
                                        on:change=move |_| {
                                            context.update(|review, now| review.toggle_explanation(moment, id, now));
                                        }
                                    />
                                    {text}
                                </label>
                            }
                        })
                        .collect_view()
                        .into_any()
                }
            }}
        </fieldset>
        <AddForm
            draft_key=format!("{}:action-from:{}", context.id.get_value(), id.0)
            label="New action from this observation" placeholder="" button="Add action" on_add=add_action/>
    }
}
