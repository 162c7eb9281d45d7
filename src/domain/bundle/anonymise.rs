//! 匿名化: a copy of the records for training or sharing outside the 保健所 (the seed:
//! 「研修等で使用の際は、ID 番号等により匿名化すること」).
//!
//! * 氏名 and ID番号 → fresh codes 療養者001, 療養者002, … numbered by 市町村 and then by
//!   record ID (random), never derived from the name; ふりがな removed;
//! * 住所 cut to the 市町村 (住所（市町村より下） cleared);
//! * free text (初発症状, 使用医療機器, その他の処置の内容, 在宅でのレスパイトの内容,
//!   ギャップのメモ, 職員の名前, 判断者, notes of other kinds) left out unless the nurse keeps
//!   it after review; 在宅でのレスパイト keeps its あり/なし/不明 state;
//! * 最終把握時期 cut to the 年月 when one can be read from it, removed otherwise;
//! * every timestamp cut to the first day of its month (JST);
//! * ages replaced by their 年齢区分 (option);
//! * record and device IDs replaced by fresh ones, consistently (references kept);
//! * stamps stripped, revisions reset, trashed records left out.
//!
//! 地区名, 市町村, 発症時期 (年月), facility and station names, codes and counts are kept.

use super::ANON_DEVICE;
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::patient::{Age, AgeBand, Patient};
use crate::domain::programmes::Programme;
use crate::domain::record::{RecordKind, RecordMeta, StoredRecord};
use crate::domain::station::{FteEntry, Station};
use crate::domain::time::{Date, Timestamp, YearMonth};
use crate::domain::tri::Tri;
use crate::domain::ventilator::plan::SupportPlan;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Groups smaller than this are flagged (小集団の注意).
pub const SMALL_GROUP_MIN: u64 = 5;

/// The text put in place of a removed description whose presence still counts (在宅でのレスパイト).
pub const HIDDEN_TEXT: &str = "（記述あり・匿名化で省略）";

/// 自由記述の項目: free-text fields the nurse may keep after review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum FreeTextField {
    /// 初発症状
    FirstSymptom,
    /// 使用医療機器 (製品名・会社名)
    Devices,
    /// 医療処置管理 その他の内容
    ProcedureDetail,
    /// 在宅でのレスパイト の内容
    HomeRespite,
    /// 最終把握時期 (as written, not cut to the month)
    LastContact,
    /// ギャップのメモ
    GapNotes,
    /// 特定症状の判断者
    Assessor,
    /// ステーションの職員一覧の名前・職種
    StaffLabels,
    /// 評価・アセスメントのメモ
    OtherNotes,
    /// 様式2 事業の記述: 事業の概要 (when changed from the form's printed text), 成果, 課題,
    /// 協議会の議題及び実施状況等・設置単位（その他）, センターの委託先・実施事業（その他）
    ProgrammeText,
}

impl FreeTextField {
    pub const ALL: [FreeTextField; 10] = [
        FreeTextField::FirstSymptom,
        FreeTextField::Devices,
        FreeTextField::ProcedureDetail,
        FreeTextField::HomeRespite,
        FreeTextField::LastContact,
        FreeTextField::GapNotes,
        FreeTextField::Assessor,
        FreeTextField::StaffLabels,
        FreeTextField::ProgrammeText,
        FreeTextField::OtherNotes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FreeTextField::FirstSymptom => "初発症状",
            FreeTextField::Devices => "使用医療機器",
            FreeTextField::ProcedureDetail => "医療処置管理 その他の内容",
            FreeTextField::HomeRespite => "在宅でのレスパイトの内容",
            FreeTextField::LastContact => "最終把握時期（記入どおり）",
            FreeTextField::GapNotes => "ギャップのメモ",
            FreeTextField::Assessor => "特定症状の判断者",
            FreeTextField::StaffLabels => "ステーション職員の名前・職種",
            FreeTextField::OtherNotes => "評価・アセスメントのメモ",
            FreeTextField::ProgrammeText => "様式2 事業の記述（事業の概要・成果・課題・議題・委託先など）",
        }
    }
}

/// How to anonymise.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AnonymiseOptions {
    /// Start of every new record ID (random, from the UI, e.g. the first 8 characters of
    /// `crypto.randomUUID()`), so that two anonymised files never share IDs. ASCII letters,
    /// digits, `-_`; 1–16 characters (otherwise `anon`).
    pub id_prefix: String,
    /// Free text the nurse reviewed and keeps.
    pub keep_free_text: BTreeSet<FreeTextField>,
    /// Replace actual ages by their 年齢区分 (default true).
    pub ages_as_bands: bool,
}

impl Default for AnonymiseOptions {
    fn default() -> Self {
        AnonymiseOptions { id_prefix: "anon".to_string(), keep_free_text: BTreeSet::new(), ages_as_bands: true }
    }
}

/// What anonymising did (匿名化の内容), for the nurse to review before saving the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AnonymiseReport {
    /// What was removed or replaced, one line each.
    pub removed: Vec<String>,
    /// What was kept (so the nurse can check it).
    pub kept: Vec<String>,
    /// 小集団の注意 and records that could not be read.
    pub warnings: Vec<String>,
}

#[derive(Default)]
struct Counts {
    per_field: BTreeMap<&'static str, usize>,
}

impl Counts {
    fn add(&mut self, what: &'static str) {
        *self.per_field.entry(what).or_insert(0) += 1;
    }
    fn get(&self, what: &str) -> usize {
        self.per_field.get(what).copied().unwrap_or(0)
    }
}

