//! The roster's columns in the paper form's order and groups, and each patient's row of
//! display strings.

use super::{shown_address, shown_name};
use crate::domain::number::Decimal2;
use crate::domain::patient::{Age, Patient, Service, VisitMode};
use crate::domain::tri::Tri;

/// A column of the roster, in the paper form's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RosterColumn {
    /// Stable key (a CSS class or test selector)
    pub key: &'static str,
    /// Group heading on the paper form (`""` when the column stands alone)
    pub group: &'static str,
    /// Column heading
    pub label: &'static str,
    /// The service whose gap colours this cell pink
    pub service: Option<Service>,
}

const fn col(key: &'static str, group: &'static str, label: &'static str, service: Option<Service>) -> RosterColumn {
    RosterColumn { key, group, label, service }
}

const PROC: &str = "医療処置管理";
const SYMP: &str = "特定症状";
const NEURO: &str = "神経内科専門医療機関";
const FAM: &str = "かかりつけ主治医";
const ST: &str = "訪問看護ステーション";
const INST: &str = "医療機関からの訪問看護";
const PROG: &str = "在宅人工呼吸器使用患者支援事業";

/// The roster's columns, in the paper form's order (番号 first).
pub const ROSTER_COLUMNS: [RosterColumn; 44] = [
    col("number", "", "番号", None),
    col("id_number", "", "ID番号", None),
    col("address", "", "住所", None),
    col("name", "", "氏名", None),
    col("onset", "", "発症時期", None),
    col("first_symptom", "", "初発症状", None),
    col("age", "", "年齢", None),
    col("adl", "", "ADL", None),
    col("ventilator", PROC, "人工呼吸器", Some(Service::MedicalProcedures)),
    col("tracheostomy", PROC, "気管切開", Some(Service::MedicalProcedures)),
    col("suction", PROC, "吸引", Some(Service::MedicalProcedures)),
    col("tube_feeding", PROC, "経管栄養", Some(Service::MedicalProcedures)),
    col("other_procedure", PROC, "その他", Some(Service::MedicalProcedures)),
    col("devices", "", "使用医療機器", None),
    col("respiratory", SYMP, "呼吸障害", None),
    col("swallowing", SYMP, "嚥下障害", None),
    col("speech", SYMP, "構音障害", None),
    col("urinary", SYMP, "排尿障害", None),
    col("autonomic", SYMP, "自律神経障害", None),
    col("neurology_name", NEURO, "機関名", Some(Service::Neurology)),
    col("neurology_mode", NEURO, "受診形態", Some(Service::Neurology)),
    col("neurology_per_month", NEURO, "頻度（回/月）", Some(Service::Neurology)),
    col("family_doctor_name", FAM, "機関名", Some(Service::FamilyDoctor)),
    col("family_doctor_mode", FAM, "受診形態", Some(Service::FamilyDoctor)),
    col("family_doctor_per_month", FAM, "頻度（回/月）", Some(Service::FamilyDoctor)),
    col("emergency_admission", "", "緊急時の入院機関", Some(Service::EmergencyAdmission)),
    col("respite_admission", "", "レスパイトの入院・入所機関", Some(Service::RespiteAdmission)),
    col("home_respite", "", "在宅でのレスパイト", Some(Service::HomeRespite)),
    col("emergency_nursing", "", "緊急時の訪問看護", Some(Service::EmergencyNursing)),
    col("station_names", ST, "機関名", Some(Service::StationNursing)),
    col("station_count", ST, "利用機関数", Some(Service::StationNursing)),
    col("station_weekly", ST, "1週間の合計訪問回数", Some(Service::StationNursing)),
    col("institution_name", INST, "機関名", Some(Service::InstitutionNursing)),
    col("institution_weekly", INST, "1週間の合計訪問回数", Some(Service::InstitutionNursing)),
    col("programme_used", PROG, "利用", Some(Service::VentilatorProgramme)),
    col("programme_weekly", PROG, "事業による訪問回数", Some(Service::VentilatorProgramme)),
    col("weekly_total", "", "1週間の合計訪問看護利用回数", None),
    col("care_insurance", "", "介護保険（介護度）", Some(Service::CareInsurance)),
    col("disability_certificate", "", "身体障害者手帳（級）", None),
    col("disability_support_class", "", "障害支援区分", None),
    col("home_care_service", "", "障害者総合支援法による居宅介護", Some(Service::HomeCareService)),
    col("disaster_plan", "", "災害時個別支援計画", Some(Service::DisasterPlan)),
    col("last_contact", "", "最終把握時期", None),
    col("support_class", "", "支援管理区分", None),
];

