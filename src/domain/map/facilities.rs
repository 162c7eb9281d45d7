//! 施設の候補: every institution the data names — in 様式1 the 神経内科専門医療機関,
//! かかりつけ主治医, 緊急時の入院機関, レスパイトの入院・入所機関, 緊急時の訪問看護,
//! 訪問看護ステーション and 医療機関からの訪問看護, and every 様式3 station — grouped by a
//! normalised name so that 「Ａｽﾃｰｼｮﾝ」 typed in 様式1 and 「株式会社 Ａステーション」 in 様式3
//! are proposed as one 施設. The nurse confirms, merges or splits the proposals; who uses each
//! follows from 様式1 every time it is computed, so it stays current when 様式1 changes.
//!
//! The marks follow seed 004 (「様式１のデータを用いた地図作成」): 拠点病院 ★, 協力病院 ☆,
//! かかりつけ主治医 ■, 訪問看護ステーション △, 医療機関からの訪問看護 ◇, and each ALS
//! patient ◎.

use crate::domain::forms::input::fold_width;
use crate::domain::ids::RecordId;
use crate::domain::patient::Patient;
use crate::domain::station::Station;
use crate::domain::tri::Tri;
use std::collections::BTreeMap;

/// 施設の種類 (the seed's marks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FacilityKind {
    /// 難病診療連携拠点病院 ★
    BaseHospital,
    /// 難病医療協力病院 ☆
    CooperatingHospital,
    /// かかりつけ主治医の医療機関 ■
    FamilyDoctor,
    /// 訪問看護ステーション △
    Station,
    /// 訪問看護を行う医療機関 ◇
    NursingInstitution,
    /// その他（入院・レスパイト先など）
    Other,
}

impl FacilityKind {
    pub const ALL: [FacilityKind; 6] = [
        FacilityKind::BaseHospital,
        FacilityKind::CooperatingHospital,
        FacilityKind::FamilyDoctor,
        FacilityKind::Station,
        FacilityKind::NursingInstitution,
        FacilityKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FacilityKind::BaseHospital => "拠点病院",
            FacilityKind::CooperatingHospital => "協力病院",
            FacilityKind::FamilyDoctor => "かかりつけ医の医療機関",
            FacilityKind::Station => "訪問看護ステーション",
            FacilityKind::NursingInstitution => "訪問看護を行う医療機関",
            FacilityKind::Other => "その他",
        }
    }

    /// The seed's mark (seed 004, 「様式１のデータを用いた地図作成」②). その他 has none in the
    /// seed; the app uses ○. The seed then asks to fill in (「塗りつぶす」) the marks of the
    /// facilities patients use; since ★ and ☆ are the same shape, the map tells them apart by
    /// the symbol itself and shows use by the fill of its shape ([`FacilityProposal::used`]).
    pub fn symbol(self) -> &'static str {
        match self {
            FacilityKind::BaseHospital => "★",
            FacilityKind::CooperatingHospital => "☆",
            FacilityKind::FamilyDoctor => "■",
            FacilityKind::Station => "△",
            FacilityKind::NursingInstitution => "◇",
            FacilityKind::Other => "○",
        }
    }
}

/// How a patient uses a facility (the 様式1 column that names it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Use {
    Neurology,
    FamilyDoctor,
    EmergencyAdmission,
    RespiteAdmission,
    EmergencyNursing,
    StationNursing,
    InstitutionNursing,
}

impl Use {
    pub fn label(self) -> &'static str {
        match self {
            Use::Neurology => "神経内科専門医療機関",
            Use::FamilyDoctor => "かかりつけ主治医",
            Use::EmergencyAdmission => "緊急時の入院機関",
            Use::RespiteAdmission => "レスパイトの入院・入所機関",
            Use::EmergencyNursing => "緊急時の訪問看護",
            Use::StationNursing => "訪問看護ステーション",
            Use::InstitutionNursing => "医療機関からの訪問看護",
        }
    }

    /// The kind a facility named only in this column is proposed as.
    fn suggested_kind(self) -> FacilityKind {
        match self {
            Use::FamilyDoctor => FacilityKind::FamilyDoctor,
            Use::EmergencyNursing | Use::StationNursing => FacilityKind::Station,
            Use::InstitutionNursing => FacilityKind::NursingInstitution,
            Use::Neurology | Use::EmergencyAdmission | Use::RespiteAdmission => FacilityKind::Other,
        }
    }
}

