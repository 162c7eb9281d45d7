//! 取り込み前の検査: reads a bundle file and checks everything before anything is written.
//!
//! Order: byte length → encoding → nesting depth → JSON (strict) → format marker → version
//! (older versions migrated) → the file's fields → every record (envelope, body, stamps) →
//! IDs and references between records. Any problem refuses the whole file; nothing is
//! written. Problems are collected (up to [`super::error::MAX_PROBLEMS`]) so the nurse sees
//! them all at once.

use super::body::{check_body, serde_text, MAX_TIMESTAMP_MS};
use super::envelope::ENCRYPTED_FORMAT;
use super::error::{ImportError, Problems};
use super::labels::{dotted, field_label, meta_label};
use super::scan::{check_depth, clip, decode_text, parse_strict, MAX_BUNDLE_BYTES, MAX_DEPTH};
use super::validate_history::check_history;
use super::{migrations, Bundle, ExportScope, BUNDLE_FORMAT, BUNDLE_VERSION};
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::record::{
    is_leaf_path, FieldStamp, RecordKind, RecordMeta, StoredRecord, FIELD_HISTORY_LEN, MAX_REV,
};
use crate::domain::time::Timestamp;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Most 地域診断 records in one bundle.
pub const MAX_DIAGNOSES: usize = 1_000;
/// Most other records in one bundle.
pub const MAX_RECORDS: usize = 100_000;
/// Longest `app_version`.
pub const MAX_APP_VERSION_CHARS: usize = 64;

/// IDs already on this device, so references to them are not dangling.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnownIds {
    /// 地域診断 IDs on the device.
    pub diagnoses: BTreeSet<RecordId>,
    /// Other record IDs on the device (for 前年度 links and assessments' patients).
    pub records: BTreeSet<RecordId>,
}

impl KnownIds {
    /// The IDs of the device's records (trashed ones included: they still exist).
    pub fn from_records(local: &[StoredRecord]) -> KnownIds {
        let mut known = KnownIds::default();
        for r in local {
            if r.meta.kind == RecordKind::Diagnosis {
                known.diagnoses.insert(r.meta.id.clone());
            } else {
                known.records.insert(r.meta.id.clone());
            }
        }
        known
    }
}

/// A checked bundle, ready for [`super::plan_import`].
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedBundle {
    pub bundle: Bundle,
    /// The version the file was written in, when it was migrated (e.g. `Some(0)`).
    pub migrated_from: Option<u32>,
    /// Things the nurse should know that do not stop the import (日本語).
    pub warnings: Vec<String>,
}

/// What a chosen file looks like, from its first bytes (to ask for a password first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A bundle (read it with [`parse_bundle`]).
    Bundle,
    /// A password-encrypted bundle (read it with [`super::parse_envelope`]).
    Encrypted,
    /// Something else ([`parse_bundle`] will say what is wrong).
    Unknown,
}

/// What a chosen file is, from its top-level `format` value: the JSON is read (its other
/// values skipped), not searched as text — so an encrypted file whose `format` comes after a
/// long `ciphertext` is still asked for its password, and a bundle whose text merely mentions
/// the encrypted marker (typed into 住所) is still a bundle. Anything that does not read as a
/// JSON object with a known `format` string is [`FileKind::Unknown`] (the readers then say
/// what is wrong).
pub fn detect_file_kind(bytes: &[u8]) -> FileKind {
    let Ok(text) = decode_text(bytes, MAX_BUNDLE_BYTES.max(super::envelope::MAX_ENVELOPE_BYTES)) else {
        return FileKind::Unknown;
    };
    if check_depth(text, MAX_DEPTH).is_err() {
        return FileKind::Unknown;
    }
    match serde_json::from_str::<FormatOnly>(text) {
        Ok(FormatOnly(Some(f))) if f == ENCRYPTED_FORMAT => FileKind::Encrypted,
        Ok(FormatOnly(Some(f))) if f == BUNDLE_FORMAT => FileKind::Bundle,
        _ => FileKind::Unknown,
    }
}

/// The top-level `format` string of a JSON object (other values skipped unread).
struct FormatOnly(Option<String>);

