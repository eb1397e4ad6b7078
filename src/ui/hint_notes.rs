//! Writing hints under an item: gentle notes that never block typing. Each says why its words deserve a second
//! look and how else to say it, can be dismissed for that item (kept in the review), and all of them can be
//! turned off in this browser.
//!
//! Screen readers hear a hint once, when it first appears for an item, through a polite live region whose text
//! changes only then: typing on after a hint appeared, or a hint that comes back after it went away, announces
//! nothing. Items that first show hints all at once (a step opening) are announced as one count, not one by one.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gotlucky_core::hints::{rule, unexplained_moments, HintedItem, Rule};
use gotlucky_core::parts::{every_answer_list, Part};
use gotlucky_core::redact::scene_names;
use gotlucky_core::{HintChecker, Review, TextKind};
use leptos::html::{Button, Div};
use leptos::prelude::*;

use super::review_context::ReviewContext;

/// One hint as shown: its rule, and the words that raised it (none for a rule about the whole item).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Note {
    rule: &'static Rule,
    words: Option<String>,
}

/// What a list of hints checks on its item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// The item's words (and, for an action, its owner and due date).
    Words,
    /// Whether a "we got lucky" moment is explained by an observation.
    Luck,
}

/// The hints of one item that are not dismissed, under it.
#[component]
pub fn HintNotes(
    /// The item the hints are about.
    item: HintedItem,
    /// What to check; the words by default.
    #[prop(default = Check::Words)]
    check: Check,
) -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let workspace = context.workspace;
    // Each read names only the parts its check looks at, so typing elsewhere never re-checks this item.
    let notes = Memo::new(move |_| {
        context
            .read_parts(parts_read(item, check), |review| notes_of(review, item, check))
            .unwrap_or_default()
    });
    let on = move || workspace.hints_on();
    let announcement = RwSignal::new(String::new());
    let review_id = context.id.get_value();
    Effect::new(move |_| {
        let rules: Vec<&'static Rule> = notes.with(|notes| notes.iter().map(|note| note.rule).collect());
        let new = first_seen(&review_id, item, &rules);
        if !new.is_empty() && workspace.hints_on() {
            announce(announcement, new);
        }
    });

    // What this item's own buttons last did, with a way back.
    let last = RwSignal::new(None::<Last>);
    let undo_button = NodeRef::<Button>::new();
    let container = NodeRef::<Div>::new();
    // The button that did it disappears with its note, so focus moves to the way back.
    Effect::new(move |_| {
        if let Some(button) = undo_button.get() {
            let _ = button.focus();
        }
    });
    let dismiss = move |rule: &'static Rule| {
        context.update(|review, now| review.dismiss_hint(item, rule.id, now));
        last.set(Some(Last::Dismissed(rule)));
    };
    let undo = move |_| {
        match last.get_untracked() {
            Some(Last::Dismissed(rule)) => {
                context.update(|review, now| review.restore_hint(item, rule.id, now));
            }
            Some(Last::TurnedOff) => workspace.set_hints_on(true),
            None => {}
        }
        last.set(None);
        // Back on the notes, once they are drawn again.
        request_animation_frame(move || {
            if let Some(button) = container
                .get_untracked()
                .and_then(|div| div.query_selector("button").ok().flatten())
            {
                use wasm_bindgen::JsCast;
                if let Some(button) = button.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    };
    let turn_off = move |_| {
        workspace.set_hints_on(false);
        announcement.set(String::new());
        last.set(Some(Last::TurnedOff));
    };

    let id_base = format!("hint-{}-{}", item_number(item), check_name(check));
    let list = move || {
        if !on() {
            return None;
        }
        let notes = notes.get();
        if notes.is_empty() {
            return None;
        }
        let id_base = id_base.clone();
        let views = notes
            .into_iter()
            .map(|note| {
                let why_id = format!("{id_base}-{}", note.rule.id);
                let words = note
                    .words
                    .map(|words| format!("\u{201c}{words}\u{201d}: "))
                    .unwrap_or_default();
                let rule = note.rule;
                view! {
                    <div class="hint-note" role="note">
                        <p id=why_id.clone()>
                            <strong>"Hint: "</strong>
                            {words}
                            {rule.why}
                        </p>
                        <p class="hint-reframe">"Try asking: " {rule.reframe}</p>
                        <button type="button" class="link-button" aria-describedby=why_id on:click=move |_| dismiss(rule)>
                            "Dismiss hint"
                        </button>
                    </div>
                }
            })
            .collect_view();
        Some(view! {
            {views}
            <button type="button" class="link-button" on:click=turn_off>"Turn all hints off"</button>
        })
    };
    let status = move || {
        last.get().map(|last| {
            let text = match last {
                Last::Dismissed(_) => "Hint dismissed for this item.",
                Last::TurnedOff => "Writing hints are off in this browser.",
            };
            view! {
                <p class="hint-status">
                    {text} " "
                    <button type="button" class="link-button" node_ref=undo_button on:click=undo>
                        {match last {
                            Last::Dismissed(_) => "Undo",
                            Last::TurnedOff => "Turn hints back on",
                        }}
                    </button>
                </p>
            }
        })
    };

    view! {
        <div class="hint-notes no-print" node_ref=container>
            {list}
            {status}
            <p class="visually-hidden" aria-live="polite">{move || announcement.get()}</p>
        </div>
    }
}

/// What an item's hint buttons last did, until it is undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Dismissed(&'static Rule),
    TurnedOff,
}

/// A checkbox that shows or hides every writing hint, remembered in this browser.
#[component]
pub fn HintsSetting() -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let workspace = context.workspace;
    view! {
        <label class="inline hints-setting no-print">
            <input
                type="checkbox"
                prop:checked=move || workspace.hints_on()
                on:change=move |event| workspace.set_hints_on(event_target_checked(&event))
            />
            "Show writing hints (blame, hindsight, vague actions, luck without a why)"
        </label>
    }
}