/// Words of a legal form that a name may carry or not (longest first, so 「医療法人社団」 goes
/// before 「医療法人」).
const LEGAL_FORMS: [&str; 22] = [
    "地方独立行政法人",
    "特定非営利活動法人",
    "独立行政法人",
    "医療法人社団",
    "医療法人財団",
    "社会医療法人",
    "社会福祉法人",
    "一般社団法人",
    "公益社団法人",
    "一般財団法人",
    "公益財団法人",
    "医療生活協同組合",
    "医療法人",
    "株式会社",
    "有限会社",
    "合同会社",
    "npo法人",
    "(株)",
    "(有)",
    "(医)",
    "㈱",
    "㈲",
];

/// The name as compared: widths folded (「Ａｽﾃｰｼｮﾝ」 = 「aステーション」), spaces and 「・」
/// removed, and the legal-form words of [`LEGAL_FORMS`] dropped wherever they stand.
pub fn normalise_name(name: &str) -> String {
    let mut s: String = fold_width(name).chars().filter(|c| !c.is_whitespace() && *c != '・').collect();
    s = s.replace('（', "(").replace('）', ")");
    for word in LEGAL_FORMS {
        s = s.replace(word, "");
    }
    s
}

/// A proposed 施設: the spellings found, the kind proposed, and who uses it how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacilityProposal {
    /// The normalised name the spellings share.
    pub key: String,
    /// Each spelling as typed, in the order first met (様式3 first, then 様式1 in order).
    pub names: Vec<String>,
    pub kind: FacilityKind,
    /// The 様式3 station, when one is among the spellings.
    pub station: Option<RecordId>,
    /// (patient, how they use it), each pair once.
    pub uses: Vec<(RecordId, Use)>,
}

impl FacilityProposal {
    /// The name to show: the 様式3 station's, else the first spelling.
    pub fn name(&self) -> &str {
        self.names.first().map(String::as_str).unwrap_or_default()
    }

    /// Used by at least one patient (the seed's filled mark).
    pub fn used(&self) -> bool {
        !self.uses.is_empty()
    }

    /// How many different patients use it.
    pub fn patients(&self) -> usize {
        let mut ids: Vec<&RecordId> = self.uses.iter().map(|(p, _)| p).collect();
        ids.dedup();
        ids.len()
    }
}

/// The facilities a patient's 様式1 names, with the column naming each, in 様式1's column order.
pub fn named_by(patient: &Patient) -> Vec<(String, Use)> {
    let mut out = Vec::new();
    let mut one = |name: &Tri<String>, how: Use| {
        if let Tri::Value(n) = name {
            out.push((n.clone(), how));
        }
    };
    one(&patient.neurology.name, Use::Neurology);
    one(&patient.family_doctor.name, Use::FamilyDoctor);
    one(&patient.emergency_admission, Use::EmergencyAdmission);
    one(&patient.respite_admission, Use::RespiteAdmission);
    one(&patient.emergency_nursing, Use::EmergencyNursing);
    if let Tri::Value(names) = &patient.station_nursing.names {
        out.extend(names.iter().map(|n| (n.clone(), Use::StationNursing)));
    }
    if let Tri::Value(n) = &patient.institution_nursing.name {
        out.push((n.clone(), Use::InstitutionNursing));
    }
    out.retain(|(n, _)| !normalise_name(n).is_empty());
    out
}