impl<'de> serde::Deserialize<'de> for FormatOnly {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FormatOnly, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = FormatOnly;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<FormatOnly, A::Error> {
                let mut format = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == "format" {
                        if format.is_some() {
                            return Err(serde::de::Error::custom("format twice"));
                        }
                        format = Some(map.next_value::<Value>()?);
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(FormatOnly(format.and_then(|v| v.as_str().map(str::to_string))))
            }
        }
        d.deserialize_map(V)
    }
}

/// Reads and checks a bundle file completely. `known` lists the IDs already on the
/// device. Arbitrary bytes give `Err` with Japanese messages; this never panics.
pub fn parse_bundle(bytes: &[u8], known: &KnownIds) -> Result<ParsedBundle, ImportError> {
    parse_bundle_limited(bytes, known, MAX_BUNDLE_BYTES)
}

/// [`parse_bundle`] with another size limit (tests).
pub fn parse_bundle_limited(bytes: &[u8], known: &KnownIds, max_bytes: usize) -> Result<ParsedBundle, ImportError> {
    BundleReader::start_limited(bytes, known, max_bytes)?.finish()
}

/// Checks an already-read JSON value as a bundle (used after decryption too).
pub fn parse_bundle_value(root: Value, known: &KnownIds) -> Result<ParsedBundle, ImportError> {
    BundleReader::from_value(root, known)?.finish()
}

/// The file's own fields, as read.
struct Head {
    exported_at: Option<Timestamp>,
    app_version: Option<String>,
    device: Option<DeviceId>,
    scope: Option<ExportScope>,
    anonymised: Option<bool>,
}

/// The two record lists of a bundle and their limits.
const LISTS: [(&str, usize); 2] = [("diagnoses", MAX_DIAGNOSES), ("records", MAX_RECORDS)];

/// A bundle being checked piece by piece, with exactly the checks and messages of
/// [`parse_bundle`] (which is `start` + `finish`): [`BundleReader::start`] reads the JSON
/// and the file's own fields, [`BundleReader::read`] checks up to `n` more records, and
/// [`BundleReader::finish`] checks the rest, then IDs and references. A page checks in
/// pieces to show progress and let the browser paint in between. Nothing is written.
pub struct BundleReader {
    root: Value,
    known: KnownIds,
    migrated_from: Option<u32>,
    ps: Problems,
    head: Head,
    /// Whether `diagnoses` / `records` are arrays within their limits.
    lists_ok: [bool; 2],
    /// The next record to check: (list, index); list 2 = all checked.
    next: (usize, usize),
    diagnoses: Vec<StoredRecord>,
    records: Vec<StoredRecord>,
}

impl BundleReader {
    /// Reads a file's bytes: size, encoding, depth, JSON, format, version (migrating older
    /// ones) and the file's own fields. Refuses at once what cannot be read at all.
    pub fn start(bytes: &[u8], known: &KnownIds) -> Result<BundleReader, ImportError> {
        BundleReader::start_limited(bytes, known, MAX_BUNDLE_BYTES)
    }

    fn start_limited(bytes: &[u8], known: &KnownIds, max_bytes: usize) -> Result<BundleReader, ImportError> {
        let text = decode_text(bytes, max_bytes)?;
        check_depth(text, MAX_DEPTH)?;
        let root = parse_strict(text)?;
        BundleReader::from_value(root, known)
    }

