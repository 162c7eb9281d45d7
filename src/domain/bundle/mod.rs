//! バンドル: the JSON file nurses use to share their work and as their only backup.
//!
//! * [`export`] writes a bundle (format v1, deterministic order).
//! * [`parse_bundle`] checks a file completely — size, encoding, depth, format, version
//!   (older versions are migrated, see [`migrations`]), every record's fields, types,
//!   ranges and codes, IDs and references — **before** anything is written. Every problem is
//!   a Japanese message saying where and what.
//! * [`plan_import`] compares a checked bundle with the device's records field by field
//!   (a dry run the nurse reviews); [`apply_plan`] gives the records to write.
//! * [`anonymise`] makes a copy for training and sharing outside the 保健所.
//! * [`envelope`] is the format of a password-encrypted bundle (the crypto runs in the
//!   browser).
//!
//! The format is documented in `FORMAT.md` and `bundle.schema.json` beside this file.

pub mod anonymise;
pub mod base64;
pub mod body;
pub mod dataio;
pub mod envelope;
pub mod error;
pub mod export_job;
pub mod labels;
pub mod merge;
pub mod migrations;
pub mod review;
pub mod scan;
pub mod validate;
pub mod validate_history;

#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod prop_tests;

pub use anonymise::{anonymise, small_group_warnings, AnonymiseOptions, AnonymiseReport, FreeTextField};
pub use body::{check_body, FieldProblem};
pub use envelope::{header_aad_bytes, parse_envelope, Envelope};
pub use error::{ImportError, ImportProblem};
pub use merge::{
    apply_plan, plan_import, planned_reads, Applied, Choice, ImportPlan, Outcome, PlanItem, PlannedRead, Resolutions,
};
pub use validate::{detect_file_kind, parse_bundle, BundleReader, FileKind, KnownIds, ParsedBundle};

use super::history::HistoryEntry;
use super::ids::{DeviceId, RecordId};
use super::record::{RecordKind, StoredRecord};
use super::sample;
use super::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The `format` marker of a bundle file.
pub const BUNDLE_FORMAT: &str = "nanbyo-chiiki-shindan-bundle";
/// The bundle format version this app writes.
pub const BUNDLE_VERSION: u32 = 6;
/// The device ID written into anonymised bundles and their records.
pub const ANON_DEVICE: &str = "anonymised";
/// Suggested file name suffix.
pub const BUNDLE_EXTENSION: &str = ".nanbyo.json";

/// 書き出しの範囲: what a bundle holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ExportScope {
    /// 全ての地域診断 (the whole list: a full backup).
    All,
    /// 選んだ地域診断 and all their records.
    Diagnoses { ids: Vec<RecordId> },
    /// 選んだ療養者 of one 地域診断 (with the 地域診断 record itself and their assessments).
    Patients { diagnosis_id: RecordId, patient_ids: Vec<RecordId> },
}

impl ExportScope {
    /// In words, for the export and import screens.
    pub fn describe(&self) -> String {
        match self {
            ExportScope::All => "全ての地域診断".to_string(),
            ExportScope::Diagnoses { ids } => format!("選んだ地域診断（{}件）", ids.len()),
            ExportScope::Patients { patient_ids, .. } => format!("選んだ療養者（{}人）", patient_ids.len()),
        }
    }
}

/// A bundle file (format v1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Always [`BUNDLE_FORMAT`].
    pub format: String,
    /// Always [`BUNDLE_VERSION`] after reading (older files are migrated).
    pub version: u32,
    /// 書き出し日時.
    pub exported_at: Timestamp,
    /// The app version that wrote the file (for support; not used when reading).
    pub app_version: String,
    /// The device that wrote the file.
    pub device: DeviceId,
    /// 書き出しの範囲.
    pub scope: ExportScope,
    /// 匿名化済み.
    pub anonymised: bool,
    /// 地域診断 records, sorted by ID.
    pub diagnoses: Vec<StoredRecord>,
    /// All other records, sorted by 地域診断 ID, kind, ID.
    pub records: Vec<StoredRecord>,
    /// 変更履歴 of those records (format v3; only when the nurse chose it, never when
    /// anonymised), sorted by record, then revision. Absent when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryEntry>,
}

