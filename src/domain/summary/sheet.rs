//! 集計シート「管轄地域におけるALS在宅療養者の身体状況と医療サービスの確保状況」:
//! A 管轄地域の概況, B 訪問看護ステーションの概況, C 在宅療養者の現況.

use super::coverage::{coverage_from, ItemCoverage};
use super::figure::{
    Amount, Denominator, DiseaseFilter, DoctorFigure, DoctorKind, Figure, PatientFigure, ProcedureKind, Quantity,
    SymptomKind,
};
use super::stations::{per_100k, per_area, station_totals, StationTotals};
use super::tally::Tallies;
use crate::domain::number::{rate_tenths, Decimal2};
use crate::domain::overview::Overview;
use crate::domain::patient::{Adl, AgeBand, CareLevel, Disease, Patient};
use crate::domain::station::Station;
use serde::Serialize;

/// A．管轄地域の概況 (from 様式1's header and roster).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AreaOverview {
    /// 人口（人）
    pub population: Quantity,
    /// 面積（km²）
    pub area: Quantity,
    /// 人口密度（人/km²）
    pub density: Quantity,
    /// ALS療養者数（認定者）: the header's certified count for the filter's disease
    /// (全疾患: the sum of the header's per-disease counts).
    pub certified: Quantity,
    /// 〃 対10万人の割合（人/10万人）
    pub certified_per_100k: Quantity,
    /// 〃 対100km²の割合（人/100km²）
    pub certified_per_100km2: Quantity,
    /// 在宅療養者数（人）= N
    pub home_patients: Quantity,
    /// 在宅人工呼吸療養者数（人工呼吸器 = 1）
    pub ventilated: Figure,
    /// 難病医療協力病院（管内、ヵ所）
    pub cooperating_hospitals: Quantity,
    /// 〃 ヵ所/10万人
    pub cooperating_hospitals_per_100k: Quantity,
    /// 〃 ヵ所/100km²
    pub cooperating_hospitals_per_100km2: Quantity,
    /// 在宅療養支援診療所（管内、ヵ所）
    pub home_care_clinics: Quantity,
    /// 〃 ヵ所/10万人
    pub home_care_clinics_per_100k: Quantity,
    /// 〃 ヵ所/100km²
    pub home_care_clinics_per_100km2: Quantity,
}

impl AreaOverview {
    /// Every value in the sheet's order (the ventilated figure is [`AreaOverview::ventilated`]).
    pub fn quantities(&self) -> [&Quantity; 13] {
        [
            &self.population,
            &self.area,
            &self.density,
            &self.certified,
            &self.certified_per_100k,
            &self.certified_per_100km2,
            &self.home_patients,
            &self.cooperating_hospitals,
            &self.cooperating_hospitals_per_100k,
            &self.cooperating_hospitals_per_100km2,
            &self.home_care_clinics,
            &self.home_care_clinics_per_100k,
            &self.home_care_clinics_per_100km2,
        ]
    }
}

/// 神経内科専門医療機関 or かかりつけ主治医: あり, 外来, 往診, なし.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DoctorFigures {
    /// あり (機関名に入力がある)
    pub present: Figure,
    /// 外来 (受診形態 1)
    pub outpatient: Figure,
    /// 往診 (受診形態 2)
    pub home_visit: Figure,
    /// なし (機関名 0 or 受診形態 0)
    pub none: Figure,
}

impl DoctorFigures {
    pub fn figures(&self) -> [&Figure; 4] {
        [&self.present, &self.outpatient, &self.home_visit, &self.none]
    }
}

