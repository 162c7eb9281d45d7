//! 内訳（ドリルダウン）: every figure has a short, stable name for the page address
//! (`#/d/<id>/summary/<name>`), so a click on a count opens the list of the records behind
//! it ([`members`](super::members)) and a click on its 不明 the records left blank.

use super::compare::Line;
use super::figure::{
    DoctorFigure, DoctorKind, Figure, FigureKey, PatientFigure, ProcedureKind, StationFigure, SymptomKind, FACT_KEYS,
};
use super::sheet::Summary;
use crate::domain::station::Intake;

fn procedure_slug(k: ProcedureKind) -> &'static str {
    match k {
        ProcedureKind::Ventilator => "ventilator",
        ProcedureKind::Tracheostomy => "tracheostomy",
        ProcedureKind::Suction => "suction",
        ProcedureKind::TubeFeeding => "tube-feeding",
        ProcedureKind::Other => "other",
    }
}

fn symptom_slug(k: SymptomKind) -> &'static str {
    match k {
        SymptomKind::Respiratory => "respiratory",
        SymptomKind::Swallowing => "swallowing",
        SymptomKind::Speech => "speech",
        SymptomKind::Urinary => "urinary",
        SymptomKind::Autonomic => "autonomic",
    }
}

fn doctor_slug(kind: DoctorKind, f: DoctorFigure) -> String {
    let kind = match kind {
        DoctorKind::Neurology => "neurology",
        DoctorKind::FamilyDoctor => "family-doctor",
    };
    let f = match f {
        DoctorFigure::Present => "present",
        DoctorFigure::Outpatient => "outpatient",
        DoctorFigure::HomeVisit => "home-visit",
        DoctorFigure::Visits => "visits",
        DoctorFigure::NoCare => "none",
    };
    format!("{kind}-{f}")
}

impl PatientFigure {
    /// The figure's name in the page address: `adl-3`, `procedure-ventilator`, ….
    pub fn slug(self) -> String {
        match self {
            PatientFigure::Patients => "patients".into(),
            PatientFigure::AgeBand(b) => format!("age-{}", b.code()),
            PatientFigure::Adl(a) => format!("adl-{}", a.code()),
            PatientFigure::Certificate => "certificate".into(),
            PatientFigure::CertificateGrade(g) => format!("certificate-grade-{g}"),
            PatientFigure::CertificateGradeLow => "certificate-grade-4to6".into(),
            PatientFigure::SupportClass(c) => format!("support-class-{c}"),
            PatientFigure::HomeCareService => "home-care-service".into(),
            PatientFigure::CareLevel(l) => format!("care-level-{}", l.code()),
            PatientFigure::CareInsured => "care-insured".into(),
            PatientFigure::DisasterPlan => "disaster-plan".into(),
            PatientFigure::Procedure(k) => format!("procedure-{}", procedure_slug(k)),
            PatientFigure::Symptom(k) => format!("symptom-{}", symptom_slug(k)),
            PatientFigure::Doctor(kind, f) => doctor_slug(kind, f),
            PatientFigure::EmergencyAdmission => "emergency-admission".into(),
            PatientFigure::RespiteAdmission => "respite-admission".into(),
            PatientFigure::HomeRespite => "home-respite".into(),
            PatientFigure::StationNursing => "station-nursing".into(),
            PatientFigure::MultipleStations => "multiple-stations".into(),
            PatientFigure::RegularNursing => "regular-nursing".into(),
            PatientFigure::InstitutionNursing => "institution-nursing".into(),
            PatientFigure::EmergencyNursing => "emergency-nursing".into(),
            PatientFigure::VentilatorProgramme => "ventilator-programme".into(),
            PatientFigure::NursingUsers => "nursing-users".into(),
        }
    }
}

impl StationFigure {
    /// The figure's name in the page address: `station-room`, `station-als-intake-2`, ….
    pub fn slug(self) -> String {
        match self {
            StationFigure::Stations => "station-all".into(),
            StationFigure::Room => "station-room".into(),
            StationFigure::Addition24h => "station-addition-24h".into(),
            StationFigure::AdditionSpecial => "station-addition-special".into(),
            StationFigure::AlsExperience => "station-als-experience".into(),
            StationFigure::VentilatorExperience => "station-ventilator-experience".into(),
            StationFigure::AlsIntake(i) => format!("station-als-intake-{}", i.code()),
            StationFigure::ChildIntake(i) => format!("station-child-intake-{}", i.code()),
        }
    }
}

/// Every figure a page can name: N, every key of the single pass, 手帳 4〜6級 one by one,
/// and every station figure.
pub fn all_figure_keys() -> Vec<FigureKey> {
    let mut keys = vec![FigureKey::Patient(PatientFigure::Patients)];
    keys.extend(FACT_KEYS.iter().map(|k| FigureKey::Patient(*k)));
    keys.extend((4..=6).map(|g| FigureKey::Patient(PatientFigure::CertificateGrade(g))));
    keys.extend(
        [
            StationFigure::Stations,
            StationFigure::Room,
            StationFigure::Addition24h,
            StationFigure::AdditionSpecial,
            StationFigure::AlsExperience,
            StationFigure::VentilatorExperience,
        ]
        .into_iter()
        .chain(Intake::ALL.map(StationFigure::AlsIntake))
        .chain(Intake::ALL.map(StationFigure::ChildIntake))
        .map(FigureKey::Station),
    );
    keys
}

impl FigureKey {
    /// The figure's name in the page address.
    pub fn slug(self) -> String {
        match self {
            FigureKey::Patient(f) => f.slug(),
            FigureKey::Station(f) => f.slug(),
        }
    }