/// How to write a bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// 書き出し日時 (the UI reads the clock).
    pub exported_at: Timestamp,
    /// e.g. `env!("CARGO_PKG_VERSION")`.
    pub app_version: String,
    /// This device.
    pub device: DeviceId,
    pub scope: ExportScope,
    /// Set when the records went through [`anonymise`].
    pub anonymised: bool,
    /// Indented (readable) or compact JSON.
    pub pretty: bool,
}

/// Why a bundle could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// The bundle would be larger than [`scan::MAX_BUNDLE_BYTES`] and could not be read back.
    TooLarge(usize),
    /// A record could not be turned into JSON.
    Json(String),
    /// The written file does not pass the import checks ([`check_export`]): it would not
    /// restore, so it is not offered and does not count as a backup. The lines name the
    /// records and fields.
    Unreadable(Vec<String>),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::TooLarge(n) => write!(
                f,
                "書き出すデータが大きすぎます（{}、上限 {}）。地域診断を選んで分けて書き出してください",
                scan::show_size(*n),
                scan::show_size(scan::MAX_BUNDLE_BYTES)
            ),
            ExportError::Json(e) => write!(f, "書き出せませんでした（{e}）"),
            ExportError::Unreadable(lines) => write!(
                f,
                "書き出したファイルを読み込みの検査にかけたところ、読み込めない内容がありました。このファイルでは元に戻せないため、保存していません（バックアップにもなりません）。次の記録を開いて直してから、もう一度書き出してください。\n{}",
                lines.join("\n")
            ),
        }
    }
}

/// Sorts records into the bundle's deterministic order.
pub fn sort_for_bundle(diagnoses: &mut [StoredRecord], records: &mut [StoredRecord]) {
    diagnoses.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    records.sort_by(|a, b| {
        (&a.meta.diagnosis_id, a.meta.kind, &a.meta.id).cmp(&(&b.meta.diagnosis_id, b.meta.kind, &b.meta.id))
    });
}

/// The bundle value for `diagnoses` and `records` (sorted).
pub fn make_bundle(diagnoses: &[StoredRecord], records: &[StoredRecord], options: &ExportOptions) -> Bundle {
    let mut diagnoses = diagnoses.to_vec();
    let mut records = records.to_vec();
    sort_for_bundle(&mut diagnoses, &mut records);
    let device = if options.anonymised {
        DeviceId::parse(ANON_DEVICE).unwrap_or_else(|_| options.device.clone())
    } else {
        options.device.clone()
    };
    Bundle {
        format: BUNDLE_FORMAT.to_string(),
        version: BUNDLE_VERSION,
        exported_at: options.exported_at,
        app_version: options.app_version.clone(),
        device,
        scope: options.scope.clone(),
        anonymised: options.anonymised,
        diagnoses,
        records,
        history: Vec::new(),
    }
}

/// Writes a bundle: `diagnoses` are the 地域診断 records, `records` all others (see
/// [`select_for_export`]). Deterministic: the same records give the same text.
pub fn export(
    diagnoses: &[StoredRecord],
    records: &[StoredRecord],
    options: &ExportOptions,
) -> Result<String, ExportError> {
    export_with_history(diagnoses, records, &[], options)
}

/// [`export`] with the 変更履歴 of the records written (entries of other records are left
/// out; none at all in an anonymised file).
pub fn export_with_history(
    diagnoses: &[StoredRecord],
    records: &[StoredRecord],
    history: &[HistoryEntry],
    options: &ExportOptions,
) -> Result<String, ExportError> {
    let mut bundle = make_bundle(diagnoses, records, options);
    if !options.anonymised {
        let written: BTreeSet<&RecordId> = diagnoses.iter().chain(records).map(|r| &r.meta.id).collect();
        bundle.history = history.iter().filter(|e| written.contains(&e.record_id)).cloned().collect();
        bundle.history.sort_by(|a, b| (&a.record_id, a.rev, &a.id).cmp(&(&b.record_id, b.rev, &b.id)));
    }
    let text = if options.pretty { serde_json::to_string_pretty(&bundle) } else { serde_json::to_string(&bundle) }
        .map_err(|e| ExportError::Json(e.to_string()))?;
    if text.len() > scan::MAX_BUNDLE_BYTES {
        return Err(ExportError::TooLarge(text.len()));
    }
    Ok(text)
}

