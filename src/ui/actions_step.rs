//! The actions step: every action of the review in one list, editable, with writing hints under each.

use gotlucky_core::catalogue::step_of_question;
use gotlucky_core::hints::HintedItem;
use gotlucky_core::parts::Part;
use gotlucky_core::{ActionField, ActionId, Route};
use leptos::prelude::*;

use super::add_form::AddForm;
use super::field::TextField;
use super::hint_notes::HintNotes;
use super::review_context::ReviewContext;
use crate::workspace::Deleted;

/// All actions, with a field to add one that comes from no particular observation.
#[component]
pub fn ActionsStep() -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let ids = move || {
        context
            .read(Part::Actions, |review| {
                review.actions.iter().map(|a| a.id).collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let add = Callback::new(move |what: String| {
        context
            .update(|review, now| review.add_action(&what, None, now))
            .flatten()
            .is_some()
    });

    view! {
        <p class="help">"Make an action from any observation in the earlier steps, or add one here."</p>
        <ul class="items" aria-label="Actions">
            <For each=ids key=|id| *id let:id>
                <ActionItem id=id/>
            </For>
        </ul>
        <AddForm draft_key=format!("{}:action", context.id.get_value()) label="New action" placeholder="Write a runbook for the payment gateway" button="Add action" on_add=add/>
    }
}

#[component]
fn ActionItem(id: ActionId) -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let action = Memo::new(move |_| {
        context
            .read(Part::Actions, |review| {
                review.actions.iter().find(|a| a.id == id).cloned()
            })
            .flatten()
    });
    let field = move |read: fn(&gotlucky_core::Action) -> &str| {
        Signal::derive(move || {
            action
                .with(|a| a.as_ref().map(|a| read(a).to_owned()))
                .unwrap_or_default()
        })
    };
    let set = move |field: ActionField| {
        Callback::new(move |value: String| {
            context.edit(|review, now| review.set_action_field(id, field, &value, now));
        })
    };
    // The observation it came from, with a link to that observation's step.
    let from = move || {
        let from = action.with(|a| a.as_ref().and_then(|a| a.from))?;
        context
            .read(Part::Observation(from), |review| {
                let observation = review.observation(from)?;
                let route = context.route_to(step_of_question(&observation.question));
                Some((observation.text.clone(), route))
            })
            .flatten()
    };
    let delete = move |_| {
        context.delete(|review, now| {
            review.remove_action(id, now).map(|removed| Deleted::Action {
                review: review.id.clone(),
                removed,
            })
        })
    };

    view! {
        <li class="item action">
            <TextField label="Action" value=field(|a| &a.what) on_input=set(ActionField::What)/>
            <div class="field-row">
                <TextField label="Owner" value=field(|a| &a.owner) on_input=set(ActionField::Owner)/>
                <TextField label="Due date" input_type="date" value=field(|a| &a.due) on_input=set(ActionField::Due)/>
            </div>
            <HintNotes item=HintedItem::Action(id)/>
            {move || from().map(|(text, route): (String, Route)| view! {
                <p class="item-meta">"From observation: " <a href=route.to_hash()>{text}</a></p>
            })}
            <button type="button" class="secondary" on:click=delete>"Delete action"</button>
        </li>
    }
}
