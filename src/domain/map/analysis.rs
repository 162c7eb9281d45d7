//! 地図から分かること: what the placed marks tell beyond the seed — for each patient the
//! straight-line distance to the stations they use and to the nearest station with
//! 24時間対応体制加算, the patients farther than a distance the nurse sets from any such
//! station, the facilities no patient uses (the seed's own example: 「管内のステーションで
//! かかわっていないステーションが多い」), and the counts of each kind per 市町村 — with a
//! sentence of evidence for 様式4.

use super::facilities::{FacilityKind, FacilityProposal, Use};
use super::geo::{distance_km, LatLon};
use crate::domain::forms::input::fold_width;
use crate::domain::ids::RecordId;

/// A facility as the map knows it: the proposal, where it is (if placed), its 市町村 and
/// whether it is a station with 24時間対応体制加算.
#[derive(Clone, Debug, PartialEq)]
pub struct MapFacility {
    pub facility: FacilityProposal,
    pub position: Option<LatLon>,
    pub municipality: String,
    pub has_24h: bool,
}

/// A patient as the map knows them.
#[derive(Clone, Debug, PartialEq)]
pub struct MapPatient {
    pub id: RecordId,
    pub municipality: String,
    pub position: Option<LatLon>,
}

/// One patient's distances (km, one decimal shown by the page).
#[derive(Clone, Debug, PartialEq)]
pub struct PatientDistances {
    pub patient: RecordId,
    /// Each station (訪問看護ステーション) the patient uses and how far it is; `None` when
    /// either is not placed.
    pub used_stations: Vec<(usize, Option<f64>)>,
    /// The nearest placed station with 24時間対応体制加算 (index into the facilities).
    pub nearest_24h: Option<(usize, f64)>,
}

/// The 市町村 of the patients (as 様式1 writes them), sorted, each once: the rows of the
/// counts and what an address is matched against.
pub fn municipality_names(patients: &[(RecordId, crate::domain::patient::Patient)]) -> Vec<String> {
    let mut names: Vec<String> =
        patients.iter().map(|(_, p)| p.municipality.trim().to_string()).filter(|m| !m.is_empty()).collect();
    names.sort();
    names.dedup();
    names
}

impl MapFacility {
    /// A facility as the analysis sees it: its 市町村 from its own address (or its 様式3
    /// station's), 24時間対応 from the station.
    pub fn of(
        facility: FacilityProposal,
        station: Option<&crate::domain::station::Station>,
        address: &str,
        position: Option<LatLon>,
        names: &[String],
    ) -> MapFacility {
        let address =
            if address.trim().is_empty() { station.map(|s| s.address.as_str()).unwrap_or("") } else { address };
        MapFacility {
            facility,
            position,
            municipality: municipality_of(address, names).unwrap_or_default(),
            has_24h: station.and_then(|s| s.addition_24h).unwrap_or(false),
        }
    }
}

/// Distances of every placed patient.
pub fn distances(facilities: &[MapFacility], patients: &[MapPatient]) -> Vec<PatientDistances> {
    patients
        .iter()
        .filter_map(|p| {
            let at = p.position?;
            let used_stations = facilities
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    f.facility.kind == FacilityKind::Station
                        && f.facility.uses.iter().any(|(id, how)| *id == p.id && *how == Use::StationNursing)
                })
                .map(|(i, f)| (i, f.position.map(|q| distance_km(at, q))))
                .collect();
            let nearest_24h = facilities
                .iter()
                .enumerate()
                .filter(|(_, f)| f.has_24h)
                .filter_map(|(i, f)| f.position.map(|q| (i, distance_km(at, q))))
                .min_by(|a, b| a.1.total_cmp(&b.1));
            Some(PatientDistances { patient: p.id.clone(), used_stations, nearest_24h })
        })
        .collect()
}

