//! サンプルの地域診断: a fictional 「みどり保健所管内（サンプル）」 for two consecutive 年度, to
//! explore the app and to train with, and the one rule that tells its records from real ones.
//!
//! * [`build`] makes every record of the sample, deterministically: 地域の概況, about 40
//!   療養者 (the seed's 例1 and 例2 among them) of varied diseases, ages, ADL, 医療処置,
//!   services and ギャップ, 8 訪問看護ステーション with staff lists, 様式2, 様式4 and 判断樹
//!   assessments. Each body is the output of its own form's parser (the form filled with the
//!   sample's values and read back), so the sample cannot hold what a nurse could not type.
//! * The sample is marked by its IDs, not by a field: every 地域診断 of the sample has an ID
//!   starting with [`SAMPLE_PREFIX`] (`sample-2024`, `sample-2025`), and so do the records
//!   the sample is made with. [`is_sample_diagnosis`] is the rule; a record belongs to the
//!   sample when its 地域診断 does ([`is_sample_record`]). Bundles need no new field.
//! * [`import_problem`]: a file may never put a sample record into a real 地域診断.
//! * [`synthetic`]: the bench and load-test rosters (another thing: random, any size).

mod area;
mod assessments;
mod people;
pub mod synthetic;
#[cfg(test)]
mod tests;

pub use synthetic::{synthetic_patient, synthetic_patients, synthetic_stations, Lcg, SAMPLE_TIME};

use crate::domain::diagnosis::{CommunityDiagnosis, DiagnosisEntry, DiagnosisInput};
use crate::domain::evaluation::EvaluationForm;
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::forms::overview_form::OverviewForm;
use crate::domain::forms::patient_form::PatientForm;
use crate::domain::forms::seed_examples::{seed_example_1, seed_example_2};
use crate::domain::forms::station_form::StationForm;
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::issues::Issues;
use crate::domain::patient::Patient;
use crate::domain::programmes::ProgrammeForm;
use crate::domain::record::{RecordBody, StoredRecord};
use crate::domain::records::{EVALUATION_SUFFIX, OVERVIEW_SUFFIX};
use crate::domain::time::{Date, Timestamp};
use crate::domain::trees::assessment::Assessment;
use crate::domain::trees::proposal::{apply_proposal, proposal, Symptom};

/// The start of every sample ID (地域診断 and records).
pub const SAMPLE_PREFIX: &str = "sample-";
/// 地区名 of the sample.
pub const JURISDICTION: &str = "みどり保健所管内（サンプル）";
/// The first sample 年度 (the second is the next one).
pub const FIRST_YEAR: i32 = 2024;
/// How many 年度 the sample has.
pub const YEARS: usize = 2;
/// The device named in the sample's records (the same on every device, so two devices'
/// samples are the same records).
pub const SAMPLE_DEVICE: &str = "sample";
/// The badge beside the sample everywhere (list, header, print, export).
pub const BADGE: &str = "サンプル";

/// Whether a 地域診断 is (part of) the sample: THE rule, by its ID.
pub fn is_sample_diagnosis(id: &RecordId) -> bool {
    id.as_str().starts_with(SAMPLE_PREFIX)
}

/// Whether a record belongs to the sample (its 地域診断 is the sample's).
pub fn is_sample_record(record: &StoredRecord) -> bool {
    is_sample_diagnosis(&record.meta.diagnosis_id)
}

/// The records that are not the sample's (what 「すべて書き出す」 writes unless the sample is
/// chosen too).
pub fn without_sample(all: &[StoredRecord]) -> Vec<StoredRecord> {
    all.iter().filter(|r| !is_sample_record(r)).cloned().collect()
}

/// Why a record read from a file may not be written (a real 地域診断 never receives a
/// record of the sample: one with a sample ID, or continuing a sample record as its 前年度).
/// Records of the sample's own 地域診断 are always allowed: they stay in the sample.
pub fn import_problem(record: &StoredRecord) -> Option<String> {
    if is_sample_record(record) {
        return None;
    }
    let sample_id = is_sample_diagnosis(&record.meta.id);
    let sample_predecessor = record.meta.predecessor.as_ref().is_some_and(is_sample_diagnosis);
    (sample_id || sample_predecessor).then(|| {
        format!(
            "サンプルの記録（ID「{}」）が、サンプルではない地域診断「{}」に入っています。サンプルの記録は実際の地域診断に取り込めません",
            if sample_id { &record.meta.id } else { record.meta.predecessor.as_ref().unwrap_or(&record.meta.id) },
            record.meta.diagnosis_id
        )
    })
}

/// The ID for a new record or 地域診断 made from `diagnosis` (e.g. 「次年度の地域診断を作る」 on
/// the sample): `fresh` itself, or with the sample's prefix when `diagnosis` is the sample's,
/// so what is made from the sample stays the sample.
pub fn fresh_id_in(diagnosis: &RecordId, fresh: RecordId) -> RecordId {
    if is_sample_diagnosis(diagnosis) {
        RecordId::sanitized(&format!("{SAMPLE_PREFIX}{fresh}"))
    } else {
        fresh
    }
}

