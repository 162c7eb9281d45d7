use super::*;
use crate::domain::ids::test_ids::rid;
use crate::domain::map::records::PatientMark;
use crate::domain::tri::Tri;

fn patient(name: &str, town: &str, station: &str) -> Patient {
    let mut p = Patient { municipality: town.into(), ..Patient::default() };
    p.name = name.into();
    p.station_nursing.names = Tri::Value(vec![station.to_string()]);
    p
}

fn facility(name: &str, kind: FacilityKind, at: Option<Position>, station: Option<&str>) -> Facility {
    Facility {
        name: name.into(),
        kind,
        other_names: vec![],
        address: String::new(),
        station_id: station.map(rid),
        position: at,
    }
}

fn ground(lat: f64, lon: f64) -> Option<Position> {
    Some(Position::Ground { lat, lon })
}

#[test]
fn used_facilities_are_filled_and_patients_link_to_what_they_use() {
    let facilities = vec![
        (rid("f-b"), facility("Ｂステーション", FacilityKind::Station, None, None)),
        (
            rid("f-a"),
            facility("Ａステーション", FacilityKind::Station, Some(Position::Sheet { x: 10.0, y: 20.0 }), None),
        ),
        (rid("f-h"), facility("中央病院", FacilityKind::BaseHospital, None, None)),
    ];
    let patients = vec![(rid("p1"), patient("山田 花子", "みどり市", "Ａｽﾃｰｼｮﾝ"))];
    let mut sheet = MapSheet::default();
    sheet.set_patient(&rid("p1"), Some(Position::Sheet { x: 100.0, y: 100.0 }));
    let (plain, _) = Projection::of(None, &sheet);
    let m = MapModel::build(&facilities, &[], &patients, &sheet, &plain, false);
    let labels: Vec<&str> = m.marks.iter().map(|k| k.label.as_str()).collect();
    assert_eq!(
        labels,
        ["中央病院", "Ａステーション", "Ｂステーション", "山田 花子"],
        "kind order, then name, then patients"
    );
    assert_eq!(m.marks.iter().map(|k| k.used).collect::<Vec<_>>(), [false, true, false, true]);
    assert_eq!(m.marks.iter().map(|k| k.symbol).collect::<Vec<_>>(), ["★", "△", "△", "◎"]);
    assert_eq!(m.marks[1].linked, vec![3]);
    assert_eq!(m.marks[3].linked, vec![1]);
    assert_eq!(m.marks[0].at, None, "not placed: listed beside the map");
    assert_eq!(m.lines_of(3), vec![((100.0, 100.0), (10.0, 20.0), PATIENT_COLOURS[0])]);
    assert!(m.lines_of(1).is_empty(), "a facility has no lines of its own");
    let hidden = MapModel::build(&facilities, &[], &patients, &sheet, &plain, true);
    assert_eq!(hidden.marks[3].label, "療養者 1");
}

#[test]
fn a_place_on_the_ground_is_not_drawn_on_a_sheet_that_is_not_tied_to_it() {
    let facilities = vec![(rid("f"), facility("Ａ", FacilityKind::Station, ground(35.0, 139.0), None))];
    let sheet = MapSheet::default();
    let (plain, _) = Projection::of(None, &sheet);
    let m = MapModel::build(&facilities, &[], &[], &sheet, &plain, false);
    assert_eq!(m.marks[0].at, None);
    assert_eq!(m.marks[0].position, ground(35.0, 139.0), "the place is kept");
}

#[test]
fn findings_measure_to_the_nearest_24_hour_station_and_list_the_far() {
    // Two stations on 139° E: Ａ (24時間) at 35.00° N, Ｂ (no) at 35.10° N. Patient p1 at
    // 35.05° N uses Ｂ: 0.05° of latitude = 5.5598 km to each. Patient p2 at 35.20° N uses Ａ:
    // 0.20° = 22.239 km to Ａ, the nearest 24時間 one; with 10 km as far, p2 is listed.
    let stations = vec![
        (rid("s-a"), Station { name: "Ａ".into(), addition_24h: Some(true), ..Station::default() }),
        (rid("s-b"), Station { name: "Ｂ".into(), addition_24h: Some(false), ..Station::default() }),
    ];
    let facilities = vec![
        (rid("f-a"), facility("Ａ", FacilityKind::Station, ground(35.0, 139.0), Some("s-a"))),
        (rid("f-b"), facility("Ｂ", FacilityKind::Station, ground(35.1, 139.0), Some("s-b"))),
    ];
    let patients = vec![(rid("p1"), patient("一", "みどり市", "Ｂ")), (rid("p2"), patient("二", "あおば町", "Ａ"))];
    let sheet = MapSheet {
        patients: vec![
            PatientMark { patient_id: rid("p1"), position: Position::Ground { lat: 35.05, lon: 139.0 } },
            PatientMark { patient_id: rid("p2"), position: Position::Ground { lat: 35.2, lon: 139.0 } },
        ],
        ..MapSheet::default()
    };
    let f = findings(&facilities, &stations, &patients, &sheet);
    assert_eq!(f.distances.len(), 2);
    let used_b = f.distances[0].used_stations[0].1.expect("placed");
    assert!((used_b - 5.5598).abs() < 0.001, "{used_b}");
    let (nearest, km) = f.distances[1].nearest_24h.expect("Ａ");
    assert_eq!(nearest, 0);
    assert!((km - 22.239).abs() < 0.001, "{km}");
    assert_eq!(f.far, vec![rid("p2")]);
    assert!(f.evidence.iter().any(|e| e.contains("10 km より遠い療養者が 1 人")), "{:?}", f.evidence);
    assert!(f.evidence.iter().any(|e| e.contains("利用していないステーションが 0 か所")), "{:?}", f.evidence);
}
