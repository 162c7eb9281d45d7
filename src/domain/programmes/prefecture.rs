//! 様式2 実施件数（都道府県全体）from the areas (issue 19): the sum of the chosen areas'
//! 実施件数（管轄地域） per 標準事業, with the areas that have not entered theirs named, and the
//! rows of one 地域診断 with that sum written in (only the rows it changes).

use super::rows::ProgrammeEntry;
use super::StandardProgramme;
use crate::domain::ids::DeviceId;
use crate::domain::record::{RecordError, StoredRecord};
use crate::domain::time::Timestamp;

/// One 標準事業's 都道府県全体 from the areas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrefectureCount {
    pub key: StandardProgramme,
    /// The sum of the entered counts; `None` when no area entered one.
    pub sum: Option<u64>,
    /// How many areas entered a count.
    pub counted: usize,
    /// 地区名 of the areas without a count (no row, or 未入力).
    pub missing: Vec<String>,
}

impl PrefectureCount {
    /// `12件（3地域の合計）`, `12件（2地域の合計。未入力: C保健所管内）` or `-（どの地域も未入力）`.
    pub fn text(&self) -> String {
        match self.sum {
            None => "-（どの地域も未入力）".to_string(),
            Some(n) if self.missing.is_empty() => format!("{n}件（{}地域の合計）", self.counted),
            Some(n) => format!("{n}件（{}地域の合計。未入力: {}）", self.counted, self.missing.join("、")),
        }
    }
}

/// The 都道府県全体 of every 標準事業 from `areas` (地区名 and its rows).
pub fn prefecture_counts(areas: &[(&str, &[ProgrammeEntry])]) -> Vec<PrefectureCount> {
    StandardProgramme::ALL
        .into_iter()
        .map(|key| {
            let mut count = PrefectureCount { key, sum: None, counted: 0, missing: Vec::new() };
            for (name, rows) in areas {
                let entered = rows
                    .iter()
                    .find(|e| e.programme.programme.standard() == Some(key))
                    .and_then(|e| e.programme.count_local);
                match entered {
                    Some(n) => {
                        count.sum = Some(count.sum.unwrap_or(0).saturating_add(n));
                        count.counted += 1;
                    }
                    None => count.missing.push((*name).to_string()),
                }
            }
            count
        })
        .collect()
}

/// `target`'s rows with 実施件数（都道府県全体） set to the sums: the edited records (rows whose
/// value already is the sum, and sums no area entered, are left alone), each with the record
/// it replaces (for the write's precondition).
pub fn fill_prefecture_counts(
    target: &[ProgrammeEntry],
    counts: &[PrefectureCount],
    now: Timestamp,
    device: &DeviceId,
) -> Result<Vec<(StoredRecord, StoredRecord)>, RecordError> {
    let mut out = Vec::new();
    for c in counts {
        let Some(sum) = c.sum else { continue };
        let Some(row) = target.iter().find(|e| e.programme.programme.standard() == Some(c.key)) else { continue };
        let mut body = row.programme.clone();
        body.count_prefecture = Some(sum);
        if let Some(edited) = row.record.edited(&body, now, device)? {
            out.push((row.record.clone(), edited));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::test_ids::rid as id;
    use crate::domain::programmes::Programme;

    fn row(diagnosis: &str, key: StandardProgramme, local: Option<u64>, prefecture: Option<u64>) -> ProgrammeEntry {
        let dev = DeviceId::parse("pc").expect("device");
        let programme = Programme { count_local: local, count_prefecture: prefecture, ..Programme::standard(key) };
        let rid = id(&format!("{diagnosis}-{}", key.key()));
        let record = StoredRecord::create(rid, id(diagnosis), &programme, Timestamp(1), &dev).expect("record");
        ProgrammeEntry { record, programme }
    }

    #[test]
    fn sums_the_entered_counts_and_names_the_areas_without() {
        let council = StandardProgramme::RegionalCouncil;
        let admission = StandardProgramme::TemporaryAdmission;
        let a = vec![row("a", council, Some(3), None), row("a", admission, Some(0), None)];
        let b = vec![row("b", council, Some(4), None), row("b", admission, None, None)];
        let c = vec![row("c", council, Some(5), None)];
        let counts = prefecture_counts(&[("A", &a), ("B", &b), ("C", &c)]);
        let of = |k| counts.iter().find(|c| c.key == k).expect("listed");
        // 3 + 4 + 5 = 12 件.
        assert_eq!(of(council).text(), "12件（3地域の合計）");
        // 0 件 is a count (A); B left it blank; C has no row.
        assert_eq!(of(admission).text(), "0件（1地域の合計。未入力: B、C）");
        assert_eq!(of(StandardProgramme::SupportCenter).text(), "-（どの地域も未入力）");
        assert_eq!(counts.len(), StandardProgramme::ALL.len());

        // Written into A: the council row gets 12, the admission row 0; nothing else changes.
        let dev = DeviceId::parse("pref").expect("device");
        let filled = fill_prefecture_counts(&a, &counts, Timestamp(50), &dev).expect("fills");
        let bodies: Vec<(StandardProgramme, Option<u64>)> = filled
            .iter()
            .map(|(_, r)| r.body_as::<Programme>().expect("body"))
            .map(|p| (p.programme.standard().expect("standard"), p.count_prefecture))
            .collect();
        assert_eq!(bodies, vec![(admission, Some(0)), (council, Some(12))]);
        assert!(filled.iter().all(|(before, after)| after.meta.rev == before.meta.rev + 1));
        // Filled again: nothing to write.
        let again: Vec<ProgrammeEntry> = filled
            .iter()
            .map(|(_, r)| ProgrammeEntry { record: r.clone(), programme: r.body_as().expect("body") })
            .collect();
        assert!(fill_prefecture_counts(&again, &counts, Timestamp(60), &dev).expect("fills").is_empty());
    }
}
