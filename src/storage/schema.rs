//! The IndexedDB layout's names: object stores and indexes. The store (`idb`) and each
//! schema migration (`migrations::v1`, `v2`, …) name them from here, so a migration never
//! imports the store that runs it.

/// 地域診断 records, keyed by `id`.
pub const STORE_DIAGNOSES: &str = "diagnoses";
/// The records of every 地域診断 (療養者, ステーション, …), keyed by `id`.
pub const STORE_RECORDS: &str = "records";
/// Form drafts, keyed by `key`.
pub const STORE_DRAFTS: &str = "drafts";
/// Small app facts, keyed by `key`.
pub const STORE_META: &str = "meta";
/// 変更履歴 entries, keyed by `id` (`<record>#<rev>@<device>`).
pub const STORE_HISTORY: &str = "history";
/// The index of `records`, `drafts` and `history` on `diagnosis_id`.
pub const INDEX_DIAGNOSIS: &str = "diagnosis";
/// The index of `history` on `record_id`.
pub const INDEX_RECORD: &str = "record";

/// The app's IndexedDB database (a benchmark build uses another, `ui::bench::APP_DATABASE`).
/// `index.html` repeats it as `<body data-db-name>` so that `public/boot.js` can open the
/// database while the wasm compiles; a test below keeps the two equal.
pub const DATABASE_NAME: &str = "nanbyo-chiiki-shindan";

/// The schema version this build writes (`migrations::LATEST`; one migration per version).
/// `index.html` repeats it as `<body data-db-version>` for `public/boot.js`.
pub const SCHEMA_VERSION: u32 = 3;

/// The BroadcastChannel on which a tab announces that it saved. `public/boot.js` listens on it
/// too, to drop the rows it read early when another tab may have changed them (a test keeps
/// the names equal).
pub const CHANGES_CHANNEL: &str = "nanbyo-chiiki-shindan";

#[cfg(test)]
mod tests {
    use super::{CHANGES_CHANNEL, DATABASE_NAME, INDEX_DIAGNOSIS, SCHEMA_VERSION, STORE_DIAGNOSES, STORE_RECORDS};

    /// The value of `attr="…"` on the `<body>` tag of `html`.
    fn body_attr<'a>(html: &'a str, attr: &str) -> Option<&'a str> {
        let body = html.split("<body").nth(1)?.split('>').next()?;
        let needle = format!("{attr}=\"");
        let rest = &body[body.find(&needle)? + needle.len()..];
        rest.split('"').next()
    }

    #[test]
    fn index_html_names_the_database_and_schema_version_boot_js_opens() {
        let html = include_str!("../../index.html");
        assert_eq!(body_attr(html, "data-db-name"), Some(DATABASE_NAME), "index.html <body data-db-name>");
        assert_eq!(
            body_attr(html, "data-db-version"),
            Some(SCHEMA_VERSION.to_string().as_str()),
            "index.html <body data-db-version>"
        );
    }

    #[test]
    fn boot_js_reads_early_with_the_schema_names_and_listens_on_the_changes_channel() {
        let boot = include_str!("../../public/boot.js");
        for quoted in [STORE_DIAGNOSES, STORE_RECORDS, INDEX_DIAGNOSIS] {
            assert!(boot.contains(&format!("'{quoted}'")), "public/boot.js names '{quoted}'");
        }
        assert!(
            boot.contains(&format!("new BroadcastChannel('{CHANGES_CHANNEL}')")),
            "boot.js listens on {CHANGES_CHANNEL}"
        );
    }
}
