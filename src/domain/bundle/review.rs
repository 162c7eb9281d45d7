//! 取り込む内容の確認: everything the import review shows, made in one piece where the file
//! was checked and planned (the I/O worker) and sent to the page, which only renders it.
//!
//! The page never holds the file, the plan or the device's records: it asks for a review
//! (with the list filter and 氏名・住所を隠す it shows), keeps the nurse's choices for the
//! conflicting fields, and sends them back to be applied.

use super::dataio::{
    conflict_rows, file_facts, plan_rows, plan_verdict, resolution_text, summary_lines, ConflictRow, PlanFilter,
    PlanRow, SummaryLine,
};
use super::merge::{Choice, ImportPlan, Resolutions};
use super::ParsedBundle;
use crate::domain::ids::{DeviceId, RecordId};
use serde::{Deserialize, Serialize};

/// Most rows of the plan list sent at once.
pub const REVIEW_ROW_LIMIT: usize = 300;

/// What the import review shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportReview {
    /// The file's name as chosen.
    pub file_name: String,
    /// 作成日時, 作成した端末, 範囲, … (日本語).
    pub facts: Vec<String>,
    /// Warnings of the check and notes of the plan.
    pub warnings: Vec<String>,
    /// Counts per outcome.
    pub summary: Vec<SummaryLine>,
    /// What confirming would do.
    pub verdict: String,
    /// Whether confirming would write anything.
    pub has_changes: bool,
    /// The rows the chosen filter shows (at most [`REVIEW_ROW_LIMIT`]) and how many more.
    pub rows: Vec<PlanRow>,
    pub more_rows: usize,
    /// Every conflicting field.
    pub conflicts: Vec<ConflictRow>,
    /// Set when the plan was made again because another tab saved records meanwhile (how
    /// many of those the import would have written: nothing was written).
    pub replanned: Option<usize>,
    /// The 地域診断 of the file (ID, title), to open once imported.
    pub diagnoses: Vec<(RecordId, String)>,
}

/// How the review is asked for: the list filter and 氏名・住所を隠す.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    /// A [`PlanFilter::CHOICES`] value.
    pub filter: String,
    pub hide_names: bool,
}

impl ImportReview {
    /// The review of `plan` for `parsed`, seen on device `me`.
    pub fn make(
        parsed: &ParsedBundle,
        plan: &ImportPlan,
        file_name: &str,
        me: &DeviceId,
        view: &ReviewView,
        replanned: Option<usize>,
    ) -> ImportReview {
        let (rows, more_rows) =
            plan_rows(plan, &parsed.bundle, view.hide_names, PlanFilter::from_value(&view.filter), REVIEW_ROW_LIMIT);
        ImportReview {
            file_name: file_name.to_string(),
            facts: file_facts(parsed, file_name, me),
            warnings: parsed.warnings.iter().chain(&plan.notes).cloned().collect(),
            summary: summary_lines(plan),
            verdict: plan_verdict(plan),
            has_changes: plan.has_changes(),
            rows,
            more_rows,
            conflicts: conflict_rows(plan, &parsed.bundle, me, view.hide_names),
            replanned,
            diagnoses: parsed.bundle.diagnoses.iter().map(|d| (d.meta.id.clone(), super::merge::title(d))).collect(),
        }
    }

    /// The same choice for every conflicting field.
    pub fn choose_all(&self, choice: Choice) -> Resolutions {
        let mut r = Resolutions::new();
        for c in &self.conflicts {
            r.choose(&c.record_id, &c.path, choice);
        }
        r
    }

