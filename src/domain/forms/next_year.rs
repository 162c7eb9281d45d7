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

use crate::domain::diagnosis::{CommunityDiagnosis, DiagnosisEntry};
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::overview::Overview;
use crate::domain::patient::Patient;
use crate::domain::record::{RecordBody, RecordError, RecordKind, StoredRecord};
use crate::domain::records::{RecordSet, OVERVIEW_SUFFIX, SUBSIDY_TABLE_SUFFIX};
use crate::domain::station::Station;
use crate::domain::time::Timestamp;
use crate::domain::ventilator::tables::SubsidyTables;

/// The kinds copied into the next 年度.
pub const COPIED_KINDS: [RecordKind; 4] =
    [RecordKind::Overview, RecordKind::Patient, RecordKind::Station, RecordKind::SubsidyTable];

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

/// Copies the live 概況, 療養者 and ステーション of the 地域診断 `source` into the 地域診断
/// `new_diagnosis`, in stored order. `new_id` gives each copy its ID. Fails on the first
/// record whose body cannot be read (nothing is copied then).
pub fn copy_for_next_year(
    source: RecordSet<'_>,
    new_diagnosis: &RecordId,
    mut new_id: impl FnMut() -> RecordId,
    now: Timestamp,
    device: &DeviceId,
) -> Result<Vec<StoredRecord>, RecordError> {
    let mut out = Vec::new();
    // The 概況 is one record per 地域診断 under its fixed ID (`<地域診断>:overview`), so that
    // bundles from two devices merge it field by field; should the source hold two, the one
    // every page and the 集計 read is copied.
    let overview = source.singleton(RecordKind::Overview).map(|r| &r.meta.id);
    // The 補助の上限表 (a 保健所's own amounts) likewise, so a new 年度 keeps them.
    let tables = source.singleton(RecordKind::SubsidyTable).map(|r| &r.meta.id);
    for r in source.live_records() {
        let copy = match r.meta.kind {
            RecordKind::Overview if overview != Some(&r.meta.id) => continue,
            RecordKind::Overview => {
                let id = RecordId::singleton(new_diagnosis, OVERVIEW_SUFFIX).unwrap_or_else(|_| new_id());
                copy_one::<Overview>(r, new_diagnosis, id, now, device)?
            }
            RecordKind::Patient => copy_one::<Patient>(r, new_diagnosis, new_id(), now, device)?,
            RecordKind::Station => copy_one::<Station>(r, new_diagnosis, new_id(), now, device)?,
            RecordKind::SubsidyTable if tables != Some(&r.meta.id) => continue,
            RecordKind::SubsidyTable => {
                let id = RecordId::singleton(new_diagnosis, SUBSIDY_TABLE_SUFFIX).unwrap_or_else(|_| new_id());
                copy_one::<SubsidyTables>(r, new_diagnosis, id, now, device)?
            }
            _ => continue,
        };
        out.push(copy);
    }
    Ok(out)
}

/// What 「次年度の地域診断を作る」 will do: the 地域診断 it creates and how many records of
/// each kind it copies (for the confirmation, before anything is written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextYearPlan {
    /// 今年度の地域診断 (the source).
    pub source: CommunityDiagnosis,
    /// 次年度の地域診断 (same 地区名, next 年度).
    pub target: CommunityDiagnosis,
    /// 地域の概況 (0 or 1).
    pub overviews: usize,
    /// 様式1 療養者.
    pub patients: usize,
    /// 様式2 事業 (saved rows; 独自事業 included).
    pub programmes: usize,
    /// 様式3 訪問看護ステーション.
    pub stations: usize,
    /// 補助の上限表 (0 or 1).
    pub subsidy_tables: usize,
}

impl NextYearPlan {
    /// What is copied, one line per kind, as shown in the confirmation.
    pub fn lines(&self) -> Vec<String> {
        let overview = if self.overviews > 0 {
            "地域の概況（人口・面積・認定者数・医療機関等の数）".to_string()
        } else {
            "地域の概況: まだ入力されていません（コピーなし）".to_string()
        };
        let programmes = if self.programmes > 0 {
            format!("様式2 事業 {}件（事業名・実施主体・概要など。実施・件数・成果・課題は空欄から）", self.programmes)
        } else {
            "様式2 事業: 保存された事業がありません（新しい年度は標準の事業から始まります）".to_string()
        };
        let mut lines = vec![
            overview,
            format!("様式1 療養者 {}人", self.patients),
            programmes,
            format!("様式3 訪問看護ステーション {}ヵ所（職員一覧・常勤換算も）", self.stations),
        ];
        if self.subsidy_tables > 0 {
            lines.push("災害への備え 補助の上限表（管内共通と市町村ごとの表）".to_string());
        }
        lines
    }

    /// What is not copied.
    pub fn not_copied(&self) -> &'static str {
        "ゴミ箱の記録、様式4 評価、判断樹のアセスメントはコピーしません。コピーした値は新しい年度の状況に合わせて確かめ、直してください。"
    }
}

