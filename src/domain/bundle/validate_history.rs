//! The 変更履歴 of a bundle (format v3, issue 17): checked after the records and against
//! them. An entry must be well formed and belong to a record of the same file; the fields it
//! names are not checked against today's forms — history keeps what was, and restoring a
//! value the form no longer reads is refused when it is tried, not when it is imported.

use super::error::Problems;
use super::scan::clip;
use crate::domain::history::{entry_id, HistoryEntry};
use crate::domain::ids::RecordId;
use crate::domain::record::{StoredRecord, MAX_REV};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Most history entries in one bundle (100 per record for 5,000 records).
pub const MAX_HISTORY: usize = 500_000;
/// Most changed fields in one entry.
pub const MAX_CHANGES: usize = 2_000;
/// Longest 担当者名.
pub const MAX_BY_CHARS: usize = 50;
/// Longest field path.
pub const MAX_PATH_CHARS: usize = 300;

const LABEL: &str = "変更履歴";

/// The entries of `value` (the file's `history`, absent in most files), every problem put in
/// `ps` with its place (`history[3]`).
pub(crate) fn check_history(
    value: Option<&Value>,
    anonymised: bool,
    diagnoses: &[StoredRecord],
    records: &[StoredRecord],
    ps: &mut Problems,
) -> Vec<HistoryEntry> {
    let items = match value {
        None => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            ps.at("", "history", LABEL, "変更履歴が配列 [ ] ではありません");
            return Vec::new();
        }
    };
    if anonymised && !items.is_empty() {
        ps.at("", "history", LABEL, "匿名化したファイルには変更履歴を入れられません（変更前の氏名などが残るため）");
        return Vec::new();
    }
    if items.len() > MAX_HISTORY {
        ps.at("", "history", LABEL, format!("変更履歴が多すぎます（{MAX_HISTORY}件まで）"));
        return Vec::new();
    }
    let owners: BTreeMap<&RecordId, &StoredRecord> = diagnoses.iter().chain(records).map(|r| (&r.meta.id, r)).collect();
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if ps.is_full() {
            break;
        }
        let place = format!("history[{i}]");
        let entry: HistoryEntry = match serde_json::from_value(item.clone()) {
            Ok(e) => e,
            Err(e) => {
                ps.at(&place, "", LABEL, format!("変更履歴の形が正しくありません（{}）", clip(&e.to_string(), 120)));
                continue;
            }
        };
        if let Some(problem) = entry_problem(&entry, owners.get(&entry.record_id).copied()) {
            ps.at(&place, "", LABEL, problem);
            continue;
        }
        if !seen.insert(entry.id.clone()) {
            ps.at(&place, "id", LABEL, "同じ変更履歴が2回あります");
            continue;
        }
        out.push(entry);
    }
    out
}

/// What is wrong with one entry, given the record of the file it belongs to.
fn entry_problem(e: &HistoryEntry, owner: Option<&StoredRecord>) -> Option<String> {
    let Some(owner) = owner else {
        return Some(format!("変更履歴の記録（{}）がこのファイルにありません", clip(e.record_id.as_str(), 60)));
    };
    if e.kind != owner.meta.kind || e.diagnosis_id != owner.meta.diagnosis_id {
        return Some("変更履歴の種類または地域診断が、その記録と合いません".to_string());
    }
    if e.id != entry_id(&e.record_id, e.rev, &e.device) {
        return Some("変更履歴のIDが、記録・版・端末と合いません".to_string());
    }
    if e.rev == 0 || e.rev > MAX_REV {
        return Some(format!("版番号が範囲外です（1〜{MAX_REV}）"));
    }
    if !(0..=super::body::MAX_TIMESTAMP_MS).contains(&e.at.0) {
        return Some("日時が範囲外です（1970年〜2200年）".to_string());
    }
    if e.by.chars().count() > MAX_BY_CHARS {
        return Some(format!("担当者名が長すぎます（{MAX_BY_CHARS}文字まで）"));
    }
    if e.changes.len() > MAX_CHANGES {
        return Some(format!("変更した項目が多すぎます（{MAX_CHANGES}件まで）"));
    }
    if e.changes.iter().any(|c| c.path.is_empty() || c.path.chars().count() > MAX_PATH_CHARS) {
        return Some(format!("項目の名前が空か長すぎます（{MAX_PATH_CHARS}文字まで）"));
    }
    None
}

/// The file's entries an import keeps: those of records it does not refuse (an entry of a
/// record already kept is written once: entries are keyed by their ID).
pub fn history_to_keep(plan: &super::ImportPlan, history: &[HistoryEntry]) -> Vec<HistoryEntry> {
    let kept: BTreeSet<&RecordId> =
        plan.items.iter().filter(|i| !matches!(i.outcome, super::Outcome::Refused { .. })).map(|i| &i.id).collect();
    history.iter().filter(|e| kept.contains(&e.record_id)).cloned().collect()
}
