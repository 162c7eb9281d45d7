//! 様式2 rows of a 地域診断: the default rows of a new one, listing in the paper form's
//! order, the copy for the next 年度, and the print/CSV row view.

use super::{Programme, ProgrammeKind, StandardProgramme};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::record::{RecordError, RecordKind, StoredRecord};
use crate::domain::records::RecordSet;
use crate::domain::time::Timestamp;

/// The standard rows for a new 地域診断, in the paper form's order: name, 実施主体 and
/// 事業の概要 pre-filled, everything else 未入力. `new_id` makes each record's ID (the UI
/// passes `crypto.randomUUID()`).
pub fn default_programmes(
    diagnosis_id: &RecordId,
    mut new_id: impl FnMut() -> RecordId,
    now: Timestamp,
    device: &DeviceId,
) -> Result<Vec<StoredRecord>, RecordError> {
    StandardProgramme::ALL
        .into_iter()
        .map(|key| StoredRecord::create(new_id(), diagnosis_id.clone(), &Programme::standard(key), now, device))
        .collect()
}

/// A listed programme row (事業): its record and its parsed body.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgrammeEntry {
    /// 記録 (envelope: ID, 地域診断, 前年度の記録, …).
    pub record: StoredRecord,
    /// 事業 (the parsed body).
    pub programme: Programme,
}

/// 前年度の行: the row of last year's 地域診断 that `entry` was copied from (by
/// `meta.predecessor`), for showing last year's 実施件数, 成果 and 課題 beside this year's.
/// `previous` is last year's list from [`list_programmes`].
pub fn previous_year_row<'a>(previous: &'a [ProgrammeEntry], entry: &ProgrammeEntry) -> Option<&'a ProgrammeEntry> {
    let id = entry.record.meta.predecessor.as_ref()?;
    previous.iter().find(|e| &e.record.meta.id == id)
}

/// The programme rows of one 地域診断 in display order (標準事業 in the paper form's order,
/// then 独自事業 in the order they were added), skipping trashed records and records of other
/// kinds or other 地域診断. Records that cannot be read are returned separately (as
/// `ID: reason`) so the UI can say so.
pub fn list_programmes(records: &[StoredRecord], diagnosis_id: &RecordId) -> (Vec<ProgrammeEntry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut unreadable = Vec::new();
    for r in RecordSet::new(records, diagnosis_id).live_of_kind(RecordKind::Programme) {
        match r.body_as::<Programme>() {
            Ok(programme) => entries.push(ProgrammeEntry { record: r.clone(), programme }),
            Err(e) => unreadable.push(format!("{}: {e}", r.meta.id)),
        }
    }
    entries.sort_by(|a, b| {
        a.programme
            .sort_key()
            .cmp(&b.programme.sort_key())
            .then(a.record.meta.created_at.cmp(&b.record.meta.created_at))
            .then(a.record.meta.id.cmp(&b.record.meta.id))
    });
    (entries, unreadable)
}

/// Standard programmes that have no row among `entries` (e.g. deleted), in form order, so the
/// UI can offer to add them back with [`Programme::standard`].
pub fn missing_standard_programmes(entries: &[ProgrammeEntry]) -> Vec<StandardProgramme> {
    StandardProgramme::ALL
        .into_iter()
        .filter(|key| !entries.iter().any(|e| e.programme.programme.standard() == Some(*key)))
        .collect()
}

/// 前年度からのコピー: the programme rows of `from_diagnosis` (trash excluded) as new records
/// of `to_diagnosis`, in display order, each with `meta.predecessor` set to the row it came
/// from. What is kept and what is reset is documented on [`Programme::for_next_year`]: the
/// rows, 実施主体, 事業の概要, the council's 初回年度 and 設置単位, the centre's 運営方法 and
/// 委託先 are kept; 実施, 実施件数, 成果, 課題, this year's meetings, agenda and the centre's
/// 実施事業 start blank (未入力). Unreadable rows are skipped and listed in the second value.
pub fn copy_for_next_year(
    records: &[StoredRecord],
    from_diagnosis: &RecordId,
    to_diagnosis: &RecordId,
    mut new_id: impl FnMut() -> RecordId,
    now: Timestamp,
    device: &DeviceId,
) -> Result<(Vec<StoredRecord>, Vec<String>), RecordError> {
    let (entries, unreadable) = list_programmes(records, from_diagnosis);
    let copies = entries
        .iter()
        .map(|e| {
            let mut r =
                StoredRecord::create(new_id(), to_diagnosis.clone(), &e.programme.for_next_year(), now, device)?;
            r.meta.predecessor = Some(e.record.meta.id.clone());
            Ok(r)
        })
        .collect::<Result<Vec<_>, RecordError>>()?;
    Ok((copies, unreadable))
}

