//! 次年度へ引き継ぎ: copying 様式1 (管轄地域の概況 and the 療養者) and 様式3 (訪問看護
//! ステーション) of one 地域診断 into the next 年度's.
//!
//! The copy is the nurse's starting point for the new year: every field carries over
//! unchanged and she corrects what changed. In particular:
//!
//! * 管轄地域の概況: every count and the area (人口 and 認定者数 are updated by the nurse).
//! * 療養者: every field — ID番号, 氏名, 住所, 発症時期, 年齢 (as typed: an actual age is not
//!   advanced, since the 年齢 is that at the time of the survey), ADL, 医療処置, 特定症状 with
//!   the 判断樹 sources (when and by whom the judgement was made stays true), services,
//!   制度, 災害時個別支援計画, 最終把握時期 (it tells when the 保健所 last had contact, which
//!   is still the case), 支援管理区分, and the ギャップ with their notes.
//! * 訪問看護ステーション: every field, the staff list of the 常勤換算 included.
//!
//! Records in the ゴミ箱 are not copied, nor are other kinds (様式2 has its own 次年度 copy,
//! 様式4 and assessments belong to their year). Each copy is a new record (new ID, rev 1, no
//! field stamps) whose `meta.predecessor` is the record it came from, so last year's values
//! can be shown beside this year's.

use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::overview::Overview;
use crate::domain::patient::Patient;
use crate::domain::record::{RecordBody, RecordError, RecordKind, StoredRecord};
use crate::domain::station::Station;
use crate::domain::time::Timestamp;

/// The kinds copied into the next 年度.
pub const COPIED_KINDS: [RecordKind; 3] = [RecordKind::Overview, RecordKind::Patient, RecordKind::Station];

fn copy_one<T: RecordBody>(
    source: &StoredRecord,
    new_diagnosis: &RecordId,
    id: RecordId,
    now: Timestamp,
    device: &DeviceId,
) -> Result<StoredRecord, RecordError> {
    let body: T = source.body_as()?;
    let mut copy = StoredRecord::create(id, new_diagnosis.clone(), &body, now, device)?;
    copy.meta.predecessor = Some(source.meta.id.clone());
    Ok(copy)
}

