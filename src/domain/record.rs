//! 記録: the envelope every saved record lives in.
//!
//! A [`StoredRecord`] is what storage keeps and what a bundle carries: the record's stable
//! ID, the 地域診断 it belongs to, its kind, when and on which device it last changed, a
//! revision counter, a trash flag, a link to last year's record — and its body as JSON.
//!
//! For merging bundles from several nurses, every *field* (leaf of the body) that changed
//! after the record was made carries a [`FieldStamp`]: when and where it last changed, and
//! hashes of the values it replaced. A field without a stamp is as the record was created
//! (at `meta.created_at`, no history); new records carry no stamps, which keeps them small. An
//! incoming value whose history contains our current value is a later edit of it; a value
//! whose history holds neither side's value is a conflict the nurse resolves.

use super::ids::{DeviceId, RecordId};
use super::time::Timestamp;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// 記録の種類.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// 地域診断 (one jurisdiction, one 年度).
    Diagnosis,
    /// 様式1 管轄地域の概況 (one per 地域診断).
    Overview,
    /// 様式1 療養者 (one per patient).
    Patient,
    /// 様式3 訪問看護ステーション.
    Station,
    /// 様式2 事業 (one per programme row).
    Programme,
    /// 様式4 評価 (one per 地域診断).
    Evaluation,
    /// 判断樹によるアセスメント.
    Assessment,
    /// 事業実績 (one per programme, over the years; kept in the 事業実績 container, see
    /// `domain::results`). Bundle format 4.
    ProgrammeResult,
    /// 進捗状況評価 (様式1－2 of seed 001; one per 課題 and 年度, in the 事業実績 container).
    /// Bundle format 4.
    ProgressPlan,
    /// 災害時個別支援計画 (one per patient; bundle format 4).
    SupportPlan,
    /// 施設 of the 管内マップ (bundle format 5; see `domain::map::records`).
    Facility,
    /// 管内マップ: reference points and patients' marks (one per 地域診断; bundle format 5).
    MapSheet,
    /// 下図 of the 管内マップ: an image or 市町村 outlines (one per 地域診断; bundle format 5).
    BaseMap,
    /// 補助の上限表: the 管内共通 table and the 市町村 that differ (one per 地域診断; bundle
    /// format 6; see `domain::ventilator::tables`).
    SubsidyTable,
}

impl RecordKind {
    pub const ALL: [RecordKind; 14] = [
        RecordKind::Diagnosis,
        RecordKind::Overview,
        RecordKind::Patient,
        RecordKind::Station,
        RecordKind::Programme,
        RecordKind::Evaluation,
        RecordKind::Assessment,
        RecordKind::ProgrammeResult,
        RecordKind::ProgressPlan,
        RecordKind::SupportPlan,
        RecordKind::Facility,
        RecordKind::MapSheet,
        RecordKind::BaseMap,
        RecordKind::SubsidyTable,
    ];