/// The sample's 地域診断 to open among those listed: the latest 年度 (`None`: not there yet).
pub fn listed(entries: &[DiagnosisEntry]) -> Option<&DiagnosisEntry> {
    entries.iter().filter(|e| is_sample_diagnosis(&e.record.meta.id)).max_by_key(|e| e.diagnosis.fiscal_year)
}

/// The sample's 地域診断 in the ゴミ箱 (`trashed`: the ゴミ箱's entries), which 「サンプルを開く」
/// brings back when none is on the list (a new sample would be written over them, under the
/// same IDs).
pub fn in_trash(trashed: &[DiagnosisEntry]) -> Vec<&DiagnosisEntry> {
    trashed.iter().filter(|e| is_sample_diagnosis(&e.record.meta.id)).collect()
}

/// What 「サンプルを削除」 removes: every sample 地域診断 given (on the list or in the ゴミ箱)
/// and the sample's own IDs (with all their records and drafts).
pub fn to_remove(entries: &[DiagnosisEntry]) -> Vec<RecordId> {
    let mut ids: Vec<RecordId> =
        entries.iter().map(|e| e.record.meta.id.clone()).filter(is_sample_diagnosis).chain(diagnosis_ids()).collect();
    ids.sort();
    ids.dedup();
    ids
}

fn sample_id(text: &str) -> Result<RecordId, String> {
    RecordId::parse(&format!("{SAMPLE_PREFIX}{text}")).map_err(|e| format!("サンプルのID「{text}」: {e}"))
}

/// The ID of the sample's 地域診断 of year `year_index` (0: [`FIRST_YEAR`]).
pub fn diagnosis_id(year_index: usize) -> Result<RecordId, String> {
    sample_id(&(FIRST_YEAR + year_index as i32).to_string())
}

/// The sample's 地域診断 IDs, oldest first.
pub fn diagnosis_ids() -> Vec<RecordId> {
    (0..YEARS).filter_map(|y| diagnosis_id(y).ok()).collect()
}

/// Every record of the sample: the 地域診断 and the records of each, as the store's write
/// batch wants them.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    pub diagnoses: Vec<StoredRecord>,
    pub records: Vec<StoredRecord>,
}

impl Sample {
    /// The 地域診断 to open: the latest 年度.
    pub fn opened(&self) -> Option<&RecordId> {
        self.diagnoses.last().map(|d| &d.meta.id)
    }
}

fn first_error(what: &str, issues: &Issues) -> String {
    let detail = issues.errors().next().map(|i| format!("{}: {}", i.label, i.message)).unwrap_or_default();
    format!("サンプルの{what}を作れません（{detail}）")
}

/// Builds records of one year, each linked to the record it continues.
struct Year {
    diagnosis: RecordId,
    previous: Option<RecordId>,
    at: Timestamp,
    device: DeviceId,
    out: Vec<StoredRecord>,
}

impl Year {
    fn put<T: RecordBody>(&mut self, id: RecordId, body: &T, predecessor: Option<RecordId>) -> Result<(), String> {
        let mut r =
            StoredRecord::create(id, self.diagnosis.clone(), body, self.at, &self.device).map_err(|e| e.to_string())?;
        r.meta.predecessor = predecessor;
        self.out.push(r);
        Ok(())
    }

    /// `sample-<year>-<suffix>`, and the same record of the previous year.
    fn ids(&self, suffix: &str) -> Result<(RecordId, Option<RecordId>), String> {
        let id = RecordId::parse(&format!("{}-{suffix}", self.diagnosis)).map_err(|e| e.to_string())?;
        let previous = match &self.previous {
            Some(p) => Some(RecordId::parse(&format!("{p}-{suffix}")).map_err(|e| e.to_string())?),
            None => None,
        };
        Ok((id, previous))
    }
}

/// 様式1 of year `year_index`: the seed's examples (placed in the sample's 市町村) and the
/// generated people, each read back through [`PatientForm::parse`].
fn patients(year_index: usize, today: Date) -> Result<Vec<(usize, Patient)>, String> {
    let stations = area::station_names(year_index);
    let mut out = Vec::new();
    for n in people::PEOPLE.filter(|n| people::present(*n, year_index)) {
        let form = match n {
            1 | 2 => {
                let mut form = if n == 1 { seed_example_1() } else { seed_example_2() };
                form.municipality = people::MUNICIPALITIES[n].to_string();
                form
            }
            _ => PatientForm::from_patient(&people::generated(n, year_index, FIRST_YEAR, &stations)),
        };
        let (patient, _) = form.parse(today).map_err(|i| first_error(&format!("療養者 {n}"), &i))?;
        out.push((n, patient));
    }
    Ok(out)
}