/// Every facility the stations and patients name, grouped by [`normalise_name`], in the order
/// first met. The kind proposed: a 様式3 station is a 訪問看護ステーション; otherwise the kind
/// of the first column that names it (see [`Use`]), かかりつけ医 before その他.
pub fn propose(stations: &[(RecordId, Station)], patients: &[(RecordId, Patient)]) -> Vec<FacilityProposal> {
    let mut out: Vec<FacilityProposal> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut at = |key: String, name: &str, kind: FacilityKind, out: &mut Vec<FacilityProposal>| -> usize {
        let i = *index.entry(key.clone()).or_insert_with(|| {
            out.push(FacilityProposal { key, names: Vec::new(), kind, station: None, uses: Vec::new() });
            out.len() - 1
        });
        if !out[i].names.iter().any(|n| n == name) {
            out[i].names.push(name.to_string());
        }
        i
    };
    for (id, station) in stations {
        let key = normalise_name(&station.name);
        if key.is_empty() {
            continue;
        }
        let i = at(key, &station.name, FacilityKind::Station, &mut out);
        out[i].kind = FacilityKind::Station;
        out[i].station.get_or_insert_with(|| id.clone());
    }
    for (pid, patient) in patients {
        for (name, how) in named_by(patient) {
            let i = at(normalise_name(&name), &name, how.suggested_kind(), &mut out);
            let f = &mut out[i];
            if f.station.is_none() && f.kind == FacilityKind::Other && how.suggested_kind() != FacilityKind::Other {
                f.kind = how.suggested_kind();
            }
            if !f.uses.iter().any(|(p, h)| p == pid && *h == how) {
                f.uses.push((pid.clone(), how));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::forms::seed_examples::{seed_example_1, seed_example_2, seed_patient};
    use crate::domain::ids::test_ids::rid;

    #[test]
    fn names_compare_without_width_spaces_or_legal_forms() {
        assert_eq!(normalise_name("Ａｽﾃｰｼｮﾝ"), normalise_name("Aステーション"));
        assert_eq!(normalise_name("株式会社 Ａステーション"), normalise_name("Ａｽﾃｰｼｮﾝ"));
        assert_eq!(normalise_name("医療法人社団　緑会　みどり訪問看護ステーション"), "緑会みどり訪問看護ステーション");
        assert_eq!(normalise_name("（株）みどり"), "みどり");
        assert_eq!(normalise_name("㈱みどり"), "みどり");
        assert_eq!(normalise_name("ＮＰＯ法人 ひまわり"), "ひまわり");
        assert_ne!(normalise_name("Ａ病院"), normalise_name("Ｂ病院"));
        assert_eq!(normalise_name("  株式会社 "), "");
    }

    /// 例2 (seed 004) names: 神経内科 Ｂ大学病院, かかりつけ Ａクリニック, 緊急時の入院
    /// Ｂ大学病院, 緊急時の訪問看護 Ａｽﾃｰｼｮﾝ, stations Ａｽﾃｰｼｮﾝ and Ｂｽﾃｰｼｮﾝ, 医療機関からの
    /// 訪問看護 Ａ病院. 例1 names 県立Ａ病院 only. With 様式3 listing 「株式会社Ａステーション」
    /// and an unused 「Ｃステーション」: 7 facilities, by hand.
    #[test]
    fn the_seeds_examples_propose_their_facilities_and_who_uses_them() {
        let stations = vec![
            (rid("s1"), Station { name: "株式会社Ａステーション".into(), ..Station::default() }),
            (rid("s2"), Station { name: "Ｃステーション".into(), ..Station::default() }),
        ];
        let patients = vec![(rid("p1"), seed_patient(seed_example_1())), (rid("p2"), seed_patient(seed_example_2()))];
        let f = propose(&stations, &patients);
        let summary: Vec<(&str, FacilityKind, usize, usize)> =
            f.iter().map(|f| (f.name(), f.kind, f.names.len(), f.uses.len())).collect();
        assert_eq!(
            summary,
            vec![
                ("株式会社Ａステーション", FacilityKind::Station, 2, 2),
                ("Ｃステーション", FacilityKind::Station, 1, 0),
                ("県立Ａ病院", FacilityKind::Other, 1, 1),
                ("Ｂ大学病院", FacilityKind::Other, 1, 2),
                ("Ａクリニック", FacilityKind::FamilyDoctor, 1, 1),
                ("Ｂｽﾃｰｼｮﾝ", FacilityKind::Station, 1, 1),
                ("Ａ病院", FacilityKind::NursingInstitution, 1, 1),
            ]
        );
        // Ａステーション: 様式3's station, 例2's 緊急時の訪問看護 and its station; used, one patient.
        assert_eq!(f[0].station, Some(rid("s1")));
        assert_eq!(f[0].names[1], "Ａｽﾃｰｼｮﾝ");
        assert_eq!(f[0].uses, vec![(rid("p2"), Use::EmergencyNursing), (rid("p2"), Use::StationNursing)]);
        assert_eq!((f[0].used(), f[0].patients()), (true, 1));
        // Ｃステーション: no patient uses it — the seed's 「かかわっていないステーション」, hollow.
        assert!(!f[1].used());
        assert_eq!(f[1].kind.symbol(), "△");
    }

    #[test]
    fn a_change_in_form1_changes_who_uses_what() {
        let stations = vec![(rid("s1"), Station { name: "Ｃステーション".into(), ..Station::default() })];
        let mut p = seed_patient(seed_example_1());
        assert!(!propose(&stations, &[(rid("p1"), p.clone())])[0].used());
        p.station_nursing.names = Tri::Value(vec!["Ｃｽﾃｰｼｮﾝ".into()]);
        let f = propose(&stations, &[(rid("p1"), p)]);
        assert_eq!(f[0].uses, vec![(rid("p1"), Use::StationNursing)]);
        assert_eq!(f.len(), 2, "Ｃステーション and 県立Ａ病院");
    }
}