/// C．在宅療養者の現況: 身体状況と医療サービスの確保状況. Every % is of N unless the
/// figure's denominator says otherwise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PatientStatus {
    /// 年齢区分: 20歳未満, 20〜40歳未満, 40〜65歳未満, 65歳以上
    pub age_bands: [Figure; 4],
    /// ADL: 自立, 一部介助, 全面介助
    pub adl: [Figure; 3],
    /// 身体障害者手帳あり
    pub certificate: Figure,
    /// 手帳の級: 4〜6級, 3級, 2級, 1級 (% of 手帳あり)
    pub certificate_grades: [Figure; 4],
    /// 障害支援区分 6, 5, 4, 3, 2, 1
    pub support_classes: [Figure; 6],
    /// 障害者総合支援法による居宅介護
    pub home_care_service: Figure,
    /// 介護度: 要支援1, 要支援2, 要介護1〜5 (% of 介護保険あり)
    pub care_levels: [Figure; 7],
    /// 介護保険ありの人数 (% of N)
    pub care_insured: Figure,
    /// 災害時個別支援計画あり
    pub disaster_plan: Figure,
    /// 医療処置管理: 人工呼吸器, 気管切開, 吸引, 経管栄養, その他
    pub procedures: [Figure; 5],
    /// 特定症状: 呼吸障害, 嚥下障害, 構音障害, 排尿障害, 自律神経障害
    pub symptoms: [Figure; 5],
    /// 神経内科専門医療機関
    pub neurology: DoctorFigures,
    /// かかりつけ主治医
    pub family_doctor: DoctorFigures,
    /// 緊急時の入院機関あり
    pub emergency_admission: Figure,
    /// レスパイトの入院・入所機関あり
    pub respite_admission: Figure,
    /// 在宅でのレスパイトあり
    pub home_respite: Figure,
    /// 訪問看護ステーションからの訪問看護あり
    pub station_nursing: Figure,
    /// 訪問看護ステーション 複数利用あり
    pub multiple_stations: Figure,
    /// 医療機関からの訪問看護あり
    pub institution_nursing: Figure,
    /// 緊急時の訪問看護あり
    pub emergency_nursing: Figure,
    /// 在宅人工呼吸器使用患者支援事業（訪問看護）利用 (% of 人工呼吸器使用者)
    pub ventilator_programme: Figure,
    /// 訪問看護利用者数 (1週間の合計訪問看護利用回数 ≥ 1)
    pub nursing_users: Figure,
    /// 一週間の訪問看護の平均回数（回/週）
    pub average_weekly_visits: Quantity,
}

impl PatientStatus {
    /// Every figure in the sheet's order.
    pub fn figures(&self) -> Vec<&Figure> {
        let mut v: Vec<&Figure> = Vec::with_capacity(64);
        v.extend(self.age_bands.iter());
        v.extend(self.adl.iter());
        v.push(&self.certificate);
        v.extend(self.certificate_grades.iter());
        v.extend(self.support_classes.iter());
        v.push(&self.home_care_service);
        v.extend(self.care_levels.iter());
        v.push(&self.care_insured);
        v.push(&self.disaster_plan);
        v.extend(self.procedures.iter());
        v.extend(self.symptoms.iter());
        v.extend(self.neurology.figures());
        v.extend(self.family_doctor.figures());
        v.push(&self.emergency_admission);
        v.push(&self.respite_admission);
        v.push(&self.home_respite);
        v.push(&self.station_nursing);
        v.push(&self.multiple_stations);
        v.push(&self.institution_nursing);
        v.push(&self.emergency_nursing);
        v.push(&self.ventilator_programme);
        v.push(&self.nursing_users);
        v
    }
}

/// The whole 集計 sheet, with 様式4's 管内の状況.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// 疾患の絞り込み
    pub filter: DiseaseFilter,
    /// N: 在宅療養者数 in the filter
    pub patients: u64,
    /// A．管轄地域の概況
    pub area: AreaOverview,
    /// B．訪問看護ステーションの概況 and 様式3 の合計
    pub stations: StationTotals,
    /// C．在宅療養者の現況
    pub status: PatientStatus,
    /// 様式4 管内の状況 (the same as [`coverage`](super::coverage::coverage))
    pub coverage: [ItemCoverage; 8],
}

/// The 集計 sheet's support classes, in its order (6 … 1).
const SUPPORT_CLASSES: [u8; 6] = [6, 5, 4, 3, 2, 1];

fn certified_label(filter: &DiseaseFilter) -> (&'static str, &'static str, &'static str) {
    match filter.disease() {
        Some(Disease::Als) => ("ALS療養者数（認定者）", "ALS療養者 対10万人", "ALS療養者 対100km²"),
        Some(Disease::Scd) => ("SCD療養者数（認定者）", "SCD療養者 対10万人", "SCD療養者 対100km²"),
        Some(Disease::Msa) => ("MSA療養者数（認定者）", "MSA療養者 対10万人", "MSA療養者 対100km²"),
        Some(Disease::Pd) => ("PD療養者数（認定者）", "PD療養者 対10万人", "PD療養者 対100km²"),
        Some(Disease::Other(_)) => ("療養者数（認定者）", "療養者 対10万人", "療養者 対100km²"),
        None => ("療養者数（認定者）計", "療養者 対10万人", "療養者 対100km²"),
    }
}

