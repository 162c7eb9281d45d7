//! 様式2 の画面: what the 様式2 page shows and writes, so the page only renders and binds.
//!
//! * [`Sheet`]: the rows of one 地域診断 in the paper form's order — the saved rows, or the
//!   standard rows as 未入力 while nothing is saved yet (the records are created on the
//!   first save, so creating a 地域診断 writes nothing for 様式2) — plus the ゴミ箱 and the
//!   standard rows that can be added back.
//! * [`QuickEdits`]: the 一括入力 of 実施 and 実施件数 in the table, held as edits over the
//!   saved rows (text as typed), parsed row by row through [`ProgrammeForm`].
//! * [`previous_row`]: last year's row beside this year's.
//! * [`print_rows`]: the printed 様式2 (A4 landscape, laid out like the paper form).
//! * Form values of the choices (実施, 設置単位, 運営方法) for radio buttons and selects.

use super::form::fields;
use super::{
    implemented_label, list_programmes, missing_standard_programmes, row_cells, CenterOperation, CouncilUnit,
    Programme, ProgrammeEntry, ProgrammeForm, ProgrammeKind, StandardProgramme,
};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::issues::{Issue, Issues};
use crate::domain::record::{RecordError, RecordKind, StoredRecord};
use crate::domain::records::RecordSet;
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Prefix of the row key of a standard row that is not saved yet (`std-regional_council`).
pub const UNSAVED_ROW_PREFIX: &str = "std-";

/// The route item of the form for a new 独自事業.
pub const NEW_ROW_KEY: &str = "new";

/// 様式2 の行: one row as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRow {
    /// 行のキー: the record ID, or `std-<key>` for a standard row not saved yet. Used in the
    /// page's address (`#/d/<id>/programmes/<key>`) and as the key of 一括入力 edits.
    pub key: String,
    /// 記録 (`None` = not saved yet; it is created on the first save).
    pub record: Option<StoredRecord>,
    /// 事業.
    pub programme: Programme,
}

impl SheetRow {
    /// Saved (has a record)? Only saved rows can be deleted.
    pub fn is_saved(&self) -> bool {
        self.record.is_some()
    }
}

/// 様式2 of one 地域診断 as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// 地域診断.
    pub diagnosis_id: RecordId,
    /// 事業の行: 標準事業 in the paper form's order, then 独自事業 in the order they were added.
    pub rows: Vec<SheetRow>,
    /// 未保存の標準行: the 地域診断 has no programme record at all (not even in the trash), so
    /// the rows are the standard ones as 未入力; the first save creates all of them.
    pub unsaved_defaults: bool,
    /// ゴミ箱: deleted rows, most recently deleted first.
    pub trashed: Vec<ProgrammeEntry>,
    /// 標準事業 missing from the list and not in the trash (e.g. the trash was emptied), which
    /// the nurse can add back as a fresh row.
    pub to_add: Vec<StandardProgramme>,
    /// Records that could not be read (`ID: reason`); they are never dropped from storage.
    pub unreadable: Vec<String>,
}

fn create_row(
    diagnosis_id: &RecordId,
    programme: &Programme,
    new_id: &mut impl FnMut() -> RecordId,
    now: Timestamp,
    device: &DeviceId,
) -> Result<StoredRecord, RecordError> {
    StoredRecord::create(new_id(), diagnosis_id.clone(), programme, now, device)
}

impl Sheet {
    /// Reads the rows of `diagnosis_id` from its records (other kinds and other 地域診断 are
    /// ignored).
    pub fn new(records: &[StoredRecord], diagnosis_id: &RecordId) -> Sheet {
        let set = RecordSet::new(records, diagnosis_id);
        let any_record = set.of_kind(RecordKind::Programme).next().is_some();
        let (entries, mut unreadable) = list_programmes(records, diagnosis_id);
        let mut trashed = Vec::new();
        for r in set.trashed(RecordKind::Programme) {
            match r.body_as::<Programme>() {
                Ok(programme) => trashed.push(ProgrammeEntry { record: r.clone(), programme }),
                Err(e) => unreadable.push(format!("{}: {e}", r.meta.id)),
            }
        }
        trashed.sort_by(|a, b| {
            b.record.meta.deleted_at.cmp(&a.record.meta.deleted_at).then(a.record.meta.id.cmp(&b.record.meta.id))
        });
        if !any_record {
            let rows = StandardProgramme::ALL
                .into_iter()
                .map(|key| SheetRow {
                    key: format!("{UNSAVED_ROW_PREFIX}{}", key.key()),
                    record: None,
                    programme: Programme::standard(key),
                })
                .collect();
            return Sheet {
                diagnosis_id: diagnosis_id.clone(),
                rows,
                unsaved_defaults: true,
                trashed,
                to_add: Vec::new(),
                unreadable,
            };
        }
        let to_add = missing_standard_programmes(&entries)
            .into_iter()
            .filter(|key| !trashed.iter().any(|t| t.programme.programme.standard() == Some(*key)))
            .collect();
        let rows = entries
            .into_iter()
            .map(|e| SheetRow { key: e.record.meta.id.to_string(), record: Some(e.record), programme: e.programme })
            .collect();
        Sheet { diagnosis_id: diagnosis_id.clone(), rows, unsaved_defaults: false, trashed, to_add, unreadable }
    }