/// The first moment (JST) of the month of `t` (never before 1970-01-01T00:00Z, the earliest
/// time a bundle accepts).
pub fn month_start(t: Timestamp) -> Timestamp {
    let d = t.date_jst();
    let start = Date::new(d.year, d.month, 1).map_or(t, Date::start_jst);
    Timestamp(start.0.max(0))
}

/// The 年月 in a free-text 最終把握時期 (`2024/5/12 電話` → 2024年5月), if there is one.
pub fn year_month_in(text: &str) -> Option<YearMonth> {
    let nums = crate::domain::time::split_numbers(text);
    let (y, m) = match nums.as_slice() {
        [y, m, ..] => (*y, Some(*m)),
        [y] => (*y, None),
        [] => return None,
    };
    let month = match m {
        Some(m) if (1..=12).contains(&m) => Some(m as u8),
        Some(_) => return None,
        None => None,
    };
    (1900..=2200).contains(&y).then_some(YearMonth { year: y as i32, month })
}

fn clean_prefix(prefix: &str) -> String {
    let ok = !prefix.is_empty()
        && prefix.len() <= 16
        && prefix.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        prefix.to_string()
    } else {
        "anon".to_string()
    }
}

/// New record IDs, given consistently (the same old ID always gets the same new one).
struct IdMap {
    prefix: String,
    ids: BTreeMap<RecordId, RecordId>,
    /// The IDs of the records being exported.
    exported: BTreeSet<RecordId>,
    extra: usize,
    fallback: RecordId,
}

impl IdMap {
    fn fresh(&self, letter: char, n: usize) -> RecordId {
        RecordId::parse(&format!("{}-{letter}{n}", self.prefix)).unwrap_or_else(|_| self.fallback.clone())
    }

    fn assign(&mut self, old: &RecordId, letter: char, n: usize) {
        let new = self.fresh(letter, n);
        self.ids.insert(old.clone(), new);
        self.exported.insert(old.clone());
    }

    /// The new ID of `old`; IDs of records not exported (e.g. a cited assessment) get new
    /// ones too, so no original ID leaves the device.
    fn map(&mut self, old: &RecordId) -> RecordId {
        if let Some(new) = self.ids.get(old) {
            return new.clone();
        }
        self.extra += 1;
        let new = self.fresh('x', self.extra);
        self.ids.insert(old.clone(), new.clone());
        new
    }
}

fn anonymous_meta(r: &StoredRecord, ids: &mut IdMap, device: &DeviceId, dropped_links: &mut usize) -> RecordMeta {
    let predecessor = match &r.meta.predecessor {
        Some(p) => {
            let kept = if ids.exported.contains(p) { ids.ids.get(p).cloned() } else { None };
            if kept.is_none() {
                *dropped_links += 1;
            }
            kept
        }
        None => None,
    };
    RecordMeta {
        id: ids.map(&r.meta.id),
        diagnosis_id: ids.map(&r.meta.diagnosis_id),
        kind: r.meta.kind,
        created_at: month_start(r.meta.created_at),
        updated_at: month_start(r.meta.updated_at),
        updated_by: device.clone(),
        rev: 1,
        deleted_at: None,
        predecessor,
    }
}