/// Number of columns of the row view.
pub const COLUMN_COUNT: usize = 17;

/// Column headers of the row view, named as on the paper form; `fiscal_year` is the
/// 地域診断's 年度 (the form prints 実施件数（H30年度） and 【30年度開催】).
pub fn row_headers(fiscal_year: FiscalYear) -> [String; COLUMN_COUNT] {
    let year = fiscal_year.wareki();
    [
        "区分".to_string(),
        "事業名".to_string(),
        "実施主体".to_string(),
        "実施（1.有 0.無）".to_string(),
        format!("実施件数（{year}） 1 管轄地域（件）"),
        format!("実施件数（{year}） 2 都道府県全体（件）"),
        "事業の概要".to_string(),
        "成果".to_string(),
        "課題".to_string(),
        "協議会 なしの場合 関連する会議".to_string(),
        "協議会 初回".to_string(),
        format!("協議会 {year}開催（回/年）"),
        "協議会 設置単位".to_string(),
        "協議会 議題及び実施状況等".to_string(),
        "センター 運営方法".to_string(),
        "センター 委託先".to_string(),
        "センター 実施事業".to_string(),
    ]
}

fn flag(value: Option<bool>, yes: &str, no: &str) -> String {
    match value {
        Some(true) => yes.to_string(),
        Some(false) => no.to_string(),
        None => String::new(),
    }
}