    /// The row with this key. A `std-<key>` key (an address kept from before the first save)
    /// finds the saved row of that standard programme.
    pub fn find(&self, key: &str) -> Option<&SheetRow> {
        self.rows.iter().find(|r| r.key == key).or_else(|| {
            let standard = StandardProgramme::from_key(key.strip_prefix(UNSAVED_ROW_PREFIX)?)?;
            self.rows.iter().find(|r| r.programme.programme.standard() == Some(standard))
        })
    }

    /// The standard rows not saved yet, as new records (with `changes` applied to them).
    fn unsaved_records(
        &self,
        changes: &[(String, Programme)],
        new_id: &mut impl FnMut() -> RecordId,
        now: Timestamp,
        device: &DeviceId,
    ) -> Result<Vec<StoredRecord>, RecordError> {
        self.rows
            .iter()
            .filter(|row| row.record.is_none())
            .map(|row| {
                let body = changes.iter().find(|(k, _)| k == &row.key).map_or(&row.programme, |(_, p)| p);
                create_row(&self.diagnosis_id, body, new_id, now, device)
            })
            .collect()
    }

    /// The records a save of edited rows writes: each changed saved row as its next revision
    /// (unchanged ones are left out), and — while the standard rows are not saved yet — every
    /// standard row as a new record, so the first save creates them all. Keys not on the
    /// sheet (a row deleted meanwhile) are ignored. Empty when there is nothing to write.
    pub fn save_rows(
        &self,
        changes: &[(String, Programme)],
        mut new_id: impl FnMut() -> RecordId,
        now: Timestamp,
        device: &DeviceId,
    ) -> Result<Vec<StoredRecord>, RecordError> {
        let mut out = Vec::new();
        for (key, programme) in changes {
            let Some(record) = self.rows.iter().find(|r| &r.key == key).and_then(|r| r.record.as_ref()) else {
                continue;
            };
            if let Some(next) = record.edited(programme, now, device)? {
                out.push(next);
            }
        }
        let touches_unsaved = changes.iter().any(|(k, _)| self.rows.iter().any(|r| &r.key == k && r.record.is_none()));
        if self.unsaved_defaults && touches_unsaved {
            out.extend(self.unsaved_records(changes, &mut new_id, now, device)?);
        }
        Ok(out)
    }

    /// The records a new row writes (a 独自事業, or a standard row added back): the new
    /// record, plus every standard row while they are not saved yet.
    pub fn add_row(
        &self,
        programme: &Programme,
        mut new_id: impl FnMut() -> RecordId,
        now: Timestamp,
        device: &DeviceId,
    ) -> Result<Vec<StoredRecord>, RecordError> {
        let mut out =
            if self.unsaved_defaults { self.unsaved_records(&[], &mut new_id, now, device)? } else { Vec::new() };
        out.push(create_row(&self.diagnosis_id, programme, &mut new_id, now, device)?);
        Ok(out)
    }
}

/// ゴミ箱へ: the record marked deleted (`deleted_at`), as a new revision.
pub fn trash_record(record: &StoredRecord, now: Timestamp, device: &DeviceId) -> StoredRecord {
    let mut next = record.clone();
    next.meta.deleted_at = Some(now);
    next.touch(now, device);
    next
}

/// 元に戻す: the record taken out of the trash, as a new revision.
pub fn restore_record(record: &StoredRecord, now: Timestamp, device: &DeviceId) -> StoredRecord {
    let mut next = record.clone();
    next.meta.deleted_at = None;
    next.touch(now, device);
    next
}

/// 前年度の行: last year's row for a row of this year — the row it was copied from
/// (`meta.predecessor`), else the same standard programme, else the 独自事業 of the same
/// name. `previous` is last year's list from [`list_programmes`].
pub fn previous_row<'a>(previous: &'a [ProgrammeEntry], row: &SheetRow) -> Option<&'a ProgrammeEntry> {
    if let Some(id) = row.record.as_ref().and_then(|r| r.meta.predecessor.as_ref()) {
        if let Some(e) = previous.iter().find(|e| &e.record.meta.id == id) {
            return Some(e);
        }
    }
    match &row.programme.programme {
        ProgrammeKind::Standard { key } => previous.iter().find(|e| e.programme.programme.standard() == Some(*key)),
        ProgrammeKind::Own { name } => {
            let name = name.trim();
            if name.is_empty() {
                return None;
            }
            previous
                .iter()
                .find(|e| matches!(&e.programme.programme, ProgrammeKind::Own { name: n } if n.trim() == name))
        }
    }
}

/// A count for display: `3件`, `0件`, or `未入力` (blank is never shown as 0).
pub fn count_display(value: Option<u64>) -> String {
    value.map_or_else(|| "未入力".to_string(), |n| format!("{n}件"))
}

/// 一括入力の1行: 実施 and the two 実施件数 as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuickRow {
    /// 実施 1 有 / 0 無 / 未入力.
    pub implemented: Option<bool>,
    /// 実施件数 (1) 管轄地域, as typed.
    pub count_local: String,
    /// 実施件数 (2) 都道府県全体, as typed.
    pub count_prefecture: String,
}

impl QuickRow {
    /// The saved values of a row, as the table shows them (blank = 未入力).
    pub fn of(p: &Programme) -> QuickRow {
        let form = ProgrammeForm::from_record(p);
        QuickRow {
            implemented: form.implemented,
            count_local: form.count_local,
            count_prefecture: form.count_prefecture,
        }
    }
}

/// A column of the 一括入力 table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuickField {
    /// 実施
    Implemented,
    /// 実施件数 (1) 管轄地域
    CountLocal,
    /// 実施件数 (2) 都道府県全体
    CountPrefecture,
}