    /// [`BundleReader::start`] for an already-read JSON value.
    pub fn from_value(root: Value, known: &KnownIds) -> Result<BundleReader, ImportError> {
        let version = read_header(&root)?;
        let (root, migrated_from) =
            if version < BUNDLE_VERSION { (migrations::migrate(root, version)?, Some(version)) } else { (root, None) };
        let Some(map) = root.as_object() else {
            return Err(ImportError::file("ファイル全体が { } のオブジェクトではありません"));
        };
        let mut ps = Problems::default();
        unknown_keys(map, &TOP_KEYS, "", "", &mut ps);
        let exported_at = check_time(
            required::<Timestamp>(map, "exported_at", "", "書き出し日時", &mut ps),
            "",
            "exported_at",
            "書き出し日時",
            &mut ps,
        );
        let app_version = required::<String>(map, "app_version", "", "アプリの版", &mut ps);
        if app_version.as_ref().is_some_and(|v| v.chars().count() > MAX_APP_VERSION_CHARS) {
            ps.at("", "app_version", "アプリの版", format!("長すぎます（{MAX_APP_VERSION_CHARS}文字まで）"));
        }
        let device = required::<DeviceId>(map, "device", "", "書き出した端末", &mut ps);
        let mut scope = required::<ExportScope>(map, "scope", "", "書き出しの範囲", &mut ps);
        // serde lets unknown fields through beside a unit variant (`{"type": "all", "x": 1}`):
        // compare with the scope as this app writes it, and refuse what it would drop.
        if let (Some(read), Some(Value::Object(given))) = (&scope, map.get("scope")) {
            let canonical = serde_json::to_value(read).unwrap_or(Value::Null);
            let extra: Vec<&String> = given.keys().filter(|k| canonical.get(k.as_str()).is_none()).collect();
            for key in &extra {
                ps.at("", &format!("scope.{}", clip(key, 40)), "書き出しの範囲", UNKNOWN_KEY);
            }
            if !extra.is_empty() {
                scope = None;
            }
        }
        let anonymised = required::<bool>(map, "anonymised", "", "匿名化", &mut ps);
        let lists_ok = LISTS.map(|(key, max)| match map.get(key) {
            Some(Value::Array(items)) if items.len() > max => {
                ps.at("", key, "", format!("記録が多すぎます（{max}件まで）"));
                false
            }
            Some(Value::Array(_)) => true,
            Some(_) => {
                ps.at("", key, "", "記録の一覧が配列 [ ] ではありません");
                false
            }
            None => {
                ps.at("", key, "", "必要な項目がありません");
                false
            }
        });
        let head = Head { exported_at, app_version, device, scope, anonymised };
        Ok(BundleReader {
            root,
            known: known.clone(),
            migrated_from,
            ps,
            head,
            lists_ok,
            next: (0, 0),
            diagnoses: Vec::new(),
            records: Vec::new(),
        })
    }

    fn list<'a>(root: &'a Value, lists_ok: &[bool; 2], i: usize) -> &'a [Value] {
        let ok = lists_ok.get(i).copied().unwrap_or(false);
        let key = LISTS.get(i).map_or("", |(k, _)| *k);
        match root.get(key) {
            Some(Value::Array(items)) if ok => items,
            _ => &[],
        }
    }

    /// How many records the file holds.
    pub fn total(&self) -> usize {
        (0..2).map(|i| BundleReader::list(&self.root, &self.lists_ok, i).len()).sum()
    }

    /// How many have been checked.
    pub fn done(&self) -> usize {
        match self.next {
            (0, i) => i,
            (1, i) => BundleReader::list(&self.root, &self.lists_ok, 0).len() + i,
            _ => self.total(),
        }
    }

    /// Checks up to `n` more records; `true` when every record has been checked (or so many
    /// problems were found that checking stops).
    pub fn read(&mut self, n: usize) -> bool {
        let BundleReader { root, ps, diagnoses, records, lists_ok, next, .. } = self;
        let mut left = n;
        while next.0 < 2 {
            if ps.is_full() {
                *next = (2, 0);
                break;
            }
            let (list, index) = *next;
            let Some(value) = BundleReader::list(root, lists_ok, list).get(index) else {
                *next = (list + 1, 0);
                continue;
            };
            if left == 0 {
                return false;
            }
            let name = LISTS.get(list).map_or("", |(k, _)| *k);
            if let Some(r) = read_record(name, index, value, ps) {
                if list == 0 {
                    diagnoses.push(r);
                } else {
                    records.push(r);
                }
            }
            next.1 += 1;
            left -= 1;
        }
        true
    }

    /// Checks what is left, then IDs and references between records: the checked bundle,
    /// or every problem found.
    pub fn finish(mut self) -> Result<ParsedBundle, ImportError> {
        self.read(usize::MAX);
        let BundleReader { root, known, migrated_from, mut ps, head, diagnoses, records, .. } = self;
        let mut warnings = Vec::new();
        if ps.is_empty() {
            check_references(&diagnoses, &records, &known, &mut ps, &mut warnings);
        }
        let history = if ps.is_empty() {
            let anonymised = head.anonymised.unwrap_or(false);
            check_history(root.get("history"), anonymised, &diagnoses, &records, &mut ps)
        } else {
            Vec::new()
        };
        let Head { exported_at, app_version, device, scope, anonymised } = head;
        let (Some(exported_at), Some(app_version), Some(device), Some(scope), Some(anonymised)) =
            (exported_at, app_version, device, scope, anonymised)
        else {
            return Err(ps.into_result(()).err().unwrap_or_else(|| ImportError::file("ファイルを読み取れません")));
        };
        // A PC clock that was fast and then corrected leaves records made "in the future"
        // and edited "before" they were made: accepted as they are (a backup must restore),
        // and said once.
        let skewed = diagnoses.iter().chain(&records).filter(|r| r.meta.created_at > r.meta.updated_at).count();
        if skewed > 0 {
            warnings.push(clock_skew_note(skewed));
        }
        if anonymised {
            warnings.push("匿名化されたファイルです（氏名などは番号に置き換えられています）".to_string());
        }
        if let Some(v) = migrated_from.filter(|v| *v < migrations::READ_AS_CURRENT_FROM) {
            warnings.insert(
                0,
                format!("古い形式（v{v}）のファイルを、今の形式（v{BUNDLE_VERSION}）に変換して読み込みました"),
            );
        }
        let bundle = Bundle {
            format: BUNDLE_FORMAT.to_string(),
            version: BUNDLE_VERSION,
            exported_at,
            app_version,
            device,
            scope,
            anonymised,
            diagnoses,
            records,
            history,
        };
        ps.into_result(ParsedBundle { bundle, migrated_from, warnings })
    }
}

