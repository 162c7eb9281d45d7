//! ゴミ箱 of 地域診断: 削除 on the 地域診断の一覧 moves a 地域診断 here. Its `deleted_at` is set
//! by the same step that moves a record to the ゴミ箱 ([`move_to_trash`], and
//! [`restore_from_trash`] back); its records stay exactly as they are, so 元に戻す brings
//! everything back.
//!
//! A 地域診断 in the ゴミ箱 is not on the list ([`list_diagnoses`](super::list_diagnoses)), so
//! the switcher, 広域の比較, 次年度, the サンプル and the CSV leave it out; the export offers it
//! only when the ゴミ箱 is ticked ([`trashed_ids`]); nothing is saved in it (storage checks
//! [`is_listed`] inside the write transaction); and opening it by its address says where it is
//! ([`whereabouts`]). 完全に削除 and ゴミ箱を空にする remove it with all its records for good,
//! after a confirmation naming what is lost ([`purge_warning`]).

use super::{same_diagnosis, CommunityDiagnosis, DiagnosisEntry};
use crate::domain::bundle::dataio::KindCounts;
use crate::domain::ids::RecordId;
use crate::domain::record::{sort_newest_deleted_first, RecordKind, RecordMeta, StoredRecord};
use std::collections::BTreeSet;

pub use crate::domain::forms::roster::{move_to_trash, restore_from_trash};

/// The 地域診断 in the ゴミ箱, the most recently deleted first. Records that cannot be read
/// are left out (the list's warning counts them).
pub fn trashed_diagnoses(records: &[StoredRecord]) -> Vec<DiagnosisEntry> {
    let mut read: Vec<(StoredRecord, CommunityDiagnosis)> = records
        .iter()
        .filter(|r| r.is_deleted() && !crate::domain::results::is_container(&r.meta.id))
        .filter_map(|r| r.body_as::<CommunityDiagnosis>().ok().map(|d| (r.clone(), d)))
        .collect();
    sort_newest_deleted_first(&mut read);
    read.into_iter().map(|(record, diagnosis)| DiagnosisEntry { record, diagnosis }).collect()
}

/// The IDs of the 地域診断 in the ゴミ箱 among `all` (records of every kind).
pub fn trashed_ids(all: &[StoredRecord]) -> BTreeSet<&RecordId> {
    all.iter().filter(|r| r.meta.kind == RecordKind::Diagnosis && r.is_deleted()).map(|r| &r.meta.id).collect()
}

/// Whether a 地域診断 as stored (`None`: not on the device) may receive a save: it is there and
/// not in the ゴミ箱.
pub fn is_listed(stored: Option<&RecordMeta>) -> bool {
    stored.is_some_and(|m| m.deleted_at.is_none())
}

/// Where the 地域診断 an address names is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Whereabouts {
    /// On the list: it opens.
    Listed,
    /// In the ゴミ箱 (its title).
    Trashed(String),
    /// Not on this device (removed for good, or an address from another device).
    Missing,
}

impl Whereabouts {
    /// What the page says instead of the 地域診断 (`None` when it opens).
    pub fn message(&self) -> Option<(&'static str, String)> {
        match self {
            Whereabouts::Listed => None,
            Whereabouts::Trashed(title) => Some((
                "この地域診断はゴミ箱にあります",
                format!("「{title}」はゴミ箱に移されています。開くには、「地域診断の一覧」の「ゴミ箱」から元に戻してください。"),
            )),
            Whereabouts::Missing => Some((
                "地域診断が見つかりません",
                "このアドレスの地域診断はこの端末にありません（完全に削除されたか、別の端末のアドレスです）。".to_string(),
            )),
        }
    }
}

/// Where `id` is: on the list, in the ゴミ箱, or not here.
pub fn whereabouts(listed: &[DiagnosisEntry], trashed: &[DiagnosisEntry], id: &RecordId) -> Whereabouts {
    if listed.iter().any(|e| &e.record.meta.id == id) {
        return Whereabouts::Listed;
    }
    match trashed.iter().find(|e| &e.record.meta.id == id) {
        Some(e) => Whereabouts::Trashed(e.diagnosis.title()),
        None => Whereabouts::Missing,
    }
}

/// Why `entry` cannot come back from the ゴミ箱: another 地域診断 with its 地区名 and 年度 is on
/// the list now (made or imported after it was deleted), and there is only one of each.
pub fn restore_problem(listed: &[DiagnosisEntry], entry: &DiagnosisEntry) -> Option<String> {
    same_diagnosis(listed, &entry.diagnosis, Some(&entry.record.meta.id)).map(|other| {
        format!(
            "「{}」は一覧にもあるため、元に戻せません（同じ地区名・年度の地域診断は1つだけにします）。一覧の方の名前・年度を変更するか、ゴミ箱に移してから元に戻してください。",
            other.diagnosis.title()
        )
    })
}

/// The confirmation of 完全に削除 (one) or ゴミ箱を空にする (several): each 地域診断 by its
/// title with what its records are (`counts`), and that nothing comes back.
pub fn purge_warning(items: &[(String, KindCounts)]) -> String {
    let named: Vec<String> =
        items.iter().map(|(title, counts)| format!("「{title}」（{}）", counts.describe())).collect();
    let what = match named.as_slice() {
        [one] => format!("{one}を完全に削除します。"),
        _ => format!("ゴミ箱の地域診断 {}件を完全に削除します: {}。", named.len(), named.join("、")),
    };
    format!(
        "{what}療養者・ステーション・事業・評価・アセスメントの記録もすべて削除され、元に戻せません。必要なら先に「データの入出力」で「ゴミ箱の記録も含める」にチェックして書き出してください。"
    )
}

#[cfg(test)]
#[path = "trash_tests.rs"]
mod tests;