impl QuickField {
    /// The field key of the detail form (also the input's `name` in the table).
    pub fn key(self) -> &'static str {
        match self {
            QuickField::Implemented => fields::IMPLEMENTED,
            QuickField::CountLocal => fields::COUNT_LOCAL,
            QuickField::CountPrefecture => fields::COUNT_PREFECTURE,
        }
    }
}

/// The issue key of one cell of the 一括入力 table: `<row key>/<field>`.
pub fn quick_field_key(row_key: &str, field: &str) -> String {
    format!("{row_key}/{field}")
}

/// 一括入力: 実施 and 実施件数 typed in the table, kept as edits over the saved rows (row key →
/// the row as typed). A row typed back to its saved values is no edit. Rows saved meanwhile
/// by another form or tab show their new values unless the nurse is editing them here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuickEdits {
    /// 行のキー → 入力中の値.
    pub rows: BTreeMap<String, QuickRow>,
}

impl QuickEdits {
    /// The other key an edit of this row may be kept under: a standard row saved since the
    /// edit was typed (e.g. a draft restored after the first save) was `std-<key>` then.
    fn alias(row: &SheetRow) -> Option<String> {
        let key = row.programme.programme.standard()?;
        let alias = format!("{UNSAVED_ROW_PREFIX}{}", key.key());
        (alias != row.key).then_some(alias)
    }

    fn edit(&self, row: &SheetRow) -> Option<&QuickRow> {
        self.rows.get(&row.key).or_else(|| Self::alias(row).and_then(|a| self.rows.get(&a)))
    }

    /// What the table shows for a row: the edit, or the saved values.
    pub fn row(&self, row: &SheetRow) -> QuickRow {
        self.edit(row).cloned().unwrap_or_else(|| QuickRow::of(&row.programme))
    }

    /// Changes a row (from an input handler); typing back the saved values removes the edit.
    pub fn set(&mut self, row: &SheetRow, change: impl FnOnce(&mut QuickRow)) {
        let mut q = self.row(row);
        change(&mut q);
        if let Some(alias) = Self::alias(row) {
            self.rows.remove(&alias);
        }
        if q == QuickRow::of(&row.programme) {
            self.rows.remove(&row.key);
        } else {
            self.rows.insert(row.key.clone(), q);
        }
    }

    /// Sets one text column of a row.
    pub fn set_text(&mut self, row: &SheetRow, field: QuickField, text: String) {
        self.set(row, |q| match field {
            QuickField::CountLocal => q.count_local = text,
            QuickField::CountPrefecture => q.count_prefecture = text,
            QuickField::Implemented => q.implemented = implemented_from_value(&text),
        });
    }

    /// Parses the edited rows (in the sheet's order) through the detail form's rules, so a
    /// value saved here is exactly what the form would save. Each finding's field becomes
    /// [`quick_field_key`] of its row; its label names the programme and the column, e.g.
    /// `医療相談事業 実施件数（管轄地域）`. `Ok((changes, warnings))` for [`Sheet::save_rows`];
    /// `Err(issues)` when an error blocks saving. Edits of rows no longer on the sheet are
    /// ignored.
    pub fn parse(&self, sheet: &Sheet, fiscal_year: FiscalYear) -> Result<(Vec<(String, Programme)>, Issues), Issues> {
        let mut changes = Vec::new();
        let mut issues = Issues::new();
        for row in &sheet.rows {
            let Some(q) = self.edit(row) else { continue };
            let mut form = ProgrammeForm::from_record(&row.programme);
            form.implemented = q.implemented;
            form.count_local = q.count_local.clone();
            form.count_prefecture = q.count_prefecture.clone();
            let found = match form.parse(fiscal_year) {
                Ok((p, warnings)) => {
                    changes.push((row.key.clone(), p));
                    warnings
                }
                Err(errors) => errors,
            };
            issues.0.extend(found.0.into_iter().map(|i| Issue { field: quick_field_key(&row.key, &i.field), ..i }));
        }
        if issues.has_errors() {
            Err(issues)
        } else {
            Ok((changes, issues))
        }
    }

    /// The findings only (shown while the nurse types).
    pub fn issues(&self, sheet: &Sheet, fiscal_year: FiscalYear) -> Issues {
        match self.parse(sheet, fiscal_year) {
            Ok((_, issues)) | Err(issues) => issues,
        }
    }
}

/// 実施 as a form value: `"1"` 有, `"0"` 無, `""` 未入力.
pub fn implemented_value(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "1",
        Some(false) => "0",
        None => "",
    }
}

/// 実施 from a form value (anything else than `1`/`0` is 未入力).
pub fn implemented_from_value(value: &str) -> Option<bool> {
    match value {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

/// 実施 choices as (form value, label): 未入力, 1 有, 0 無.
pub fn implemented_options() -> Vec<(&'static str, &'static str)> {
    [None, Some(true), Some(false)].into_iter().map(|v| (implemented_value(v), implemented_label(v))).collect()
}

/// 関連する会議 choices as (form value, label): 未入力, あり, なし.
pub fn related_meeting_options() -> Vec<(&'static str, &'static str)> {
    super::RELATED_MEETING_CHOICES.iter().map(|(v, label)| (implemented_value(*v), *label)).collect()
}

/// 設置単位 as a form value (`""` = 未入力).
pub fn council_unit_value(unit: Option<CouncilUnit>) -> &'static str {
    match unit {
        Some(CouncilUnit::Prefecture) => "prefecture",
        Some(CouncilUnit::HealthCenter) => "health_center",
        Some(CouncilUnit::Other) => "other",
        None => "",
    }
}

/// 設置単位 from a form value.
pub fn council_unit_from_value(value: &str) -> Option<CouncilUnit> {
    CouncilUnit::ALL.into_iter().find(|u| council_unit_value(Some(*u)) == value)
}

/// 設置単位 choices as (form value, label): 未入力, 都道府県全体, 保健所単位, その他.
pub fn council_unit_options() -> Vec<(&'static str, &'static str)> {
    std::iter::once(("", "未入力"))
        .chain(CouncilUnit::ALL.into_iter().map(|u| (council_unit_value(Some(u)), u.label())))
        .collect()
}

/// 運営方法 as a form value (`""` = 未入力).
pub fn center_operation_value(operation: Option<CenterOperation>) -> &'static str {
    match operation {
        Some(CenterOperation::Direct) => "direct",
        Some(CenterOperation::Contracted) => "contracted",
        None => "",
    }
}

