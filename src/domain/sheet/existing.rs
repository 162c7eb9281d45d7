//! The saved records of the 地域診断 a spreadsheet goes into, found the way a nurse tells
//! them apart: a 療養者 by ID番号 (widths folded), a station by 名称 and 所在地 (or the 名称
//! where one side has no 所在地), and its one 地域の概況.

use super::layout::normalise_heading;
use crate::domain::forms::input::fold_width;
use crate::domain::ids::RecordId;
use crate::domain::overview::Overview;
use crate::domain::patient::Patient;
use crate::domain::record::{RecordKind, StoredRecord};
use crate::domain::station::Station;

/// The saved patients and stations of the 地域診断 a file goes into.
#[derive(Clone, Debug, Default)]
pub struct Existing {
    patients: Vec<(String, StoredRecord, Patient)>,
    stations: Vec<(String, StoredRecord, Station)>,
    overview: Option<(StoredRecord, Overview)>,
}

fn patient_key(id_number: &str) -> String {
    fold_width(id_number.trim())
}

fn station_key(name: &str, address: &str) -> String {
    format!("{}|{}", normalise_heading(name), normalise_heading(address))
}

impl Existing {
    /// From the records of one 地域診断 (records of other kinds, and bodies that do not
    /// parse, are left out).
    pub fn of(diagnosis: &RecordId, records: &[StoredRecord]) -> Existing {
        let mut existing = Existing::default();
        for r in records.iter().filter(|r| &r.meta.diagnosis_id == diagnosis) {
            match r.meta.kind {
                RecordKind::Patient => {
                    if let Ok(p) = r.body_as::<Patient>() {
                        existing.patients.push((patient_key(&p.id_number), r.clone(), p));
                    }
                }
                RecordKind::Station => {
                    if let Ok(s) = r.body_as::<Station>() {
                        existing.stations.push((station_key(&s.name, &s.address), r.clone(), s));
                    }
                }
                RecordKind::Overview if !r.is_deleted() => {
                    if let Ok(o) = r.body_as::<Overview>() {
                        existing.overview = Some((r.clone(), o));
                    }
                }
                _ => {}
            }
        }
        existing
    }

    pub(super) fn patient_entry(&self, id_number: &str) -> Option<&(String, StoredRecord, Patient)> {
        let key = patient_key(id_number);
        if key.is_empty() {
            return None;
        }
        self.patients.iter().find(|(k, _, _)| *k == key)
    }

    /// The saved patient with this ID番号 (widths folded).
    pub fn patient(&self, id_number: &str) -> Option<&Patient> {
        self.patient_entry(id_number).map(|(_, _, p)| p)
    }

    pub(super) fn station_entry(&self, name: &str, address: &str) -> Option<&(String, StoredRecord, Station)> {
        let key = station_key(name, address);
        let by_name = normalise_heading(name);
        if by_name.is_empty() {
            return None;
        }
        // The same name and address; or the same name where one side has no address.
        self.stations.iter().find(|(k, _, _)| *k == key).or_else(|| {
            self.stations.iter().find(|(_, _, s)| {
                normalise_heading(&s.name) == by_name && (s.address.trim().is_empty() || address.trim().is_empty())
            })
        })
    }

    /// The saved 地域の概況.
    pub fn overview(&self) -> Option<&Overview> {
        self.overview.as_ref().map(|(_, o)| o)
    }

    /// The saved 地域の概況's record.
    pub(super) fn overview_record(&self) -> Option<&StoredRecord> {
        self.overview.as_ref().map(|(r, _)| r)
    }

    /// The saved station with this 名称 and 所在地.
    pub fn station(&self, name: &str, address: &str) -> Option<&Station> {
        self.station_entry(name, address).map(|(_, _, s)| s)
    }
}