/// The 判断樹 of the last year, each finished one taken into its patient's 様式1 特定症状 as
/// the nurse does with 「様式1に反映」 (every proposed symptom, with who judged and when), so
/// the sample's 様式1 agrees with its assessments.
fn reflected_assessments(
    y: &mut Year,
    patients: &mut [(RecordId, Patient)],
) -> Result<Vec<(RecordId, Assessment)>, String> {
    let mut out = Vec::new();
    for (k, a) in assessments::assessments(patients, y.at)?.into_iter().enumerate() {
        let (aid, _) = y.ids(&format!("a{:02}", k + 1))?;
        let proposal = proposal(&a);
        if proposal.finished {
            if let Some((_, patient)) = patients.iter_mut().find(|(id, _)| *id == a.patient_id) {
                apply_proposal(patient, &proposal, &aid, &Symptom::ALL).map_err(|e| e.to_string())?;
            }
        }
        out.push((aid, a));
    }
    Ok(out)
}

fn build_year(year_index: usize, device: &DeviceId) -> Result<(StoredRecord, Vec<StoredRecord>), String> {
    let start = FIRST_YEAR + year_index as i32;
    let fiscal_year = FiscalYear::new(start).map_err(|e| e.to_string())?;
    let today = Date::new(start, 12, 1).ok_or("サンプルの日付を作れません")?;
    let at = Timestamp(today.start_jst().0 + 9 * 3_600_000);
    let input = DiagnosisInput { jurisdiction: JURISDICTION.to_string(), fiscal_year: start.to_string() };
    let diagnosis: CommunityDiagnosis = input.parse().map_err(|i| first_error("地域診断", &i))?;
    let id = diagnosis_id(year_index)?;
    let record = StoredRecord::create(id.clone(), id.clone(), &diagnosis, at, device).map_err(|e| e.to_string())?;
    let previous = year_index.checked_sub(1).map(diagnosis_id).transpose()?;
    let mut y = Year { diagnosis: id.clone(), previous, at, device: device.clone(), out: Vec::new() };

    let (overview, _) =
        OverviewForm::from_overview(&area::overview(year_index)).parse().map_err(|i| first_error("地域の概況", &i))?;
    let overview_id = RecordId::singleton(&id, OVERVIEW_SUFFIX).map_err(|e| e.to_string())?;
    let overview_previous = y.previous.as_ref().and_then(|p| RecordId::singleton(p, OVERVIEW_SUFFIX).ok());
    y.put(overview_id, &overview, overview_previous)?;

    for (i, station) in area::stations(year_index).iter().enumerate() {
        let (station, _) = StationForm::from_station(station).parse().map_err(|e| first_error("ステーション", &e))?;
        let (sid, prev) = y.ids(&format!("s{:02}", i + 1))?;
        let prev = prev.filter(|_| i < area::station_names(0).len());
        y.put(sid, &station, prev)?;
    }
    let mut patient_records = Vec::new();
    let mut predecessors = Vec::new();
    for (n, patient) in patients(year_index, today)? {
        let (pid, prev) = y.ids(&format!("p{n:02}"))?;
        predecessors.push(prev.filter(|_| year_index > 0 && people::present(n, 0)));
        patient_records.push((pid, patient));
    }
    let assessments =
        if year_index + 1 == YEARS { reflected_assessments(&mut y, &mut patient_records)? } else { Vec::new() };
    for ((pid, patient), prev) in patient_records.iter().zip(predecessors) {
        y.put(pid.clone(), patient, prev)?;
    }
    for (i, programme) in area::programmes(year_index).iter().enumerate() {
        let (programme, _) =
            ProgrammeForm::from_record(programme).parse(fiscal_year).map_err(|e| first_error("事業", &e))?;
        let (gid, prev) = y.ids(&format!("g{:02}", i + 1))?;
        y.put(gid, &programme, prev)?;
    }
    let (evaluation, _) =
        EvaluationForm::from_record(&area::evaluation(year_index)).parse().map_err(|e| first_error("様式4", &e))?;
    y.put(RecordId::singleton(&id, EVALUATION_SUFFIX).map_err(|e| e.to_string())?, &evaluation, None)?;
    for (aid, a) in assessments {
        y.put(aid, &a, None)?;
    }
    Ok((record, y.out))
}

/// Every record of the sample, the same on every call and every device (the times and the
/// device are fixed). Fails, in Japanese, only if a form's checks refuse a sample value.
pub fn build() -> Result<Sample, String> {
    let device = DeviceId::parse(SAMPLE_DEVICE).map_err(|e| e.to_string())?;
    let mut sample = Sample { diagnoses: Vec::new(), records: Vec::new() };
    for year_index in 0..YEARS {
        let (diagnosis, records) = build_year(year_index, &device)?;
        sample.diagnoses.push(diagnosis);
        sample.records.extend(records);
    }
    Ok(sample)
}
