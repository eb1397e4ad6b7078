//! Mounts one heading, as gotlucky's home screen starts with: the baseline for gotlucky's mount time.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <h1>"We got lucky"</h1> });
}