    /// `競合 3項目のうち2項目を選びました。…` for the nurse's choices so far.
    pub fn resolution_summary(&self, chosen: &Resolutions) -> String {
        let open = self.conflicts.iter().filter(|c| chosen.get(&c.record_id, &c.path).is_none()).count();
        resolution_text(self.conflicts.len(), open)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundle::dataio::resolution_summary;
    use crate::domain::bundle::{plan_import, Bundle, ExportScope, BUNDLE_FORMAT};
    use crate::domain::ids::test_ids::{dev, rid};
    use crate::domain::patient::{Adl, Patient};
    use crate::domain::record::StoredRecord;
    use crate::domain::time::Timestamp;

    fn patient(i: &str, name: &str, at: i64, device: &str, adl: Option<Adl>) -> StoredRecord {
        let p = Patient { name: name.into(), id_number: format!("H-{i}"), adl, ..Patient::default() };
        StoredRecord::create(rid(i), rid("d1"), &p, Timestamp(at), &dev(device)).expect("creates")
    }

    fn edited(r: &StoredRecord, at: i64, device: &str, f: impl FnOnce(&mut Patient)) -> StoredRecord {
        let mut p: Patient = r.body_as().expect("patient");
        f(&mut p);
        r.edited(&p, Timestamp(at), &dev(device)).expect("ok").expect("changed")
    }

    fn parsed(records: Vec<StoredRecord>) -> ParsedBundle {
        let bundle = Bundle {
            format: BUNDLE_FORMAT.into(),
            version: 1,
            exported_at: Timestamp(0),
            app_version: "t".into(),
            device: dev("pc-b"),
            scope: ExportScope::All,
            anonymised: false,
            diagnoses: Vec::new(),
            records,
            history: Vec::new(),
        };
        ParsedBundle { bundle, migrated_from: None, warnings: vec!["注意".into()] }
    }

    /// Two conflicting fields (氏名 and ADL of p1) and one new patient.
    fn case() -> (Vec<StoredRecord>, ParsedBundle) {
        let base = patient("p1", "山田 太郎", 10, "pc-a", None);
        let ours = edited(&base, 20, "pc-a", |p| {
            p.name = "山田 太朗".into();
            p.adl = Some(Adl::Independent);
        });
        let theirs = edited(&base, 30, "pc-b", |p| {
            p.name = "山田 多郎".into();
            p.adl = Some(Adl::FullAssist);
        });
        (vec![ours], parsed(vec![theirs, patient("p2", "鈴木 花子", 40, "pc-b", None)]))
    }

    #[test]
    fn the_review_carries_what_the_page_showed_from_the_plan() {
        let (device, file) = case();
        let plan = plan_import(&device, &file.bundle);
        let view = ReviewView { filter: "changes".into(), hide_names: false };
        let review = ImportReview::make(&file, &plan, "a.nanbyo.json", &dev("pc-a"), &view, None);
        assert_eq!(review.rows.len(), 2);
        assert_eq!(review.more_rows, 0);
        assert_eq!(review.conflicts.len(), 2);
        assert_eq!(review.warnings, vec!["注意".to_string()]);
        let counts: Vec<(&str, usize)> = review.summary.iter().map(|l| (l.key.as_str(), l.count)).collect();
        assert_eq!(counts[0], ("new", 1));
        assert_eq!(counts[5], ("conflict", 1));
        assert!(review.has_changes);
        assert_eq!(review.verdict, plan_verdict(&plan));

        // Only the conflicts, names hidden.
        let hidden = ReviewView { filter: "conflict".into(), hide_names: true };
        let review = ImportReview::make(&file, &plan, "a.nanbyo.json", &dev("pc-a"), &hidden, Some(3));
        assert_eq!(review.rows.len(), 1);
        assert_eq!(review.rows[0].title, "H-p1");
        assert!(review.conflicts.iter().any(|c| c.ours == "（氏名・住所を隠しています）"));
        assert_eq!(review.replanned, Some(3));
    }

    #[test]
    fn choices_counted_on_the_page_agree_with_the_plan() {
        let (device, file) = case();
        let plan = plan_import(&device, &file.bundle);
        let view = ReviewView { filter: "all".into(), hide_names: false };
        let review = ImportReview::make(&file, &plan, "a", &dev("pc-a"), &view, None);
        let mut chosen = Resolutions::new();
        assert_eq!(review.resolution_summary(&chosen), resolution_summary(&plan, &chosen));
        assert!(review.resolution_summary(&chosen).starts_with("競合 2項目のうち0項目を選びました。"));
        chosen.choose(&rid("p1"), "name", Choice::Theirs);
        assert_eq!(review.resolution_summary(&chosen), resolution_summary(&plan, &chosen));
        assert_eq!(review.choose_all(Choice::Ours), Resolutions::all(&plan, Choice::Ours));
        assert_eq!(review.resolution_summary(&review.choose_all(Choice::Theirs)), "競合 2項目をすべて選びました。");
    }

    #[test]
    fn a_review_and_choices_survive_the_message_to_the_page() {
        let (device, file) = case();
        let plan = plan_import(&device, &file.bundle);
        let view = ReviewView { filter: "all".into(), hide_names: false };
        let review = ImportReview::make(&file, &plan, "a", &dev("pc-a"), &view, None);
        let text = serde_json::to_string(&review).expect("serialises");
        assert_eq!(serde_json::from_str::<ImportReview>(&text).expect("reads"), review);
        let chosen = review.choose_all(Choice::Theirs);
        assert_eq!(Resolutions::from_entries(chosen.entries()), chosen);
    }
}
