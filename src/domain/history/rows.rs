//! The 変更履歴 page's rows: each save in words (when, who, what, each field old → new),
//! newest first, with the privacy switch applied to names and addresses.

use super::{newest_first, Action, Cause, FieldChange, HistoryEntry};
use crate::domain::bundle::labels::{display_field, field_label};
use crate::domain::record::RecordKind;

/// Fields that 「氏名・住所を隠す」 hides (the anonymised export drops them too).
const PRIVATE: [(RecordKind, &str); 3] =
    [(RecordKind::Patient, "name"), (RecordKind::Patient, "furigana"), (RecordKind::Patient, "address_detail")];

/// What a hidden value shows.
pub const HIDDEN: &str = "（非表示）";

/// One changed field in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRow {
    pub path: String,
    /// 項目名 (the path when the field has no name).
    pub label: String,
    pub old: String,
    pub new: String,
}

/// One save in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryRow {
    pub id: String,
    /// 日時 (JST).
    pub when: String,
    /// 担当者 (「未設定」 when none was set).
    pub by: String,
    /// 作成 / 変更 / ゴミ箱へ移動 …, with 取り込み or the version restored.
    pub what: String,
    pub fields: Vec<FieldRow>,
    /// The newest entry: the record as it is now.
    pub current: bool,
}

/// The fields of `changes` in words.
pub fn field_rows(kind: RecordKind, changes: &[FieldChange], hide_names: bool) -> Vec<FieldRow> {
    changes
        .iter()
        .map(|c| {
            let hidden = hide_names && PRIVATE.iter().any(|(k, p)| *k == kind && *p == c.path);
            let shown = |v: Option<&serde_json::Value>| {
                if hidden {
                    HIDDEN.to_string()
                } else {
                    display_field(kind, &c.path, v)
                }
            };
            let label = field_label(kind, &c.path);
            FieldRow {
                path: c.path.clone(),
                label: if label.is_empty() { c.path.clone() } else { label },
                old: shown(c.old.as_ref()),
                new: shown(c.new.as_ref()),
            }
        })
        .collect()
}

/// One record's entries in words, newest first.
pub fn entry_rows(entries: &[HistoryEntry], hide_names: bool) -> Vec<EntryRow> {
    let mut sorted = entries.to_vec();
    newest_first(&mut sorted);
    let when_of = |id: &str| sorted.iter().find(|e| e.id == id).map(|e| e.at.display_jst());
    sorted
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let what = match &e.cause {
                Cause::Input => e.action.label().to_string(),
                Cause::Import => format!("{}（取り込み）", e.action.label()),
                Cause::Revert { entry, field: None } => match when_of(entry) {
                    Some(when) => format!("{when}の版に戻す"),
                    None => "以前の版に戻す".to_string(),
                },
                Cause::Revert { entry, field: Some(path) } => {
                    let label = field_label(e.kind, path);
                    let label = if label.is_empty() { path.clone() } else { label };
                    match when_of(entry) {
                        Some(when) => format!("「{label}」を{when}の変更前に戻す"),
                        None => format!("「{label}」を以前の値に戻す"),
                    }
                }
            };
            EntryRow {
                id: e.id.clone(),
                when: e.at.display_jst(),
                by: if e.by.is_empty() { "未設定".to_string() } else { e.by.clone() },
                what,
                fields: if e.action == Action::Created {
                    Vec::new()
                } else {
                    field_rows(e.kind, &e.changes, hide_names)
                },
                current: i == 0,
            }
        })
        .collect()
}

/// The record a 変更履歴 is about, as its page heading says it: 「療養者 P-001 山田 太郎」.
pub fn record_title(record: &crate::domain::record::StoredRecord, hide_names: bool) -> String {
    use crate::domain::{diagnosis::CommunityDiagnosis, patient::Patient, programmes::Programme, station::Station};
    let kind = record.meta.kind;
    let name = match kind {
        RecordKind::Patient => record.body_as::<Patient>().ok().map(|p| {
            let name = p.display_name(hide_names).trim().to_string();
            format!("ID番号 {} {name}", p.id_number).trim().to_string()
        }),
        RecordKind::Station => record.body_as::<Station>().ok().map(|s| s.name),
        RecordKind::Programme => record.body_as::<Programme>().ok().map(|p| p.title()),
        RecordKind::Diagnosis => record.body_as::<CommunityDiagnosis>().ok().map(|d| d.title()),
        RecordKind::ProgrammeResult => record.body_as::<crate::domain::results::ProgrammeResult>().ok().map(|p| p.name),
        RecordKind::ProgressPlan => record.body_as::<crate::domain::progress::ProgressIssue>().ok().map(|p| p.title),
        RecordKind::Facility => record.body_as::<crate::domain::map::records::Facility>().ok().map(|f| f.name),
        RecordKind::Overview
        | RecordKind::Evaluation
        | RecordKind::Assessment
        | RecordKind::SupportPlan
        | RecordKind::MapSheet
        | RecordKind::BaseMap
        | RecordKind::SubsidyTable => None,
    };
    match name.filter(|n| !n.trim().is_empty()) {
        Some(n) => format!("{} {n}", kind.label()),
        None => kind.label().to_string(),
    }
}
