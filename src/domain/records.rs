//! 記録の集まり: the questions every page, the 集計, the bundle export and the 次年度 copy ask
//! of the records of one 地域診断 — which are live, which are in the ゴミ箱, the records of a
//! kind with their bodies, one record by ID, and the one 地域の概況 / 様式4 評価 of the
//! 地域診断 ([`RecordSet::singleton`]). Each question has one answer here, so two pages never
//! read two different 概況.

use super::ids::RecordId;
use super::overview::Overview;
use super::record::{RecordBody, RecordError, RecordKind, StoredRecord};
use std::cmp::Ordering;
use std::sync::Arc;

/// The suffix of the 地域の概況 record's ID (`<地域診断>:overview`).
pub const OVERVIEW_SUFFIX: &str = "overview";
/// The suffix of the 様式4 評価 record's ID (`<地域診断>:evaluation`).
pub const EVALUATION_SUFFIX: &str = "evaluation";
/// The ID suffix of the 管内マップ (`<地域診断>:map`).
pub const MAP_SHEET_SUFFIX: &str = "map";
/// The ID suffix of the 管内マップ's 下図 (`<地域診断>:base_map`).
pub const BASE_MAP_SUFFIX: &str = "base_map";
/// The ID suffix of the 補助の上限表 (`<地域診断>:subsidy_table`).
pub const SUBSIDY_TABLE_SUFFIX: &str = "subsidy_table";

/// The ID suffix of a kind that exists once per 地域診断 (地域の概況, 様式4 評価); `None` for
/// the kinds of which a 地域診断 holds many.
pub fn singleton_suffix(kind: RecordKind) -> Option<&'static str> {
    match kind {
        RecordKind::Overview => Some(OVERVIEW_SUFFIX),
        RecordKind::Evaluation => Some(EVALUATION_SUFFIX),
        RecordKind::MapSheet => Some(MAP_SHEET_SUFFIX),
        RecordKind::BaseMap => Some(BASE_MAP_SUFFIX),
        RecordKind::SubsidyTable => Some(SUBSIDY_TABLE_SUFFIX),
        _ => None,
    }
}

/// Which of two records of a once-per-地域診断 kind is the later revision: the higher `rev`
/// (it has seen more saves), then the later `updated_at`, then the larger ID. The wall clock
/// alone never decides: two devices' clocks may differ by minutes, while `rev` only grows as
/// a record is saved; the ID makes the choice the same on every device.
fn later_revision(a: &StoredRecord, b: &StoredRecord) -> Ordering {
    a.meta.rev.cmp(&b.meta.rev).then(a.meta.updated_at.cmp(&b.meta.updated_at)).then_with(|| a.meta.id.cmp(&b.meta.id))
}

/// The one record of a kind that exists once per 地域診断 (地域の概況, 様式4 評価): the one
/// with the ID `<地域診断>:<suffix>` if it is there (trashed or not, so that saving restores
/// it rather than making a second one); otherwise, among the live ones of the kind (a file
/// from an older version, or merged from another device, may use other IDs), the latest
/// revision: higher `rev`, then later `updated_at`, then larger ID. Records of other
/// 地域診断 are ignored.
///
/// [`RecordSet::singleton`] asks the same with the kind's own suffix.
pub fn singleton_record<'a>(
    records: &'a [StoredRecord],
    diagnosis: &RecordId,
    kind: RecordKind,
    suffix: &str,
) -> Option<&'a StoredRecord> {
    let own = RecordId::singleton(diagnosis, suffix).ok();
    let of_kind = || records.iter().filter(move |r| r.meta.kind == kind && &r.meta.diagnosis_id == diagnosis);
    of_kind()
        .find(|r| own.as_ref() == Some(&r.meta.id))
        .or_else(|| of_kind().filter(|r| !r.is_deleted()).max_by(|a, b| later_revision(a, b)))
}

/// The records of one 地域診断 (records of other 地域診断 in the slice are left out), in the
/// slice's order. Cheap to copy; it borrows the records.
#[derive(Clone, Copy, Debug)]
pub struct RecordSet<'a> {
    records: &'a [StoredRecord],
    /// `None` only for [`RecordSet::empty`].
    diagnosis: Option<&'a RecordId>,
}