/// 運営方法 from a form value.
pub fn center_operation_from_value(value: &str) -> Option<CenterOperation> {
    CenterOperation::ALL.into_iter().find(|o| center_operation_value(Some(*o)) == value)
}

/// 運営方法 choices as (form value, label): 未入力, 直営, 委託.
pub fn center_operation_options() -> Vec<(&'static str, &'static str)> {
    std::iter::once(("", "未入力"))
        .chain(CenterOperation::ALL.into_iter().map(|o| (center_operation_value(Some(o)), o.label())))
        .collect()
}

/// The extra lines of the 協議会 and センター rows (`【初回】平成28年度`, …), only those
/// filled, for the table and the print.
pub fn detail_lines(p: &Programme, fiscal_year: FiscalYear) -> Vec<String> {
    let cells = row_cells(p);
    let cell = |i: usize| cells.get(i).map(|c| c.trim().to_string()).unwrap_or_default();
    let mut lines = Vec::new();
    let mut push = |label: String, value: String| {
        if !value.is_empty() {
            lines.push(format!("【{label}】{value}"));
        }
    };
    if p.council.is_some() {
        push("なしの場合 関連する会議".to_string(), cell(9));
        push("初回".to_string(), cell(10));
        let meetings = cell(11);
        let meetings = if meetings.is_empty() { meetings } else { format!("{meetings}回/年") };
        push(format!("{}開催", fiscal_year.wareki()), meetings);
        push("設置単位".to_string(), cell(12));
        push("議題及び実施状況等".to_string(), cell(13));
    }
    if let Some(center) = &p.center {
        let operation = match (center.operation, center.contractor.trim()) {
            (Some(CenterOperation::Contracted), contractor) if !contractor.is_empty() => {
                format!("委託（委託先: {contractor}）")
            }
            _ => cell(14),
        };
        push("運営方法".to_string(), operation);
        push("実施事業".to_string(), cell(16));
    }
    lines
}

/// 印刷の1行: one row of the printed 様式2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintRow {
    /// 区分 (難病患者地域支援対策推進事業, 独自事業, or blank).
    pub group: String,
    /// 事業名〔実施主体〕.
    pub title: String,
    /// 実施: `1 有`, `0 無`, or blank (未入力).
    pub implemented: String,
    /// 実施件数 (1) 管轄地域: the number, or blank (未入力).
    pub count_local: String,
    /// 実施件数 (2) 都道府県全体: the number, or blank (未入力).
    pub count_prefecture: String,
    /// 事業の概要.
    pub summary: String,
    /// The 協議会 / センター lines ([`detail_lines`]).
    pub details: Vec<String>,
    /// 成果.
    pub outcome: String,
    /// 課題.
    pub challenge: String,
}

