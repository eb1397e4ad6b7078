//! Mounts the app; everything else lives in the library so browser tests can reach it.

fn main() {
    gotlucky::crash::install();
    leptos::mount::mount_to_body(gotlucky::ui::App);
    // After mounting, so a test sees the crash screen replace a running app.
    gotlucky::crash::panic_if_testing();
}