/// Plans the next 年度's 地域診断 of `source` (with its `records`): refused, with the reason
/// in Japanese, when that 年度 already exists for the same 地区名 among `existing` (or is
/// past the last 年度 the app accepts).
pub fn plan_next_year(
    existing: &[DiagnosisEntry],
    source: &DiagnosisEntry,
    records: &[StoredRecord],
) -> Result<NextYearPlan, String> {
    let from = &source.diagnosis;
    let next = from.fiscal_year.next().map_err(|e| format!("次年度の地域診断を作れません（{e}）"))?;
    let target = CommunityDiagnosis { jurisdiction: from.jurisdiction.clone(), fiscal_year: next };
    if existing.iter().any(|e| e.diagnosis == target) {
        return Err(format!(
            "「{}」はすでにあります。同じ地区名・年度の地域診断は2つ作れないため、次年度の地域診断は作りませんでした（一覧から開いてください）。",
            target.title()
        ));
    }
    let source_id = &source.record.meta.id;
    let set = RecordSet::new(records, source_id);
    let live = |kind: RecordKind| set.live_of_kind(kind).count();
    Ok(NextYearPlan {
        source: from.clone(),
        target,
        overviews: usize::from(set.singleton(RecordKind::Overview).is_some_and(|r| !r.is_deleted())),
        patients: live(RecordKind::Patient),
        programmes: crate::domain::programmes::list_programmes(records, source_id).0.len(),
        stations: live(RecordKind::Station),
        subsidy_tables: usize::from(set.singleton(RecordKind::SubsidyTable).is_some_and(|r| !r.is_deleted())),
    })
}