/// Checks a written bundle with the importer's own checks ([`parse_bundle`] as on a device
/// that holds nothing yet): a file that would not import is not a backup. Returns what the
/// importer would read (its warnings, e.g. clocks that disagree, are for the nurse too).
pub fn check_export(text: &str) -> Result<ParsedBundle, ExportError> {
    parse_bundle(text.as_bytes(), &KnownIds::default()).map_err(|e| ExportError::Unreadable(e.lines()))
}

/// [`export`], then [`check_export`]: the text of a file that is known to import.
pub fn export_checked(
    diagnoses: &[StoredRecord],
    records: &[StoredRecord],
    options: &ExportOptions,
) -> Result<String, ExportError> {
    let text = export(diagnoses, records, options)?;
    check_export(&text)?;
    Ok(text)
}

/// The records 「書き出す」 draws from: with 「全ての地域診断」 the サンプル is left out unless
/// the nurse ticks it (`include_sample`); a 地域診断 chosen by name is written whatever it is.
pub fn export_pool<'a>(
    all: &'a [StoredRecord],
    scope: &ExportScope,
    include_sample: bool,
) -> std::borrow::Cow<'a, [StoredRecord]> {
    if matches!(scope, ExportScope::All) && !include_sample && all.iter().any(sample::is_sample_record) {
        std::borrow::Cow::Owned(sample::without_sample(all))
    } else {
        std::borrow::Cow::Borrowed(all)
    }
}

/// The records a scope covers, from everything on the device: `(diagnoses, records)`.
/// Trashed records are included when `include_trash` (a full backup keeps the ゴミ箱); a
/// 地域診断 in the ゴミ箱 goes with all its records, or not at all.
pub fn select_for_export(
    all: &[StoredRecord],
    scope: &ExportScope,
    include_trash: bool,
) -> (Vec<StoredRecord>, Vec<StoredRecord>) {
    let trashed = crate::domain::diagnosis::trash::trashed_ids(all);
    let keep = |r: &&StoredRecord| include_trash || !(r.is_deleted() || trashed.contains(&r.meta.diagnosis_id));
    let (diagnoses, others): (Vec<&StoredRecord>, Vec<&StoredRecord>) =
        all.iter().filter(keep).partition(|r| r.meta.kind == RecordKind::Diagnosis);
    let (diagnoses, records): (Vec<StoredRecord>, Vec<StoredRecord>) = match scope {
        ExportScope::All => (diagnoses.into_iter().cloned().collect(), others.into_iter().cloned().collect()),
        ExportScope::Diagnoses { ids } => {
            let ids: BTreeSet<&RecordId> = ids.iter().collect();
            (
                diagnoses.into_iter().filter(|d| ids.contains(&d.meta.id)).cloned().collect(),
                others.into_iter().filter(|r| ids.contains(&r.meta.diagnosis_id)).cloned().collect(),
            )
        }
        ExportScope::Patients { diagnosis_id, patient_ids } => {
            let ids: BTreeSet<&RecordId> = patient_ids.iter().collect();
            (
                diagnoses.into_iter().filter(|d| &d.meta.id == diagnosis_id).cloned().collect(),
                others
                    .into_iter()
                    .filter(|r| &r.meta.diagnosis_id == diagnosis_id)
                    .filter(|r| match r.meta.kind {
                        RecordKind::Patient => ids.contains(&r.meta.id),
                        RecordKind::Assessment | RecordKind::SupportPlan => {
                            validate::referenced_patient(r).is_some_and(|p| ids.contains(&p))
                        }
                        _ => false,
                    })
                    .cloned()
                    .collect(),
            )
        }
    };
    // An アセスメント travels with its 療養者: when the patient is on the device but left out
    // (in the ゴミ箱, and the ゴミ箱 not exported), so is the assessment — otherwise the file
    // would name a patient it does not hold and could not be imported on another device.
    let patients: BTreeSet<&RecordId> =
        records.iter().filter(|r| r.meta.kind == RecordKind::Patient).map(|r| &r.meta.id).collect();
    let on_device: BTreeSet<&RecordId> =
        all.iter().filter(|r| r.meta.kind == RecordKind::Patient).map(|r| &r.meta.id).collect();
    let keep_assessment: Vec<bool> = records
        .iter()
        .map(|r| match validate::referenced_patient(r) {
            Some(p) if matches!(r.meta.kind, RecordKind::Assessment | RecordKind::SupportPlan) => {
                patients.contains(&p) || !on_device.contains(&p)
            }
            _ => true,
        })
        .collect();
    let mut keep = keep_assessment.into_iter();
    let mut records = records;
    records.retain(|_| keep.next().unwrap_or(true));
    let mut diagnoses = diagnoses;
    sort_for_bundle(&mut diagnoses, &mut records);
    (diagnoses, records)
}