/// Placed patients with no 24時間対応 station within `km` (none placed counts as farther).
pub fn beyond(rows: &[PatientDistances], km: f64) -> Vec<&RecordId> {
    rows.iter().filter(|r| r.nearest_24h.is_none_or(|(_, d)| d > km)).map(|r| &r.patient).collect()
}

/// Facilities of `kind` that no patient uses.
pub fn unused(facilities: &[MapFacility], kind: FacilityKind) -> Vec<usize> {
    facilities
        .iter()
        .enumerate()
        .filter(|(_, f)| f.facility.kind == kind && !f.facility.used())
        .map(|(i, _)| i)
        .collect()
}

/// The 市町村 an address lies in: the longest of `municipalities` the address starts with or
/// contains (after folding widths and spaces), so 「東京都みどり市中町1-2」 is みどり市.
pub fn municipality_of(address: &str, municipalities: &[String]) -> Option<String> {
    let fold = |s: &str| fold_width(s).chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let address = fold(address);
    municipalities
        .iter()
        .filter(|m| !m.trim().is_empty() && address.contains(&fold(m)))
        .max_by_key(|m| fold(m).chars().count())
        .cloned()
}

/// Counts per 市町村: patients, and facilities of each kind of [`FacilityKind::ALL`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MunicipalityCounts {
    pub municipality: String,
    pub patients: usize,
    pub facilities: [usize; 6],
}

/// Per 市町村 in the order given, then 「市町村不明」 for what has none of them.
pub fn counts(
    municipalities: &[String],
    facilities: &[MapFacility],
    patients: &[MapPatient],
) -> Vec<MunicipalityCounts> {
    let mut names: Vec<String> = municipalities.to_vec();
    names.push(String::new());
    let mut out: Vec<MunicipalityCounts> =
        names.iter().map(|m| MunicipalityCounts { municipality: m.clone(), patients: 0, facilities: [0; 6] }).collect();
    let slot = |m: &str| names.iter().position(|n| n == m.trim()).unwrap_or(names.len() - 1);
    for p in patients {
        out[slot(&p.municipality)].patients += 1;
    }
    for f in facilities {
        let k = FacilityKind::ALL.iter().position(|k| *k == f.facility.kind).unwrap_or(5);
        out[slot(&f.municipality)].facilities[k] += 1;
    }
    if let Some(last) = out.last_mut() {
        last.municipality = "市町村不明".to_string();
    }
    out.retain(|c| {
        !c.municipality.is_empty()
            && (c.municipality != "市町村不明" || c.patients + c.facilities.iter().sum::<usize>() > 0)
    });
    out
}