/// The records of 「次年度の地域診断を作る」, to be written in ONE batch: the new 地域診断
/// (`plan.target`) and copies of the source's 概況, 療養者, ステーション
/// ([`copy_for_next_year`]) and 様式2 事業
/// ([`programmes::copy_for_next_year`](crate::domain::programmes::copy_for_next_year)),
/// each linked to its predecessor. Fails (nothing to write) when a record cannot be read.
pub fn build_next_year(
    plan: &NextYearPlan,
    source_id: &RecordId,
    records: &[StoredRecord],
    mut new_id: impl FnMut() -> RecordId,
    now: Timestamp,
    device: &DeviceId,
) -> Result<(StoredRecord, Vec<StoredRecord>), RecordError> {
    let id = new_id();
    let diagnosis = StoredRecord::create(id.clone(), id.clone(), &plan.target, now, device)?;
    let mut copies = copy_for_next_year(RecordSet::new(records, source_id), &id, &mut new_id, now, device)?;
    let (programmes, _unreadable) =
        crate::domain::programmes::copy_for_next_year(records, source_id, &id, &mut new_id, now, device)?;
    copies.extend(programmes);
    Ok((diagnosis, copies))
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
        // Issue 20: the 保健所's own 補助の上限表 (Ｂ町 differs) goes to the new 年度 too.
        let mut tables_form = crate::domain::ventilator::tables::TablesForm::from_tables(&SubsidyTables::default());
        tables_form.add_municipality("Ｂ町");
        tables_form.municipalities[0].limits[0] = "150000".into();
        let tables = tables_form.parse().expect("valid");
        let mut trashed = make("p2", &p2);
        trashed.meta.deleted_at = Some(Timestamp(2_000));
        let records = vec![
            make("d2025", &diagnosis),
            make("o1", &overview),
            make("p1", &p1),
            trashed,
            make("s1", &station),
            make("g1", &Programme::standard(StandardProgramme::ALL[0])),
            make("d2025:subsidy_table", &tables),
        ];
        let mut n = 0;
        let source = id("d2025");
        let copies = copy_for_next_year(
            RecordSet::new(&records, &source),
            &id("d2026"),
            || {
                n += 1;
                id(&format!("new-{n}"))
            },
            Timestamp(5_000),
            &dev(),
        )
        .expect("copies");

        assert_eq!(copies.len(), 4, "overview, the live patient, the station, the 補助の上限表");
        let ids: Vec<&str> = copies.iter().map(|c| c.meta.id.as_str()).collect();
        assert_eq!(
            ids,
            vec!["d2026:overview", "new-1", "new-2", "d2026:subsidy_table"],
            "the 概況 and the 補助の上限表 under their fixed IDs"
        );
        let preds: Vec<Option<&str>> =
            copies.iter().map(|c| c.meta.predecessor.as_ref().map(RecordId::as_str)).collect();
        assert_eq!(preds, vec![Some("o1"), Some("p1"), Some("s1"), Some("d2025:subsidy_table")]);
        assert_eq!(copies[3].body_as::<SubsidyTables>(), Ok(tables));
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

    fn entry(rid: &str, jurisdiction: &str, year: i32) -> DiagnosisEntry {
        let diagnosis =
            CommunityDiagnosis { jurisdiction: jurisdiction.into(), fiscal_year: FiscalYear::new(year).expect("year") };
        let record = StoredRecord::create(id(rid), id(rid), &diagnosis, Timestamp(1_000), &dev()).expect("creates");
        DiagnosisEntry { record, diagnosis }
    }

    fn in_diagnosis<T: RecordBody>(rid: &str, body: &T) -> StoredRecord {
        StoredRecord::create(id(rid), id("d2025"), body, Timestamp(1_000), &dev()).expect("creates")
    }

    fn year_records() -> Vec<StoredRecord> {
        let mut trashed = in_diagnosis("s-old", &synthetic_stations(1, 9).remove(0));
        trashed.meta.deleted_at = Some(Timestamp(2_000));
        let mut own = Programme::standard(StandardProgramme::ALL[1]);
        own.outcome = "成果あり".into();
        vec![
            in_diagnosis("o1", &Overview { population: Some(250_000), ..Overview::default() }),
            in_diagnosis("p1", &patient(seed_example_1())),
            in_diagnosis("p2", &patient(seed_example_2())),
            in_diagnosis("s1", &synthetic_stations(1, 3).remove(0)),
            trashed,
            in_diagnosis("g1", &Programme::standard(StandardProgramme::ALL[0])),
            in_diagnosis("g2", &own),
        ]
    }

    #[test]
    fn plans_the_next_year_with_counts() {
        let source = entry("d2025", "○○保健所管内", 2025);
        let existing = vec![source.clone(), entry("x", "○○保健所管内", 2024), entry("y", "△△保健所管内", 2026)];
        let plan = plan_next_year(&existing, &source, &year_records()).expect("plannable");
        assert_eq!(plan.target.title(), "○○保健所管内 令和8年度（2026年度）");
        assert_eq!((plan.overviews, plan.patients, plan.programmes, plan.stations), (1, 2, 2, 1));
        let lines = plan.lines();
        assert_eq!(lines[1], "様式1 療養者 2人");
        assert!(lines[2].starts_with("様式2 事業 2件"));
        assert!(lines[3].starts_with("様式3 訪問看護ステーション 1ヵ所"));
        let empty = plan_next_year(&existing, &source, &[]).expect("plannable");
        assert!(empty.lines()[0].contains("まだ入力されていません"));
        assert!(empty.lines()[2].contains("標準の事業から始まります"));
    }

    #[test]
    fn refuses_when_the_next_year_exists() {
        let source = entry("d2025", "○○保健所管内", 2025);
        let existing = vec![source.clone(), entry("d2026", "○○保健所管内", 2026)];
        let refused = plan_next_year(&existing, &source, &[]).expect_err("exists");
        assert!(refused.starts_with("「○○保健所管内 令和8年度（2026年度）」はすでにあります"), "{refused}");
        let last = entry("d", "○○保健所管内", crate::domain::fiscal_year::LAST_FISCAL_YEAR);
        assert!(plan_next_year(&[], &last, &[]).is_err());
    }

    #[test]
    fn builds_one_batch_of_new_records_linked_to_their_source() {
        let source = entry("d2025", "○○保健所管内", 2025);
        let records = year_records();
        let plan = plan_next_year(std::slice::from_ref(&source), &source, &records).expect("plannable");
        let mut n = 0;
        let (diagnosis, copies) = build_next_year(
            &plan,
            &id("d2025"),
            &records,
            || {
                n += 1;
                id(&format!("n{n}"))
            },
            Timestamp(9_000),
            &dev(),
        )
        .expect("builds");
        assert_eq!(diagnosis.meta.id, id("n1"));
        assert_eq!(diagnosis.body_as::<CommunityDiagnosis>(), Ok(plan.target.clone()));
        assert_eq!(copies.len(), 1 + 2 + 1 + 2, "概況, 2 療養者, 1 ステーション (trash left), 2 事業");
        let mut ids: Vec<&str> = copies.iter().map(|c| c.meta.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), copies.len(), "every copy has its own new ID");
        for c in &copies {
            assert_eq!(c.meta.diagnosis_id, id("n1"));
            assert!(c.meta.predecessor.is_some());
        }
        let preds: Vec<&str> =
            copies.iter().filter_map(|c| c.meta.predecessor.as_ref().map(RecordId::as_str)).collect();
        assert!(!preds.contains(&"s-old"));
        for p in ["o1", "p1", "p2", "s1", "g1", "g2"] {
            assert!(preds.contains(&p), "{p} copied");
        }
        // 様式2: results start blank.
        let g2 = copies.iter().find(|c| c.meta.predecessor.as_ref().map(RecordId::as_str) == Some("g2"));
        let g2: Programme = g2.expect("copied").body_as().expect("a programme");
        assert_eq!(g2.outcome, "");
    }

    #[test]
    fn nothing_to_copy_gives_nothing() {
        let copies =
            copy_for_next_year(RecordSet::new(&[], &id("d2025")), &id("d2026"), || id("x"), Timestamp(0), &dev())
                .expect("ok");
        assert!(copies.is_empty());
    }

    #[test]
    fn an_unreadable_body_fails_the_copy() {
        let mut bad = make("p1", &Patient::default());
        bad.body = Body::from_value(&serde_json::json!({"id_number": 12}));
        let source = id("d2025");
        let result =
            copy_for_next_year(RecordSet::new(&[bad], &source), &id("d2026"), || id("x"), Timestamp(0), &dev());
        assert!(matches!(result, Err(RecordError::Body(_))));
    }
}