/// The printed 様式2: one row per row of the sheet, in its order.
pub fn print_rows(sheet: &Sheet, fiscal_year: FiscalYear) -> Vec<PrintRow> {
    sheet
        .rows
        .iter()
        .map(|row| {
            let p = &row.programme;
            PrintRow {
                group: p.programme.group().to_string(),
                title: p.title(),
                implemented: p.implemented.map(|v| implemented_label(Some(v)).to_string()).unwrap_or_default(),
                count_local: p.count_local.map(|n| n.to_string()).unwrap_or_default(),
                count_prefecture: p.count_prefecture.map(|n| n.to_string()).unwrap_or_default(),
                summary: p.summary.clone(),
                details: detail_lines(p, fiscal_year),
                outcome: p.outcome.clone(),
                challenge: p.challenge.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{default_programmes, CenterActivity, Council};
    use super::*;
    use crate::domain::issues::Severity;

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
    fn saved(d: &RecordId) -> Vec<StoredRecord> {
        default_programmes(d, ids("p"), Timestamp(1000), &dev()).expect("creates")
    }
    fn key_of(sheet: &Sheet, standard: StandardProgramme) -> String {
        sheet.rows.iter().find(|r| r.programme.programme.standard() == Some(standard)).expect("row").key.clone()
    }

    #[test]
    fn an_empty_diagnosis_shows_the_standard_rows_unsaved() {
        let d = rid("d1");
        // Records of another 地域診断 and of another kind do not count.
        let other = saved(&rid("d2"));
        let sheet = Sheet::new(&other, &d);
        assert!(sheet.unsaved_defaults);
        assert_eq!(sheet.rows.len(), 9);
        assert!(sheet.rows.iter().all(|r| !r.is_saved()));
        assert_eq!(sheet.rows[0].key, "std-temporary_admission");
        assert_eq!(sheet.rows[5].key, "std-regional_council");
        assert_eq!(sheet.rows[5].programme, Programme::standard(StandardProgramme::RegionalCouncil));
        assert!(sheet.to_add.is_empty() && sheet.trashed.is_empty() && sheet.unreadable.is_empty());
        assert_eq!(sheet.find("std-support_center").map(|r| r.programme.name()), Some("難病相談支援センター事業"));
        assert!(sheet.find("nope").is_none());
        assert!(sheet.find("std-nope").is_none());
    }

    #[test]
    fn the_first_save_creates_every_standard_row_with_the_edit() {
        let d = rid("d1");
        let sheet = Sheet::new(&[], &d);
        let mut edited = Programme::standard(StandardProgramme::MedicalConsultation);
        edited.count_local = Some(4);
        let records = sheet
            .save_rows(&[("std-medical_consultation".to_string(), edited.clone())], ids("n"), Timestamp(5), &dev())
            .expect("saves");
        assert_eq!(records.len(), 9);
        assert!(records.iter().all(|r| r.meta.diagnosis_id == d && r.meta.rev == 1));
        let bodies: Vec<Programme> = records.iter().map(|r| r.body_as().expect("reads")).collect();
        assert_eq!(bodies[3], edited);
        assert_eq!(bodies[0], Programme::standard(StandardProgramme::TemporaryAdmission));
        // Saved: the sheet now lists the records, and the old address still finds the row.
        let after = Sheet::new(&records, &d);
        assert!(!after.unsaved_defaults);
        assert!(after.rows.iter().all(SheetRow::is_saved));
        assert_eq!(after.find("std-medical_consultation").and_then(|r| r.programme.count_local), Some(4));
        assert_eq!(after.find("n4").map(|r| r.programme.name()), Some("医療相談事業"));
        // Nothing to write when nothing changed.
        assert!(after.save_rows(&[], ids("x"), Timestamp(6), &dev()).expect("ok").is_empty());
        assert!(sheet.save_rows(&[], ids("x"), Timestamp(6), &dev()).expect("ok").is_empty());
    }

    #[test]
    fn saving_edits_writes_only_changed_rows_as_new_revisions() {
        let d = rid("d1");
        let records = saved(&d);
        let sheet = Sheet::new(&records, &d);
        let key = key_of(&sheet, StandardProgramme::SupportPlan);
        let mut p = sheet.find(&key).expect("row").programme.clone();
        let unchanged = sheet.rows[0].programme.clone();
        p.outcome = "計画策定 12件".into();
        let out = sheet
            .save_rows(
                &[(key.clone(), p.clone()), (sheet.rows[0].key.clone(), unchanged), ("gone".into(), p.clone())],
                ids("x"),
                Timestamp(7),
                &dev(),
            )
            .expect("saves");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].meta.id.as_str(), key);
        assert_eq!(out[0].meta.rev, 2);
        assert_eq!(out[0].body_as::<Programme>().expect("reads"), p);
    }

    #[test]
    fn adding_a_row_creates_the_standard_rows_too_before_the_first_save() {
        let d = rid("d1");
        let own = Programme::own("難病カフェ");
        let out = Sheet::new(&[], &d).add_row(&own, ids("n"), Timestamp(5), &dev()).expect("adds");
        assert_eq!(out.len(), 10);
        assert_eq!(out[9].body_as::<Programme>().expect("reads"), own);
        let sheet = Sheet::new(&out, &d);
        assert_eq!(sheet.rows.len(), 10);
        assert_eq!(sheet.rows[9].programme.name(), "難病カフェ");
        // Once saved, only the new row is written.
        let more = sheet.add_row(&Programme::own("B"), ids("m"), Timestamp(6), &dev()).expect("adds");
        assert_eq!(more.len(), 1);
        assert_eq!(more[0].meta.id.as_str(), "m1");
    }

    #[test]
    fn trash_and_restore() {
        let d = rid("d1");
        let mut records = saved(&d);
        let council_index = 5;
        let trashed = trash_record(&records[council_index], Timestamp(1050), &dev());
        assert_eq!(trashed.meta.deleted_at, Some(Timestamp(1050)));
        assert_eq!(trashed.meta.rev, 2);
        assert_eq!(trashed.meta.updated_at, Timestamp(1050));
        assert_eq!(trashed.body, records[council_index].body);
        records[council_index] = trashed.clone();
        let sheet = Sheet::new(&records, &d);
        assert!(!sheet.unsaved_defaults, "a trashed row is a record: the defaults are not offered again");
        assert_eq!(sheet.rows.len(), 8);
        assert_eq!(sheet.trashed.len(), 1);
        assert_eq!(sheet.trashed[0].programme.name(), "難病対策地域協議会");
        assert!(sheet.to_add.is_empty(), "in the trash: restore it rather than add a new one");
        let restored = restore_record(&trashed, Timestamp(1060), &dev());
        assert_eq!(restored.meta.deleted_at, None);
        assert_eq!(restored.meta.rev, 3);
        records[council_index] = restored;
        let sheet = Sheet::new(&records, &d);
        assert_eq!(sheet.rows.len(), 9);
        assert_eq!(sheet.rows[5].programme.name(), "難病対策地域協議会");
        assert!(sheet.trashed.is_empty());
        // Purged from the trash: offered as a fresh row to add.
        records.remove(council_index);
        let sheet = Sheet::new(&records, &d);
        assert_eq!(sheet.to_add, vec![StandardProgramme::RegionalCouncil]);
    }

    #[test]
    fn trash_lists_the_latest_deletion_first() {
        let d = rid("d1");
        let mut records = saved(&d);
        records[0] = trash_record(&records[0], Timestamp(10), &dev());
        records[1] = trash_record(&records[1], Timestamp(30), &dev());
        records[2] = trash_record(&records[2], Timestamp(20), &dev());
        let sheet = Sheet::new(&records, &d);
        let names: Vec<&str> = sheet.trashed.iter().map(|e| e.programme.name()).collect();
        assert_eq!(names, vec!["在宅療養支援計画策定・評価事業", "訪問相談員育成事業", "在宅難病患者一時入院事業"]);
    }

    #[test]
    fn unreadable_rows_are_reported_not_dropped() {
        let d = rid("d1");
        let mut records = saved(&d);
        records[0].body = serde_json::json!({"programme": 1}).into();
        let sheet = Sheet::new(&records, &d);
        assert_eq!(sheet.rows.len(), 8);
        assert_eq!(sheet.unreadable.len(), 1);
        assert!(sheet.unreadable[0].starts_with("p1: "));
        assert!(!sheet.unsaved_defaults);
        // The standard row it held is offered to add (its record cannot be read).
        assert_eq!(sheet.to_add, vec![StandardProgramme::TemporaryAdmission]);
    }

    fn entry(id: &str, p: Programme, predecessor: Option<&str>) -> ProgrammeEntry {
        let mut record = StoredRecord::create(rid(id), rid("d0"), &p, Timestamp(0), &dev()).expect("creates");
        record.meta.predecessor = predecessor.map(rid);
        ProgrammeEntry { record, programme: p }
    }

    #[test]
    fn last_years_row_by_predecessor_then_programme_then_name() {
        let previous = vec![
            entry("a", Programme::standard(StandardProgramme::MedicalConsultation), None),
            entry("b", Programme::standard(StandardProgramme::RegionalCouncil), None),
            entry("c", Programme::own(" 難病カフェ "), None),
            entry("d", Programme::own("別の事業"), None),
        ];
        // Copied from last year: the predecessor wins even over the programme.
        let copied = entry("x", Programme::standard(StandardProgramme::MedicalConsultation), Some("b"));
        let row = SheetRow { key: "x".into(), record: Some(copied.record), programme: copied.programme };
        assert_eq!(previous_row(&previous, &row).map(|e| e.record.meta.id.as_str()), Some("b"));
        // Predecessor not found, or none (made fresh this year): same standard programme.
        let row = SheetRow {
            key: "std-medical_consultation".into(),
            record: None,
            programme: Programme::standard(StandardProgramme::MedicalConsultation),
        };
        assert_eq!(previous_row(&previous, &row).map(|e| e.record.meta.id.as_str()), Some("a"));
        let lost = entry("y", Programme::standard(StandardProgramme::RegionalCouncil), Some("zz"));
        let row = SheetRow { key: "y".into(), record: Some(lost.record), programme: lost.programme };
        assert_eq!(previous_row(&previous, &row).map(|e| e.record.meta.id.as_str()), Some("b"));
        // 独自事業: same name (spaces ignored); unnamed or unknown: none.
        let own = |name: &str| SheetRow { key: "o".into(), record: None, programme: Programme::own(name) };
        assert_eq!(previous_row(&previous, &own("難病カフェ")).map(|e| e.record.meta.id.as_str()), Some("c"));
        assert!(previous_row(&previous, &own("")).is_none());
        assert!(previous_row(&previous, &own("新事業")).is_none());
        let row = SheetRow {
            key: "z".into(),
            record: None,
            programme: Programme::standard(StandardProgramme::VentilatorNursing),
        };
        assert!(previous_row(&previous, &row).is_none());
        assert!(previous_row(&[], &row).is_none());
    }

    #[test]
    fn counts_display_blank_as_unentered() {
        assert_eq!(count_display(None), "未入力");
        assert_eq!(count_display(Some(0)), "0件");
        assert_eq!(count_display(Some(12)), "12件");
    }

    #[test]
    fn quick_edits_are_kept_only_while_they_differ() {
        let d = rid("d1");
        let mut records = saved(&d);
        let mut p: Programme = records[3].body_as().expect("reads");
        p.count_local = Some(3);
        records[3] = records[3].edited(&p, Timestamp(2), &dev()).expect("ok").expect("changed");
        let sheet = Sheet::new(&records, &d);
        let row = &sheet.rows[3];
        let mut edits = QuickEdits::default();
        assert_eq!(
            edits.row(row),
            QuickRow { implemented: None, count_local: "3".into(), count_prefecture: "".into() }
        );
        edits.set_text(row, QuickField::CountLocal, "5".into());
        assert_eq!(edits.row(row).count_local, "5");
        assert_eq!(edits.rows.len(), 1);
        edits.set_text(row, QuickField::CountLocal, "3".into());
        assert!(edits.rows.is_empty(), "typed back to the saved value");
        edits.set_text(row, QuickField::Implemented, "1".into());
        assert_eq!(edits.row(row).implemented, Some(true));
        edits.set_text(row, QuickField::Implemented, "".into());
        assert!(edits.rows.is_empty());
    }

    #[test]
    fn quick_edits_parse_like_the_form_and_name_the_row() {
        let d = rid("d1");
        let sheet = Sheet::new(&[], &d);
        let mut edits = QuickEdits::default();
        let medical = sheet.rows[3].clone();
        let admission = sheet.rows[0].clone();
        edits.set(&medical, |q| {
            q.implemented = Some(true);
            q.count_local = "１２件".into();
            q.count_prefecture = "".into();
        });
        edits.set(&admission, |q| {
            q.implemented = Some(false);
            q.count_local = "0".into();
            q.count_prefecture = "2".into();
        });
        let (changes, warnings) = edits.parse(&sheet, fy(2025)).expect("valid");
        // In the sheet's order, whatever the order of typing.
        assert_eq!(
            changes.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
            vec!["std-temporary_admission", "std-medical_consultation"]
        );
        let medical_p = &changes[1].1;
        assert_eq!(medical_p.implemented, Some(true));
        assert_eq!(medical_p.count_local, Some(12));
        assert_eq!(medical_p.count_prefecture, None, "blank stays 未入力, never 0");
        assert_eq!(medical_p.summary, medical.programme.summary, "other fields are kept");
        assert_eq!(changes[0].1.count_local, Some(0));
        // 無 with 2 件: a warning on that cell.
        let w: Vec<&Issue> = warnings.0.iter().collect();
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].severity, Severity::Warning);
        assert_eq!(w[0].field, "std-temporary_admission/count_prefecture");
        assert_eq!(w[0].label, "在宅難病患者一時入院事業 実施件数（都道府県全体）");

        edits.set_text(&medical, QuickField::CountPrefecture, "たくさん".into());
        let errors = edits.parse(&sheet, fy(2025)).expect_err("letters");
        let e: Vec<&Issue> = errors.errors().collect();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].field, "std-medical_consultation/count_prefecture");
        assert_eq!(e[0].label, "医療相談事業 実施件数（都道府県全体）");
        assert_eq!(e[0].message, "数字で入力してください（不明なら空欄、0件なら0）");
        assert_eq!(edits.issues(&sheet, fy(2025)).0.len(), 2);
        assert_eq!(quick_field_key("abc", fields::COUNT_LOCAL), "abc/count_local");
        // Edits of a row no longer on the sheet are ignored.
        let mut stale = QuickEdits::default();
        stale.rows.insert("gone".into(), QuickRow { implemented: Some(true), ..QuickRow::default() });
        assert_eq!(stale.parse(&sheet, fy(2025)).map(|(c, _)| c.len()), Ok(0));
    }

    #[test]
    fn quick_edits_then_save_rows_round_trip() {
        let d = rid("d1");
        let sheet = Sheet::new(&[], &d);
        let mut edits = QuickEdits::default();
        for (i, row) in sheet.rows.iter().enumerate() {
            edits.set(row, |q| {
                q.implemented = Some(i % 2 == 0);
                q.count_local = if i == 2 { String::new() } else { i.to_string() };
                q.count_prefecture = format!("{}", i * 10);
            });
        }
        let (changes, _) = edits.parse(&sheet, fy(2025)).expect("valid");
        let records = sheet.save_rows(&changes, ids("n"), Timestamp(3), &dev()).expect("saves");
        let after = Sheet::new(&records, &d);
        for (i, row) in after.rows.iter().enumerate() {
            assert_eq!(row.programme.implemented, Some(i % 2 == 0));
            let expected_local = if i == 2 { None } else { Some(i as u64) };
            assert_eq!(row.programme.count_local, expected_local, "row {i}");
            assert_eq!(row.programme.count_prefecture, Some(i as u64 * 10));
            // The table now shows the saved values with no edit pending.
            assert_eq!(QuickEdits::default().row(row), edits.row(&sheet.rows[i]));
        }
    }

    #[test]
    fn edits_typed_before_the_first_save_follow_the_saved_rows() {
        let d = rid("d1");
        let before = Sheet::new(&[], &d);
        let mut edits = QuickEdits::default();
        edits.set_text(&before.rows[3], QuickField::CountLocal, "8".into());
        // Meanwhile the rows were saved (by the detail form or another tab).
        let records = before
            .save_rows(
                &[(before.rows[0].key.clone(), before.rows[0].programme.clone())],
                ids("n"),
                Timestamp(2),
                &dev(),
            )
            .expect("saves");
        let after = Sheet::new(&records, &d);
        let row = &after.rows[3];
        assert_eq!(row.key, "n4");
        assert_eq!(edits.row(row).count_local, "8", "the draft's edit still shows");
        let (changes, _) = edits.parse(&after, fy(2025)).expect("valid");
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].0, "n4");
        assert_eq!(changes[0].1.count_local, Some(8));
        // Editing the row moves the edit to the row's own key.
        edits.set_text(row, QuickField::CountPrefecture, "9".into());
        assert_eq!(edits.rows.keys().collect::<Vec<_>>(), vec!["n4"]);
        assert_eq!(edits.row(row).count_local, "8");
        edits.set(row, |q| *q = QuickRow::default());
        assert!(edits.rows.is_empty());
    }

    #[test]
    fn choice_values_round_trip() {
        for v in [None, Some(true), Some(false)] {
            assert_eq!(implemented_from_value(implemented_value(v)), v);
        }
        assert_eq!(implemented_from_value("x"), None);
        assert_eq!(implemented_options(), vec![("", "未入力"), ("1", "1 有"), ("0", "0 無")]);
        assert_eq!(related_meeting_options(), vec![("", "未入力"), ("1", "あり"), ("0", "なし")]);
        for u in [None, Some(CouncilUnit::Prefecture), Some(CouncilUnit::HealthCenter), Some(CouncilUnit::Other)] {
            assert_eq!(council_unit_from_value(council_unit_value(u)), u);
        }
        assert_eq!(
            council_unit_options().iter().map(|(_, l)| *l).collect::<Vec<_>>(),
            vec!["未入力", "都道府県全体", "保健所単位", "その他"]
        );
        for o in [None, Some(CenterOperation::Direct), Some(CenterOperation::Contracted)] {
            assert_eq!(center_operation_from_value(center_operation_value(o)), o);
        }
        assert_eq!(center_operation_options(), vec![("", "未入力"), ("direct", "直営"), ("contracted", "委託")]);
    }

    #[test]
    fn detail_lines_of_the_council_and_the_center() {
        let mut council = Programme::standard(StandardProgramme::RegionalCouncil);
        assert!(detail_lines(&council, fy(2025)).is_empty());
        council.council = Some(Council {
            related_meeting: None,
            first_year: Some(fy(2016)),
            meetings_this_year: Some(2),
            unit: Some(CouncilUnit::Other),
            unit_other: "二次医療圏単位".into(),
            agenda: "災害時の支援体制".into(),
        });
        assert_eq!(
            detail_lines(&council, fy(2025)),
            vec![
                "【初回】平成28年度",
                "【令和7年度開催】2回/年",
                "【設置単位】その他（二次医療圏単位）",
                "【議題及び実施状況等】災害時の支援体制",
            ]
        );
        if let Some(c) = council.council.as_mut() {
            c.related_meeting = Some(true);
            c.meetings_this_year = Some(0);
        }
        let lines = detail_lines(&council, fy(2018));
        assert_eq!(lines[0], "【なしの場合 関連する会議】あり");
        assert_eq!(lines[2], "【平成30年度開催】0回/年", "0 回 is a value");

        let mut center = Programme::standard(StandardProgramme::SupportCenter);
        assert!(detail_lines(&center, fy(2025)).is_empty());
        if let Some(c) = center.center.as_mut() {
            c.operation = Some(CenterOperation::Contracted);
            c.contractor = "NPO法人A".into();
            c.activities.set(CenterActivity::Consultation, true);
            c.activities.set(CenterActivity::Other, true);
            c.activities.other_text = "患者会支援".into();
        }
        assert_eq!(
            detail_lines(&center, fy(2025)),
            vec!["【運営方法】委託（委託先: NPO法人A）", "【実施事業】相談、その他（患者会支援）",]
        );
        if let Some(c) = center.center.as_mut() {
            c.operation = Some(CenterOperation::Direct);
        }
        assert_eq!(detail_lines(&center, fy(2025))[0], "【運営方法】直営");
        assert!(detail_lines(&Programme::own("A"), fy(2025)).is_empty());
    }

    #[test]
    fn print_rows_follow_the_paper_form() {
        let d = rid("d1");
        let mut records = saved(&d);
        let mut p: Programme = records[0].body_as().expect("reads");
        p.implemented = Some(false);
        p.count_local = Some(0);
        p.outcome = "なし".into();
        records[0] = records[0].edited(&p, Timestamp(2), &dev()).expect("ok").expect("changed");
        records.push(
            StoredRecord::create(rid("o1"), d.clone(), &Programme::own("難病カフェ"), Timestamp(3), &dev())
                .expect("creates"),
        );
        let rows = print_rows(&Sheet::new(&records, &d), fy(2025));
        assert_eq!(rows.len(), 10);
        assert_eq!(rows[0].title, "在宅難病患者一時入院事業〔都道府県〕");
        assert_eq!(rows[0].group, "");
        assert_eq!(rows[0].implemented, "0 無");
        assert_eq!(rows[0].count_local, "0");
        assert_eq!(rows[0].count_prefecture, "", "未入力 prints blank");
        assert_eq!(rows[0].outcome, "なし");
        assert_eq!(rows[1].group, "難病患者地域支援対策推進事業");
        assert_eq!(rows[1].title, "在宅療養支援計画策定・評価事業〔都道府県、保健所設置市・特別区〕");
        assert_eq!(rows[1].implemented, "");
        assert!(rows[1].summary.starts_with("要支援難病患者に対し"));
        assert_eq!(rows[9].group, "独自事業");
        assert_eq!(rows[9].title, "難病カフェ");
    }

    proptest::proptest! {
        /// Any whole count typed in the table is saved as that number, blank as 未入力; and
        /// the saved row then shows exactly what was typed (in its plain form), with no edit.
        #[test]
        fn typed_counts_round_trip(local in proptest::option::of(0u64..1_000_000), pref in proptest::option::of(0u64..1_000_000), row in 0usize..9) {
            let d = rid("d1");
            let sheet = Sheet::new(&[], &d);
            let target = &sheet.rows[row];
            let text = |v: Option<u64>| v.map(|n| n.to_string()).unwrap_or_default();
            let mut edits = QuickEdits::default();
            edits.set_text(target, QuickField::CountLocal, text(local));
            edits.set_text(target, QuickField::CountPrefecture, text(pref));
            let (changes, _) = edits.parse(&sheet, fy(2025)).expect("whole counts are valid");
            let records = sheet.save_rows(&changes, ids("n"), Timestamp(1), &dev()).expect("saves");
            let after = Sheet::new(&records, &d);
            proptest::prop_assert_eq!(after.rows[row].programme.count_local, local);
            proptest::prop_assert_eq!(after.rows[row].programme.count_prefecture, pref);
            let mut again = QuickEdits::default();
            again.set_text(&after.rows[row], QuickField::CountLocal, text(local));
            proptest::prop_assert!(again.rows.is_empty());
        }
    }
}