/// Anonymises a set of 地域診断 and their records (trashed records, and records whose
/// 地域診断 is not in `diagnoses`, are left out). Returns the new `(diagnoses, records)` and
/// the report.
// TODO(issue 11): split by concern; left to the bundle work that owns this file.
#[allow(clippy::too_many_lines)]
pub fn anonymise(
    diagnoses: &[StoredRecord],
    records: &[StoredRecord],
    options: &AnonymiseOptions,
) -> (Vec<StoredRecord>, Vec<StoredRecord>, AnonymiseReport) {
    let keep = |f: FreeTextField| options.keep_free_text.contains(&f);
    let mut report = AnonymiseReport::default();
    let (Ok(device), Ok(fallback)) = (DeviceId::parse(ANON_DEVICE), RecordId::parse("anon-x")) else {
        report.warnings.push("匿名化できませんでした".to_string());
        return (Vec::new(), Vec::new(), report);
    };
    let mut counts = Counts::default();

    let live = |r: &&StoredRecord| !r.is_deleted();
    let trashed = diagnoses.iter().chain(records).filter(|r| r.is_deleted()).count();
    let mut ds: Vec<&StoredRecord> = diagnoses.iter().filter(live).collect();
    ds.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    let live_ids: BTreeSet<&RecordId> = ds.iter().map(|d| &d.meta.id).collect();
    let mut rs: Vec<&StoredRecord> =
        records.iter().filter(live).filter(|r| live_ids.contains(&r.meta.diagnosis_id)).collect();
    let orphans = records.iter().filter(live).count() - rs.len();
    // Patients numbered by 市町村 then by record ID (random); the others by kind and ID.
    let municipality = |r: &StoredRecord| {
        r.body.to_value().get("municipality").and_then(Value::as_str).unwrap_or_default().to_string()
    };
    rs.sort_by_cached_key(|r| (r.meta.kind, municipality(r), r.meta.id.clone()));

    let mut ids = IdMap {
        prefix: clean_prefix(&options.id_prefix),
        ids: BTreeMap::new(),
        exported: BTreeSet::new(),
        extra: 0,
        fallback,
    };
    for (i, d) in ds.iter().enumerate() {
        ids.assign(&d.meta.id, 'd', i + 1);
    }
    for (i, r) in rs.iter().enumerate() {
        ids.assign(&r.meta.id, 'r', i + 1);
    }

    let mut dropped_links = 0usize;
    let mut unreadable = 0usize;
    let mut out_d = Vec::new();
    for d in &ds {
        let meta = anonymous_meta(d, &mut ids, &device, &mut dropped_links);
        out_d.push(StoredRecord { meta, body: d.body.clone(), stamps: BTreeMap::new() });
    }
    let mut out_r = Vec::new();
    let mut patient_no = 0usize;
    let mut groups: BTreeMap<String, u64> = BTreeMap::new();
    for r in &rs {
        let meta = anonymous_meta(r, &mut ids, &device, &mut dropped_links);
        let body = match r.meta.kind {
            RecordKind::Patient => match r.body_as::<Patient>() {
                Ok(mut p) => {
                    patient_no += 1;
                    *groups.entry(p.municipality.clone()).or_insert(0) += 1;
                    anonymise_patient(&mut p, patient_no, options, &mut counts, &mut |id| ids.map(id));
                    serde_json::to_value(&p).ok()
                }
                Err(_) => None,
            },
            RecordKind::Station => match r.body_as::<Station>() {
                Ok(mut s) => {
                    if let FteEntry::Staff { members, .. } = &mut s.fte {
                        for m in members.iter_mut().filter(|m| !m.label.trim().is_empty()) {
                            if keep(FreeTextField::StaffLabels) {
                                counts.add("staff_kept");
                            } else {
                                m.label.clear();
                                counts.add("staff");
                            }
                        }
                    }
                    serde_json::to_value(&s).ok()
                }
                Err(_) => None,
            },
            RecordKind::Diagnosis | RecordKind::Overview => Some(r.body.to_value()),
            // 施設 are public institutions: names, addresses and places stay; the 様式3 link is
            // remapped like every ID. The 下図 is a map of the area, no person.
            RecordKind::Facility => match r.body_as::<crate::domain::map::records::Facility>() {
                Ok(mut f) => {
                    f.station_id = f.station_id.map(|s| ids.map(&s));
                    serde_json::to_value(&f).ok()
                }
                Err(_) => None,
            },
            RecordKind::BaseMap => Some(r.body.to_value()),
            // 補助の上限表: amounts, useful lives and scheme names of the 市町村 — no person.
            RecordKind::SubsidyTable => Some(r.body.to_value()),
            // 管内マップ: where each patient lives never leaves (their 市町村 stays in 様式1).
            RecordKind::MapSheet => match r.body_as::<crate::domain::map::records::MapSheet>() {
                Ok(mut m) => {
                    for _ in m.patients.drain(..) {
                        counts.add("map_patients");
                    }
                    serde_json::to_value(&m).ok()
                }
                Err(_) => None,
            },
            RecordKind::Programme => match r.body_as::<Programme>() {
                Ok(mut p) => {
                    for_each_programme_text(&mut p, &mut |text| {
                        if keep(FreeTextField::ProgrammeText) {
                            counts.add("programme_text_kept");
                        } else {
                            text.clear();
                            counts.add("programme_text");
                        }
                    });
                    serde_json::to_value(&p).ok()
                }
                Err(_) => None,
            },
            // 災害時個別支援計画: addresses, contacts and evacuation details never leave; the
            // devices and notes are free text, left out like the patient's.
            RecordKind::SupportPlan => match r.body_as::<SupportPlan>() {
                Ok(mut p) => {
                    p.patient_id = ids.map(&p.patient_id);
                    p.evacuation = Default::default();
                    p.contacts = Default::default();
                    p.devices.clear();
                    p.notes.clear();
                    counts.add("support_plan");
                    serde_json::to_value(&p).ok()
                }
                Err(_) => None,
            },
            // HOOK(lead): when 評価 and アセスメント have types, anonymise them here field by
            // field. Until then: IDs remapped, note-like texts and assessors removed, `*_at`
            // timestamps cut to the month.
            // 事業実績: the prefecture's published figures and names of programmes, no person.
            // 進捗状況評価: the prefecture's plan (課題・取組・事業), no person either.
            RecordKind::ProgrammeResult | RecordKind::ProgressPlan => Some(r.body.to_value()),
            RecordKind::Evaluation | RecordKind::Assessment => {
                let mut body = r.body.to_value();
                anonymise_json(&mut body, "", options, &mut counts, &mut |id| ids.map(id));
                Some(body)
            }
        };
        match body {
            Some(body) => out_r.push(StoredRecord { meta, body: body.into(), stamps: BTreeMap::new() }),
            None => unreadable += 1,
        }
    }

    // The report.
    if patient_no > 0 {
        report
            .removed
            .push(format!("氏名・ID番号: {patient_no}人分を番号（療養者001〜療養者{patient_no:03}）に置き換えました"));
    }
    let line = |key: &str, text: &str, kept_key: &str, field: Option<FreeTextField>, report: &mut AnonymiseReport| {
        let n = counts.get(key);
        if n > 0 {
            report.removed.push(format!("{text}: {n}件を削除しました"));
        }
        let k = counts.get(kept_key);
        if k > 0 {
            let label = field.map_or_else(|| text.to_string(), |f| f.label().to_string());
            report.kept.push(format!("{label}: {k}件を確認のうえ残しました"));
        }
    };
    line("address", "住所（市町村より下）", "", None, &mut report);
    line("map_patients", "管内マップ上の療養者の位置", "", None, &mut report);
    line("support_plan", "災害時個別支援計画の避難先・避難の方法・連絡先・使用医療機器・メモ", "", None, &mut report);
    line("first_symptom", "初発症状", "first_symptom_kept", Some(FreeTextField::FirstSymptom), &mut report);
    line("devices", "使用医療機器", "devices_kept", Some(FreeTextField::Devices), &mut report);
    line(
        "procedure_detail",
        "医療処置管理 その他の内容",
        "procedure_detail_kept",
        Some(FreeTextField::ProcedureDetail),
        &mut report,
    );
    line(
        "home_respite",
        "在宅でのレスパイトの内容（「あり」は残ります）",
        "home_respite_kept",
        Some(FreeTextField::HomeRespite),
        &mut report,
    );
    line(
        "last_contact",
        "最終把握時期（年月が読み取れないもの）",
        "last_contact_kept",
        Some(FreeTextField::LastContact),
        &mut report,
    );
    line("gap_notes", "ギャップのメモ", "gap_notes_kept", Some(FreeTextField::GapNotes), &mut report);
    line("assessor", "特定症状の判断者", "assessor_kept", Some(FreeTextField::Assessor), &mut report);
    line("staff", "ステーション職員の名前・職種", "staff_kept", Some(FreeTextField::StaffLabels), &mut report);
    line(
        "programme_text",
        "様式2 事業の記述（事業の概要・成果・課題・議題・委託先など）",
        "programme_text_kept",
        Some(FreeTextField::ProgrammeText),
        &mut report,
    );
    line("notes", "評価・アセスメントのメモ", "notes_kept", Some(FreeTextField::OtherNotes), &mut report);
    let removed = &mut report.removed;
    if counts.get("last_contact_month") > 0 {
        removed.push(format!("最終把握時期: {}件を年月だけにしました", counts.get("last_contact_month")));
    }
    if counts.get("age") > 0 {
        removed.push(format!("年齢: {}件を年齢区分にしました", counts.get("age")));
    }
    removed.push("日時（作成・更新・判断した日時）: 月の初めに丸めました".to_string());
    removed.push("記録のID・端末のID: 新しいIDに置き換えました（記録どうしのつながりは保たれます）".to_string());
    removed.push("項目ごとの更新記録（統合用）: 削除しました".to_string());
    if trashed > 0 {
        removed.push(format!("ゴミ箱の記録: {trashed}件は書き出しません"));
    }
    if orphans > 0 {
        removed.push(format!("書き出さない地域診断に属する記録: {orphans}件は書き出しません"));
    }
    if dropped_links > 0 {
        removed.push(format!("前年度の記録へのつながり: 書き出さない記録を指す{dropped_links}件を外しました"));
    }
    report
        .kept
        .push("地区名・市町村・発症時期（年月）・医療機関名・ステーション名・各コードと件数は残しています".to_string());
    if unreadable > 0 {
        report.warnings.push(format!("読み取れない記録が{unreadable}件あり、書き出しません"));
    }
    let groups: Vec<(String, u64)> = groups
        .into_iter()
        .map(|(m, n)| (if m.trim().is_empty() { "市町村の記入なし".to_string() } else { format!("{m}の療養者") }, n))
        .collect();
    report.warnings.extend(small_group_warnings(&groups));
    (out_d, out_r, report)
}