/// The note for records whose 作成日時 is after their 更新日時 (issue 12: accepted, not refused).
pub fn clock_skew_note(count: usize) -> String {
    format!(
        "作成日時が更新日時より後になっている記録が{count}件あります。記録した端末の時計がずれていたためと思われます。内容はそのまま取り込みます"
    )
}

/// Checks the format marker and returns the version.
fn read_header(root: &Value) -> Result<u32, ImportError> {
    let Some(map) = root.as_object() else {
        return Err(ImportError::file(
            "このアプリのバンドルファイルではありません（ファイル全体が { } のオブジェクトではありません）",
        ));
    };
    match map.get("format") {
        Some(Value::String(f)) if f == BUNDLE_FORMAT => {}
        Some(Value::String(f)) if f == ENCRYPTED_FORMAT => {
            return Err(ImportError::file("暗号化されたファイルです。パスワードを入力して開いてください"));
        }
        None => return Err(ImportError::file("このアプリのバンドルファイルではありません（format がありません）")),
        Some(Value::String(f)) => {
            return Err(ImportError::file(format!(
                "このアプリのバンドルファイルではありません（format が「{}」）",
                clip(f, 40)
            )))
        }
        Some(_) => {
            return Err(ImportError::file(
                "このアプリのバンドルファイルではありません（format が文字列ではありません）",
            ))
        }
    }
    let version = match map.get("version") {
        None => return Err(ImportError::file("形式の版（version）がありません")),
        Some(v) => v.as_u64().ok_or_else(|| ImportError::file("形式の版（version）は0以上の整数です"))?,
    };
    if version > u64::from(BUNDLE_VERSION) {
        return Err(ImportError::file(format!(
            "新しい版のアプリで書き出されたファイルです（形式 v{}、このアプリが読めるのは v{BUNDLE_VERSION} まで）。アプリを更新してから取り込んでください",
            clip(&version.to_string(), 20)
        )));
    }
    u32::try_from(version).map_err(|_| ImportError::file("形式の版（version）が正しくありません"))
}

const TOP_KEYS: [&str; 10] = [
    "format",
    "version",
    "exported_at",
    "app_version",
    "device",
    "scope",
    "anonymised",
    "diagnoses",
    "records",
    "history",
];
const RECORD_KEYS: [&str; 11] = [
    "id",
    "diagnosis_id",
    "kind",
    "created_at",
    "updated_at",
    "updated_by",
    "rev",
    "deleted_at",
    "predecessor",
    "body",
    "stamps",
];
const STAMP_KEYS: [&str; 3] = ["at", "device", "history"];

const UNKNOWN_KEY: &str = "このアプリの版にはない項目です（新しい版のアプリで書き出されたファイルかもしれません）";

/// Reads `map[key]` as `T`: `Ok(None)` when absent (or null and `nullable`).
fn read<T: DeserializeOwned>(map: &Map<String, Value>, key: &str, nullable: bool) -> Result<Option<T>, String> {
    match map.get(key) {
        None => Ok(None),
        Some(Value::Null) if nullable => Ok(None),
        Some(v) => T::deserialize(v).map(Some).map_err(|e| serde_text(&e)),
    }
}