/// The header's certified count for the filter: ALS/SCD/MSA/PD/追加した疾患, or for 全疾患
/// the sum of all of them (指定難病認定者数 covers every designated disease, far more than
/// the roster, so it is not used). Returns the count (None when not entered) and how many
/// counts it needed were blank.
pub fn certified_count(overview: &Overview, filter: &DiseaseFilter) -> (Option<u64>, u64) {
    let one = |v: Option<u64>| (v, u64::from(v.is_none()));
    match filter.disease() {
        Some(Disease::Als) => one(overview.certified_als),
        Some(Disease::Scd) => one(overview.certified_scd),
        Some(Disease::Msa) => one(overview.certified_msa),
        Some(Disease::Pd) => one(overview.certified_pd),
        Some(Disease::Other(name)) => {
            one(overview.certified_other.iter().find(|o| o.disease.trim() == name.trim()).and_then(|o| o.count))
        }
        None => {
            let all = [overview.certified_als, overview.certified_scd, overview.certified_msa, overview.certified_pd]
                .into_iter()
                .chain(overview.certified_other.iter().map(|o| o.count));
            let (mut sum, mut any, mut unknown) = (0u64, false, 0u64);
            for v in all {
                match v {
                    Some(n) => {
                        sum = sum.saturating_add(n);
                        any = true;
                    }
                    None => unknown += 1,
                }
            }
            (any.then_some(sum), unknown)
        }
    }
}

fn count_quantity(label: &'static str, unit: &'static str, value: Option<u64>) -> Quantity {
    Quantity::new(label, unit, value.map(Amount::Count), u64::from(value.is_none()))
}

fn area_overview(overview: &Overview, counts: &Tallies<'_>) -> AreaOverview {
    let filter = counts.filter;
    let area = overview.area_km2;
    let population = overview.population;
    let blank = |v: bool| u64::from(v);
    let per_100k_of = |value: Option<u64>| value.and_then(|v| per_100k(Decimal2::whole(v), population));
    let per_100km2_of = |value: Option<u64>| value.and_then(|v| per_area(Decimal2::whole(v), area, 100));
    let (certified, certified_unknown) = certified_count(overview, filter);
    let (certified_label, certified_100k_label, certified_100km2_label) = certified_label(filter);
    let density = match (population, area) {
        (Some(p), Some(a)) => rate_tenths(Decimal2::whole(p), a, 1).map(Amount::Rounded),
        _ => None,
    };
    let coop = overview.cooperating_hospitals_local;
    let clinics = overview.home_care_clinics_local;
    AreaOverview {
        population: count_quantity("人口", "人", population),
        area: Quantity::new("面積", "km²", area.map(Amount::Exact), blank(area.is_none())),
        density: Quantity::new("人口密度", "人/km²", density, blank(population.is_none()) + blank(area.is_none())),
        certified: Quantity::new(certified_label, "人", certified.map(Amount::Count), certified_unknown),
        certified_per_100k: Quantity::new(certified_100k_label, "人/10万人", per_100k_of(certified), certified_unknown),
        certified_per_100km2: Quantity::new(
            certified_100km2_label,
            "人/100km²",
            per_100km2_of(certified),
            certified_unknown,
        ),
        home_patients: Quantity::new("在宅療養者数", "人", Some(Amount::Count(counts.n())), 0),
        ventilated: counts.figure_as(
            PatientFigure::Procedure(ProcedureKind::Ventilator),
            "在宅人工呼吸療養者数",
            Denominator::Patients,
        ),
        cooperating_hospitals: count_quantity("難病医療協力病院（管内）", "ヵ所", coop),
        cooperating_hospitals_per_100k: Quantity::new(
            "難病医療協力病院 10万人あたり",
            "ヵ所/10万人",
            per_100k_of(coop),
            blank(coop.is_none()),
        ),
        cooperating_hospitals_per_100km2: Quantity::new(
            "難病医療協力病院 100km²あたり",
            "ヵ所/100km²",
            per_100km2_of(coop),
            blank(coop.is_none()),
        ),
        home_care_clinics: count_quantity("在宅療養支援診療所（管内）", "ヵ所", clinics),
        home_care_clinics_per_100k: Quantity::new(
            "在宅療養支援診療所 10万人あたり",
            "ヵ所/10万人",
            per_100k_of(clinics),
            blank(clinics.is_none()),
        ),
        home_care_clinics_per_100km2: Quantity::new(
            "在宅療養支援診療所 100km²あたり",
            "ヵ所/100km²",
            per_100km2_of(clinics),
            blank(clinics.is_none()),
        ),
    }
}

