//! 集計の材料: the records of one 地域診断 the 集計 and 様式4 are computed from — 様式1's header
//! (地域の概況), its 療養者 and 様式3's ステーション — read once from the stored records, with
//! each record's ID kept beside its body so that a figure's drill-down can link to the record.

use crate::domain::evaluation::Evaluation;
use crate::domain::ids::RecordId;
use crate::domain::overview::Overview;
use crate::domain::patient::Patient;
use crate::domain::record::{RecordKind, StoredRecord};
use crate::domain::station::Station;

/// The suffix of the 地域の概況 record's ID (`<地域診断>:overview`).
pub const OVERVIEW_SUFFIX: &str = "overview";
/// The suffix of the 様式4 評価 record's ID (`<地域診断>:evaluation`).
pub const EVALUATION_SUFFIX: &str = "evaluation";

/// What the 集計 is computed from, for one 地域診断. Trashed records are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SummaryInputs {
    /// 地域の概況 (blank when none was entered).
    pub overview: Overview,
    /// Whether a 地域の概況 record exists.
    pub overview_entered: bool,
    /// 様式1 療養者, in the records' order.
    pub patients: Vec<Patient>,
    /// The record ID of each patient (same positions as `patients`).
    pub patient_ids: Vec<RecordId>,
    /// 様式3 訪問看護ステーション, in the records' order.
    pub stations: Vec<Station>,
    /// The record ID of each station (same positions as `stations`).
    pub station_ids: Vec<RecordId>,
    /// 療養者・ステーション・概況 records whose body could not be read (left out of the 集計;
    /// never dropped from storage).
    pub unreadable: usize,
}

/// The one record of a kind that exists once per 地域診断 (地域の概況, 様式4 評価): the one
/// with the ID `<地域診断>:<suffix>` if it is there (trashed or not, so that saving restores
/// it rather than making a second one), otherwise the most recently updated live one of the
/// kind (a file from an older version may have used another ID).
pub fn singleton_record<'a>(
    records: &'a [StoredRecord],
    diagnosis: &RecordId,
    kind: RecordKind,
    suffix: &str,
) -> Option<&'a StoredRecord> {
    let own = RecordId::singleton(diagnosis, suffix).ok();
    let of_kind = || records.iter().filter(move |r| r.meta.kind == kind && &r.meta.diagnosis_id == diagnosis);
    of_kind().find(|r| own.as_ref() == Some(&r.meta.id)).or_else(|| {
        of_kind()
            .filter(|r| !r.is_deleted())
            .max_by(|a, b| a.meta.updated_at.cmp(&b.meta.updated_at).then(a.meta.id.cmp(&b.meta.id)))
    })
}

/// The saved 様式4 評価 of a 地域診断 and its record (`None` when nothing was saved or it is in
/// the ゴミ箱; an unreadable body reads as blank).
pub fn saved_evaluation<'a>(
    records: &'a [StoredRecord],
    diagnosis: &RecordId,
) -> Option<(&'a StoredRecord, Evaluation)> {
    let r = singleton_record(records, diagnosis, RecordKind::Evaluation, EVALUATION_SUFFIX)?;
    if r.is_deleted() {
        return None;
    }
    Some((r, r.body_as::<Evaluation>().unwrap_or_default()))
}