/// A required field: records a problem and gives `None` when missing or wrong.
fn required<T: DeserializeOwned>(
    map: &Map<String, Value>,
    key: &str,
    place: &str,
    label: &str,
    ps: &mut Problems,
) -> Option<T> {
    match read::<T>(map, key, false) {
        Ok(Some(v)) => Some(v),
        Ok(None) => {
            ps.at(place, key, label, "必要な項目がありません");
            None
        }
        Err(m) => {
            ps.at(place, key, label, m);
            None
        }
    }
}

fn optional<T: DeserializeOwned>(
    map: &Map<String, Value>,
    key: &str,
    place: &str,
    label: &str,
    ps: &mut Problems,
) -> Option<T> {
    match read::<T>(map, key, true) {
        Ok(v) => v,
        Err(m) => {
            ps.at(place, key, label, m);
            None
        }
    }
}

fn check_time(t: Option<Timestamp>, place: &str, key: &str, label: &str, ps: &mut Problems) -> Option<Timestamp> {
    match t {
        Some(t) if !(0..=MAX_TIMESTAMP_MS).contains(&t.0) => {
            ps.at(place, key, label, "日時が範囲外です（1970年〜2200年）");
            None
        }
        other => other,
    }
}

fn unknown_keys(map: &Map<String, Value>, allowed: &[&str], place: &str, prefix: &str, ps: &mut Problems) {
    for key in map.keys().filter(|k| !allowed.contains(&k.as_str())) {
        ps.at(place, &dotted(prefix, &clip(key, 40)), "", UNKNOWN_KEY);
    }
}

/// `records[12]（療養者 ID p-3）`: the index, and the kind and ID when they are readable.
fn record_place(list: &str, index: usize, map: Option<&Map<String, Value>>) -> String {
    let id = map.and_then(|m| m.get("id")).and_then(Value::as_str).and_then(|s| RecordId::parse(s).ok());
    let kind = map.and_then(|m| m.get("kind")).and_then(Value::as_str).and_then(RecordKind::from_key);
    match (kind, id) {
        (Some(k), Some(id)) => format!("{list}[{index}]（{} ID {id}）", k.label()),
        (None, Some(id)) => format!("{list}[{index}]（ID {id}）"),
        (Some(k), None) => format!("{list}[{index}]（{}）", k.label()),
        (None, None) => format!("{list}[{index}]"),
    }
}

fn read_record(list: &str, index: usize, value: &Value, ps: &mut Problems) -> Option<StoredRecord> {
    let Some(map) = value.as_object() else {
        ps.at(&record_place(list, index, None), "", "", "記録が { } のオブジェクトではありません");
        return None;
    };
    let place = record_place(list, index, Some(map));
    let place = place.as_str();
    unknown_keys(map, &RECORD_KEYS, place, "", ps);
    let id = required::<RecordId>(map, "id", place, meta_label("id"), ps);
    let diagnosis_id = required::<RecordId>(map, "diagnosis_id", place, meta_label("diagnosis_id"), ps);
    let kind = match map.get("kind") {
        None => {
            ps.at(place, "kind", meta_label("kind"), "必要な項目がありません");
            None
        }
        Some(Value::String(k)) => {
            let kind = RecordKind::from_key(k);
            if kind.is_none() {
                let keys: Vec<&str> = RecordKind::ALL.iter().map(|k| k.key()).collect();
                ps.at(
                    place,
                    "kind",
                    meta_label("kind"),
                    format!("「{}」は記録の種類として使えません（使える値: {}）", clip(k, 30), keys.join(", ")),
                );
            }
            kind
        }
        Some(_) => {
            ps.at(place, "kind", meta_label("kind"), "記録の種類が文字列ではありません");
            None
        }
    };
    let created_at = check_time(
        required(map, "created_at", place, meta_label("created_at"), ps),
        place,
        "created_at",
        meta_label("created_at"),
        ps,
    );
    let updated_at = check_time(
        required(map, "updated_at", place, meta_label("updated_at"), ps),
        place,
        "updated_at",
        meta_label("updated_at"),
        ps,
    );
    let updated_by = required::<DeviceId>(map, "updated_by", place, meta_label("updated_by"), ps);
    let rev = required::<u64>(map, "rev", place, meta_label("rev"), ps);
    match rev {
        Some(0) => ps.at(place, "rev", meta_label("rev"), "版番号は1以上の整数です"),
        Some(r) if r > MAX_REV => ps.at(
            place,
            "rev",
            meta_label("rev"),
            format!("版番号が大きすぎます（{r}、{MAX_REV}まで）。このアプリで保存された記録ではないようです"),
        ),
        _ => {}
    }
    let deleted_at = check_time(
        optional(map, "deleted_at", place, meta_label("deleted_at"), ps),
        place,
        "deleted_at",
        meta_label("deleted_at"),
        ps,
    );
    let predecessor = optional::<RecordId>(map, "predecessor", place, meta_label("predecessor"), ps);
    let body = match (map.get("body"), kind) {
        (None, _) => {
            ps.at(place, "body", meta_label("body"), "必要な項目がありません");
            None
        }
        (Some(_), None) => None,
        (Some(b), Some(kind)) => match check_body(kind, b) {
            Ok(canonical) => Some(canonical),
            Err(problems) => {
                for p in problems {
                    let label =
                        if p.path.is_empty() { meta_label("body").to_string() } else { field_label(kind, &p.path) };
                    ps.at(place, &dotted("body", &p.path), &label, p.message);
                }
                None
            }
        },
    };
    let stamps = read_stamps(map.get("stamps"), body.as_ref(), place, ps);
    Some(StoredRecord {
        meta: RecordMeta {
            id: id?,
            diagnosis_id: diagnosis_id?,
            kind: kind?,
            created_at: created_at?,
            updated_at: updated_at?,
            updated_by: updated_by?,
            rev: rev?,
            deleted_at,
            predecessor,
        },
        body: body?.into(),
        stamps: stamps?,
    })
}