    /// The key stored in IndexedDB and bundles.
    pub fn key(self) -> &'static str {
        match self {
            RecordKind::Diagnosis => "diagnosis",
            RecordKind::Overview => "overview",
            RecordKind::Patient => "patient",
            RecordKind::Station => "station",
            RecordKind::Programme => "programme",
            RecordKind::Evaluation => "evaluation",
            RecordKind::Assessment => "assessment",
            RecordKind::ProgrammeResult => "programme_result",
            RecordKind::ProgressPlan => "progress_plan",
            RecordKind::SupportPlan => "support_plan",
            RecordKind::Facility => "facility",
            RecordKind::MapSheet => "map_sheet",
            RecordKind::BaseMap => "base_map",
            RecordKind::SubsidyTable => "subsidy_table",
        }
    }

    /// Japanese name for messages.
    pub fn label(self) -> &'static str {
        match self {
            RecordKind::Diagnosis => "地域診断",
            RecordKind::Overview => "地域の概況",
            RecordKind::Patient => "療養者",
            RecordKind::Station => "訪問看護ステーション",
            RecordKind::Programme => "事業",
            RecordKind::Evaluation => "様式4 評価",
            RecordKind::Assessment => "アセスメント",
            RecordKind::ProgrammeResult => "事業実績",
            RecordKind::ProgressPlan => "進捗状況評価",
            RecordKind::SupportPlan => "災害時個別支援計画",
            RecordKind::Facility => "施設",
            RecordKind::MapSheet => "管内マップ",
            RecordKind::BaseMap => "管内マップの下図",
            RecordKind::SubsidyTable => "補助の上限表",
        }
    }

    pub fn from_key(key: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A typed record body.
pub trait RecordBody: Serialize + DeserializeOwned + Clone + PartialEq {
    const KIND: RecordKind;
}

/// How many replaced values a field remembers for merging.
pub const FIELD_HISTORY_LEN: usize = 16;

/// When and where a field last changed, and hashes of the values it replaced (oldest first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldStamp {
    pub at: Timestamp,
    pub device: DeviceId,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<u64>,
}

/// Largest revision (`rev`): far beyond any real count of saves, and well within what a
/// browser keeps exactly (2^53 − 1). A revision stops there instead of growing past what a
/// bundle may hold, so a record at the limit can still be edited and exported (issue 12).
pub const MAX_REV: u64 = 1_000_000_000_000;

/// The metadata of a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordMeta {
    pub id: RecordId,
    /// The 地域診断 this record belongs to (its own ID for a [`RecordKind::Diagnosis`]).
    pub diagnosis_id: RecordId,
    pub kind: RecordKind,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub updated_by: DeviceId,
    /// Counts saves; 1 for a new record.
    pub rev: u64,
    /// ゴミ箱: set when deleted, cleared when restored. Deleted records stay until purged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<Timestamp>,
    /// 前年度の記録: the record this one was copied from for the next 年度.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<RecordId>,
}

/// A record's body: its JSON text in canonical form (compact, object keys sorted), so equal
/// bodies have equal text. Storage and bundles copy the text instead of rebuilding a tree;
/// it is parsed only when a page or a merge needs the values. Cloning is cheap.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Body(Arc<str>);

impl Body {
    /// The canonical text of a JSON value (serde_json's map keeps keys sorted).
    pub fn from_value(value: &Value) -> Body {
        Body(value.to_string().into())
    }

    /// The body of a typed record.
    pub fn from_typed<T: Serialize>(value: &T) -> Result<Body, RecordError> {
        serde_json::to_value(value).map(|v| Body::from_value(&v)).map_err(|e| RecordError::Body(e.to_string()))
    }

    /// The body as a JSON tree (for merging and field stamps).
    pub fn to_value(&self) -> Value {
        // The text is JSON by construction (made from a Value or checked when read).
        serde_json::from_str(&self.0).unwrap_or(Value::Null)
    }

    /// The body as a type.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, RecordError> {
        serde_json::from_str(&self.0).map_err(|e| RecordError::Body(e.to_string()))
    }

    /// The JSON text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Value> for Body {
    fn from(value: Value) -> Body {
        Body::from_value(&value)
    }
}

impl Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw: &RawValue = serde_json::from_str(&self.0).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

/// Whether JSON text has whitespace outside strings (then it is not canonical).
fn has_insignificant_whitespace(text: &str) -> bool {
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b' ' | b'\n' | b'\r' | b'\t' => return true,
                _ => {}
            }
        }
    }
    false
}

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let text = raw.get();
        if has_insignificant_whitespace(text) {
            // A hand-made or pretty-printed body: bring it to canonical form.
            let value: Value = serde_json::from_str(text).map_err(serde::de::Error::custom)?;
            Ok(Body::from_value(&value))
        } else {
            Ok(Body(text.into()))
        }
    }
}