/// One roster row: display strings in the paper form's coding (なし `0`, 不明 blank, 有/無
/// `1`/`0`, codes as on the form; 年齢 `72` or `区分3`; station names joined by 、).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RosterRow {
    /// Index into the patients passed to [`roster_rows`]
    pub index: usize,
    /// 番号 (1, 2, … in the shown order)
    pub number: String,
    pub id_number: String,
    /// 住所 (市町村 only when hidden)
    pub address: String,
    /// 氏名 (the ID番号 when hidden)
    pub name: String,
    pub onset: String,
    pub first_symptom: String,
    pub age: String,
    pub adl: String,
    pub ventilator: String,
    pub tracheostomy: String,
    pub suction: String,
    pub tube_feeding: String,
    pub other_procedure: String,
    pub devices: String,
    pub respiratory: String,
    pub swallowing: String,
    pub speech: String,
    pub urinary: String,
    pub autonomic: String,
    pub neurology_name: String,
    pub neurology_mode: String,
    pub neurology_per_month: String,
    pub family_doctor_name: String,
    pub family_doctor_mode: String,
    pub family_doctor_per_month: String,
    pub emergency_admission: String,
    pub respite_admission: String,
    pub home_respite: String,
    pub emergency_nursing: String,
    pub station_names: String,
    pub station_count: String,
    pub station_weekly: String,
    pub institution_name: String,
    pub institution_weekly: String,
    pub programme_used: String,
    pub programme_weekly: String,
    /// 1週間の合計訪問看護利用回数 (computed)
    pub weekly_total: String,
    pub care_insurance: String,
    pub disability_certificate: String,
    pub disability_support_class: String,
    pub home_care_service: String,
    /// 災害時個別支援計画: the year, `1` (あり, year unknown), `0` (なし) or blank (不明)
    pub disaster_plan: String,
    pub last_contact: String,
    pub support_class: String,
    /// Services flagged as gaps (their cells are shown pink)
    pub gaps: Vec<Service>,
    /// ギャップ with notes, for a tooltip or a list: `訪問看護ステーション（回数が不足）`
    pub gap_summary: String,
}

/// One cell of a row with its column and whether it is pink (a gap).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RosterCell<'a> {
    pub column: &'static RosterColumn,
    pub text: &'a str,
    pub gap: bool,
}

impl RosterRow {
    /// The cells in [`ROSTER_COLUMNS`] order.
    pub fn cells(&self) -> Vec<RosterCell<'_>> {
        let texts: [&str; 44] = [
            &self.number,
            &self.id_number,
            &self.address,
            &self.name,
            &self.onset,
            &self.first_symptom,
            &self.age,
            &self.adl,
            &self.ventilator,
            &self.tracheostomy,
            &self.suction,
            &self.tube_feeding,
            &self.other_procedure,
            &self.devices,
            &self.respiratory,
            &self.swallowing,
            &self.speech,
            &self.urinary,
            &self.autonomic,
            &self.neurology_name,
            &self.neurology_mode,
            &self.neurology_per_month,
            &self.family_doctor_name,
            &self.family_doctor_mode,
            &self.family_doctor_per_month,
            &self.emergency_admission,
            &self.respite_admission,
            &self.home_respite,
            &self.emergency_nursing,
            &self.station_names,
            &self.station_count,
            &self.station_weekly,
            &self.institution_name,
            &self.institution_weekly,
            &self.programme_used,
            &self.programme_weekly,
            &self.weekly_total,
            &self.care_insurance,
            &self.disability_certificate,
            &self.disability_support_class,
            &self.home_care_service,
            &self.disaster_plan,
            &self.last_contact,
            &self.support_class,
        ];
        ROSTER_COLUMNS
            .iter()
            .zip(texts)
            .map(|(column, text)| RosterCell {
                column,
                text,
                gap: column.service.is_some_and(|s| self.gaps.contains(&s)),
            })
            .collect()
    }
}

fn yes_no(v: Option<bool>) -> String {
    super::super::input::yes_no_text(v)
}

fn decimal(v: Option<Decimal2>) -> String {
    v.map(|d| d.to_string()).unwrap_or_default()
}

fn mode(v: Option<VisitMode>) -> String {
    v.map(|m| m.code().to_string()).unwrap_or_default()
}

fn tri_text(t: &Tri<String>) -> String {
    t.as_cell(Clone::clone)
}

