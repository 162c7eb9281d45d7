//! 保存の一歩: what one 保存 of a record form writes, decided once for every editor.
//!
//! A form remembers the body it was opened from (its *base*; for a restored 下書き, the body
//! the draft was made on). On 保存 only the fields the nurse changed (base → hers) are written
//! onto the **latest** revision, so a field another tab or an import changed meanwhile is
//! kept. When the same field was changed on both sides to different values, nothing is
//! written: the nurse sees both values side by side and chooses ([`Resolution`]).
//!
//! The plan names the revision it was made on ([`SavePlan::Write::expected`]); storage
//! checks it inside the write transaction, so a save never overwrites a revision it has
//! not seen (on a change it is planned again on the new latest).

use super::bundle::labels::{display_field, field_label};
use super::ids::{DeviceId, RecordId};
use super::record::StoredRecord;
use super::record::{from_leaf_paths, leaf_paths, value_at, Body, RecordBody, RecordError, RecordKind, RecordMeta};
use super::records::{singleton_suffix, RecordSet};
use super::time::Timestamp;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Which value a conflicting field keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// この画面の入力.
    Mine,
    /// 別の画面（タブ・取り込み）で保存された値.
    Theirs,
}

/// A field changed both here and elsewhere since the form was opened.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveConflict {
    /// Field path (`neurology/name`).
    pub path: String,
    /// 項目名 (the path when the field has no name).
    pub label: String,
    /// The value when the form was opened, hers and the latest saved one, in words.
    pub base: String,
    pub mine: String,
    pub theirs: String,
}

/// What a 保存 does.
#[derive(Clone, Debug, PartialEq)]
pub enum SavePlan {
    /// Write `record`; `expected` is the revision it was planned on (`None`: it must not
    /// exist yet). `kept_from_elsewhere` counts the fields changed elsewhere that were kept.
    Write { record: Box<StoredRecord>, expected: Option<RecordMeta>, kept_from_elsewhere: usize },
    /// Nothing to write: the latest revision already holds her input.
    Unchanged,
    /// The record was deleted (moved to the ゴミ箱 or purged) elsewhere: nothing is written.
    DeletedElsewhere,
    /// Fields changed on both sides: her choice is needed.
    Conflict(Vec<SaveConflict>),
}

/// The record a form saves.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A record that existed when the form was opened.
    Existing(RecordId),
    /// A new record under `id` (a fresh ID, or a fixed one such as `<地域診断>:overview`) in
    /// 地域診断 `diagnosis`.
    New { id: RecordId, diagnosis: RecordId },
}

/// Whether a record in the ゴミ箱 may be saved on (the singletons 地域の概況 and 様式4, whose
/// form restores them) or is 「別の画面で削除された」 (everything else).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trashed {
    Refuse,
    Restore,
}

/// Everything one save needs.
pub struct SaveInput<'a, T> {
    pub target: Target,
    /// The body the nurse's edits were made on (for a new record: the blank form's body).
    pub base: &'a Value,
    /// Her input, parsed.
    pub mine: &'a T,
    /// The latest revision in storage (or in the loaded records), if any.
    pub latest: Option<&'a StoredRecord>,
    /// Her choices for conflicts shown before (by path).
    pub resolutions: &'a BTreeMap<String, Resolution>,
    pub trashed: Trashed,
    pub now: Timestamp,
    pub device: &'a DeviceId,
}

/// The fields that differ between two bodies, as the fewest paths (a group replaced as a
/// whole is one path, not one per sub-field).
pub fn changed_paths(before: &Value, after: &Value) -> Vec<String> {
    let old = leaf_paths(before);
    let new = leaf_paths(after);
    let at = |v: &Value, leaves: &BTreeMap<String, Value>, p: &str| {
        leaves.get(p).or_else(|| value_at(v, p)).cloned().unwrap_or(Value::Null)
    };
    let all: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    let changed: Vec<String> = all.into_iter().filter(|p| at(before, &old, p) != at(after, &new, p)).cloned().collect();
    changed
        .iter()
        .filter(|p| {
            !changed.iter().any(|q| q.as_str() != p.as_str() && (q.is_empty() || p.starts_with(&format!("{q}/"))))
        })
        .cloned()
        .collect()
}