fn read_stamps(
    value: Option<&Value>,
    body: Option<&Value>,
    place: &str,
    ps: &mut Problems,
) -> Option<BTreeMap<String, FieldStamp>> {
    let label = meta_label("stamps");
    let map = match value {
        None | Some(Value::Null) => return Some(BTreeMap::new()),
        Some(Value::Object(m)) => m,
        Some(_) => {
            ps.at(place, "stamps", label, "{ } のオブジェクトではありません");
            return None;
        }
    };
    let mut out = BTreeMap::new();
    let mut ok = true;
    for (path, stamp) in map {
        let field = format!("stamps[\"{}\"]", clip(path, 60));
        if body.is_some_and(|b| !is_leaf_path(b, path)) {
            ps.at(place, &field, label, "body にない項目の更新記録です");
            ok = false;
            continue;
        }
        let Some(stamp_map) = stamp.as_object() else {
            ps.at(place, &field, label, "{ } のオブジェクトではありません");
            ok = false;
            continue;
        };
        unknown_keys(stamp_map, &STAMP_KEYS, place, &field, ps);
        match serde_json::from_value::<FieldStamp>(stamp.clone()) {
            Ok(s) if !(0..=MAX_TIMESTAMP_MS).contains(&s.at.0) => {
                ps.at(place, &format!("{field}.at"), label, "日時が範囲外です（1970年〜2200年）");
                ok = false;
            }
            Ok(s) if s.history.len() > FIELD_HISTORY_LEN => {
                ps.at(
                    place,
                    &format!("{field}.history"),
                    label,
                    format!("履歴が長すぎます（{FIELD_HISTORY_LEN}件まで）"),
                );
                ok = false;
            }
            Ok(s) => {
                out.insert(path.clone(), s);
            }
            Err(e) => {
                ps.at(place, &field, label, serde_text(&e));
                ok = false;
            }
        }
    }
    ok.then_some(out)
}

/// The patient an assessment is about, if its body names one.
///
/// The 療養者 an アセスメント or a 災害時個別支援計画 is about (their `patient_id`).
pub fn referenced_patient(record: &StoredRecord) -> Option<RecordId> {
    if !matches!(record.meta.kind, RecordKind::Assessment | RecordKind::SupportPlan) {
        return None;
    }
    record.body.to_value().get("patient_id").and_then(Value::as_str).and_then(|s| RecordId::parse(s).ok())
}