/// The row of one patient (`number` is its 番号 in the shown order, from 1).
pub fn roster_row(index: usize, number: usize, p: &Patient, hide_names: bool) -> RosterRow {
    RosterRow {
        index,
        number: number.to_string(),
        id_number: p.id_number.clone(),
        address: shown_address(p, hide_names),
        name: shown_name(p, hide_names),
        onset: p.onset.map(|o| o.to_string()).unwrap_or_default(),
        first_symptom: p.first_symptom.clone(),
        age: match p.age {
            Some(Age::Years(y)) => y.to_string(),
            Some(Age::Band(b)) => format!("区分{}", b.code()),
            None => String::new(),
        },
        adl: p.adl.map(|a| a.code().to_string()).unwrap_or_default(),
        ventilator: yes_no(p.procedures.ventilator),
        tracheostomy: yes_no(p.procedures.tracheostomy),
        suction: yes_no(p.procedures.suction),
        tube_feeding: yes_no(p.procedures.tube_feeding),
        other_procedure: yes_no(p.procedures.other),
        devices: p.devices.clone(),
        respiratory: yes_no(p.symptoms.respiratory),
        swallowing: yes_no(p.symptoms.swallowing),
        speech: yes_no(p.symptoms.speech),
        urinary: yes_no(p.symptoms.urinary),
        autonomic: yes_no(p.symptoms.autonomic),
        neurology_name: tri_text(&p.neurology.name),
        neurology_mode: mode(p.neurology.mode),
        neurology_per_month: decimal(p.neurology.per_month),
        family_doctor_name: tri_text(&p.family_doctor.name),
        family_doctor_mode: mode(p.family_doctor.mode),
        family_doctor_per_month: decimal(p.family_doctor.per_month),
        emergency_admission: tri_text(&p.emergency_admission),
        respite_admission: tri_text(&p.respite_admission),
        home_respite: tri_text(&p.home_respite),
        emergency_nursing: tri_text(&p.emergency_nursing),
        station_names: p.station_nursing.names.as_cell(|names| names.join("、")),
        station_count: p.station_nursing.count.map(|c| c.to_string()).unwrap_or_default(),
        station_weekly: decimal(p.station_nursing.weekly_visits),
        institution_name: tri_text(&p.institution_nursing.name),
        institution_weekly: decimal(p.institution_nursing.weekly_visits),
        programme_used: yes_no(p.ventilator_programme.used),
        programme_weekly: decimal(p.ventilator_programme.weekly_visits),
        weekly_total: decimal(p.weekly_total()),
        care_insurance: p.care_insurance.as_cell(|c| c.code().to_string()),
        disability_certificate: p.disability_certificate.as_cell(u8::to_string),
        disability_support_class: p.disability_support_class.as_cell(u8::to_string),
        home_care_service: yes_no(p.home_care_service),
        disaster_plan: p.disaster_plan.as_cell(|year| year.map_or_else(|| "1".to_string(), |y| y.to_string())),
        last_contact: p.last_contact.clone(),
        support_class: p.support_class.clone(),
        gaps: p.gaps.iter().map(|g| g.service).collect(),
        gap_summary: p
            .gaps
            .iter()
            .map(|g| {
                if g.note.trim().is_empty() {
                    g.service.label().to_string()
                } else {
                    format!("{}（{}）", g.service.label(), g.note.trim())
                }
            })
            .collect::<Vec<_>>()
            .join("、"),
    }
}

/// The rows for `indices` (from [`roster_indices`]), numbered 1, 2, … in that order.
pub fn roster_rows(patients: &[Patient], indices: &[usize], hide_names: bool) -> Vec<RosterRow> {
    indices
        .iter()
        .filter_map(|&i| patients.get(i).map(|p| (i, p)))
        .enumerate()
        .map(|(n, (i, p))| roster_row(i, n + 1, p, hide_names))
        .collect()
}

/// The heading rows: groups of the paper form over their columns (a column without a group
/// spans both rows). Each entry: (group label, or `""` for a column alone; how many columns
/// it spans; its first column's index).
pub fn header_groups() -> Vec<(&'static str, usize, usize)> {
    let mut out: Vec<(&'static str, usize, usize)> = Vec::new();
    for (i, c) in ROSTER_COLUMNS.iter().enumerate() {
        match out.last_mut() {
            Some((g, span, _)) if !c.group.is_empty() && *g == c.group => *span += 1,
            _ => out.push((c.group, 1, i)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_groups_span_the_paper_forms_groups() {
        let groups = header_groups();
        // 8 single columns, 医療処置管理 ×5, 使用医療機器, 特定症状 ×5, 神経内科 ×3,
        // かかりつけ ×3, 4 singles, ステーション ×3, 医療機関 ×2, 事業 ×2, 8 singles.
        assert_eq!(groups.len(), 28);
        assert_eq!(groups.iter().map(|(_, span, _)| span).sum::<usize>(), ROSTER_COLUMNS.len());
        assert_eq!(groups[0], ("", 1, 0));
        assert_eq!(groups[8], ("医療処置管理", 5, 8));
        assert_eq!(groups[9], ("", 1, 13));
        assert_eq!(groups[10], ("特定症状", 5, 14));
        assert_eq!(groups[11], ("神経内科専門医療機関", 3, 19));
        assert_eq!(groups[12], ("かかりつけ主治医", 3, 22));
        assert_eq!(groups[17], ("訪問看護ステーション", 3, 29));
        assert_eq!(groups[18], ("医療機関からの訪問看護", 2, 32));
        assert_eq!(groups[19], ("在宅人工呼吸器使用患者支援事業", 2, 34));
        assert_eq!(groups[27], ("", 1, 43));
    }
}