/// The value at `path`, missing read as null.
fn at_path<'v>(value: &'v Value, path: &str) -> &'v Value {
    value_at(value, path).unwrap_or(&Value::Null)
}

/// `onto` with the field at `path` replaced by `from`'s (removed when `from` has none).
fn put_path(onto: &mut BTreeMap<String, Value>, path: &str, from: &Value) {
    let below = format!("{path}/");
    onto.retain(|k, _| {
        !(path.is_empty() || k == path || k.starts_with(&below) || path.starts_with(&format!("{k}/")) || k.is_empty())
    });
    if let Some(v) = value_at(from, path) {
        for (k, leaf) in leaf_paths(v) {
            let full = match (path.is_empty(), k.is_empty()) {
                (true, _) => k,
                (false, true) => path.to_string(),
                (false, false) => format!("{path}/{k}"),
            };
            onto.insert(full, leaf);
        }
    }
}

/// Decides what a 保存 writes (see the module doc), for her input as its record type.
pub fn plan_save<T: RecordBody>(input: SaveInput<'_, T>) -> Result<SavePlan, RecordError> {
    let mine = serde_json::to_value(input.mine).map_err(|e| RecordError::Body(e.to_string()))?;
    plan_body(BodyInput {
        kind: T::KIND,
        target: input.target,
        base: input.base,
        mine: &mine,
        read: read_as::<T>,
        latest: input.latest,
        resolutions: input.resolutions,
        trashed: input.trashed,
        now: input.now,
        device: input.device,
    })
}

/// A body read as the record type `T` and written back: checks that a merged body is a valid
/// `T` and brings it to the form `T` writes.
pub fn read_as<T: RecordBody>(body: Value) -> Result<Value, RecordError> {
    let typed: T = serde_json::from_value(body).map_err(|e| RecordError::Body(e.to_string()))?;
    serde_json::to_value(typed).map_err(|e| RecordError::Body(e.to_string()))
}

/// [`read_as`] for the record type of `kind` (a body restored from the 変更履歴, whose type
/// the page does not name).
pub fn read_kind(kind: RecordKind) -> fn(Value) -> Result<Value, RecordError> {
    use super::{diagnosis::CommunityDiagnosis, evaluation::Evaluation, overview::Overview, patient::Patient};
    use super::{programmes::Programme, station::Station, trees::assessment::Assessment};
    match kind {
        RecordKind::Diagnosis => read_as::<CommunityDiagnosis>,
        RecordKind::Overview => read_as::<Overview>,
        RecordKind::Patient => read_as::<Patient>,
        RecordKind::Station => read_as::<Station>,
        RecordKind::Programme => read_as::<Programme>,
        RecordKind::Assessment => read_as::<Assessment>,
        RecordKind::Evaluation => read_as::<Evaluation>,
        RecordKind::ProgrammeResult => read_as::<crate::domain::results::ProgrammeResult>,
        RecordKind::ProgressPlan => read_as::<crate::domain::progress::ProgressIssue>,
        RecordKind::SupportPlan => read_as::<crate::domain::ventilator::plan::SupportPlan>,
        RecordKind::Facility => read_as::<crate::domain::map::records::Facility>,
        RecordKind::MapSheet => read_as::<crate::domain::map::records::MapSheet>,
        RecordKind::BaseMap => read_as::<crate::domain::map::records::BaseMap>,
        RecordKind::SubsidyTable => read_as::<crate::domain::ventilator::tables::SubsidyTables>,
    }
}

/// [`SaveInput`] with her input as a body: one copy of the save step for every record type
/// (the type only reads the result, through `read`).
pub struct BodyInput<'a> {
    pub kind: RecordKind,
    pub target: Target,
    pub base: &'a Value,
    pub mine: &'a Value,
    /// The record type's reading of a body ([`read_as`]).
    pub read: fn(Value) -> Result<Value, RecordError>,
    pub latest: Option<&'a StoredRecord>,
    pub resolutions: &'a BTreeMap<String, Resolution>,
    pub trashed: Trashed,
    pub now: Timestamp,
    pub device: &'a DeviceId,
}