fn anonymise_patient(
    p: &mut Patient,
    number: usize,
    options: &AnonymiseOptions,
    counts: &mut Counts,
    map_id: &mut dyn FnMut(&RecordId) -> RecordId,
) {
    let keep = |f: FreeTextField| options.keep_free_text.contains(&f);
    let code = format!("療養者{number:03}");
    p.name = code.clone();
    p.furigana.clear();
    p.id_number = code;
    if !p.address_detail.is_empty() {
        p.address_detail.clear();
        counts.add("address");
    }
    let mut text = |value: &mut String, field: FreeTextField, key: &'static str, kept_key: &'static str| {
        if value.trim().is_empty() {
            return;
        }
        if keep(field) {
            counts.add(kept_key);
        } else {
            value.clear();
            counts.add(key);
        }
    };
    text(&mut p.first_symptom, FreeTextField::FirstSymptom, "first_symptom", "first_symptom_kept");
    text(&mut p.devices, FreeTextField::Devices, "devices", "devices_kept");
    text(&mut p.procedures.other_detail, FreeTextField::ProcedureDetail, "procedure_detail", "procedure_detail_kept");
    for gap in &mut p.gaps {
        text(&mut gap.note, FreeTextField::GapNotes, "gap_notes", "gap_notes_kept");
    }
    if let Tri::Value(desc) = &mut p.home_respite {
        if !desc.trim().is_empty() {
            if keep(FreeTextField::HomeRespite) {
                counts.add("home_respite_kept");
            } else {
                *desc = HIDDEN_TEXT.to_string();
                counts.add("home_respite");
            }
        }
    }
    if !p.last_contact.trim().is_empty() {
        if keep(FreeTextField::LastContact) {
            counts.add("last_contact_kept");
        } else if let Some(ym) = year_month_in(&p.last_contact) {
            p.last_contact = ym.to_string();
            counts.add("last_contact_month");
        } else {
            p.last_contact.clear();
            counts.add("last_contact");
        }
    }
    if options.ages_as_bands {
        if let Some(Age::Years(y)) = p.age {
            p.age = Some(Age::Band(AgeBand::of_age(y)));
            counts.add("age");
        }
    }
    for source in [&mut p.symptoms.respiratory_source, &mut p.symptoms.swallowing_source, &mut p.symptoms.speech_source]
        .into_iter()
        .flatten()
    {
        source.assessment_id = map_id(&source.assessment_id);
        source.assessed_at = month_start(source.assessed_at);
        if !source.assessor.trim().is_empty() {
            if keep(FreeTextField::Assessor) {
                counts.add("assessor_kept");
            } else {
                source.assessor.clear();
                counts.add("assessor");
            }
        }
    }
}

