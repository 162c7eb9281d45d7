use super::*;
use crate::domain::evaluation::Evaluation;
use crate::domain::ids::DeviceId;
use crate::domain::number::{Decimal2, Tenths};
use crate::domain::patient::Patient;
use crate::domain::station::Station;
use crate::domain::summary::figure::{Amount, DiseaseFilter};
use crate::domain::summary::{station_totals, summarize, summary_inputs};
use crate::domain::time::Timestamp;

fn id(s: &str) -> RecordId {
    RecordId::parse(s).expect("id")
}

fn rec<T: RecordBody>(rid: &str, diagnosis: &str, body: &T, created: i64) -> StoredRecord {
    let dev = DeviceId::parse("dev").expect("device");
    StoredRecord::create(id(rid), id(diagnosis), body, Timestamp(created), &dev).expect("record")
}

fn area(hundredths: u64) -> Overview {
    Overview { area_km2: Some(Decimal2(hundredths)), population: Some(100_000), ..Overview::default() }
}

fn trashed(mut r: StoredRecord, at: i64) -> StoredRecord {
    r.meta.deleted_at = Some(Timestamp(at));
    r
}

/// Two 概況 of one 地域診断 (one saved before the fixed ID existed, created first; one under
/// `<地域診断>:overview`): 様式3's totals and the 集計 read the same one, so 集計 B and the
/// 様式3 合計 agree.
#[test]
fn one_overview_for_stations_and_the_summary() {
    let stations =
        [Station { name: "Ａ".into(), ..Station::default() }, Station { name: "Ｂ".into(), ..Station::default() }];
    let records = vec![
        rec("o-legacy", "d1", &area(1_000), 1),
        rec("s-1", "d1", &stations[0], 2),
        rec("s-2", "d1", &stations[1], 3),
        rec("d1:overview", "d1", &area(2_000), 5),
    ];
    let d = id("d1");
    let set = RecordSet::new(&records, &d);
    // The earliest created live 概況 is the legacy one (10 km²) ...
    assert_eq!(set.live::<Overview>().next().map(|(r, _)| r.meta.id.as_str()), Some("o-legacy"));
    // ... but the 概況 of the 地域診断 is the fixed-ID one (20 km²), for every reader.
    assert_eq!(set.singleton(RecordKind::Overview).map(|r| r.meta.id.as_str()), Some("d1:overview"));
    assert_eq!(set.overview(), area(2_000));
    let inputs = summary_inputs(&records, &d);
    assert_eq!(inputs.overview, set.overview());
    // 様式3: 2 stations over 20 km² = 1.0 per 10 km² (the legacy 10 km² would give 2.0).
    let bodies: Vec<Station> = set.live::<Station>().map(|(_, s)| s).collect();
    let sheet3 = station_totals(&set.overview(), &bodies);
    assert_eq!(sheet3.stations_per_10km2.value, Some(Amount::Rounded(Tenths(10))));
    // 集計 B from the same records: the same figures.
    let summary = summarize(&inputs.overview, &inputs.patients, &inputs.stations, &DiseaseFilter::Als);
    assert_eq!(summary.stations, sheet3);
}

#[test]
fn without_the_fixed_id_the_latest_revision_wins_not_the_clock_alone() {
    let d = id("d1");
    // `a` was saved three times; `b` once, on a device whose clock runs ahead.
    let mut a = rec("o-a", "d1", &area(1_000), 1);
    a.meta.rev = 3;
    a.meta.updated_at = Timestamp(20);
    let mut b = rec("o-b", "d1", &area(2_000), 2);
    b.meta.updated_at = Timestamp(90);
    let records = vec![a.clone(), b.clone()];
    assert_eq!(RecordSet::new(&records, &d).overview(), area(1_000), "higher rev first");
    // Equal revisions: the later update.
    b.meta.rev = 3;
    let records = vec![a.clone(), b.clone()];
    assert_eq!(RecordSet::new(&records, &d).overview(), area(2_000));
    // Equal revisions and times: the larger ID, whatever the order in the slice.
    b.meta.updated_at = Timestamp(20);
    let records = vec![b.clone(), a.clone()];
    assert_eq!(RecordSet::new(&records, &d).singleton(RecordKind::Overview).map(|r| r.meta.id.as_str()), Some("o-b"));
    // A trashed one is not chosen; none live: none.
    let records = vec![a.clone(), trashed(b.clone(), 30)];
    assert_eq!(RecordSet::new(&records, &d).overview(), area(1_000));
    let records = vec![trashed(a, 31), trashed(b, 30)];
    assert!(RecordSet::new(&records, &d).singleton(RecordKind::Overview).is_none());
}