/// Decides what a 保存 writes (see the module doc).
pub fn plan_body(input: BodyInput<'_>) -> Result<SavePlan, RecordError> {
    let BodyInput { kind, base, mine, read, now, device, .. } = input;
    let latest = match (input.latest, &input.target) {
        (None, Target::Existing(_)) => return Ok(SavePlan::DeletedElsewhere),
        (Some(l), Target::Existing(_)) if l.is_deleted() && input.trashed == Trashed::Refuse => {
            return Ok(SavePlan::DeletedElsewhere)
        }
        (None, Target::New { id, diagnosis }) => {
            let body = Body::from_value(&read(mine.clone())?);
            let record = StoredRecord::create_body(id.clone(), diagnosis.clone(), kind, body, now, device);
            return Ok(SavePlan::Write { record: Box::new(record), expected: None, kept_from_elsewhere: 0 });
        }
        (Some(l), _) => l,
    };
    if latest.meta.kind != kind {
        return Err(RecordError::WrongKind { expected: kind, found: latest.meta.kind });
    }
    let theirs = latest.body.to_value();
    let mut merged = leaf_paths(&theirs);
    let mut conflicts = Vec::new();
    for path in changed_paths(base, mine) {
        let (b, m, t) = (at_path(base, &path), at_path(mine, &path), at_path(&theirs, &path));
        let take_mine = if t == b || t == m {
            true
        } else {
            match input.resolutions.get(&path) {
                Some(Resolution::Mine) => true,
                Some(Resolution::Theirs) => false,
                None => {
                    let label = field_label(kind, &path);
                    conflicts.push(SaveConflict {
                        label: if label.is_empty() { path.clone() } else { label },
                        base: display_field(kind, &path, Some(b)),
                        mine: display_field(kind, &path, Some(m)),
                        theirs: display_field(kind, &path, Some(t)),
                        path,
                    });
                    continue;
                }
            }
        };
        if take_mine {
            put_path(&mut merged, &path, mine);
        }
    }
    if !conflicts.is_empty() {
        return Ok(SavePlan::Conflict(conflicts));
    }
    // Through the record type, so the result is a valid body in canonical form.
    let body = read(from_leaf_paths(&merged))?;
    let kept_from_elsewhere =
        changed_paths(base, &theirs).iter().filter(|p| at_path(&theirs, p) != at_path(mine, p)).count();
    let mut edited = match latest.with_body(body, now, device) {
        Some(r) => r,
        None if latest.is_deleted() => latest.clone(),
        None => return Ok(SavePlan::Unchanged),
    };
    if edited.is_deleted() {
        // Saving a singleton from its form restores it from the ゴミ箱.
        edited.meta.deleted_at = None;
        if edited.meta.rev == latest.meta.rev {
            edited.touch(now, device);
        }
    }
    Ok(SavePlan::Write { record: Box::new(edited), expected: Some(latest.meta.clone()), kept_from_elsewhere })
}

/// Where the form of a record kept once per 地域診断 (地域の概況, 様式4) saves: the record
/// every page and the 集計 read ([`RecordSet::singleton`]: in the ゴミ箱 or not, so saving
/// restores it rather than making a second), or a new one under the fixed ID
/// `<地域診断>:<suffix>`.
pub fn singleton_target(records: &[StoredRecord], diagnosis: &RecordId, kind: RecordKind) -> Result<Target, String> {
    if let Some(r) = RecordSet::new(records, diagnosis).singleton(kind) {
        return Ok(Target::Existing(r.meta.id.clone()));
    }
    let suffix =
        singleton_suffix(kind).ok_or_else(|| format!("{}は地域診断に1件の記録ではありません", kind.label()))?;
    RecordId::singleton(diagnosis, suffix)
        .map(|id| Target::New { id, diagnosis: diagnosis.clone() })
        .map_err(|e| format!("{}の記録のIDを作れません: {e}", kind.label()))
}

/// The kind's name in the conflict message (`療養者`).
pub fn conflict_heading(kind: RecordKind, count: usize) -> String {
    format!(
        "この{}は、この画面を開いた後に別の画面（タブ・取り込み）でも変更されました。同じ項目が両方で変わっています（{count}項目）。どちらの値を残すか選んでください。",
        kind.label()
    )
}

#[cfg(test)]
#[path = "save_tests.rs"]
mod tests;