fn count(value: Option<u64>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

/// The cells of one row, in the order of [`row_headers`]: 実施 as `1` / `0` / blank, counts
/// as the number or blank (未入力; `0` is shown as `0`), 初回 as 和暦 (令和元年度), 設置単位
/// その他 as `その他（text）`, the extra columns blank on rows without that section.
pub fn row_cells(p: &Programme) -> [String; COLUMN_COUNT] {
    let name = match &p.programme {
        ProgrammeKind::Standard { key } => key.name().to_string(),
        ProgrammeKind::Own { name } => name.clone(),
    };
    let council = p.council.as_ref();
    let center = p.center.as_ref();
    let unit = council
        .and_then(|c| {
            c.unit.map(|u| match u {
                super::CouncilUnit::Other if !c.unit_other.trim().is_empty() => {
                    format!("その他（{}）", c.unit_other.trim())
                }
                u => u.label().to_string(),
            })
        })
        .unwrap_or_default();
    [
        p.programme.group().to_string(),
        name,
        p.operator.clone(),
        flag(p.implemented, "1", "0"),
        count(p.count_local),
        count(p.count_prefecture),
        p.summary.clone(),
        p.outcome.clone(),
        p.challenge.clone(),
        flag(council.and_then(|c| c.related_meeting), "あり", "なし"),
        council.and_then(|c| c.first_year).map(FiscalYear::wareki).unwrap_or_default(),
        count(council.and_then(|c| c.meetings_this_year)),
        unit,
        council.map(|c| c.agenda.clone()).unwrap_or_default(),
        center.and_then(|c| c.operation).map(|o| o.label().to_string()).unwrap_or_default(),
        center.map(|c| c.contractor.clone()).unwrap_or_default(),
        center.map(|c| c.activities.summary()).unwrap_or_default(),
    ]
}

/// The whole 様式2 table for print or CSV: headers, then one row per entry in the given order
/// (pass the entries from [`list_programmes`]).
pub fn table(entries: &[ProgrammeEntry], fiscal_year: FiscalYear) -> Vec<[String; COLUMN_COUNT]> {
    std::iter::once(row_headers(fiscal_year)).chain(entries.iter().map(|e| row_cells(&e.programme))).collect()
}

#[cfg(test)]
mod tests {
    use super::super::{CenterOperation, CouncilUnit, ProgrammeForm};
    use super::*;

    use crate::domain::ids::test_ids::rid;
    fn dev() -> DeviceId {
        DeviceId::parse("dev-a").expect("valid id")
    }
    fn fy(y: i32) -> FiscalYear {
        FiscalYear::new(y).expect("valid year")
    }
    fn ids(prefix: &'static str) -> impl FnMut() -> RecordId {
        let mut n = 0;
        move || {
            n += 1;
            rid(&format!("{prefix}{n}"))
        }
    }

    #[test]
    fn default_rows_are_the_seeds_list_in_order() {
        let records = default_programmes(&rid("d1"), ids("p"), Timestamp(1000), &dev()).expect("creates");
        assert_eq!(records.len(), 9);
        let names: Vec<String> =
            records.iter().map(|r| r.body_as::<Programme>().expect("reads").name().to_string()).collect();
        assert_eq!(
            names,
            vec![
                "在宅難病患者一時入院事業",
                "在宅療養支援計画策定・評価事業",
                "訪問相談員育成事業",
                "医療相談事業",
                "訪問相談・指導事業（訪問診療）",
                "難病対策地域協議会",
                "難病相談支援センター事業",
                "難病患者等ホームヘルパー養成研修事業",
                "在宅人工呼吸器使用患者支援事業（訪問看護）",
            ]
        );
        for (i, r) in records.iter().enumerate() {
            assert_eq!(r.meta.id, rid(&format!("p{}", i + 1)));
            assert_eq!(r.meta.diagnosis_id, rid("d1"));
            assert_eq!(r.meta.kind, RecordKind::Programme);
            assert_eq!(r.meta.rev, 1);
            assert_eq!(r.meta.predecessor, None);
            let p: Programme = r.body_as().expect("reads");
            assert_eq!(p.implemented, None);
            assert_eq!((p.count_local, p.count_prefecture), (None, None));
            assert!(!p.operator.is_empty() && !p.summary.is_empty());
        }
        let first: Programme = records[0].body_as().expect("reads");
        assert_eq!(first.operator, "都道府県");
    }

    #[test]
    fn listing_sorts_in_form_order_with_own_rows_last() {
        let d = rid("d1");
        let mut records = default_programmes(&d, ids("p"), Timestamp(1000), &dev()).expect("creates");
        records.reverse();
        let own_b = StoredRecord::create(rid("o2"), d.clone(), &Programme::own("B事業"), Timestamp(3000), &dev());
        let own_a = StoredRecord::create(rid("o1"), d.clone(), &Programme::own("A事業"), Timestamp(2000), &dev());
        records.insert(0, own_b.expect("creates"));
        records.insert(3, own_a.expect("creates"));
        // Other diagnosis, trashed row, another kind, unreadable row: all left out.
        let other = StoredRecord::create(rid("x1"), rid("d2"), &Programme::own("他"), Timestamp(0), &dev());
        records.push(other.expect("creates"));
        let mut trashed =
            StoredRecord::create(rid("x2"), d.clone(), &Programme::own("削除"), Timestamp(0), &dev()).expect("creates");
        trashed.meta.deleted_at = Some(Timestamp(5));
        records.push(trashed);
        let mut broken =
            StoredRecord::create(rid("x3"), d.clone(), &Programme::own("壊"), Timestamp(0), &dev()).expect("creates");
        broken.body = serde_json::json!({"programme": 5}).into();
        records.push(broken);

        let (entries, unreadable) = list_programmes(&records, &d);
        assert_eq!(unreadable.len(), 1);
        assert!(unreadable[0].starts_with("x3: "));
        let names: Vec<&str> = entries.iter().map(|e| e.programme.name()).collect();
        assert_eq!(names.len(), 11);
        assert_eq!(names[0], "在宅難病患者一時入院事業");
        assert_eq!(names[8], "在宅人工呼吸器使用患者支援事業（訪問看護）");
        assert_eq!(&names[9..], &["A事業", "B事業"]);
        assert!(missing_standard_programmes(&entries).is_empty());
        let without_council: Vec<ProgrammeEntry> = entries
            .into_iter()
            .filter(|e| e.programme.programme.standard() != Some(StandardProgramme::RegionalCouncil))
            .collect();
        assert_eq!(missing_standard_programmes(&without_council), vec![StandardProgramme::RegionalCouncil]);
    }

    fn filled_year(d: &RecordId) -> Vec<StoredRecord> {
        let mut records = default_programmes(d, ids("p"), Timestamp(1000), &dev()).expect("creates");
        for r in &mut records {
            let mut f = ProgrammeForm::from_record(&r.body_as::<Programme>().expect("reads"));
            f.implemented = Some(true);
            f.count_local = "3".into();
            f.count_prefecture = "40".into();
            f.outcome = "成果あり".into();
            f.challenge = "周知が不十分".into();
            f.operator = format!("{}（A県）", f.operator);
            f.council.first_year = "平成28年度".into();
            f.council.meetings_this_year = "2".into();
            f.council.related_meeting = None;
            f.council.unit = Some(CouncilUnit::Other);
            f.council.unit_other = "二次医療圏単位".into();
            f.council.agenda = "災害対策".into();
            f.center.operation = Some(CenterOperation::Contracted);
            f.center.contractor = "A法人".into();
            f.center.activities.consultation = true;
            f.center.activities.peer_support = true;
            let (p, _) = f.parse(fy(2025)).expect("valid");
            if let Ok(Some(next)) = r.edited(&p, Timestamp(2000), &dev()) {
                *r = next;
            }
        }
        let own = Programme {
            count_local: Some(7), implemented: Some(true), ..Programme::own("独自の在宅レスパイト")
        };
        records.push(StoredRecord::create(rid("o1"), d.clone(), &own, Timestamp(2500), &dev()).expect("creates"));
        records
    }

    #[test]
    fn next_year_keeps_the_set_up_and_resets_the_years_answers() {
        let old_d = rid("d2025");
        let new_d = rid("d2026");
        let old = filled_year(&old_d);
        let (copies, unreadable) =
            copy_for_next_year(&old, &old_d, &new_d, ids("n"), Timestamp(9000), &dev()).expect("copies");
        assert!(unreadable.is_empty());
        assert_eq!(copies.len(), 10);
        for (copy, orig) in copies.iter().zip(list_programmes(&old, &old_d).0.iter()) {
            assert_eq!(copy.meta.diagnosis_id, new_d);
            assert_eq!(copy.meta.predecessor.as_ref(), Some(&orig.record.meta.id));
            assert_eq!(copy.meta.rev, 1);
            assert_eq!(copy.meta.created_at, Timestamp(9000));
            let p: Programme = copy.body_as().expect("reads");
            assert_eq!(p.programme, orig.programme.programme);
            assert_eq!(p.operator, orig.programme.operator);
            assert_eq!(p.summary, orig.programme.summary);
            assert_eq!(p.implemented, None);
            assert_eq!((p.count_local, p.count_prefecture), (None, None));
            assert!(p.outcome.is_empty() && p.challenge.is_empty());
        }
        let by_key = |key: StandardProgramme| {
            copies
                .iter()
                .map(|r| r.body_as::<Programme>().expect("reads"))
                .find(|p| p.programme.standard() == Some(key))
                .expect("row copied")
        };
        let council = by_key(StandardProgramme::RegionalCouncil).council.expect("council section");
        assert_eq!(council.first_year, Some(fy(2016)));
        assert_eq!(council.unit, Some(CouncilUnit::Other));
        assert_eq!(council.unit_other, "二次医療圏単位");
        assert_eq!(council.meetings_this_year, None);
        assert_eq!(council.related_meeting, None);
        assert!(council.agenda.is_empty());
        let center = by_key(StandardProgramme::SupportCenter).center.expect("center section");
        assert_eq!(center.operation, Some(CenterOperation::Contracted));
        assert_eq!(center.contractor, "A法人");
        assert!(center.activities.checked().is_empty());
        assert_eq!(by_key(StandardProgramme::TemporaryAdmission).operator, "都道府県（A県）");
        let last: Programme = copies[9].body_as().expect("reads");
        assert_eq!(last.name(), "独自の在宅レスパイト");
        assert_eq!(last.count_local, None);
        // The copies list in the new diagnosis in the same order, each finding last year's row.
        let (listed, _) = list_programmes(&copies, &new_d);
        assert_eq!(listed.len(), 10);
        let (previous, _) = list_programmes(&old, &old_d);
        for (e, p) in listed.iter().zip(previous.iter()) {
            assert_eq!(previous_year_row(&previous, e).map(|x| &x.record.meta.id), Some(&p.record.meta.id));
            let last_year = previous_year_row(&previous, e).and_then(|x| x.programme.count_local);
            assert!(last_year == Some(3) || last_year == Some(7));
        }
        assert!(previous_year_row(&previous, &previous[0]).is_none());
        // A copy parses cleanly for the new year through the form.
        for e in &listed {
            assert!(ProgrammeForm::from_record(&e.programme).parse(fy(2026)).is_ok());
        }
    }

    #[test]
    fn row_view_follows_the_paper_form() {
        let headers = row_headers(fy(2018));
        assert_eq!(headers[3], "実施（1.有 0.無）");
        assert_eq!(headers[4], "実施件数（平成30年度） 1 管轄地域（件）");
        assert_eq!(headers[5], "実施件数（平成30年度） 2 都道府県全体（件）");
        assert_eq!(headers[11], "協議会 平成30年度開催（回/年）");

        let mut p = Programme::standard(StandardProgramme::MedicalConsultation);
        let cells = row_cells(&p);
        assert_eq!(cells[0], "難病患者地域支援対策推進事業");
        assert_eq!(cells[1], "医療相談事業");
        assert_eq!(cells[2], "都道府県、保健所設置市・特別区");
        assert_eq!((cells[3].as_str(), cells[4].as_str(), cells[5].as_str()), ("", "", ""));
        assert!(cells[9..].iter().all(String::is_empty));
        p.implemented = Some(false);
        p.count_local = Some(0);
        let cells = row_cells(&p);
        assert_eq!((cells[3].as_str(), cells[4].as_str(), cells[5].as_str()), ("0", "0", ""));
        p.implemented = Some(true);
        p.count_prefecture = Some(12);
        let cells = row_cells(&p);
        assert_eq!((cells[3].as_str(), cells[5].as_str()), ("1", "12"));

        let mut council = Programme::standard(StandardProgramme::RegionalCouncil);
        if let Some(c) = council.council.as_mut() {
            c.related_meeting = Some(false);
            c.first_year = Some(fy(2019));
            c.meetings_this_year = Some(0);
            c.unit = Some(CouncilUnit::Other);
            c.unit_other = "圏域単位".into();
        }
        let cells = row_cells(&council);
        assert_eq!(cells[9], "なし");
        assert_eq!(cells[10], "令和元年度");
        assert_eq!(cells[11], "0");
        assert_eq!(cells[12], "その他（圏域単位）");
        assert!(cells[14..].iter().all(String::is_empty));

        let mut center = Programme::standard(StandardProgramme::SupportCenter);
        if let Some(c) = center.center.as_mut() {
            c.operation = Some(CenterOperation::Direct);
            c.activities.lectures = true;
            c.activities.employment = true;
        }
        let cells = row_cells(&center);
        assert_eq!(cells[0], "");
        assert_eq!(cells[14], "直営");
        assert_eq!(cells[16], "講演会・研修会等、就労支援事業");

        let own = Programme::own("難病カフェ");
        assert_eq!(row_cells(&own)[0], "独自事業");
        assert_eq!(row_cells(&own)[1], "難病カフェ");
    }

    #[test]
    fn table_has_headers_then_rows() {
        let d = rid("d1");
        let records = default_programmes(&d, ids("p"), Timestamp(0), &dev()).expect("creates");
        let (entries, _) = list_programmes(&records, &d);
        let t = table(&entries, fy(2025));
        assert_eq!(t.len(), 10);
        assert_eq!(t[0][1], "事業名");
        assert_eq!(t[1][1], "在宅難病患者一時入院事業");
        assert!(t.iter().all(|row| row.len() == COLUMN_COUNT));
    }
}