/// Splits records to write into (地域診断, others), as the store's write batch wants them.
pub fn split_diagnoses(records: Vec<StoredRecord>) -> (Vec<StoredRecord>, Vec<StoredRecord>) {
    records.into_iter().partition(|r| r.meta.kind == RecordKind::Diagnosis)
}

/// `難病地域診断_○○保健所管内_20261122.nanbyo.json`-style file name: `label` is cleaned of
/// characters file systems refuse.
pub fn suggested_file_name(label: &str, exported_at: Timestamp, anonymised: bool) -> String {
    let date = exported_at.date_jst();
    let clean = clean_label(label);
    let anon = if anonymised { "_匿名化" } else { "" };
    let label = if clean.is_empty() { String::new() } else { format!("_{clean}") };
    format!("難病地域診断{label}{anon}_{:04}{:02}{:02}{BUNDLE_EXTENSION}", date.year, date.month, date.day)
}

/// A label for a file name: characters file systems refuse become `_`, at most 40
/// characters, trimmed.
pub(crate) fn clean_label(label: &str) -> String {
    let clean: String =
        label.chars().map(|c| if c.is_control() || "\\/:*?\"<>|".contains(c) { '_' } else { c }).take(40).collect();
    clean.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::patient::Patient;

    use crate::domain::ids::test_ids::rid as id;

    fn records() -> Vec<StoredRecord> {
        let dev = DeviceId::parse("pc").expect("id");
        let d = |i: &str, year: i32| {
            let body = crate::domain::diagnosis::CommunityDiagnosis {
                jurisdiction: "A保健所管内".into(),
                fiscal_year: crate::domain::fiscal_year::FiscalYear::new(year).expect("fy"),
            };
            StoredRecord::create(id(i), id(i), &body, Timestamp(1), &dev).expect("creates")
        };
        let p = |i: &str, diag: &str| {
            StoredRecord::create(id(i), id(diag), &Patient::default(), Timestamp(1), &dev).expect("creates")
        };
        let mut trashed = p("p3", "d1");
        trashed.meta.deleted_at = Some(Timestamp(2));
        let assessment = StoredRecord {
            meta: RecordMeta { kind: RecordKind::Assessment, id: id("a1"), ..p("a1", "d1").meta },
            body: crate::domain::record::Body::from_typed(&crate::domain::trees::assessment::Assessment::new(
                id("p1"),
                crate::domain::trees::data::Tree::Respiratory,
                "",
                Timestamp(1),
            ))
            .expect("body"),
            stamps: Default::default(),
        };
        vec![d("d1", 2025), d("d2", 2024), p("p2", "d1"), p("p1", "d1"), p("q1", "d2"), trashed, assessment]
    }

    use crate::domain::record::RecordMeta;

    fn ids(rs: &[StoredRecord]) -> Vec<&str> {
        rs.iter().map(|r| r.meta.id.as_str()).collect()
    }

    #[test]
    fn scopes_select_their_records_in_bundle_order() {
        let all = records();
        let (d, r) = select_for_export(&all, &ExportScope::All, true);
        assert_eq!(ids(&d), vec!["d1", "d2"]);
        assert_eq!(ids(&r), vec!["p1", "p2", "p3", "a1", "q1"], "by diagnosis, kind, id");
        let (_, r) = select_for_export(&all, &ExportScope::All, false);
        assert!(!ids(&r).contains(&"p3"));
        let (d, r) = select_for_export(&all, &ExportScope::Diagnoses { ids: vec![id("d2")] }, true);
        assert_eq!((ids(&d), ids(&r)), (vec!["d2"], vec!["q1"]));
        let scope = ExportScope::Patients { diagnosis_id: id("d1"), patient_ids: vec![id("p1")] };
        let (d, r) = select_for_export(&all, &scope, true);
        assert_eq!((ids(&d), ids(&r)), (vec!["d1"], vec!["p1", "a1"]));
        assert_eq!(scope.describe(), "選んだ療養者（1人）");
        let (ds, rs) = split_diagnoses(all);
        assert_eq!((ds.len(), rs.len()), (2, 5));
    }

    fn options(scope: ExportScope, anonymised: bool, pretty: bool) -> ExportOptions {
        ExportOptions {
            exported_at: Timestamp(1_748_736_000_000),
            app_version: "0.1.0".into(),
            device: DeviceId::parse("pc").expect("id"),
            scope,
            anonymised,
            pretty,
        }
    }

    /// Issue 12, backups that always restore (clock skew): a PC clock that was fast and then
    /// corrected leaves records whose 作成日時 is after their 更新日時. Every record kind, so
    /// skewed, exports to a file that passes the importer's own checks (plain, indented,
    /// anonymised, every scope), with a note about the clocks.
    #[test]
    fn clock_skew_every_kind_exports_and_passes_the_import_checks() {
        let (mut ds, mut rs) = super::corpus_tests::every_kind_records();
        let kinds: BTreeSet<RecordKind> = ds.iter().chain(&rs).map(|r| r.meta.kind).collect();
        assert_eq!(kinds.len(), RecordKind::ALL.len(), "every kind is in the sample");
        for r in ds.iter_mut().chain(rs.iter_mut()).step_by(2) {
            r.meta.created_at = Timestamp(r.meta.updated_at.0 + 3_600_000);
        }
        let all: Vec<StoredRecord> = ds.iter().chain(&rs).cloned().collect();
        let scopes = [
            ExportScope::All,
            ExportScope::Diagnoses { ids: vec![id("d-2025")] },
            ExportScope::Patients { diagnosis_id: id("d-2025"), patient_ids: vec![id("p-1")] },
        ];
        for scope in scopes {
            for include_trash in [true, false] {
                let (d, r) = select_for_export(&all, &scope, include_trash);
                for pretty in [false, true] {
                    let text = export_checked(&d, &r, &options(scope.clone(), false, pretty))
                        .unwrap_or_else(|e| panic!("{scope:?} {include_trash}: {e}"));
                    let parsed = check_export(&text).expect("checked");
                    assert_eq!(parsed.bundle.diagnoses.len() + parsed.bundle.records.len(), d.len() + r.len());
                    let skewed = d.iter().chain(&r).filter(|r| r.meta.created_at > r.meta.updated_at).count();
                    if skewed > 0 {
                        assert!(parsed.warnings.contains(&validate::clock_skew_note(skewed)), "{:?}", parsed.warnings);
                    }
                }
                let (d, r, _) = anonymise(&d, &r, &AnonymiseOptions::default());
                export_checked(&d, &r, &options(scope.clone(), true, false)).expect("anonymised copy imports");
            }
        }
    }

    /// Issue 12: an export that the importer would refuse is not offered: the message names the
    /// record and what is wrong.
    #[test]
    fn an_export_the_importer_refuses_is_not_offered() {
        let (ds, mut rs) = super::corpus_tests::every_kind_records();
        let a = rs.iter_mut().find(|r| r.meta.kind == RecordKind::Assessment).expect("assessment");
        let mut body = a.body.to_value();
        body["patient_id"] = "p-nowhere".into();
        a.body = crate::domain::record::Body::from_value(&body);
        let e = export_checked(&ds, &rs, &options(ExportScope::All, false, false)).expect_err("refused");
        let text = e.to_string();
        assert!(text.contains("このファイルでは元に戻せないため、保存していません"), "{text}");
        assert!(text.contains("（アセスメント ID as-1）"), "{text}");
        assert!(text.contains("療養者「p-nowhere」がこのファイルにも端末にもありません"), "{text}");
    }

    /// Leaving the ゴミ箱 out leaves out the アセスメント of a trashed 療養者 too (the file would
    /// otherwise name a patient it does not hold, and not import).
    #[test]
    fn assessments_of_trashed_patients_stay_with_them() {
        let (ds, mut rs) = super::corpus_tests::every_kind_records();
        let p1 = rs.iter_mut().find(|r| r.meta.id.as_str() == "p-1").expect("p-1");
        p1.meta.deleted_at = Some(p1.meta.updated_at);
        let all: Vec<StoredRecord> = ds.iter().chain(&rs).cloned().collect();
        let (d, r) = select_for_export(&all, &ExportScope::All, false);
        assert!(!ids(&r).contains(&"as-1"));
        export_checked(&d, &r, &options(ExportScope::All, false, false)).expect("imports");
        let (_, r) = select_for_export(&all, &ExportScope::All, true);
        assert!(ids(&r).contains(&"as-1"));
    }

    /// Issue 12: `rev` at 2^53 − 1 was accepted, and after one edit the export was refused
    /// with 「版番号は1以上の整数です」. Now a revision is at most `MAX_REV`: a record at the
    /// limit imports, can be edited (the revision stays at the limit) and exported; beyond it
    /// the import says the number is too large.
    #[test]
    fn rev_at_the_limit_can_be_edited_and_exported_beyond_it_is_refused() {
        use crate::domain::record::MAX_REV;
        let (ds, mut rs) = super::corpus_tests::every_kind_records();
        let i = rs.iter().position(|r| r.meta.id.as_str() == "p-1").expect("p-1");
        rs[i].meta.rev = MAX_REV;
        let opts = options(ExportScope::All, false, false);
        let text = export_checked(&ds, &rs, &opts).expect("a record at the limit exports");
        let parsed = parse_bundle(text.as_bytes(), &KnownIds::default()).expect("and imports");
        let p1 = parsed.bundle.records.iter().find(|r| r.meta.id.as_str() == "p-1").expect("p-1");
        let mut body: Patient = p1.body_as().expect("patient");
        body.name = "直した氏名".into();
        let edited = p1.edited(&body, Timestamp(p1.meta.updated_at.0 + 1), &p1.meta.updated_by).expect("ok");
        let edited = edited.expect("changed");
        assert_eq!(edited.meta.rev, MAX_REV, "stays at the limit");
        rs[i] = edited;
        export_checked(&ds, &rs, &opts).expect("still exports after an edit");
        for rev in [MAX_REV + 1, 9_007_199_254_740_991] {
            rs[i].meta.rev = rev;
            let text = export(&ds, &rs, &opts).expect("writes");
            let e = parse_bundle(text.as_bytes(), &KnownIds::default()).expect_err("refused").to_string();
            assert!(e.contains(&format!("rev（版番号）: 版番号が大きすぎます（{rev}、{MAX_REV}まで）")), "{e}");
        }
    }

    #[test]
    fn file_names_are_safe() {
        let t = crate::domain::time::Date::new(2026, 11, 22).expect("date").start_jst();
        assert_eq!(suggested_file_name("A保健所管内", t, false), "難病地域診断_A保健所管内_20261122.nanbyo.json");
        assert_eq!(suggested_file_name("a/b:c", t, true), "難病地域診断_a_b_c_匿名化_20261122.nanbyo.json");
        assert_eq!(suggested_file_name("", t, false), "難病地域診断_20261122.nanbyo.json");
    }

    #[test]
    fn anonymised_exports_carry_no_device() {
        let all = records();
        let (d, r) = select_for_export(&all, &ExportScope::All, false);
        let (d, r, _) = anonymise(&d, &r, &AnonymiseOptions::default());
        let options = ExportOptions {
            exported_at: Timestamp(5),
            app_version: "0.1.0".into(),
            device: DeviceId::parse("pc").expect("id"),
            scope: ExportScope::All,
            anonymised: true,
            pretty: false,
        };
        let text = export(&d, &r, &options).expect("exports");
        assert!(!text.contains("\"pc\""));
        let parsed = parse_bundle(text.as_bytes(), &KnownIds::default()).expect("reads back");
        assert!(parsed.bundle.anonymised);
        assert_eq!(parsed.bundle.device.as_str(), ANON_DEVICE);
        assert!(parsed.warnings.iter().any(|w| w.contains("匿名化")));
    }
}