/// The parts of the review a check reads.
fn parts_read(item: HintedItem, check: Check) -> Vec<Part> {
    let mut parts = vec![Part::Hints];
    match (item, check) {
        (HintedItem::Moment(_), Check::Luck) => {
            parts.push(Part::Moments);
            parts.extend(every_answer_list());
        }
        (HintedItem::Moment(_), Check::Words) => parts.extend([Part::Moments, Part::Scene]),
        (HintedItem::Observation(id), _) => parts.extend([Part::Observation(id), Part::Scene]),
        (HintedItem::Action(_), _) => parts.extend([Part::Actions, Part::Scene]),
    }
    parts
}

/// The hints of one item that the team has not dismissed.
fn notes_of(review: &Review, item: HintedItem, check: Check) -> Vec<Note> {
    let of_words = |text: &str, kind: TextKind| {
        checker(review)
            .check(text, kind)
            .into_iter()
            .map(|hint| Note {
                rule: hint.rule,
                words: hint
                    .range
                    .and_then(|(start, end)| text.get(start..end))
                    .map(str::to_owned),
            })
            .collect::<Vec<_>>()
    };
    let notes = match (item, check) {
        (HintedItem::Moment(id), Check::Luck) => unexplained_moments(review)
            .contains(&id)
            .then(|| rule("luck-unexplained"))
            .flatten()
            .map(|rule| Note { rule, words: None })
            .into_iter()
            .collect(),
        (HintedItem::Moment(id), Check::Words) => review
            .moments
            .iter()
            .find(|moment| moment.id == id)
            .map(|moment| of_words(&moment.text, TextKind::Moment))
            .unwrap_or_default(),
        (HintedItem::Observation(id), _) => review
            .observation(id)
            .map(|observation| of_words(&observation.text, TextKind::Observation))
            .unwrap_or_default(),
        (HintedItem::Action(id), _) => review
            .actions
            .iter()
            .find(|action| action.id == id)
            .map(|action| {
                checker(review)
                    .check_action(action)
                    .into_iter()
                    .map(|hint| Note {
                        rule: hint.rule,
                        words: hint
                            .range
                            .and_then(|(start, end)| action.what.get(start..end))
                            .map(str::to_owned),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    };
    notes
        .into_iter()
        .filter(|note| !review.is_hint_dismissed(item, note.rule.id))
        .collect()
}

thread_local! {
    /// The last checker built, with the names it knows: a checker indexes every rule's phrases, so it is built
    /// again only when the scene's names change, not for every item and keystroke.
    static CHECKER: RefCell<Option<(Vec<String>, Rc<HintChecker>)>> = const { RefCell::new(None) };

    /// The rules each item has shown this session, by review: a rule is announced only the first time.
    static SEEN: RefCell<HashMap<(String, u32), Vec<&'static str>>> = RefCell::new(HashMap::new());

    /// Announcements waiting for the end of this turn of the event loop, so that many at once become one.
    static PENDING: RefCell<Vec<(RwSignal<String>, Vec<&'static Rule>)>> = const { RefCell::new(Vec::new()) };
}

/// A checker that knows the review's names.
fn checker(review: &Review) -> Rc<HintChecker> {
    let names = scene_names(review);
    CHECKER.with_borrow_mut(|cached| match cached {
        Some((known, checker)) if *known == names => Rc::clone(checker),
        _ => {
            let checker = Rc::new(HintChecker::new(&names));
            *cached = Some((names, Rc::clone(&checker)));
            checker
        }
    })
}

/// The rules among `rules` that this item has not shown before this session; remembers them.
fn first_seen(review: &str, item: HintedItem, rules: &[&'static Rule]) -> Vec<&'static Rule> {
    SEEN.with_borrow_mut(|seen| {
        let known = seen.entry((review.to_owned(), item_number(item))).or_default();
        let new: Vec<&'static Rule> = rules.iter().copied().filter(|rule| !known.contains(&rule.id)).collect();
        known.extend(new.iter().map(|rule| rule.id));
        new
    })
}

/// Queues an announcement in `region`; at the end of this turn one item's hints are read in full, several
/// items' as one count in the first item's region.
fn announce(region: RwSignal<String>, rules: Vec<&'static Rule>) {
    let first = PENDING.with_borrow_mut(|pending| {
        pending.push((region, rules));
        pending.len() == 1
    });
    if !first {
        return;
    }
    set_timeout(
        || {
            let pending = PENDING.with_borrow_mut(std::mem::take);
            let text = match pending.as_slice() {
                [] => return,
                [(_, rules)] => rules
                    .iter()
                    .map(|rule| format!("Hint: {}", rule.why))
                    .collect::<Vec<_>>()
                    .join(" "),
                several => format!("Writing hints on {} items.", several.len()),
            };
            // The region may be gone with its item by now; then there is nobody to tell.
            let _ = pending[0].0.try_set(text);
        },
        std::time::Duration::ZERO,
    );
}

/// The item's id: moments, observations and actions share one sequence of ids.
fn item_number(item: HintedItem) -> u32 {
    match item {
        HintedItem::Moment(id) => id.0,
        HintedItem::Observation(id) => id.0,
        HintedItem::Action(id) => id.0,
    }
}

fn check_name(check: Check) -> &'static str {
    match check {
        Check::Words => "words",
        Check::Luck => "luck",
    }
}
