//! Mounts the app; everything else lives in the library so browser tests can reach it.

fn main() {
    leptos::mount::mount_to_body(gotlucky::ui::App);
}