/// The assessments a patient's 特定症状 judgements cite.
fn cited_assessments(record: &StoredRecord) -> Vec<RecordId> {
    if record.meta.kind != RecordKind::Patient {
        return Vec::new();
    }
    let body = record.body.to_value();
    ["respiratory_source", "swallowing_source", "speech_source"]
        .iter()
        .filter_map(|k| body.get("symptoms")?.get(k)?.get("assessment_id")?.as_str())
        .filter_map(|s| RecordId::parse(s).ok())
        .collect()
}

// TODO(issue 11): split by concern; left to the bundle work that owns this file.
#[allow(clippy::too_many_lines)]
fn check_references(
    diagnoses: &[StoredRecord],
    records: &[StoredRecord],
    known: &KnownIds,
    ps: &mut Problems,
    warnings: &mut Vec<String>,
) {
    let entries: Vec<(String, &StoredRecord)> = diagnoses
        .iter()
        .enumerate()
        .map(|(i, r)| (format!("diagnoses[{i}]（{} ID {}）", r.meta.kind.label(), r.meta.id), r))
        .chain(
            records
                .iter()
                .enumerate()
                .map(|(i, r)| (format!("records[{i}]（{} ID {}）", r.meta.kind.label(), r.meta.id), r)),
        )
        .collect();
    let n_diagnoses = diagnoses.len();
    let mut by_id: BTreeMap<&RecordId, (&str, &StoredRecord)> = BTreeMap::new();
    for (i, (place, r)) in entries.iter().enumerate() {
        let in_diagnoses = i < n_diagnoses;
        if in_diagnoses && r.meta.kind != RecordKind::Diagnosis {
            ps.at(place, "kind", meta_label("kind"), "diagnoses には地域診断の記録だけを入れます");
        }
        if in_diagnoses && r.meta.kind == RecordKind::Diagnosis && r.meta.diagnosis_id != r.meta.id {
            ps.at(place, "diagnosis_id", meta_label("diagnosis_id"), "地域診断の diagnosis_id は自分の ID と同じです");
        }
        if !in_diagnoses && r.meta.kind == RecordKind::Diagnosis {
            ps.at(place, "kind", meta_label("kind"), "地域診断の記録は diagnoses に入れます");
        }
        match by_id.get(&r.meta.id) {
            Some((first, _)) => {
                ps.at(place, "id", meta_label("id"), format!("ID「{}」が重複しています（{first} と同じ）", r.meta.id))
            }
            None => {
                by_id.insert(&r.meta.id, (place.as_str(), r));
            }
        }
    }
    let bundle_diagnoses: BTreeSet<&RecordId> = diagnoses.iter().map(|d| &d.meta.id).collect();
    for (place, r) in entries.iter().skip(n_diagnoses) {
        if !bundle_diagnoses.contains(&r.meta.diagnosis_id) && !known.diagnoses.contains(&r.meta.diagnosis_id) {
            ps.at(
                place,
                "diagnosis_id",
                meta_label("diagnosis_id"),
                format!("地域診断「{}」がこのファイルにも端末にもありません", r.meta.diagnosis_id),
            );
        }
    }
    for (place, r) in &entries {
        if let Some(problem) = crate::domain::sample::import_problem(r) {
            ps.at(place, "diagnosis_id", meta_label("diagnosis_id"), problem);
        }
        if let Some(pred) = &r.meta.predecessor {
            if pred == &r.meta.id {
                ps.at(place, "predecessor", meta_label("predecessor"), "前年度の記録が自分自身になっています");
            } else if let Some((_, target)) = by_id.get(pred) {
                if target.meta.kind != r.meta.kind {
                    ps.at(
                        place,
                        "predecessor",
                        meta_label("predecessor"),
                        format!("前年度の記録「{pred}」は種類が違います（{}）", target.meta.kind.label()),
                    );
                } else if r.meta.kind != RecordKind::Diagnosis && target.meta.diagnosis_id == r.meta.diagnosis_id {
                    ps.at(
                        place,
                        "predecessor",
                        meta_label("predecessor"),
                        format!("前年度の記録「{pred}」が同じ地域診断の中にあります"),
                    );
                }
            } else if !known.records.contains(pred) && !known.diagnoses.contains(pred) {
                warnings.push(format!(
                    "{place}: 前年度の記録「{pred}」はこのファイルにも端末にもありません（つながりは残しますが、前年度との比較はできません）"
                ));
            }
        }
        if let Some(patient) = referenced_patient(r) {
            let in_bundle = by_id.get(&patient).is_some_and(|(_, t)| t.meta.kind == RecordKind::Patient);
            if !in_bundle && !known.records.contains(&patient) {
                ps.at(
                    place,
                    "body.patient_id",
                    "療養者",
                    format!("療養者「{patient}」がこのファイルにも端末にもありません"),
                );
            }
        }
        for a in cited_assessments(r) {
            if !by_id.contains_key(&a) && !known.records.contains(&a) {
                warnings.push(format!(
                    "{place}: 特定症状の判断のもとになったアセスメント「{a}」はこのファイルにも端末にもありません（判断の記録は残ります）"
                ));
            }
        }
    }
    // 前年度 links must not loop.
    for (place, r) in &entries {
        if r.meta.predecessor.as_ref() == Some(&r.meta.id) {
            continue;
        }
        let mut seen: BTreeSet<&RecordId> = BTreeSet::new();
        let mut cur = r.meta.predecessor.as_ref();
        while let Some(id) = cur {
            if id == &r.meta.id {
                ps.at(place, "predecessor", meta_label("predecessor"), "前年度の記録のつながりが循環しています");
                break;
            }
            if !seen.insert(id) {
                break;
            }
            cur = by_id.get(id).and_then(|(_, t)| t.meta.predecessor.as_ref());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundle::envelope::Envelope;

    fn bundle_text() -> String {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bundles/good/exported_before_issue12.json"),
        )
        .expect("read")
    }

    /// Issue 12, 「encrypted or not is guessed from the first 4 KB」: a valid encrypted file
    /// whose `format` comes after 4 KB (keys re-sorted, ciphertext first) is still asked for
    /// its password.
    #[test]
    fn encrypted_guess_format_after_4_kb_is_still_encrypted() {
        let mut e = Envelope::new(vec![7; 16], vec![9; 12], Timestamp(1_763_776_800_000)).expect("valid");
        e.ciphertext = vec![1; 10_000];
        let v: Value = serde_json::from_str(&e.to_json()).expect("json");
        let mut sorted = Map::new();
        sorted.insert("ciphertext".into(), v["ciphertext"].clone());
        for (k, x) in v.as_object().expect("object") {
            sorted.insert(k.clone(), x.clone());
        }
        let text = Value::Object(sorted).to_string();
        assert!(text.find("\"format\"").expect("format") > 4096, "format after 4 KB");
        assert_eq!(detect_file_kind(text.as_bytes()), FileKind::Encrypted);
        assert!(super::super::parse_envelope(&text).is_ok());
        // With a BOM and indented too.
        let pretty = serde_json::to_string_pretty(&serde_json::from_str::<Value>(&text).expect("json")).expect("json");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(pretty.as_bytes());
        assert_eq!(detect_file_kind(&bom), FileKind::Encrypted);
    }

    /// Issue 12: a plain backup whose 住所 holds the text `nanbyo-chiiki-shindan-encrypted` (even
    /// quoted) is a bundle, and imports.
    #[test]
    fn encrypted_guess_marker_typed_into_an_address_is_still_a_bundle() {
        let text = bundle_text().replacen(
            "\"address_detail\":\"",
            "\"address_detail\":\"\\\"nanbyo-chiiki-shindan-encrypted\\\" ",
            1,
        );
        assert!(text.contains("nanbyo-chiiki-shindan-encrypted"));
        assert_eq!(detect_file_kind(text.as_bytes()), FileKind::Bundle);
        assert!(parse_bundle(text.as_bytes(), &KnownIds::default()).is_ok());
    }

    #[test]
    fn unknown_files_are_unknown() {
        for text in
            ["", "[\"nanbyo-chiiki-shindan-encrypted\"]", "{\"format\": 1}", "{\"format\": \"x\"}", "not json", "{"]
        {
            assert_eq!(detect_file_kind(text.as_bytes()), FileKind::Unknown, "{text}");
        }
        let twice = r#"{"format": "nanbyo-chiiki-shindan-encrypted", "format": "nanbyo-chiiki-shindan-encrypted"}"#;
        assert_eq!(detect_file_kind(twice.as_bytes()), FileKind::Unknown);
        assert_eq!(detect_file_kind(&"[".repeat(100_000).into_bytes()), FileKind::Unknown);
        assert_eq!(detect_file_kind(bundle_text().as_bytes()), FileKind::Bundle);
    }
}
