//! Any bytes given to the backup import must come back as a plan or a reason, never a panic; and whatever it
//! accepts must export as a backup and plan again to the same reviews (each marked as exported by that backup).
#![no_main]

use gotlucky_core::backup::{export_backup, plan_import};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(plan) = plan_import(&text, &[]) else { return };
    let exported = export_backup(&plan.to_save, 7);
    let again =
        plan_import(&exported, &[]).unwrap_or_else(|error| panic!("a backup did not import ({error}):\n{exported}"));
    let mut expected = plan.to_save.clone();
    for review in &mut expected {
        review.mark_exported(7);
    }
    assert_eq!(
        again.to_save, expected,
        "a backup imported to other reviews:\n{exported}"
    );
    assert_eq!(
        (again.added, again.updated, again.copied, again.skipped),
        (expected.len(), 0, 0, 0)
    );
});
