//! The service worker glue: registration, noticing that a new version is waiting, and switching to it only
//! when the user asks (never while someone is typing).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A label set at compile time (`GOTLUCKY_BUILD_LABEL`), put on `<html data-build-label>`. The end-to-end tests
/// build the app twice, once with a label, to get two genuinely different builds to deploy one over the other.
const BUILD_LABEL: Option<&str> = option_env!("GOTLUCKY_BUILD_LABEL");

/// Registers `sw.js` (release builds only, so development never serves a stale cache) and sets `update_ready`
/// when a new version has been installed and waits.
pub fn register(update_ready: RwSignal<bool>) {
    if let Some(label) = BUILD_LABEL {
        if let Some(root) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element())
        {
            let _ = root.set_attribute("data-build-label", label);
        }
    }
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

/// Switches to the new version: asks the waiting worker to take over, and reloads once it has. When there is no
/// waiting worker, another tab has already switched (the new worker controls this page too, which still runs the
/// old version): reload straight away.
pub fn activate_update() {
    let Some(window) = web_sys::window() else { return };
    let container = window.navigator().service_worker();
    let Ok(ready) = container.ready() else {
        let _ = window.location().reload();
        return;
    };
    leptos::task::spawn_local(async move {
        let waiting = match wasm_bindgen_futures::JsFuture::from(ready).await {
            Ok(registration) => registration
                .unchecked_into::<web_sys::ServiceWorkerRegistration>()
                .waiting(),
            Err(_) => None,
        };
        let Some(waiting) = waiting else {
            let _ = window.location().reload();
            return;
        };
        let reload = Closure::<dyn FnMut()>::once(move || {
            let _ = window.location().reload();
        });
        container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        let _ = waiting.post_message(&wasm_bindgen::JsValue::from_str("activate-update"));
    });
}