/// 様式4 の根拠: the map's findings in a sentence each.
pub fn evidence(facilities: &[MapFacility], rows: &[PatientDistances], km: f64) -> Vec<String> {
    let mut out = Vec::new();
    let stations = facilities.iter().filter(|f| f.facility.kind == FacilityKind::Station).count();
    let idle = unused(facilities, FacilityKind::Station).len();
    if stations > 0 {
        out.push(format!(
            "管内の訪問看護ステーション {stations} か所のうち、療養者が利用していないステーションが {idle} か所ある。"
        ));
    }
    if !rows.is_empty() {
        let far = beyond(rows, km).len();
        out.push(format!(
            "地図に置いた療養者 {} 人のうち、24時間対応体制加算のあるステーションから {km} km より遠い療養者が {far} 人いる。",
            rows.len()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::test_ids::rid;

    fn facility(
        name: &str,
        kind: FacilityKind,
        uses: &[(&str, Use)],
        at: Option<(f64, f64)>,
        has_24h: bool,
    ) -> MapFacility {
        MapFacility {
            facility: FacilityProposal {
                key: name.into(),
                names: vec![name.into()],
                kind,
                station: None,
                uses: uses.iter().map(|(p, u)| (rid(p), *u)).collect(),
            },
            position: at.map(|(lat, lon)| LatLon { lat, lon }),
            municipality: "みどり市".into(),
            has_24h,
        }
    }

    fn patient(id: &str, at: Option<(f64, f64)>) -> MapPatient {
        MapPatient {
            id: rid(id), municipality: "みどり市".into(), position: at.map(|(lat, lon)| LatLon { lat, lon })
        }
    }

    /// Along a meridian 0.1° of latitude is 11.1195 km (2π × 6371.0088 / 360 × 0.1).
    #[test]
    fn distances_to_used_and_to_the_nearest_24h_station_by_hand() {
        let facilities = vec![
            facility(
                "Ａステーション",
                FacilityKind::Station,
                &[("p1", Use::StationNursing)],
                Some((35.1, 139.0)),
                false,
            ),
            facility("Ｂステーション", FacilityKind::Station, &[], Some((35.2, 139.0)), true),
            facility("Ｃステーション", FacilityKind::Station, &[("p2", Use::StationNursing)], None, true),
            facility(
                "Ａ病院",
                FacilityKind::NursingInstitution,
                &[("p1", Use::InstitutionNursing)],
                Some((35.0, 139.0)),
                false,
            ),
        ];
        let patients =
            vec![patient("p1", Some((35.0, 139.0))), patient("p2", Some((35.25, 139.0))), patient("p3", None)];
        let rows = distances(&facilities, &patients);
        assert_eq!(rows.len(), 2, "p3 is not placed");
        let d = |v: f64| (v * 10_000.0).round() / 10_000.0;
        assert_eq!(
            rows[0].used_stations.iter().map(|(i, km)| (*i, km.map(d))).collect::<Vec<_>>(),
            vec![(0, Some(11.1195))]
        );
        assert_eq!(rows[0].nearest_24h.map(|(i, km)| (i, d(km))), Some((1, 22.239)));
        // p2 uses Ｃ, which is not placed; Ｂ (24時間) is 0.05° = 5.5598 km away.
        assert_eq!(rows[1].used_stations, vec![(2, None)]);
        assert_eq!(rows[1].nearest_24h.map(|(i, km)| (i, d(km))), Some((1, 5.5598)));
        assert_eq!(beyond(&rows, 10.0), vec![&rid("p1")]);
        assert_eq!(unused(&facilities, FacilityKind::Station), vec![1]);
        assert_eq!(
            evidence(&facilities, &rows, 10.0),
            vec![
                "管内の訪問看護ステーション 3 か所のうち、療養者が利用していないステーションが 1 か所ある。",
                "地図に置いた療養者 2 人のうち、24時間対応体制加算のあるステーションから 10 km より遠い療養者が 1 人いる。",
            ]
        );
    }

    #[test]
    fn addresses_fall_in_their_municipality_and_counts_add_up() {
        let towns = vec!["みどり市".to_string(), "あおば町".to_string(), "みどり".to_string()];
        assert_eq!(municipality_of("東京都みどり市中町１－２", &towns), Some("みどり市".into()));
        assert_eq!(municipality_of("あおば町 字東 3", &towns), Some("あおば町".into()));
        assert_eq!(municipality_of("隣県はなの市", &towns), None);
        let mut far = facility("Ｚ病院", FacilityKind::Other, &[], None, false);
        far.municipality = "隣県はなの市".into();
        let facilities = vec![facility("Ａステーション", FacilityKind::Station, &[], None, false), far];
        let mut p2 = patient("p2", None);
        p2.municipality = "あおば町".into();
        let c = counts(&towns[..2], &facilities, &[patient("p1", None), p2]);
        let rows: Vec<(&str, usize, [usize; 6])> =
            c.iter().map(|c| (c.municipality.as_str(), c.patients, c.facilities)).collect();
        assert_eq!(
            rows,
            vec![("みどり市", 1, [0, 0, 0, 1, 0, 0]), ("あおば町", 1, [0; 6]), ("市町村不明", 0, [0, 0, 0, 0, 0, 1])]
        );
    }
}
