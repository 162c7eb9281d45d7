//! 地域診断: one jurisdiction (地区名) and one fiscal year (年度).

use super::fiscal_year::FiscalYear;
use super::issues::Issues;
use super::record::{RecordBody, RecordKind, StoredRecord};
use crate::domain::ids::RecordId;
use serde::{Deserialize, Serialize};

pub mod trash;

/// Longest accepted 地区名.
pub const MAX_JURISDICTION_LEN: usize = 60;

/// 地域診断: the whole assessment for one 管轄地域 and one 年度.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunityDiagnosis {
    /// 地区名 (e.g. ○○保健所管内).
    pub jurisdiction: String,
    /// 年度.
    pub fiscal_year: FiscalYear,
}

impl RecordBody for CommunityDiagnosis {
    const KIND: RecordKind = RecordKind::Diagnosis;
}

impl CommunityDiagnosis {
    /// `○○保健所管内 令和7年度（2025年度）`.
    pub fn title(&self) -> String {
        format!("{} {}", self.jurisdiction, self.fiscal_year)
    }
}

/// What the nurse typed in the 地域診断 form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiagnosisInput {
    pub jurisdiction: String,
    pub fiscal_year: String,
}

/// Checks a 地区名: 1–60 characters, no control characters. Returns the trimmed name.
pub fn parse_jurisdiction(text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("地区名を入力してください".to_string());
    }
    if t.chars().count() > MAX_JURISDICTION_LEN {
        return Err(format!("地区名は{MAX_JURISDICTION_LEN}文字までです"));
    }
    if t.chars().any(char::is_control) {
        return Err("地区名に使えない文字（改行・制御文字）があります".to_string());
    }
    Ok(t.to_string())
}

impl DiagnosisInput {
    /// Parses the form: a valid [`CommunityDiagnosis`] or the findings naming each field.
    pub fn parse(&self) -> Result<CommunityDiagnosis, Issues> {
        let mut issues = Issues::new();
        let jurisdiction =
            parse_jurisdiction(&self.jurisdiction).map_err(|m| issues.error("jurisdiction", "地区名", m)).ok();
        let fiscal_year = if self.fiscal_year.trim().is_empty() {
            issues.error("fiscal_year", "年度", "年度を入力してください");
            None
        } else {
            FiscalYear::parse(&self.fiscal_year).map_err(|e| issues.error("fiscal_year", "年度", e.to_string())).ok()
        };
        match (jurisdiction, fiscal_year) {
            (Some(jurisdiction), Some(fiscal_year)) if !issues.has_errors() => {
                Ok(CommunityDiagnosis { jurisdiction, fiscal_year })
            }
            _ => Err(issues),
        }
    }

    pub fn from_diagnosis(d: &CommunityDiagnosis) -> DiagnosisInput {
        DiagnosisInput { jurisdiction: d.jurisdiction.clone(), fiscal_year: d.fiscal_year.start_year().to_string() }
    }
}

/// A listed 地域診断: its record and its parsed body.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagnosisEntry {
    pub record: StoredRecord,
    pub diagnosis: CommunityDiagnosis,
}

/// Reads stored 地域診断 records, skipping trashed ones, sorted by 地区名 then newest 年度
/// first. Records that cannot be read are returned separately so the UI can say so.
pub fn list_diagnoses(records: &[StoredRecord]) -> (Vec<DiagnosisEntry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut unreadable = Vec::new();
    // The 事業実績 container is a 地域診断 record only to hold them; it is not on the list.
    for r in records.iter().filter(|r| !r.is_deleted() && !crate::domain::results::is_container(&r.meta.id)) {
        match r.body_as::<CommunityDiagnosis>() {
            Ok(diagnosis) => entries.push(DiagnosisEntry { record: r.clone(), diagnosis }),
            Err(e) => unreadable.push(format!("{}: {e}", r.meta.id)),
        }
    }
    entries.sort_by(|a, b| {
        a.diagnosis
            .jurisdiction
            .cmp(&b.diagnosis.jurisdiction)
            .then(b.diagnosis.fiscal_year.cmp(&a.diagnosis.fiscal_year))
    });
    (entries, unreadable)
}

/// The 地域診断 already on the list with the same 地区名 (spaces and widths aside) and 年度:
/// a second one would split the same area's records in two, so it is refused and the nurse is
/// offered the existing one.
/// `except`: the 地域診断 being renamed (it may keep its own name).
pub fn same_diagnosis<'a>(
    entries: &'a [DiagnosisEntry],
    new: &CommunityDiagnosis,
    except: Option<&RecordId>,
) -> Option<&'a DiagnosisEntry> {
    let key = |d: &CommunityDiagnosis| {
        let name: String = crate::domain::forms::input::fold_width(&d.jurisdiction).split_whitespace().collect();
        (name, d.fiscal_year)
    };
    let wanted = key(new);
    entries.iter().filter(|e| Some(&e.record.meta.id) != except).find(|e| key(&e.diagnosis) == wanted)
}