/// Calls `f` on every free text of a 事業 row that is not empty: 事業の概要 (unless it is still
/// the form's printed text for a 標準事業, which says nothing about anyone), 成果, 課題, the
/// 協議会's 議題及び実施状況等 and 設置単位（その他）, the センター's 委託先 and 実施事業（その他）.
/// 事業名, 実施主体, 実施, counts, 年度 and checkboxes are not free text.
fn for_each_programme_text(p: &mut Programme, f: &mut dyn FnMut(&mut String)) {
    let printed = p.programme.standard().map(|k| k.description());
    let mut visit = |text: &mut String| {
        if !text.trim().is_empty() {
            f(text);
        }
    };
    if printed != Some(p.summary.as_str()) {
        visit(&mut p.summary);
    }
    visit(&mut p.outcome);
    visit(&mut p.challenge);
    if let Some(c) = &mut p.council {
        visit(&mut c.agenda);
        visit(&mut c.unit_other);
    }
    if let Some(c) = &mut p.center {
        visit(&mut c.contractor);
        visit(&mut c.activities.other_text);
    }
}

/// The free texts of one kind that anonymising would remove unless the nurse keeps them
/// (for her review: she sees exactly what a kept field would let out). Only what
/// [`anonymise`] exports is looked at: live records of live 地域診断 in `diagnoses`.
/// In record order; empty texts are not listed.
pub fn free_text_values(diagnoses: &[StoredRecord], records: &[StoredRecord], field: FreeTextField) -> Vec<String> {
    let live_ids: BTreeSet<&RecordId> = diagnoses.iter().filter(|d| !d.is_deleted()).map(|d| &d.meta.id).collect();
    let mut out = Vec::new();
    let mut push = |text: &str| {
        if !text.trim().is_empty() {
            out.push(text.to_string());
        }
    };
    for r in records.iter().filter(|r| !r.is_deleted() && live_ids.contains(&r.meta.diagnosis_id)) {
        match (r.meta.kind, field) {
            (RecordKind::Patient, _) => {
                let Ok(p) = r.body_as::<Patient>() else { continue };
                match field {
                    FreeTextField::FirstSymptom => push(&p.first_symptom),
                    FreeTextField::Devices => push(&p.devices),
                    FreeTextField::ProcedureDetail => push(&p.procedures.other_detail),
                    FreeTextField::HomeRespite => {
                        if let Tri::Value(desc) = &p.home_respite {
                            push(desc);
                        }
                    }
                    FreeTextField::LastContact => push(&p.last_contact),
                    FreeTextField::GapNotes => p.gaps.iter().for_each(|g| push(&g.note)),
                    FreeTextField::Assessor => {
                        [&p.symptoms.respiratory_source, &p.symptoms.swallowing_source, &p.symptoms.speech_source]
                            .into_iter()
                            .flatten()
                            .for_each(|s| push(&s.assessor))
                    }
                    _ => {}
                }
            }
            (RecordKind::Station, FreeTextField::StaffLabels) => {
                if let Ok(Station { fte: FteEntry::Staff { members, .. }, .. }) = r.body_as::<Station>() {
                    members.iter().for_each(|m| push(&m.label));
                }
            }
            (RecordKind::Programme, FreeTextField::ProgrammeText) => {
                if let Ok(mut p) = r.body_as::<Programme>() {
                    for_each_programme_text(&mut p, &mut |t| push(t));
                }
            }
            (RecordKind::Evaluation | RecordKind::Assessment, FreeTextField::OtherNotes | FreeTextField::Assessor) => {
                json_texts(&r.body.to_value(), "", field, &mut push);
            }
            _ => {}
        }
    }
    out
}

/// The note-like (or assessor) strings of an untyped body, as [`anonymise_json`] finds them.
fn json_texts(value: &Value, key: &str, field: FreeTextField, push: &mut dyn FnMut(&str)) {
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| json_texts(v, k, field, push)),
        Value::Array(items) => items.iter().for_each(|v| json_texts(v, key, field, push)),
        Value::String(s) if field == FreeTextField::OtherNotes && NOTE_KEYS.contains(&key) => push(s),
        Value::String(s) if field == FreeTextField::Assessor && key == "assessor" => push(s),
        _ => {}
    }
}

/// Keys treated as notes in bodies without a type yet.
/// (様式4's 課題 `issue` and 総合評価 `overall` are free text too.)
const NOTE_KEYS: [&str; 10] =
    ["note", "notes", "memo", "comment", "comments", "remarks", "free_text", "description", "issue", "overall"];

fn anonymise_json(
    value: &mut Value,
    key: &str,
    options: &AnonymiseOptions,
    counts: &mut Counts,
    map_id: &mut dyn FnMut(&RecordId) -> RecordId,
) {
    let keep = |f: FreeTextField| options.keep_free_text.contains(&f);
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                anonymise_json(v, k, options, counts, map_id);
            }
        }
        Value::Array(items) => {
            for v in items {
                anonymise_json(v, key, options, counts, map_id);
            }
        }
        Value::String(s) if NOTE_KEYS.contains(&key) && !s.trim().is_empty() => {
            if keep(FreeTextField::OtherNotes) {
                counts.add("notes_kept");
            } else {
                s.clear();
                counts.add("notes");
            }
        }
        Value::String(s) if key == "assessor" && !s.trim().is_empty() => {
            if keep(FreeTextField::Assessor) {
                counts.add("assessor_kept");
            } else {
                s.clear();
                counts.add("assessor");
            }
        }
        Value::String(s) if key.ends_with("_id") || key == "id" => {
            if let Ok(id) = RecordId::parse(s) {
                *s = map_id(&id).to_string();
            }
        }
        Value::Number(n) if key.ends_with("_at") => {
            if let Some(t) = n.as_i64().filter(|t| (0..=super::body::MAX_TIMESTAMP_MS).contains(t)) {
                *value = Value::from(month_start(Timestamp(t)).0);
            }
        }
        _ => {}
    }
}