/// Copies the live 概況, 療養者 and ステーション among `records` (those of one 地域診断) into
/// the 地域診断 `new_diagnosis`, in input order. `new_id` gives each copy its ID. Fails on the
/// first record whose body cannot be read (nothing is copied then).
pub fn copy_for_next_year(
    records: &[StoredRecord],
    new_diagnosis: &RecordId,
    mut new_id: impl FnMut() -> RecordId,
    now: Timestamp,
    device: &DeviceId,
) -> Result<Vec<StoredRecord>, RecordError> {
    let mut out = Vec::new();
    for r in records.iter().filter(|r| !r.is_deleted()) {
        let copy = match r.meta.kind {
            RecordKind::Overview => copy_one::<Overview>(r, new_diagnosis, new_id(), now, device)?,
            RecordKind::Patient => copy_one::<Patient>(r, new_diagnosis, new_id(), now, device)?,
            RecordKind::Station => copy_one::<Station>(r, new_diagnosis, new_id(), now, device)?,
            _ => continue,
        };
        out.push(copy);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::diagnosis::CommunityDiagnosis;
    use crate::domain::fiscal_year::FiscalYear;
    use crate::domain::forms::seed_examples::{seed_example_1, seed_example_2};
    use crate::domain::number::Decimal2;
    use crate::domain::patient::{Gap, Service};
    use crate::domain::programmes::{Programme, StandardProgramme};
    use crate::domain::record::Body;
    use crate::domain::sample::synthetic_stations;
    use crate::domain::time::Date;

    fn id(s: &str) -> RecordId {
        RecordId::parse(s).expect("valid id")
    }

    fn dev() -> DeviceId {
        DeviceId::parse("dev-a").expect("valid id")
    }

    fn patient(form: crate::domain::forms::patient_form::PatientForm) -> Patient {
        let today = Date::new(2025, 11, 20).expect("valid");
        form.parse(today).map(|(p, _)| p).expect("valid")
    }

    fn make<T: RecordBody>(rid: &str, body: &T) -> StoredRecord {
        let mut r = StoredRecord::create(id(rid), id("d2025"), body, Timestamp(1_000), &dev()).expect("creates");
        // An edited record: rev and stamps must not carry over.
        r.meta.rev = 7;
        r
    }

    #[test]
    fn copies_live_overview_patients_and_stations_linked_to_their_source() {
        let overview = Overview { population: Some(250_000), area_km2: Some(Decimal2(12_345)), ..Overview::default() };
        let mut p1 = patient(seed_example_1());
        p1.gaps = vec![Gap { service: Service::StationNursing, note: "訪問看護の導入を検討".into() }];
        let p2 = patient(seed_example_2());
        let station = synthetic_stations(1, 3).remove(0);
        let diagnosis = CommunityDiagnosis {
            jurisdiction: "○○保健所管内".into(),
            fiscal_year: FiscalYear::new(2025).expect("year"),
        };
        let mut trashed = make("p2", &p2);
        trashed.meta.deleted_at = Some(Timestamp(2_000));
        let records = vec![
            make("d2025", &diagnosis),
            make("o1", &overview),
            make("p1", &p1),
            trashed,
            make("s1", &station),
            make("g1", &Programme::standard(StandardProgramme::ALL[0])),
        ];
        let mut n = 0;
        let copies = copy_for_next_year(
            &records,
            &id("d2026"),
            || {
                n += 1;
                id(&format!("new-{n}"))
            },
            Timestamp(5_000),
            &dev(),
        )
        .expect("copies");

        assert_eq!(copies.len(), 3, "overview, the live patient, the station");
        let ids: Vec<&str> = copies.iter().map(|c| c.meta.id.as_str()).collect();
        assert_eq!(ids, vec!["new-1", "new-2", "new-3"]);
        let preds: Vec<Option<&str>> =
            copies.iter().map(|c| c.meta.predecessor.as_ref().map(RecordId::as_str)).collect();
        assert_eq!(preds, vec![Some("o1"), Some("p1"), Some("s1")]);
        for c in &copies {
            assert_eq!(c.meta.diagnosis_id, id("d2026"));
            assert_eq!(c.meta.rev, 1);
            assert_eq!(c.meta.created_at, Timestamp(5_000));
            assert_eq!(c.meta.updated_at, Timestamp(5_000));
            assert_eq!(c.meta.deleted_at, None);
            assert!(c.stamps.is_empty());
        }
        assert_eq!(copies[0].body_as::<Overview>(), Ok(overview));
        // Every patient field carries over: gaps and notes, 最終把握時期, 年齢.
        let copied = copies[1].body_as::<Patient>().expect("a patient");
        assert_eq!(copied, p1);
        assert_eq!(copied.last_contact, "○年△月□日訪問");
        assert_eq!(copied.gaps[0].note, "訪問看護の導入を検討");
        assert_eq!(copies[2].body_as::<Station>(), Ok(station));
    }

    #[test]
    fn nothing_to_copy_gives_nothing() {
        let copies = copy_for_next_year(&[], &id("d2026"), || id("x"), Timestamp(0), &dev()).expect("ok");
        assert!(copies.is_empty());
    }

    #[test]
    fn an_unreadable_body_fails_the_copy() {
        let mut bad = make("p1", &Patient::default());
        bad.body = Body::from_value(&serde_json::json!({"id_number": 12}));
        let result = copy_for_next_year(&[bad], &id("d2026"), || id("x"), Timestamp(0), &dev());
        assert!(matches!(result, Err(RecordError::Body(_))));
    }
}