/// A record as stored and exported. On the wire the metadata fields sit beside `body` and
/// `stamps` in one flat object (see the bundle's FORMAT.md).
#[derive(Clone, Debug, PartialEq)]
pub struct StoredRecord {
    pub meta: RecordMeta,
    pub body: Body,
    pub stamps: BTreeMap<String, FieldStamp>,
}

/// The flat wire form of a [`StoredRecord`], written out field by field: serde's `flatten`
/// would buffer every record through an intermediate tree and parse it twice.
#[derive(Serialize)]
struct WireOut<'a> {
    id: &'a RecordId,
    diagnosis_id: &'a RecordId,
    kind: RecordKind,
    created_at: Timestamp,
    updated_at: Timestamp,
    updated_by: &'a DeviceId,
    rev: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    deleted_at: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    predecessor: Option<&'a RecordId>,
    body: &'a Body,
    #[serde(skip_serializing_if = "no_stamps")]
    stamps: &'a BTreeMap<String, FieldStamp>,
}

fn no_stamps(stamps: &&BTreeMap<String, FieldStamp>) -> bool {
    stamps.is_empty()
}

#[derive(Deserialize)]
struct WireIn {
    id: RecordId,
    diagnosis_id: RecordId,
    kind: RecordKind,
    created_at: Timestamp,
    updated_at: Timestamp,
    updated_by: DeviceId,
    rev: u64,
    #[serde(default)]
    deleted_at: Option<Timestamp>,
    #[serde(default)]
    predecessor: Option<RecordId>,
    body: Body,
    #[serde(default)]
    stamps: BTreeMap<String, FieldStamp>,
}

impl Serialize for StoredRecord {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let m = &self.meta;
        WireOut {
            id: &m.id,
            diagnosis_id: &m.diagnosis_id,
            kind: m.kind,
            created_at: m.created_at,
            updated_at: m.updated_at,
            updated_by: &m.updated_by,
            rev: m.rev,
            deleted_at: m.deleted_at,
            predecessor: m.predecessor.as_ref(),
            body: &self.body,
            stamps: &self.stamps,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for StoredRecord {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let w = WireIn::deserialize(deserializer)?;
        Ok(StoredRecord {
            meta: RecordMeta {
                id: w.id,
                diagnosis_id: w.diagnosis_id,
                kind: w.kind,
                created_at: w.created_at,
                updated_at: w.updated_at,
                updated_by: w.updated_by,
                rev: w.rev,
                deleted_at: w.deleted_at,
                predecessor: w.predecessor,
            },
            body: w.body,
            stamps: w.stamps,
        })
    }
}

/// Why a record could not be read or written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// The record is of another kind than expected.
    WrongKind { expected: RecordKind, found: RecordKind },
    /// The body does not fit the record type (message from the JSON reader).
    Body(String),
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::WrongKind { expected, found } => {
                write!(f, "記録の種類が違います（{}のはずが{}）", expected.label(), found.label())
            }
            RecordError::Body(msg) => write!(f, "記録の内容を読み取れません: {msg}"),
        }
    }
}

