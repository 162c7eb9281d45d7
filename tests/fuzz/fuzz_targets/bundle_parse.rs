//! Fuzzes the bundle reader (and the encrypted-file reader): any bytes must give `Ok` or a
//! Japanese `Err`, never a panic, a hang or a stack overflow; whatever is accepted must
//! plan and apply cleanly.
//!
//!     cargo +nightly fuzz run bundle_parse tests/bundles/good tests/bundles/bad
#![no_main]

use libfuzzer_sys::fuzz_target;
use nanbyo_chiiki_shindan::domain::bundle::{apply_plan, parse_bundle, parse_envelope, plan_import, KnownIds, Resolutions};

fuzz_target!(|data: &[u8]| {
    let known = KnownIds::default();
    if let Ok(parsed) = parse_bundle(data, &known) {
        let plan = plan_import(&[], &parsed.bundle);
        let applied = apply_plan(&plan, &Resolutions::new());
        // Importing what was just written again finds nothing to do.
        let again = plan_import(&applied.records, &parsed.bundle);
        assert!(!again.has_changes());
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse_envelope(text);
    }
});