/// Reads the 集計's inputs from the records of `diagnosis` (other 地域診断's records are
/// ignored).
pub fn summary_inputs(records: &[StoredRecord], diagnosis: &RecordId) -> SummaryInputs {
    let mut out = SummaryInputs::default();
    for r in records.iter().filter(|r| &r.meta.diagnosis_id == diagnosis && !r.is_deleted()) {
        match r.meta.kind {
            RecordKind::Patient => match r.body_as::<Patient>() {
                Ok(p) => {
                    out.patients.push(p);
                    out.patient_ids.push(r.meta.id.clone());
                }
                Err(_) => out.unreadable += 1,
            },
            RecordKind::Station => match r.body_as::<Station>() {
                Ok(s) => {
                    out.stations.push(s);
                    out.station_ids.push(r.meta.id.clone());
                }
                Err(_) => out.unreadable += 1,
            },
            _ => {}
        }
    }
    if let Some(r) = singleton_record(records, diagnosis, RecordKind::Overview, OVERVIEW_SUFFIX) {
        if !r.is_deleted() {
            match r.body_as::<Overview>() {
                Ok(o) => {
                    out.overview = o;
                    out.overview_entered = true;
                }
                Err(_) => out.unreadable += 1,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::DeviceId;
    use crate::domain::record::RecordBody;
    use crate::domain::time::Timestamp;

    fn id(s: &str) -> RecordId {
        RecordId::parse(s).expect("id")
    }

    fn rec<T: RecordBody>(rid: &str, diagnosis: &str, body: &T, at: i64) -> StoredRecord {
        let dev = DeviceId::parse("dev").expect("device");
        StoredRecord::create(id(rid), id(diagnosis), body, Timestamp(at), &dev).expect("record")
    }

    #[test]
    fn reads_patients_stations_and_the_header_of_one_diagnosis() {
        let p = Patient { id_number: "A-1".into(), ..Patient::default() };
        let mut trashed = rec("p-x", "d1", &Patient::default(), 1);
        trashed.meta.deleted_at = Some(Timestamp(2));
        let mut broken = rec("p-bad", "d1", &Patient::default(), 1);
        broken.body = crate::domain::record::Body::from_value(&serde_json::json!({"age": "old"}));
        let o = Overview { population: Some(1000), ..Overview::default() };
        let records = vec![
            rec("p-1", "d1", &p, 1),
            rec("s-1", "d1", &Station { name: "Ａ".into(), ..Station::default() }, 1),
            rec("p-2", "d2", &Patient::default(), 1),
            trashed,
            broken,
            rec("d1:overview", "d1", &o, 1),
        ];
        let i = summary_inputs(&records, &id("d1"));
        assert_eq!(i.patients, vec![p]);
        assert_eq!(i.patient_ids, vec![id("p-1")]);
        assert_eq!(i.station_ids, vec![id("s-1")]);
        assert_eq!(i.stations[0].name, "Ａ");
        assert_eq!((i.overview.population, i.overview_entered), (Some(1000), true));
        assert_eq!(i.unreadable, 1);
        let none = summary_inputs(&records, &id("d3"));
        assert_eq!(none, SummaryInputs::default());
    }

    #[test]
    fn the_singleton_id_wins_then_the_newest() {
        let a = rec("old-eval", "d1", &Evaluation { overall: "古い".into(), ..Evaluation::default() }, 5);
        let b = rec("newer-eval", "d1", &Evaluation { overall: "新しい".into(), ..Evaluation::default() }, 9);
        let records = vec![a.clone(), b.clone()];
        assert_eq!(saved_evaluation(&records, &id("d1")).map(|(_, e)| e.overall), Some("新しい".to_string()));
        let mut own = rec("d1:evaluation", "d1", &Evaluation { overall: "本体".into(), ..Evaluation::default() }, 1);
        let records = vec![a.clone(), own.clone(), b.clone()];
        assert_eq!(
            saved_evaluation(&records, &id("d1")).map(|(r, _)| r.meta.id.to_string()),
            Some("d1:evaluation".into())
        );
        // In the ゴミ箱: no saved evaluation, but the record is still the one to restore.
        own.meta.deleted_at = Some(Timestamp(3));
        let records = vec![a, own, b];
        assert!(saved_evaluation(&records, &id("d1")).is_none());
        let r = singleton_record(&records, &id("d1"), RecordKind::Evaluation, EVALUATION_SUFFIX);
        assert_eq!(r.map(|r| r.meta.id.to_string()), Some("d1:evaluation".into()));
        assert!(singleton_record(&records, &id("d2"), RecordKind::Evaluation, EVALUATION_SUFFIX).is_none());
    }
}
