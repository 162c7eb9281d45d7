//! 集計の材料: the records of one 地域診断 the 集計 and 様式4 are computed from — 様式1's header
//! (地域の概況), its 療養者 and 様式3's ステーション — read once from the stored records, with
//! each record's ID kept beside its body so that a figure's drill-down can link to the record.

use crate::domain::ids::RecordId;
use crate::domain::overview::Overview;
use crate::domain::patient::Patient;
use crate::domain::record::{Body, RecordBody, RecordKind, StoredRecord};
use crate::domain::records::RecordSet;
use crate::domain::station::Station;
use std::collections::HashMap;

/// Moved to [`crate::domain::records`] (the one rule for which 概況 / 様式4 a 地域診断 has);
/// named here too for the callers that still import it from here.
pub use crate::domain::records::{singleton_record, EVALUATION_SUFFIX, OVERVIEW_SUFFIX};

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

/// Bodies already read, by record ID, with the text they were read from: when the records
/// are loaded again after a save, only the changed ones are parsed again.
#[derive(Clone, Debug, Default)]
pub struct InputsCache {
    patients: HashMap<RecordId, (Body, Option<Patient>)>,
    stations: HashMap<RecordId, (Body, Option<Station>)>,
}

/// The body of `r` as `T`, from the cache when its text is unchanged.
fn cached<T: RecordBody + Clone>(cache: &mut HashMap<RecordId, (Body, Option<T>)>, r: &StoredRecord) -> Option<T> {
    if let Some((text, value)) = cache.get(&r.meta.id) {
        if *text == r.body {
            return value.clone();
        }
    }
    let value = r.body_as::<T>().ok();
    cache.insert(r.meta.id.clone(), (r.body.clone(), value.clone()));
    value
}

/// Reads the 集計's inputs from the records of `diagnosis` (other 地域診断's records are
/// ignored).
pub fn summary_inputs(records: &[StoredRecord], diagnosis: &RecordId) -> SummaryInputs {
    summary_inputs_cached(records, diagnosis, &mut InputsCache::default())
}

/// [`summary_inputs`], parsing only the bodies that changed since the cache saw them (the
/// cache forgets records that are gone).
pub fn summary_inputs_cached(records: &[StoredRecord], diagnosis: &RecordId, cache: &mut InputsCache) -> SummaryInputs {
    let mut out = SummaryInputs::default();
    let mut seen_patients: HashMap<RecordId, (Body, Option<Patient>)> = HashMap::new();
    let mut seen_stations: HashMap<RecordId, (Body, Option<Station>)> = HashMap::new();
    let set = RecordSet::new(records, diagnosis);
    for r in set.live_records() {
        match r.meta.kind {
            RecordKind::Patient => {
                let p = cached(&mut cache.patients, r);
                if let Some(entry) = cache.patients.remove(&r.meta.id) {
                    seen_patients.insert(r.meta.id.clone(), entry);
                }
                match p {
                    Some(p) => {
                        out.patients.push(p);
                        out.patient_ids.push(r.meta.id.clone());
                    }
                    None => out.unreadable += 1,
                }
            }
            RecordKind::Station => {
                let s = cached(&mut cache.stations, r);
                if let Some(entry) = cache.stations.remove(&r.meta.id) {
                    seen_stations.insert(r.meta.id.clone(), entry);
                }
                match s {
                    Some(s) => {
                        out.stations.push(s);
                        out.station_ids.push(r.meta.id.clone());
                    }
                    None => out.unreadable += 1,
                }
            }
            _ => {}
        }
    }
    cache.patients = seen_patients;
    cache.stations = seen_stations;
    match set.live_singleton::<Overview>() {
        Some((_, Ok(o))) => {
            out.overview = o;
            out.overview_entered = true;
        }
        Some((_, Err(_))) => out.unreadable += 1,
        None => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::DeviceId;
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
        broken.body = Body::from_value(&serde_json::json!({"age": "old"}));
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
    fn the_cache_reads_only_what_changed_and_gives_the_same() {
        let dev = DeviceId::parse("dev").expect("device");
        let patients = crate::domain::sample::synthetic_patients(30, 3);
        let mut records: Vec<StoredRecord> =
            patients.iter().enumerate().map(|(i, p)| rec(&format!("p-{i}"), "d1", p, 1)).collect();
        records.push(rec("s-1", "d1", &Station { name: "Ａ".into(), ..Station::default() }, 1));
        let d = id("d1");
        let mut cache = InputsCache::default();
        assert_eq!(summary_inputs_cached(&records, &d, &mut cache), summary_inputs(&records, &d));
        assert_eq!((cache.patients.len(), cache.stations.len()), (30, 1));
        // One patient edited, one removed, a broken one added: the same as reading afresh.
        let mut edited = patients[4].clone();
        edited.id_number = "変更後".into();
        records[4] = records[4].edited(&edited, Timestamp(2), &dev).expect("edit").expect("changed");
        records.remove(7);
        let mut broken = rec("p-bad", "d1", &Patient::default(), 1);
        broken.body = Body::from_value(&serde_json::json!({"age": "old"}));
        records.push(broken);
        let again = summary_inputs_cached(&records, &d, &mut cache);
        assert_eq!(again, summary_inputs(&records, &d));
        assert_eq!(again.patients[4].id_number, "変更後");
        assert_eq!(again.unreadable, 1);
        // The removed record is forgotten.
        assert!(!cache.patients.contains_key(&id("p-7")));
        assert_eq!(cache.patients.len(), 30);
    }
}