    /// The figure a name stands for ([`FigureKey::slug`]); `None` for an unknown name.
    pub fn from_slug(slug: &str) -> Option<FigureKey> {
        all_figure_keys().into_iter().find(|k| k.slug() == slug)
    }
}

/// The marker after a figure's name that asks for its 不明 records.
const UNKNOWN_MARK: &str = ".unknown";

/// 内訳: the records behind a figure (or those left blank for it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DrillDown {
    pub key: FigureKey,
    /// 不明（未入力）の記録 instead of the counted ones.
    pub unknown: bool,
}

impl DrillDown {
    /// The counted records of a figure.
    pub fn members(key: FigureKey) -> DrillDown {
        DrillDown { key, unknown: false }
    }

    /// The records left blank for a figure.
    pub fn unknowns(key: FigureKey) -> DrillDown {
        DrillDown { key, unknown: true }
    }

    /// The route item: `adl-3` or `adl-3.unknown`.
    pub fn item(self) -> String {
        let slug = self.key.slug();
        if self.unknown {
            format!("{slug}{UNKNOWN_MARK}")
        } else {
            slug
        }
    }

    /// Reads a route item; `None` when it names no figure.
    pub fn parse(item: &str) -> Option<DrillDown> {
        match item.strip_suffix(UNKNOWN_MARK) {
            Some(slug) => FigureKey::from_slug(slug).map(DrillDown::unknowns),
            None => FigureKey::from_slug(item).map(DrillDown::members),
        }
    }

    /// The list's heading: `ADL 全面介助` or `ADL 全面介助：不明（未入力）`.
    pub fn title(self) -> String {
        if self.unknown {
            format!("{}：不明（未入力）", self.key.label())
        } else {
            self.key.label().to_string()
        }
    }
}

impl Summary {
    /// The figure of the sheet (or of 様式4's 管内の状況, or N) named by `key`; `None` for a
    /// figure the sheet does not show (手帳 4級 alone).
    pub fn figure(&self, key: FigureKey) -> Option<&Figure> {
        self.lines()
            .into_iter()
            .find_map(|l| match l.line {
                Line::Figure(f) if f.key == key => Some(f),
                _ => None,
            })
            .or_else(|| self.coverage.iter().flat_map(|c| c.parts.iter()).find(|f| f.key == key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::overview::Overview;
    use crate::domain::patient::{Adl, AgeBand, CareLevel};
    use crate::domain::summary::figure::DiseaseFilter;
    use crate::domain::summary::summarize;
    use crate::domain::summary::tests::{mixed_roster, overview, three_stations};
    use std::collections::BTreeSet;

    #[test]
    fn every_name_is_unique_and_reads_back() {
        let keys = all_figure_keys();
        let slugs: BTreeSet<String> = keys.iter().map(|k| k.slug()).collect();
        assert_eq!(slugs.len(), keys.len(), "unique names");
        for k in keys {
            let slug = k.slug();
            assert!(slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{slug}");
            assert_eq!(FigureKey::from_slug(&slug), Some(k));
            for d in [DrillDown::members(k), DrillDown::unknowns(k)] {
                assert_eq!(DrillDown::parse(&d.item()), Some(d));
            }
        }
        assert_eq!(FigureKey::Patient(PatientFigure::Adl(Adl::FullAssist)).slug(), "adl-3");
        assert_eq!(
            DrillDown::unknowns(FigureKey::Patient(PatientFigure::Procedure(ProcedureKind::Ventilator))).item(),
            "procedure-ventilator.unknown"
        );
        assert_eq!(FigureKey::Patient(PatientFigure::CareLevel(CareLevel::Support1)).slug(), "care-level-11");
        assert_eq!(FigureKey::Station(StationFigure::AlsIntake(Intake::Possible)).slug(), "station-als-intake-2");
        assert_eq!(FigureKey::Patient(PatientFigure::AgeBand(AgeBand::Under20)).slug(), "age-1");
        assert_eq!(DrillDown::parse("nothing"), None);
        assert_eq!(DrillDown::parse(".unknown"), None);
        assert_eq!(DrillDown::parse("adl-9"), None);
    }

    #[test]
    fn every_figure_on_the_sheet_can_be_opened() {
        let s = summarize(&overview(), &mixed_roster(), &three_stations(), &DiseaseFilter::Als);
        for line in s.lines() {
            if let Line::Figure(f) = line.line {
                assert!(FigureKey::from_slug(&f.key.slug()).is_some(), "{}", f.label);
                assert_eq!(s.figure(f.key).map(|x| x.count), Some(f.count), "{}", f.label);
                // Its denominator can be opened too.
                assert!(FigureKey::from_slug(&f.denominator.key().slug()).is_some());
            }
        }
        // 外来 / 往診 of 様式4 and N.
        let visits = FigureKey::Patient(PatientFigure::Doctor(DoctorKind::Neurology, DoctorFigure::Visits));
        assert_eq!(s.figure(visits).map(|f| f.label), Some("専門診療の確保"));
        assert!(s.figure(FigureKey::Patient(PatientFigure::CertificateGrade(4))).is_none());
        let n = s.figure(FigureKey::Patient(PatientFigure::Patients));
        assert!(n.is_none(), "N is a value of A, not a figure line");
        let _ = summarize(&Overview::default(), &[], &[], &DiseaseFilter::All);
    }

    #[test]
    fn titles() {
        let k = FigureKey::Patient(PatientFigure::Adl(Adl::FullAssist));
        assert_eq!(DrillDown::members(k).title(), "ADL 全面介助");
        assert_eq!(DrillDown::unknowns(k).title(), "ADL 全面介助：不明（未入力）");
    }
}
