//! 管内マップ as the page draws it: every confirmed 施設 and every patient as a mark with the
//! seed's symbol (filled when used), its spot on the sheet or none (listed beside the map to
//! be placed), a colour per patient and the lines from a patient to what they use; and what
//! the map tells (distances, far patients, unused facilities, counts per 市町村) when the
//! sheet is tied to the ground.

use super::analysis::{self, MapFacility, MapPatient, MunicipalityCounts, PatientDistances};
use super::facilities::{FacilityKind, FacilityProposal};
use super::projection::Projection;
use super::records::{Facility, MapSheet, Position};
use super::registry::UseIndex;
use crate::domain::ids::RecordId;
use crate::domain::patient::Patient;
use crate::domain::station::Station;

/// Colours of patients' marks and lines: eight that differ for most colour vision and keep
/// 3:1 against the white sheet (Okabe–Ito, darkened where needed).
pub const PATIENT_COLOURS: [&str; 8] =
    ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56287a", "#b8004f", "#00607a"];

/// A line from a patient to a 施設: (from, to, the patient's colour).
pub type Line = ((f64, f64), (f64, f64), &'static str);

/// What a mark stands for.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarkOf {
    Facility(RecordId),
    Patient(RecordId),
}

/// One mark.
#[derive(Clone, Debug, PartialEq)]
pub struct MapMark {
    pub of: MarkOf,
    /// ★☆■△◇○ for a 施設, ◎ for a patient.
    pub symbol: &'static str,
    /// `None` for a patient.
    pub kind: Option<FacilityKind>,
    /// A 施設 used by at least one patient (drawn filled); patients always.
    pub used: bool,
    /// 名称, or the patient's name (「療養者 3」 when names are hidden).
    pub label: String,
    /// Where it stands on the sheet (`None`: not placed on this 下図).
    pub at: Option<(f64, f64)>,
    /// Its position as kept (also for a mark this 下図 cannot show).
    pub position: Option<Position>,
    /// A patient's colour ([`PATIENT_COLOURS`]); a 施設's is black.
    pub colour: &'static str,
    /// The patients using a 施設, or the 施設 a patient uses (by their marks' order).
    pub linked: Vec<usize>,
}

/// The map's marks, 施設 first (in kind order), then patients (in 様式1's order).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MapModel {
    pub marks: Vec<MapMark>,
}

impl MapModel {
    pub fn build(
        facilities: &[(RecordId, Facility)],
        stations: &[(RecordId, Station)],
        patients: &[(RecordId, Patient)],
        sheet: &MapSheet,
        projection: &Projection,
        hide_names: bool,
    ) -> MapModel {
        let mut ordered: Vec<&(RecordId, Facility)> = facilities.iter().collect();
        ordered.sort_by(|a, b| a.1.kind.cmp(&b.1.kind).then_with(|| a.1.name.cmp(&b.1.name)));
        let proposals: Vec<FacilityProposal> = {
            let index = UseIndex::new(patients);
            ordered.iter().map(|(_, f)| index.proposal(f, stations, patients)).collect()
        };
        let mut marks: Vec<MapMark> = ordered
            .iter()
            .zip(&proposals)
            .map(|((id, f), p)| MapMark {
                of: MarkOf::Facility(id.clone()),
                symbol: f.kind.symbol(),
                kind: Some(f.kind),
                used: p.used(),
                label: f.name.clone(),
                at: f.position.as_ref().and_then(|pos| projection.to_sheet(pos)),
                position: f.position,
                colour: "#000000",
                linked: Vec::new(),
            })
            .collect();
        let first_patient = marks.len();
        for (n, (pid, p)) in patients.iter().enumerate() {
            let position = sheet.patient_position(pid);
            let linked: Vec<usize> = proposals
                .iter()
                .enumerate()
                .filter(|(_, f)| f.uses.iter().any(|(q, _)| q == pid))
                .map(|(i, _)| i)
                .collect();
            for &i in &linked {
                marks[i].linked.push(first_patient + n);
            }
            let label = if hide_names { format!("療養者 {}", n + 1) } else { p.display_name(false).to_string() };
            marks.push(MapMark {
                of: MarkOf::Patient(pid.clone()),
                symbol: "◎",
                kind: None,
                used: true,
                label: if label.trim().is_empty() { format!("療養者 {}", n + 1) } else { label },
                at: position.as_ref().and_then(|pos| projection.to_sheet(pos)),
                position,
                colour: PATIENT_COLOURS[n % PATIENT_COLOURS.len()],
                linked,
            });
        }
        MapModel { marks }
    }

    /// The mark of `of`.
    pub fn find(&self, of: &MarkOf) -> Option<usize> {
        self.marks.iter().position(|m| &m.of == of)
    }

    /// Lines from a patient's mark to each placed 施設 they use (none when the patient is not
    /// placed): (from, to, colour).
    pub fn lines_of(&self, patient: usize) -> Vec<Line> {
        let Some(m) = self.marks.get(patient).filter(|m| m.kind.is_none()) else { return Vec::new() };
        let Some(from) = m.at else { return Vec::new() };
        m.linked.iter().filter_map(|&i| self.marks.get(i)?.at).map(|to| (from, to, m.colour)).collect()
    }
}

/// What the map tells, for the table beside it and 様式4.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MapFindings {
    /// Per patient (in [`MapModel`] order of patients): distances to the stations they use
    /// and to the nearest with 24時間対応体制加算 (only on a sheet tied to the ground).
    pub distances: Vec<PatientDistances>,
    /// Patients farther than the sheet's distance from every station with 24時間対応.
    pub far: Vec<RecordId>,
    pub counts: Vec<MunicipalityCounts>,
    /// Sentences for 様式4.
    pub evidence: Vec<String>,
}

/// The findings for the confirmed 施設 and the patients; distances need positions on the ground.
pub fn findings(
    facilities: &[(RecordId, Facility)],
    stations: &[(RecordId, Station)],
    patients: &[(RecordId, Patient)],
    sheet: &MapSheet,
) -> MapFindings {
    let names = analysis::municipality_names(patients);
    let index = UseIndex::new(patients);
    let map_facilities: Vec<MapFacility> = facilities
        .iter()
        .map(|(_, f)| {
            let station = f.station_id.as_ref().and_then(|id| stations.iter().find(|(s, _)| s == id)).map(|(_, s)| s);
            let position = f.position.as_ref().and_then(Position::lat_lon);
            MapFacility::of(index.proposal(f, stations, patients), station, &f.address, position, &names)
        })
        .collect();
    let map_patients: Vec<MapPatient> = patients
        .iter()
        .map(|(id, p)| MapPatient {
            id: id.clone(),
            municipality: p.municipality.clone(),
            position: sheet.patient_position(id).as_ref().and_then(Position::lat_lon),
        })
        .collect();
    let distances = analysis::distances(&map_facilities, &map_patients);
    let far = analysis::beyond(&distances, sheet.far_km).into_iter().cloned().collect();
    MapFindings {
        counts: analysis::counts(&names, &map_facilities, &map_patients),
        evidence: analysis::evidence(&map_facilities, &distances, sheet.far_km),
        distances,
        far,
    }
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