fn doctor_figures(counts: &Tallies<'_>, kind: DoctorKind) -> DoctorFigures {
    let f = |figure| counts.of_n(PatientFigure::Doctor(kind, figure));
    DoctorFigures {
        present: f(DoctorFigure::Present),
        outpatient: f(DoctorFigure::Outpatient),
        home_visit: f(DoctorFigure::HomeVisit),
        none: f(DoctorFigure::NoCare),
    }
}

/// 一週間の訪問看護の平均回数: the sum of the weekly totals of the 訪問看護利用者 (the same
/// rule as the count, summed in the same pass) divided by their number, rounded half up to
/// one decimal.
fn average_weekly_visits(counts: &Tallies<'_>) -> Quantity {
    let users = counts.tally(PatientFigure::NursingUsers);
    let value = rate_tenths(counts.users_weekly_sum, Decimal2::whole(users.yes), 1).map(Amount::Rounded);
    Quantity::new("一週間の訪問看護の平均回数", "回/週", value, users.unknown)
}

fn patient_status(counts: &Tallies<'_>) -> PatientStatus {
    let of_n = |key| counts.of_n(key);
    PatientStatus {
        age_bands: AgeBand::ALL.map(|b| of_n(PatientFigure::AgeBand(b))),
        adl: Adl::ALL.map(|a| of_n(PatientFigure::Adl(a))),
        certificate: of_n(PatientFigure::Certificate),
        certificate_grades: [
            counts.figure(PatientFigure::CertificateGradeLow, Denominator::CertificateHolders),
            counts.figure(PatientFigure::CertificateGrade(3), Denominator::CertificateHolders),
            counts.figure(PatientFigure::CertificateGrade(2), Denominator::CertificateHolders),
            counts.figure(PatientFigure::CertificateGrade(1), Denominator::CertificateHolders),
        ],
        support_classes: SUPPORT_CLASSES.map(|c| of_n(PatientFigure::SupportClass(c))),
        home_care_service: of_n(PatientFigure::HomeCareService),
        care_levels: CareLevel::ALL.map(|l| counts.figure(PatientFigure::CareLevel(l), Denominator::CareInsured)),
        care_insured: of_n(PatientFigure::CareInsured),
        disaster_plan: of_n(PatientFigure::DisasterPlan),
        procedures: ProcedureKind::ALL.map(|k| of_n(PatientFigure::Procedure(k))),
        symptoms: SymptomKind::ALL.map(|k| of_n(PatientFigure::Symptom(k))),
        neurology: doctor_figures(counts, DoctorKind::Neurology),
        family_doctor: doctor_figures(counts, DoctorKind::FamilyDoctor),
        emergency_admission: of_n(PatientFigure::EmergencyAdmission),
        respite_admission: of_n(PatientFigure::RespiteAdmission),
        home_respite: of_n(PatientFigure::HomeRespite),
        station_nursing: of_n(PatientFigure::StationNursing),
        multiple_stations: of_n(PatientFigure::MultipleStations),
        institution_nursing: of_n(PatientFigure::InstitutionNursing),
        emergency_nursing: of_n(PatientFigure::EmergencyNursing),
        ventilator_programme: counts.figure(PatientFigure::VentilatorProgramme, Denominator::Ventilated),
        nursing_users: of_n(PatientFigure::NursingUsers),
        average_weekly_visits: average_weekly_visits(counts),
    }
}

/// The 集計 sheet from 様式1 (header and roster) and 様式3, for the patients of `filter`.
pub fn summarize(overview: &Overview, patients: &[Patient], stations: &[Station], filter: &DiseaseFilter) -> Summary {
    let counts = Tallies::new(patients, filter);
    Summary {
        filter: filter.clone(),
        patients: counts.n(),
        area: area_overview(overview, &counts),
        stations: station_totals(overview, stations),
        status: patient_status(&counts),
        coverage: coverage_from(&counts),
    }
}