#[test]
fn the_fixed_id_wins_even_in_the_trash() {
    let d = id("d1");
    let records = vec![rec("o-old", "d1", &area(1_000), 1), trashed(rec("d1:overview", "d1", &area(2_000), 2), 3)];
    let set = RecordSet::new(&records, &d);
    // Saving restores the fixed-ID record; until then the 概況 reads blank.
    assert_eq!(set.singleton(RecordKind::Overview).map(|r| r.meta.id.as_str()), Some("d1:overview"));
    assert!(set.live_singleton::<Overview>().is_none());
    assert_eq!(set.overview(), Overview::default());
    assert!(!summary_inputs(&records, &d).overview_entered);
    // Kinds a 地域診断 holds many of have no singleton.
    assert!(set.singleton(RecordKind::Patient).is_none());
    assert_eq!(singleton_suffix(RecordKind::Evaluation), Some("evaluation"));
}

#[test]
fn an_unreadable_singleton_reads_as_an_error_and_a_blank_overview() {
    let d = id("d1");
    let mut broken = rec("d1:overview", "d1", &area(1_000), 1);
    broken.body = crate::domain::record::Body::from_value(&serde_json::json!({"population": "many"}));
    let records = vec![broken];
    let set = RecordSet::new(&records, &d);
    assert!(matches!(set.live_singleton::<Overview>(), Some((_, Err(_)))));
    assert_eq!(set.overview(), Overview::default());
}

#[test]
fn live_trashed_by_kind_and_by_id_of_one_diagnosis() {
    let d = id("d1");
    let mut broken = rec("p-bad", "d1", &Patient::default(), 1);
    broken.body = crate::domain::record::Body::from_value(&serde_json::json!({"age": "old"}));
    let records = vec![
        rec("p-1", "d1", &Patient { id_number: "1".into(), ..Patient::default() }, 1),
        trashed(rec("p-2", "d1", &Patient { id_number: "2".into(), ..Patient::default() }, 2), 10),
        rec("p-other", "d2", &Patient::default(), 3),
        broken,
        rec("s-1", "d1", &Station::default(), 4),
        trashed(rec("s-2", "d1", &Station { name: "古い".into(), ..Station::default() }, 5), 7),
        trashed(rec("s-3", "d1", &Station { name: "新しい".into(), ..Station::default() }, 6), 9),
        rec("d1:evaluation", "d1", &Evaluation::default(), 8),
    ];
    let set = RecordSet::new(&records, &d);
    let ids = |it: &mut dyn Iterator<Item = &StoredRecord>| it.map(|r| r.meta.id.to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&mut set.all()).len(), 7, "d2's record is not in the set");
    assert_eq!(ids(&mut set.live_of_kind(RecordKind::Patient)), ["p-1", "p-bad"]);
    assert_eq!(set.live::<Patient>().map(|(_, p)| p.id_number).collect::<Vec<_>>(), ["1"], "unreadable skipped");
    assert_eq!(ids(&mut set.trashed(RecordKind::Patient)), ["p-2"]);
    assert_eq!(ids(&mut set.live_records()), ["p-1", "p-bad", "s-1", "d1:evaluation"]);
    // ゴミ箱: the latest deletion first.
    let names: Vec<String> = set.trashed_newest_first::<Station>().into_iter().map(|(_, s)| s.name).collect();
    assert_eq!(names, ["新しい", "古い"]);
    // By ID: trashed or not; `live_one` only a live, readable record of the kind.
    assert!(set.get(&id("p-2")).is_some());
    assert!(set.get(&id("p-other")).is_none());
    assert_eq!(set.live_one::<Patient>(&id("p-1")).map(|(_, p)| p.id_number), Some("1".into()));
    assert!(set.live_one::<Patient>(&id("p-2")).is_none());
    assert!(set.live_one::<Patient>(&id("p-bad")).is_none());
    assert!(set.live_one::<Patient>(&id("s-1")).is_none());
    assert!(matches!(set.live_singleton::<Evaluation>(), Some((_, Ok(_)))));
}

#[test]
fn a_value_per_load_is_made_once_per_load() {
    let first = Arc::new(vec![rec("p-1", "d1", &Patient::default(), 1)]);
    let mut cache = PerLoad::default();
    let mut made = 0;
    let mut count = |records: &[StoredRecord]| {
        made += 1;
        records.len()
    };
    assert_eq!(cache.get_or_make(&first, &mut count), 1);
    assert_eq!(cache.get_or_make(&Arc::clone(&first), &mut count), 1);
    // A reload with the same content is another load.
    let again = Arc::new(first.as_ref().clone());
    assert_eq!(cache.get_or_make(&again, &mut count), 1);
    assert_eq!(made, 2);
}