/// The finding (on 地区名) when a 地域診断 would take the 地区名 and 年度 of another.
pub fn duplicate_issue(existing: &DiagnosisEntry) -> Issues {
    let mut issues = Issues::new();
    issues.error(
        "jurisdiction",
        "地区名",
        format!("「{}」はすでにあります（同じ地区名・年度の地域診断は1つだけにします）", existing.diagnosis.title()),
    );
    issues
}

/// The 地域診断 of the same 地区名 for the previous 年度, if there is one (for year-on-year
/// comparison).
pub fn previous_year<'a>(entries: &'a [DiagnosisEntry], current: &CommunityDiagnosis) -> Option<&'a DiagnosisEntry> {
    let prev = current.fiscal_year.previous().ok()?;
    entries.iter().find(|e| e.diagnosis.jurisdiction == current.jurisdiction && e.diagnosis.fiscal_year == prev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{DeviceId, RecordId};
    use crate::domain::time::Timestamp;

    fn input(j: &str, y: &str) -> DiagnosisInput {
        DiagnosisInput { jurisdiction: j.into(), fiscal_year: y.into() }
    }

    #[test]
    fn parses_a_good_form() {
        let d = input(" 多摩府中保健所管内 ", "令和7年度").parse().expect("valid");
        assert_eq!(d.jurisdiction, "多摩府中保健所管内");
        assert_eq!(d.fiscal_year.start_year(), 2025);
        assert_eq!(d.title(), "多摩府中保健所管内 令和7年度（2025年度）");
    }

    #[test]
    fn names_each_bad_field() {
        let issues = input("", "abc").parse().expect_err("invalid");
        let fields: Vec<&str> = issues.errors().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, vec!["jurisdiction", "fiscal_year"]);
        let issues = input("A地区", "").parse().expect_err("invalid");
        assert_eq!(issues.errors().next().map(|i| i.message.clone()), Some("年度を入力してください".into()));
        let issues = input(&"長".repeat(61), "2025").parse().expect_err("invalid");
        assert_eq!(issues.errors().next().map(|i| i.label.clone()), Some("地区名".into()));
        assert!(input("A\n地区", "2025").parse().is_err());
    }

    #[test]
    fn lists_sorted_and_finds_previous_year() {
        let dev = DeviceId::parse("d").expect("id");
        let mk = |id: &str, j: &str, y: i32| {
            let body = CommunityDiagnosis { jurisdiction: j.into(), fiscal_year: FiscalYear::new(y).expect("year") };
            let rid = RecordId::parse(id).expect("id");
            StoredRecord::create(rid.clone(), rid, &body, Timestamp(0), &dev).expect("creates")
        };
        let mut trashed = mk("x", "A地区", 2020);
        trashed.meta.deleted_at = Some(Timestamp(1));
        let (entries, bad) =
            list_diagnoses(&[mk("1", "B地区", 2024), mk("2", "A地区", 2024), mk("3", "A地区", 2025), trashed]);
        assert!(bad.is_empty());
        let ids: Vec<&str> = entries.iter().map(|e| e.record.meta.id.as_str()).collect();
        assert_eq!(ids, vec!["3", "2", "1"]);
        let prev = previous_year(&entries, &entries[0].diagnosis).map(|e| e.record.meta.id.as_str());
        assert_eq!(prev, Some("2"));
        assert!(previous_year(&entries, &entries[1].diagnosis).is_none());
    }

    /// Issue 16 (6): the same 地区名 and 年度 twice was created silently.
    #[test]
    fn the_same_area_and_year_is_found() {
        let dev = DeviceId::parse("d").expect("id");
        let body = |j: &str, y: i32| CommunityDiagnosis {
            jurisdiction: j.into(),
            fiscal_year: FiscalYear::new(y).expect("year"),
        };
        let rid = RecordId::parse("a").expect("id");
        let saved = StoredRecord::create(rid.clone(), rid, &body("多摩府中保健所管内", 2025), Timestamp(0), &dev)
            .expect("creates");
        let (entries, _) = list_diagnoses(&[saved]);
        let found = same_diagnosis(&entries, &body("多摩府中 保健所管内", 2025), None);
        assert_eq!(found.map(|e| e.record.meta.id.as_str()), Some("a"), "spaces aside");
        assert!(same_diagnosis(&entries, &body("多摩府中保健所管内", 2024), None).is_none(), "another year");
        assert!(same_diagnosis(&entries, &body("南多摩保健所管内", 2025), None).is_none(), "another area");
        // Renaming 「a」 to its own name is not a duplicate.
        let a = RecordId::parse("a").expect("id");
        assert!(same_diagnosis(&entries, &body("多摩府中保健所管内", 2025), Some(&a)).is_none());
        let issue = duplicate_issue(&entries[0]);
        assert_eq!(issue.errors().next().map(|i| i.field.as_str()), Some("jurisdiction"));
    }
}