/// FNV-1a 64-bit hash of a JSON value's canonical text (object keys are sorted because
/// serde_json's map is a BTreeMap).
pub fn value_hash(value: &Value) -> u64 {
    let text = value.to_string();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Whether an object is a single value for merging (a three-state value or a tagged enum)
/// rather than a group of fields.
fn is_atomic_object(map: &serde_json::Map<String, Value>) -> bool {
    map.contains_key("state") || map.contains_key("type")
}

/// The leaves of a body by path (`"neurology/name"`). Arrays, scalars, three-state values
/// and tagged enums are leaves; other objects are groups of fields.
pub fn leaf_paths(value: &Value) -> BTreeMap<String, Value> {
    fn walk(prefix: &str, value: &Value, out: &mut BTreeMap<String, Value>) {
        match value {
            Value::Object(map) if !is_atomic_object(map) && !map.is_empty() => {
                for (k, v) in map {
                    let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}/{k}") };
                    walk(&path, v, out);
                }
            }
            _ => {
                out.insert(prefix.to_string(), value.clone());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk("", value, &mut out);
    out
}

/// Whether `path` is one of the leaves [`leaf_paths`] gives for `value`, without listing
/// them all (checking a record's stamps).
pub fn is_leaf_path(value: &Value, path: &str) -> bool {
    let is_group = |v: &Value| matches!(v, Value::Object(m) if !is_atomic_object(m) && !m.is_empty());
    let mut node = value;
    if !path.is_empty() {
        for part in path.split('/') {
            match node {
                Value::Object(m) if is_group(node) => match m.get(part) {
                    Some(next) => node = next,
                    None => return path.contains('/') && leaf_paths(value).contains_key(path),
                },
                _ => return path.contains('/') && leaf_paths(value).contains_key(path),
            }
        }
    }
    !is_group(node)
}

/// The value at a leaf or group path (`"neurology/name"`, `""` for the whole body), if present.
pub fn value_at<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    if path.is_empty() {
        return Some(value);
    }
    let mut node = value;
    for part in path.split('/') {
        node = node.as_object()?.get(part)?;
    }
    Some(node)
}

/// Rebuilds a body from its leaves (the inverse of [`leaf_paths`]).
pub fn from_leaf_paths(leaves: &BTreeMap<String, Value>) -> Value {
    let mut root = Value::Object(serde_json::Map::new());
    for (path, value) in leaves {
        if path.is_empty() {
            return value.clone();
        }
        let mut node = &mut root;
        let parts: Vec<&str> = path.split('/').collect();
        for (i, part) in parts.iter().enumerate() {
            let Value::Object(map) = node else { break };
            if i + 1 == parts.len() {
                map.insert((*part).to_string(), value.clone());
                break;
            }
            node = map.entry((*part).to_string()).or_insert_with(|| Value::Object(serde_json::Map::new()));
        }
    }
    root
}

impl StoredRecord {
    /// A new record (rev 1). Its fields carry no stamps until they change.
    pub fn create<T: RecordBody>(
        id: RecordId,
        diagnosis_id: RecordId,
        body: &T,
        now: Timestamp,
        device: &DeviceId,
    ) -> Result<StoredRecord, RecordError> {
        Ok(StoredRecord::create_body(id, diagnosis_id, T::KIND, Body::from_typed(body)?, now, device))
    }

    /// A new record (rev 1) of `kind` with a body already in canonical form.
    pub fn create_body(
        id: RecordId,
        diagnosis_id: RecordId,
        kind: RecordKind,
        body: Body,
        now: Timestamp,
        device: &DeviceId,
    ) -> StoredRecord {
        StoredRecord {
            meta: RecordMeta {
                id,
                diagnosis_id,
                kind,
                created_at: now,
                updated_at: now,
                updated_by: device.clone(),
                rev: 1,
                deleted_at: None,
                predecessor: None,
            },
            body,
            stamps: BTreeMap::new(),
        }
    }

    /// The body as its type.
    pub fn body_as<T: RecordBody>(&self) -> Result<T, RecordError> {
        if self.meta.kind != T::KIND {
            return Err(RecordError::WrongKind { expected: T::KIND, found: self.meta.kind });
        }
        self.body.parse()
    }

    /// This record with a new body: the changed fields are stamped (now, `device`, the
    /// replaced value's hash) and the revision goes up. Returns `None` when nothing changed.
    pub fn edited<T: RecordBody>(
        &self,
        body: &T,
        now: Timestamp,
        device: &DeviceId,
    ) -> Result<Option<StoredRecord>, RecordError> {
        let new_body = serde_json::to_value(body).map_err(|e| RecordError::Body(e.to_string()))?;
        Ok(self.with_body(new_body, now, device))
    }

    /// Like [`StoredRecord::edited`] for an untyped body (merging, migrations).
    pub fn with_body(&self, new_body: Value, now: Timestamp, device: &DeviceId) -> Option<StoredRecord> {
        let new_text = Body::from_value(&new_body);
        if new_text == self.body {
            return None;
        }
        let old_body = self.body.to_value();
        let old = leaf_paths(&old_body);
        let new = leaf_paths(&new_body);
        let mut stamps = self.stamps.clone();
        let paths: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
        for path in paths {
            // A path that is a leaf on one side only may be a group on the other (an optional
            // group such as 発症時期 cleared to null): compare with that whole group, so that
            // clearing it is stamped with the hash of what it replaced.
            let before = old.get(path).or_else(|| value_at(&old_body, path)).unwrap_or(&Value::Null);
            let after = new.get(path).or_else(|| value_at(&new_body, path)).unwrap_or(&Value::Null);
            if before == after {
                continue;
            }
            let stamp = stamps.entry(path.clone()).or_insert_with(|| FieldStamp {
                at: now,
                device: device.clone(),
                history: Vec::new(),
            });
            stamp.at = now;
            stamp.device = device.clone();
            stamp.history.push(value_hash(before));
            if stamp.history.len() > FIELD_HISTORY_LEN {
                let excess = stamp.history.len() - FIELD_HISTORY_LEN;
                stamp.history.drain(..excess);
            }
        }
        stamps.retain(|path, _| new.contains_key(path));
        let mut next = self.clone();
        next.body = new_text;
        next.stamps = stamps;
        next.touch(now, device);
        Some(next)
    }

    /// Marks a change of the metadata (trash, restore): new revision, time and device.
    ///
    /// `updated_at ≥ created_at` by construction: a record made on a PC whose clock was
    /// fast and edited after the clock was put right would otherwise carry an update before
    /// its creation, which the importer reads as damage (issue 12). The revision number, not
    /// the clock, orders revisions.
    pub fn touch(&mut self, now: Timestamp, device: &DeviceId) {
        self.meta.updated_at = now.max(self.meta.created_at);
        self.meta.updated_by = device.clone();
        self.meta.rev = self.meta.rev.saturating_add(1).min(MAX_REV);
    }

    /// In the ゴミ箱?
    pub fn is_deleted(&self) -> bool {
        self.meta.deleted_at.is_some()
    }
}

/// ゴミ箱の並び: the most recently deleted first; equal times by ID so the order never jumps.
/// Records not in the ゴミ箱 (no `deleted_at`) go last.
pub fn sort_newest_deleted_first<T>(items: &mut [(StoredRecord, T)]) {
    items.sort_by(|(a, _), (b, _)| b.meta.deleted_at.cmp(&a.meta.deleted_at).then_with(|| a.meta.id.cmp(&b.meta.id)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tri::Tri;

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        name: String,
        doctor: Doctor,
        visits: Vec<String>,
    }
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    struct Doctor {
        name: Tri<String>,
        per_month: Option<u32>,
    }
    impl RecordBody for Sample {
        const KIND: RecordKind = RecordKind::Patient;
    }

    use crate::domain::ids::test_ids::dev;
    use crate::domain::ids::test_ids::rid as id;
    fn sample() -> Sample {
        Sample {
            name: "A".into(),
            doctor: Doctor { name: Tri::Unknown, per_month: Some(1) },
            visits: vec!["Aステーション".into()],
        }
    }

    #[test]
    fn leaf_path_check_agrees_with_the_list() {
        let v = serde_json::json!({
            "name": "A", "age": {"type": "years", "value": 3}, "tri": {"state": "none"},
            "group": {"x": 1, "y": {"z": [1, 2]}, "empty": {}}, "odd/key": 5, "nothing": null
        });
        let leaves = leaf_paths(&v);
        for path in [
            "name",
            "age",
            "age/value",
            "tri",
            "tri/state",
            "group",
            "group/x",
            "group/y",
            "group/y/z",
            "group/y/z/0",
            "group/empty",
            "odd/key",
            "odd",
            "nothing",
            "missing",
            "",
            "name/x",
        ] {
            assert_eq!(is_leaf_path(&v, path), leaves.contains_key(path), "{path}");
        }
        assert!(is_leaf_path(&serde_json::json!(5), ""));
    }

    #[test]
    fn leaves_treat_tri_and_arrays_as_single_values() {
        let v = serde_json::to_value(sample()).expect("serialises");
        let leaves = leaf_paths(&v);
        let keys: Vec<&str> = leaves.keys().map(String::as_str).collect();
        assert_eq!(keys, vec!["doctor/name", "doctor/per_month", "name", "visits"]);
        assert_eq!(from_leaf_paths(&leaves), v);
    }

    #[test]
    fn trash_lists_the_most_recently_deleted_first() {
        let rec = |name: &str, deleted: Option<i64>| {
            let mut r =
                StoredRecord::create(id(name), id("d1"), &sample(), Timestamp(1000), &dev("dev-a")).expect("creates");
            r.meta.deleted_at = deleted.map(Timestamp);
            (r, name.to_string())
        };
        let mut items = vec![
            rec("a", Some(2000)),
            rec("b", Some(5000)),
            rec("c", None),
            rec("e", Some(3000)),
            rec("d", Some(3000)),
        ];
        sort_newest_deleted_first(&mut items);
        let names: Vec<&str> = items.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, vec!["b", "d", "e", "a", "c"], "newest first, ties by ID, not deleted last");
        let mut empty: Vec<(StoredRecord, ())> = Vec::new();
        sort_newest_deleted_first(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn edits_stamp_only_changed_fields_and_bump_the_revision() {
        let r = StoredRecord::create(id("p1"), id("d1"), &sample(), Timestamp(1000), &dev("dev-a")).expect("creates");
        assert_eq!(r.meta.rev, 1);
        assert!(r.stamps.is_empty(), "a new record carries no stamps");

        let mut changed = sample();
        changed.doctor.name = Tri::Value("Aクリニック".into());
        let r2 = r.edited(&changed, Timestamp(2000), &dev("dev-b")).expect("ok").expect("changed");
        assert_eq!(r2.meta.rev, 2);
        assert_eq!(r2.meta.updated_by, dev("dev-b"));
        let stamp = &r2.stamps["doctor/name"];
        assert_eq!(stamp.at, Timestamp(2000));
        assert_eq!(stamp.history, vec![value_hash(&serde_json::json!({"state": "unknown"}))]);
        assert!(!r2.stamps.contains_key("name"), "unchanged fields stay unstamped");
        assert_eq!(r2.body_as::<Sample>(), Ok(changed.clone()));

        assert_eq!(r2.edited(&changed, Timestamp(3000), &dev("dev-b")), Ok(None));
    }

    #[test]
    fn clearing_an_optional_group_stamps_the_replaced_group() {
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        struct WithOnset {
            onset: Option<crate::domain::time::YearMonth>,
        }
        impl RecordBody for WithOnset {
            const KIND: RecordKind = RecordKind::Patient;
        }
        let set = WithOnset { onset: Some(crate::domain::time::YearMonth { year: 2002, month: Some(5) }) };
        let r = StoredRecord::create(id("p1"), id("d1"), &set, Timestamp(0), &dev("a")).expect("creates");
        let cleared = r.edited(&WithOnset { onset: None }, Timestamp(5), &dev("b")).expect("ok").expect("changed");
        let stamp = &cleared.stamps["onset"];
        assert_eq!(stamp.at, Timestamp(5));
        assert_eq!(stamp.history, vec![value_hash(&serde_json::json!({"year": 2002, "month": 5}))]);
        assert!(!cleared.stamps.contains_key("onset/year"));
        // And setting it again stamps the sub-fields with the hash of null, as before.
        let again = cleared.edited(&set, Timestamp(9), &dev("a")).expect("ok").expect("changed");
        assert_eq!(again.stamps["onset/year"].history, vec![value_hash(&Value::Null)]);
        assert!(!again.stamps.contains_key("onset"));
        let again_body = again.body.to_value();
        assert_eq!(value_at(&again_body, "onset/year"), Some(&serde_json::json!(2002)));
        assert_eq!(value_at(&again_body, "onset/day"), None);
    }

    /// Regression (issue 12, clock skew): a record created on a PC whose clock was 1 h fast,
    /// then renamed after the clock was corrected, was exported with updated_at < created_at
    /// and the backup could not be restored.
    #[test]
    fn clock_skew_an_edit_never_dates_before_the_creation() {
        let fast = Timestamp(1_000 + 3_600_000);
        let r = StoredRecord::create(id("p1"), id("d1"), &sample(), fast, &dev("x")).expect("creates");
        let mut renamed = sample();
        renamed.name = "B".into();
        let r2 = r.edited(&renamed, Timestamp(1_000), &dev("x")).expect("ok").expect("changed");
        assert_eq!(r2.meta.updated_at, fast);
        assert!(r2.meta.updated_at >= r2.meta.created_at);
        assert_eq!(r2.meta.rev, 2);
        let mut trashed = r2.clone();
        trashed.touch(Timestamp(0), &dev("y"));
        assert_eq!((trashed.meta.updated_at, trashed.meta.rev), (fast, 3));
    }

    #[test]
    fn wrong_kind_is_refused() {
        let mut r = StoredRecord::create(id("p1"), id("d1"), &sample(), Timestamp(0), &dev("x")).expect("creates");
        r.meta.kind = RecordKind::Station;
        assert!(matches!(r.body_as::<Sample>(), Err(RecordError::WrongKind { .. })));
    }

    #[test]
    fn history_is_bounded() {
        let mut r = StoredRecord::create(id("p1"), id("d1"), &sample(), Timestamp(0), &dev("x")).expect("creates");
        for i in 0..40 {
            let mut s = sample();
            s.name = format!("name {i}");
            if let Ok(Some(next)) = r.edited(&s, Timestamp(i), &dev("x")) {
                r = next;
            }
        }
        assert_eq!(r.stamps["name"].history.len(), FIELD_HISTORY_LEN);
    }

    #[test]
    fn bodies_are_canonical_text() {
        let v = serde_json::json!({"b": 1, "a": {"y": "ケ ア", "x": [1, 2]}});
        let body = Body::from_value(&v);
        assert_eq!(body.as_str(), r#"{"a":{"x":[1,2],"y":"ケ ア"},"b":1}"#);
        assert_eq!(body.to_value(), v);
        // Read from a pretty-printed file: brought to canonical form (spaces inside strings kept).
        let pretty: Body =
            serde_json::from_str("{ \"a\" : { \"x\": [1, 2], \"y\": \"ケ ア\" },\n \"b\": 1 }").expect("parses");
        assert_eq!(pretty, body);
        // Written back embedded as JSON, not as a string.
        let r = StoredRecord::create(id("p1"), id("d1"), &sample(), Timestamp(1), &dev("x")).expect("creates");
        let text = serde_json::to_string(&r).expect("serialises");
        assert!(text.contains(r#""body":{"doctor":"#), "{text}");
        let back: StoredRecord = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, r);
        // A body that is not JSON is refused.
        assert!(serde_json::from_str::<StoredRecord>(&text.replace(r#""body":{"#, r#""body":{,"#)).is_err());
    }

    #[test]
    fn whitespace_scan_ignores_strings() {
        assert!(!has_insignificant_whitespace(r#"{"a":"x y\" z"}"#));
        assert!(has_insignificant_whitespace(r#"{"a": 1}"#));
        assert!(has_insignificant_whitespace("[1,\n2]"));
    }

    #[test]
    fn kind_keys_round_trip() {
        for k in RecordKind::ALL {
            assert_eq!(RecordKind::from_key(k.key()), Some(k));
        }
    }
}
