//! 療養者の一覧 as loaded: the live patients (record and body side by side) and the ゴミ箱.

use crate::domain::ids::RecordId;
use crate::domain::patient::Patient;
use crate::domain::record::{RecordKind, StoredRecord};
use crate::domain::records::RecordSet;

/// The 地域診断's patients as loaded: the live ones (record and body side by side, in stored
/// order) and the trashed ones.
#[derive(Debug, Default)]
pub struct PatientList {
    /// Live records (parallel to `patients`).
    pub records: Vec<StoredRecord>,
    /// Their bodies.
    pub patients: Vec<Patient>,
    /// ゴミ箱: trashed records and their bodies (when readable), the latest deletion first;
    /// equal deletion times keep the stored order.
    pub trashed: Vec<(StoredRecord, Option<Patient>)>,
    /// Live records whose body could not be read (kept in storage, reported on screen).
    pub unreadable: usize,
}

impl PatientList {
    /// The patients among `records`.
    pub fn from_records(records: RecordSet<'_>) -> PatientList {
        let mut list = PatientList::default();
        for r in records.of_kind(RecordKind::Patient) {
            let body = r.body_as::<Patient>().ok();
            if r.is_deleted() {
                list.trashed.push((r.clone(), body));
            } else if let Some(p) = body {
                list.records.push(r.clone());
                list.patients.push(p);
            } else {
                list.unreadable += 1;
            }
        }
        list.trashed.sort_by_key(|(r, _)| std::cmp::Reverse(r.meta.deleted_at));
        list
    }

    /// The position of a live record.
    pub fn position(&self, id: &RecordId) -> Option<usize> {
        self.records.iter().position(|r| &r.meta.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::DeviceId;
    use crate::domain::record::Body;
    use crate::domain::station::Station;
    use crate::domain::time::Timestamp;

    fn id(s: &str) -> RecordId {
        RecordId::parse(s).expect("id")
    }

    fn patient(rid: &str, number: &str, deleted: Option<i64>) -> StoredRecord {
        let dev = DeviceId::parse("dev").expect("device");
        let body = Patient { id_number: number.into(), ..Patient::default() };
        let mut r = StoredRecord::create(id(rid), id("d1"), &body, Timestamp(1), &dev).expect("record");
        r.meta.deleted_at = deleted.map(Timestamp);
        r
    }

    #[test]
    fn live_trashed_and_unreadable_patients() {
        let dev = DeviceId::parse("dev").expect("device");
        let mut broken = patient("p-bad", "X", None);
        broken.body = Body::from_value(&serde_json::json!({"age": "old"}));
        let mut broken_trashed = patient("p-bad2", "Y", Some(7));
        broken_trashed.body = Body::from_value(&serde_json::json!({"age": "old"}));
        let records = vec![
            patient("p-1", "1", None),
            patient("p-2", "2", Some(5)),
            StoredRecord::create(id("s-1"), id("d1"), &Station::default(), Timestamp(1), &dev).expect("record"),
            broken,
            patient("p-3", "3", Some(9)),
            patient("p-4", "4", None),
            patient("p-5", "5", Some(5)),
            broken_trashed,
        ];
        let d = id("d1");
        let list = PatientList::from_records(RecordSet::new(&records, &d));
        assert_eq!(list.patients.iter().map(|p| p.id_number.as_str()).collect::<Vec<_>>(), ["1", "4"]);
        assert_eq!(list.position(&id("p-4")), Some(1));
        assert_eq!(list.position(&id("p-2")), None);
        assert_eq!(list.unreadable, 1);
        // ゴミ箱: deleted at 9, 7, then the two deleted at 5 in stored order (p-2 before p-5);
        // an unreadable one is listed without its body.
        let trash: Vec<(&str, bool)> = list.trashed.iter().map(|(r, p)| (r.meta.id.as_str(), p.is_some())).collect();
        assert_eq!(trash, [("p-3", true), ("p-bad2", false), ("p-2", true), ("p-5", true)]);
    }
}
