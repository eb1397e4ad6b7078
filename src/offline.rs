//! The service worker glue: registration, noticing that a new version is waiting, and switching to it only
//! when the user asks (never while someone is typing).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Registers `sw.js` (release builds only, so development never serves a stale cache) and sets `update_ready`
/// when a new version has been installed and waits.
pub fn register(update_ready: RwSignal<bool>) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = web_sys::window().map(|window| window.navigator().service_worker()) else {
        return;
    };
    leptos::task::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(container.register("sw.js")).await else {
            return; // No offline support in this browser; the app works online as before.
        };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        if registration.waiting().is_some() && container.controller().is_some() {
            update_ready.set(true);
        }
        let on_update_found = {
            let registration = registration.clone();
            Closure::<dyn FnMut()>::new(move || {
                let Some(installing) = registration.installing() else {
                    return;
                };
                let worker = installing.clone();
                let on_state_change = Closure::<dyn FnMut()>::new(move || {
                    let has_controller = web_sys::window()
                        .is_some_and(|window| window.navigator().service_worker().controller().is_some());
                    if worker.state() == web_sys::ServiceWorkerState::Installed && has_controller {
                        update_ready.set(true);
                    }
                });
                installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
                on_state_change.forget();
            })
        };
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        // Lives as long as the page, like the registration it listens to.
        on_update_found.forget();
    });
}

/// Switches to the waiting version: the new worker takes over, then the page reloads once.
pub fn activate_update() {
    let Some(window) = web_sys::window() else { return };
    let container = window.navigator().service_worker();
    let reload = Closure::<dyn FnMut()>::once(move || {
        let _ = window.location().reload();
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let Ok(ready) = container.ready() else { return };
    leptos::task::spawn_local(async move {
        if let Ok(registration) = wasm_bindgen_futures::JsFuture::from(ready).await {
            let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
            if let Some(waiting) = registration.waiting() {
                let _ = waiting.post_message(&wasm_bindgen::JsValue::from_str("activate-update"));
            }
        }
    });
}