/// 小集団の注意: one warning per group with 1–4 people (empty groups are not shown, so
/// they reveal no one). `groups` are (label, count) pairs, e.g. from the 集計.
pub fn small_group_warnings(groups: &[(String, u64)]) -> Vec<String> {
    groups
        .iter()
        .filter(|(_, n)| (1..SMALL_GROUP_MIN).contains(n))
        .map(|(label, n)| {
            format!(
                "「{label}」は{n}人です。{SMALL_GROUP_MIN}人未満の集団は個人が特定されるおそれがあります（まとめて示すか、示さないことを検討してください）"
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::diagnosis::CommunityDiagnosis;
    use crate::domain::fiscal_year::FiscalYear;
    use crate::domain::patient::{Gap, JudgementSource, Service};

    use crate::domain::ids::test_ids::dev;
    use crate::domain::ids::test_ids::rid as id;

    fn data() -> (Vec<StoredRecord>, Vec<StoredRecord>) {
        let d = CommunityDiagnosis {
            jurisdiction: "A保健所管内".into(),
            fiscal_year: FiscalYear::new(2025).expect("fy"),
        };
        let t = Timestamp(1_747_000_000_000); // 2025-05-11 JST
        let diag = StoredRecord::create(id("d-real"), id("d-real"), &d, t, &dev("nurse-pc")).expect("creates");
        let mut records = Vec::new();
        for (i, (name, town)) in [("佐藤 一郎", "B町"), ("鈴木 花子", "A市"), ("高橋 次郎", "A市")].iter().enumerate()
        {
            let p = Patient {
                id_number: format!("H-{i}"),
                name: (*name).into(),
                furigana: "さとう いちろう".into(),
                municipality: (*town).into(),
                address_detail: "1丁目2-3".into(),
                first_symptom: "話しにくくなった".into(),
                devices: "ABC900（O呼吸器会社）".into(),
                age: Some(Age::Years(67)),
                home_respite: Tri::Value("療養通所介護に通所".into()),
                last_contact: "2025/4/12 電話".into(),
                gaps: vec![Gap { service: Service::HomeRespite, note: "家族の負担大".into() }],
                symptoms: crate::domain::patient::KeySymptoms {
                    respiratory_source: Some(JudgementSource {
                        assessment_id: id(&format!("as-{i}")),
                        assessed_at: t,
                        assessor: "保健師 山本".into(),
                    }),
                    ..Default::default()
                },
                ..Patient::default()
            };
            let mut r =
                StoredRecord::create(id(&format!("p-{i}")), id("d-real"), &p, t, &dev("nurse-pc")).expect("creates");
            if i == 0 {
                r.meta.predecessor = Some(id("p-last-year"));
            }
            records.push(r);
        }
        let mut trashed = records[0].clone();
        trashed.meta.id = id("p-trash");
        trashed.meta.deleted_at = Some(t);
        records.push(trashed);
        let assessment = StoredRecord {
            meta: RecordMeta { kind: RecordKind::Assessment, id: id("as-1"), ..records[1].meta.clone() },
            body: {
                let mut a = crate::domain::trees::assessment::Assessment::new(
                    id("p-1"),
                    crate::domain::trees::data::Tree::Respiratory,
                    "保健師 山本",
                    Timestamp(1_747_000_000_000),
                );
                a.notes = "本人の話".to_string();
                crate::domain::record::Body::from_typed(&a).expect("body")
            },
            stamps: BTreeMap::new(),
        };
        records.push(assessment);
        (vec![diag], records)
    }

    #[test]
    fn names_addresses_free_text_and_ids_are_replaced() {
        let (ds, rs) = data();
        let opts = AnonymiseOptions { id_prefix: "zz9".into(), ..AnonymiseOptions::default() };
        let (ad, ar, report) = anonymise(&ds, &rs, &opts);
        assert_eq!(ad.len(), 1);
        assert_eq!(ad[0].meta.id.as_str(), "zz9-d1");
        assert_eq!(ad[0].meta.diagnosis_id.as_str(), "zz9-d1");
        assert_eq!(ar.len(), 4, "trashed record left out");
        let patients: Vec<Patient> = ar.iter().filter_map(|r| r.body_as::<Patient>().ok()).collect();
        // Numbered by 市町村 (A市 first), not by name.
        let names: Vec<(&str, &str)> = patients.iter().map(|p| (p.name.as_str(), p.municipality.as_str())).collect();
        assert_eq!(names, vec![("療養者001", "A市"), ("療養者002", "A市"), ("療養者003", "B町")]);
        for p in &patients {
            assert_eq!(p.id_number, p.name);
            assert_eq!(p.furigana, "", "the reading would give the name away");
            assert_eq!(p.address_detail, "");
            assert_eq!(p.first_symptom, "");
            assert_eq!(p.devices, "");
            assert_eq!(p.home_respite, Tri::Value(HIDDEN_TEXT.to_string()));
            assert_eq!(p.last_contact, "2025年4月");
            assert_eq!(p.age, Some(Age::Band(AgeBand::Over65)));
            assert_eq!(p.gaps[0].note, "");
            let src = p.symptoms.respiratory_source.as_ref().expect("source kept");
            assert_eq!(src.assessor, "");
            assert_eq!(src.assessed_at, Date::new(2025, 5, 1).expect("date").start_jst());
            assert!(src.assessment_id.as_str().starts_with("zz9-"));
        }
        let text = serde_json::to_string(&(&ad, &ar)).expect("json");
        for secret in
            ["佐藤", "鈴木", "高橋", "1丁目", "nurse-pc", "p-1", "d-real", "山本", "本人の話", "ABC900", "H-0"]
        {
            assert!(!text.contains(secret), "{secret} leaked");
        }
        for r in ad.iter().chain(&ar) {
            assert!(r.stamps.is_empty());
            assert_eq!(r.meta.updated_by.as_str(), ANON_DEVICE);
            assert_eq!(r.meta.rev, 1);
            assert!(r.meta.predecessor.is_none(), "link to a record not exported is dropped");
        }
        // The assessment still points at its (renamed) patient, and so does the patient's judgement.
        let assessment = ar.iter().find(|r| r.meta.kind == RecordKind::Assessment).expect("assessment");
        let assessment_body = assessment.body.to_value();
        let patient_id = assessment_body["patient_id"].as_str().expect("id");
        let p1 = ar.iter().find(|r| r.meta.id.as_str() == patient_id).expect("patient exists");
        assert_eq!(p1.meta.kind, RecordKind::Patient);
        let p1_body = p1.body.to_value();
        let cited = p1_body["symptoms"]["respiratory_source"]["assessment_id"].as_str().expect("id");
        assert_eq!(cited, assessment.meta.id.as_str());
        assert_eq!(assessment_body["assessor"], serde_json::json!(""));
        assert_eq!(assessment_body["notes"], serde_json::json!(""));
        assert!(report.removed.iter().any(|l| l.contains("療養者001〜療養者003")));
        assert!(report.removed.iter().any(|l| l == "住所（市町村より下）: 3件を削除しました"));
        assert!(report.removed.iter().any(|l| l == "ゴミ箱の記録: 1件は書き出しません"));
        assert!(report.warnings.iter().any(|w| w.contains("「A市の療養者」は2人です")));
    }

    #[test]
    fn reviewed_free_text_can_be_kept() {
        let (ds, rs) = data();
        let opts = AnonymiseOptions {
            keep_free_text: [FreeTextField::FirstSymptom, FreeTextField::LastContact].into_iter().collect(),
            ages_as_bands: false,
            ..AnonymiseOptions::default()
        };
        let (_, ar, report) = anonymise(&ds, &rs, &opts);
        let p: Patient = ar[0].body_as().expect("patient");
        assert_eq!(p.first_symptom, "話しにくくなった");
        assert_eq!(p.last_contact, "2025/4/12 電話");
        assert_eq!(p.age, Some(Age::Years(67)));
        assert_eq!(p.devices, "");
        assert!(report.kept.iter().any(|l| l == "初発症状: 3件を確認のうえ残しました"));
    }

    fn with_programmes() -> (Vec<StoredRecord>, Vec<StoredRecord>) {
        use crate::domain::programmes::{
            Center, CenterActivities, CenterOperation, Council, CouncilUnit, StandardProgramme,
        };
        let (ds, mut rs) = data();
        let t = Timestamp(1_747_000_000_000);
        let mut council = Programme::standard(StandardProgramme::RegionalCouncil);
        council.implemented = Some(true);
        council.outcome = "山田さんの家族会と連携できた".into();
        council.council = Some(Council {
            related_meeting: None,
            first_year: FiscalYear::new(2016).ok(),
            meetings_this_year: Some(2),
            unit: Some(CouncilUnit::Other),
            unit_other: "二次医療圏単位".into(),
            agenda: "事例検討（佐藤氏の退院支援）".into(),
        });
        let mut center = Programme::standard(StandardProgramme::SupportCenter);
        center.summary = "当県では相談員2名で対応".into();
        center.center = Some(Center {
            operation: Some(CenterOperation::Contracted),
            contractor: "NPO法人ひまわり".into(),
            activities: CenterActivities {
                consultation: true,
                other: true,
                other_text: "患者会の立ち上げ支援".into(),
                ..CenterActivities::default()
            },
        });
        for (i, p) in [council, center].iter().enumerate() {
            let r = StoredRecord::create(id(&format!("g-{i}")), id("d-real"), p, t, &dev("nurse-pc")).expect("creates");
            rs.push(r);
        }
        (ds, rs)
    }

    #[test]
    fn programmes_are_anonymised_field_by_field() {
        use crate::domain::programmes::{CenterOperation, CouncilUnit, StandardProgramme};
        let (ds, rs) = with_programmes();
        let (_, ar, report) = anonymise(&ds, &rs, &AnonymiseOptions::default());
        let progs: Vec<Programme> = ar.iter().filter_map(|r| r.body_as::<Programme>().ok()).collect();
        assert_eq!(progs.len(), 2);
        let council = &progs[0];
        assert_eq!(council.summary, StandardProgramme::RegionalCouncil.description(), "printed text kept");
        assert_eq!(council.outcome, "");
        assert_eq!(council.implemented, Some(true));
        let c = council.council.as_ref().expect("council");
        assert_eq!((c.agenda.as_str(), c.unit_other.as_str()), ("", ""));
        assert_eq!(
            (c.first_year, c.meetings_this_year, c.unit),
            (FiscalYear::new(2016).ok(), Some(2), Some(CouncilUnit::Other))
        );
        let center = &progs[1];
        assert_eq!(center.summary, "", "a rewritten 概要 is free text");
        let cc = center.center.as_ref().expect("center");
        assert_eq!((cc.contractor.as_str(), cc.activities.other_text.as_str()), ("", ""));
        assert_eq!(cc.operation, Some(CenterOperation::Contracted));
        assert!(cc.activities.consultation && cc.activities.other);
        assert!(
            report
                .removed
                .iter()
                .any(|l| l == "様式2 事業の記述（事業の概要・成果・課題・議題・委託先など）: 6件を削除しました"),
            "{:?}",
            report.removed
        );
        let keep = AnonymiseOptions {
            keep_free_text: [FreeTextField::ProgrammeText].into_iter().collect(),
            ..AnonymiseOptions::default()
        };
        let (_, ar, report) = anonymise(&ds, &rs, &keep);
        let progs: Vec<Programme> = ar.iter().filter_map(|r| r.body_as::<Programme>().ok()).collect();
        assert_eq!(progs[0].outcome, "山田さんの家族会と連携できた");
        assert_eq!(progs[1].center.as_ref().map(|c| c.contractor.as_str()), Some("NPO法人ひまわり"));
        assert!(report.kept.iter().any(|l| l.ends_with("6件を確認のうえ残しました")));
    }

    #[test]
    fn review_lists_exactly_the_texts_a_kept_field_lets_out() {
        let (ds, rs) = with_programmes();
        let (_, removed_all, _) = anonymise(&ds, &rs, &AnonymiseOptions::default());
        let removed_text = serde_json::to_string(&removed_all).expect("json");
        for field in FreeTextField::ALL {
            let listed = free_text_values(&ds, &rs, field);
            let keep = AnonymiseOptions {
                keep_free_text: [field].into_iter().collect(),
                ages_as_bands: true,
                ..AnonymiseOptions::default()
            };
            let (_, kept, report) = anonymise(&ds, &rs, &keep);
            let kept_text = serde_json::to_string(&kept).expect("json");
            for text in &listed {
                let quoted = serde_json::to_string(text).expect("json");
                assert!(kept_text.contains(&quoted), "{field:?}: {text} kept");
                assert!(!removed_text.contains(&quoted), "{field:?}: {text} removed by default");
            }
            let line = format!("{}: {}件を確認のうえ残しました", field.label(), listed.len());
            assert_eq!(report.kept.contains(&line), !listed.is_empty(), "{field:?}: {:?}", report.kept);
        }
        assert_eq!(free_text_values(&ds, &rs, FreeTextField::FirstSymptom).len(), 3, "trashed record not listed");
        assert_eq!(free_text_values(&ds, &rs, FreeTextField::Assessor).len(), 4, "3 judgements and 1 assessment");
        assert_eq!(free_text_values(&ds, &rs, FreeTextField::OtherNotes), vec!["本人の話".to_string()]);
    }

    #[test]
    fn small_groups_are_flagged() {
        let w = small_group_warnings(&[("A市".into(), 4), ("B町".into(), 5), ("C村".into(), 0), ("D村".into(), 1)]);
        assert_eq!(w.len(), 2);
        assert!(w[0].starts_with("「A市」は4人です。5人未満"));
        assert!(w[1].starts_with("「D村」は1人です"));
    }

    #[test]
    fn last_contact_months() {
        assert_eq!(year_month_in("2024/5/12 電話"), Some(YearMonth { year: 2024, month: Some(5) }));
        assert_eq!(year_month_in("２０２４年５月 訪問"), Some(YearMonth { year: 2024, month: Some(5) }));
        assert_eq!(year_month_in("2024年"), Some(YearMonth { year: 2024, month: None }));
        assert_eq!(year_month_in("R6.5 訪問"), None);
        assert_eq!(year_month_in("訪問"), None);
        assert_eq!(month_start(Timestamp(1_747_000_000_000)).date_jst(), Date { year: 2025, month: 5, day: 1 });
        assert_eq!(month_start(Timestamp(1)), Timestamp(0), "never before 1970");
    }

    #[test]
    fn evaluation_texts_are_free_text() {
        let (ds, mut rs) = data();
        let mut e = crate::domain::evaluation::Evaluation::default();
        e.daily.issue = "Aさん宅は往診医が見つからない".to_string();
        e.overall = "緊急時の訪問看護が不足".to_string();
        let body = crate::domain::record::Body::from_typed(&e).expect("body");
        rs.push(StoredRecord {
            meta: RecordMeta { kind: RecordKind::Evaluation, id: id("ev-1"), ..rs[1].meta.clone() },
            body,
            stamps: BTreeMap::new(),
        });
        let (_, ar, _) = anonymise(&ds, &rs, &AnonymiseOptions::default());
        let ev = ar.iter().find(|r| r.meta.kind == RecordKind::Evaluation).expect("evaluation");
        let e2: crate::domain::evaluation::Evaluation = ev.body_as().expect("typed");
        assert_eq!((e2.daily.issue.as_str(), e2.overall.as_str()), ("", ""));
        let keep = AnonymiseOptions {
            keep_free_text: vec![FreeTextField::OtherNotes].into_iter().collect(),
            ..AnonymiseOptions::default()
        };
        let (_, ar, _) = anonymise(&ds, &rs, &keep);
        let ev = ar.iter().find(|r| r.meta.kind == RecordKind::Evaluation).expect("evaluation");
        let e3: crate::domain::evaluation::Evaluation = ev.body_as().expect("typed");
        assert_eq!(e3.overall, "緊急時の訪問看護が不足", "kept after review");
    }

    /// 補助の上限表 (format 6) names 市町村, amounts and schemes — no person: it leaves as it is.
    #[test]
    fn the_subsidy_table_leaves_unchanged() {
        use crate::domain::ventilator::tables::{MunicipalTable, SubsidyTables};
        let (ds, mut rs) = data();
        let mut t = SubsidyTables::default();
        t.municipalities.push(MunicipalTable { municipality: "B町".into(), table: t.common.clone() });
        let r = StoredRecord::create(id("d-real:subsidy_table"), id("d-real"), &t, Timestamp(1), &dev("nurse-pc"))
            .expect("creates");
        rs.push(r);
        let (_, ar, _) = anonymise(&ds, &rs, &AnonymiseOptions::default());
        let kept = ar.iter().find(|r| r.meta.kind == RecordKind::SubsidyTable).expect("subsidy table");
        assert_eq!(kept.body_as::<SubsidyTables>().expect("typed"), t);
    }
}