impl<'a> RecordSet<'a> {
    /// The records of `diagnosis` among `records`.
    pub fn new(records: &'a [StoredRecord], diagnosis: &'a RecordId) -> RecordSet<'a> {
        RecordSet { records, diagnosis: Some(diagnosis) }
    }

    /// No records (no 地域診断 is open).
    pub fn empty() -> RecordSet<'static> {
        RecordSet { records: &[], diagnosis: None }
    }

    /// The 地域診断 (`None` for [`RecordSet::empty`]).
    pub fn diagnosis(&self) -> Option<&'a RecordId> {
        self.diagnosis
    }

    /// Every record of the 地域診断, trashed ones included.
    pub fn all(&self) -> impl Iterator<Item = &'a StoredRecord> + 'a {
        let diagnosis = self.diagnosis;
        self.records.iter().filter(move |r| Some(&r.meta.diagnosis_id) == diagnosis)
    }

    /// The records not in the ゴミ箱, every kind.
    pub fn live_records(&self) -> impl Iterator<Item = &'a StoredRecord> + 'a {
        self.all().filter(|r| !r.is_deleted())
    }

    /// The records of one kind, trashed ones included.
    pub fn of_kind(&self, kind: RecordKind) -> impl Iterator<Item = &'a StoredRecord> + 'a {
        self.all().filter(move |r| r.meta.kind == kind)
    }

    /// The live records of one kind (bodies not read).
    pub fn live_of_kind(&self, kind: RecordKind) -> impl Iterator<Item = &'a StoredRecord> + 'a {
        self.of_kind(kind).filter(|r| !r.is_deleted())
    }

    /// The records of one kind in the ゴミ箱, in stored order.
    pub fn trashed(&self, kind: RecordKind) -> impl Iterator<Item = &'a StoredRecord> + 'a {
        self.of_kind(kind).filter(|r| r.is_deleted())
    }

    /// The live records of `T`'s kind with their bodies, in stored order. Records whose body
    /// cannot be read are skipped (storage keeps them; the pages say how many there are).
    pub fn live<T: RecordBody>(&self) -> impl Iterator<Item = (&'a StoredRecord, T)> + 'a {
        self.live_of_kind(T::KIND).filter_map(|r| r.body_as::<T>().ok().map(|b| (r, b)))
    }

    /// The trashed records of `T`'s kind with their bodies (unreadable ones skipped), the
    /// most recently deleted first; equal times by ID.
    pub fn trashed_newest_first<T: RecordBody>(&self) -> Vec<(StoredRecord, T)> {
        let mut list: Vec<(StoredRecord, T)> =
            self.trashed(T::KIND).filter_map(|r| r.body_as::<T>().ok().map(|b| (r.clone(), b))).collect();
        super::record::sort_newest_deleted_first(&mut list);
        list
    }

    /// One record by ID (trashed or not, any kind).
    pub fn get(&self, id: &RecordId) -> Option<&'a StoredRecord> {
        self.all().find(|r| &r.meta.id == id)
    }

    /// One live record of `T`'s kind by ID, with its body (`None` when it is missing, in the
    /// ゴミ箱, of another kind or unreadable).
    pub fn live_one<T: RecordBody>(&self, id: &RecordId) -> Option<(&'a StoredRecord, T)> {
        let r = self.get(id).filter(|r| !r.is_deleted())?;
        r.body_as::<T>().ok().map(|b| (r, b))
    }

    /// The one record of a once-per-地域診断 kind (see [`singleton_record`]); `None` for the
    /// other kinds. It may be in the ゴミ箱: saving then restores it.
    pub fn singleton(&self, kind: RecordKind) -> Option<&'a StoredRecord> {
        singleton_record(self.records, self.diagnosis?, kind, singleton_suffix(kind)?)
    }

    /// The [`singleton`](Self::singleton) of `T`'s kind when it is live, with its body as read
    /// (an error when it cannot be read). `None` when there is none or it is in the ゴミ箱.
    pub fn live_singleton<T: RecordBody>(&self) -> Option<(&'a StoredRecord, Result<T, RecordError>)> {
        let r = self.singleton(T::KIND).filter(|r| !r.is_deleted())?;
        Some((r, r.body_as::<T>()))
    }

    /// 地域の概況 as every page and the 集計 read it: the live [`singleton`](Self::singleton),
    /// blank when there is none, it is in the ゴミ箱 or it cannot be read.
    pub fn overview(&self) -> Overview {
        self.live_singleton::<Overview>().and_then(|(_, o)| o.ok()).unwrap_or_default()
    }
}

/// A value derived from one load of the records (a parsed list, say), kept while the load
/// stays the same: coming back to a page without a change in the data reuses it instead of
/// reading every body again. Loads are told apart by identity, not content (every reload
/// makes a new `Arc`), so comparing costs nothing.
#[derive(Debug)]
pub struct PerLoad<T> {
    last: Option<(Arc<Vec<StoredRecord>>, T)>,
}

impl<T> Default for PerLoad<T> {
    fn default() -> Self {
        PerLoad { last: None }
    }
}

impl<T: Clone> PerLoad<T> {
    /// The value for `records`: the kept one when it was made from this very load, else
    /// `make`'s (then kept, and the previous one dropped).
    pub fn get_or_make(&mut self, records: &Arc<Vec<StoredRecord>>, make: impl FnOnce(&[StoredRecord]) -> T) -> T {
        if let Some((loaded, value)) = &self.last {
            if Arc::ptr_eq(loaded, records) {
                return value.clone();
            }
        }
        let value = make(records);
        self.last = Some((Arc::clone(records), value.clone()));
        value
    }
}

#[cfg(test)]
mod tests;
