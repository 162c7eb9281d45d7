//! 入力事業: the standard programmes of 様式2, in the paper form's order, with their
//! 実施主体 and 事業の概要 as the seed gives them (出典: 難病特別対策推進事業について
//! 平成31年3月29日健発0329第9号; 療養生活環境整備事業実施要綱の一部改正について
//! 平成30年3月29日健発0329第1号).

use serde::{Deserialize, Serialize};

/// 難病患者地域支援対策推進事業: the group heading of five rows on the paper form.
pub const REGIONAL_SUPPORT_GROUP: &str = "難病患者地域支援対策推進事業";

/// 実施主体 of 難病患者地域支援対策推進事業 and its five rows, as printed on the form.
pub const REGIONAL_SUPPORT_OPERATOR: &str = "都道府県、保健所設置市・特別区";

/// 標準事業: a programme printed on the paper 様式2. The serde name is the stable key kept in
/// records and bundles; never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StandardProgramme {
    /// 在宅難病患者一時入院事業〔都道府県〕
    TemporaryAdmission,
    /// 難病患者地域支援対策推進事業 — 在宅療養支援計画策定・評価事業
    SupportPlan,
    /// 難病患者地域支援対策推進事業 — 訪問相談員育成事業
    CounsellorTraining,
    /// 難病患者地域支援対策推進事業 — 医療相談事業
    MedicalConsultation,
    /// 難病患者地域支援対策推進事業 — 訪問相談・指導事業（訪問診療）
    HomeVisitGuidance,
    /// 難病患者地域支援対策推進事業 — 難病対策地域協議会
    RegionalCouncil,
    /// 難病相談支援センター事業〔都道府県および指定都市〕
    SupportCenter,
    /// 難病患者等ホームヘルパー養成研修事業〔都道府県・指定都市〕
    HomeHelperTraining,
    /// 在宅人工呼吸器使用患者支援事業（訪問看護）〔都道府県および指定都市〕
    VentilatorNursing,
}

/// 標準事業の定義: one row of the 入力事業および事業の概要 table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProgrammeDef {
    /// Which programme.
    pub programme: StandardProgramme,
    /// 事業名, as on the form.
    pub name: &'static str,
    /// 事業の区分: the group heading on the form (難病患者地域支援対策推進事業), if any.
    pub group: Option<&'static str>,
    /// 実施主体, the text inside 〔〕 on the form.
    pub operator: &'static str,
    /// 事業の概要, the seed's description joined into one line.
    pub description: &'static str,
}

/// The standard programmes in the paper form's order.
pub const STANDARD_PROGRAMMES: [ProgrammeDef; 9] = [
    ProgrammeDef {
        programme: StandardProgramme::TemporaryAdmission,
        name: "在宅難病患者一時入院事業",
        group: None,
        operator: "都道府県",
        description: "在宅の難病の患者が、家族等の介護者の休息（レスパイト）等の理由により、一時的に在宅で介護等を\
受けることが困難になった場合に一時入院することが可能な病床を確保することにより、当該患者の安定した療養生活の確保と\
介護者の福祉の向上を図る。",
    },
    ProgrammeDef {
        programme: StandardProgramme::SupportPlan,
        name: "在宅療養支援計画策定・評価事業",
        group: Some(REGIONAL_SUPPORT_GROUP),
        operator: REGIONAL_SUPPORT_OPERATOR,
        description: "要支援難病患者に対し、個々の患者等の実態に応じて、きめ細かな支援を行うため、対象患者別の在宅療養\
支援計画を作成し、各種サービスの適切な提供に資するものとする。また、当該支援計画については、適宜、評価を行い、その改善を\
図るものとする。",
    },
    ProgrammeDef {
        programme: StandardProgramme::CounsellorTraining,
        name: "訪問相談員育成事業",
        group: Some(REGIONAL_SUPPORT_GROUP),
        operator: REGIONAL_SUPPORT_OPERATOR,
        description: "要支援難病患者やその家族に対する、療養生活を支援するための相談、指導、助言等を行う訪問相談員の確保と\
資質の向上を図るため、保健師、看護師等の育成を行うものとする。",
    },
    ProgrammeDef {
        programme: StandardProgramme::MedicalConsultation,
        name: "医療相談事業",
        group: Some(REGIONAL_SUPPORT_GROUP),
        operator: REGIONAL_SUPPORT_OPERATOR,
        description: "患者等の療養上の不安の解消を図るため、難病に関する専門の医師、保健師、看護師、社会福祉士等による医療\
相談班を編成し、地域の状況を勘案の上、患者等の利用のし易さやプライバシーの保護に配慮した会場を設置し、相談事業を実施する\
ものとする。",
    },
    ProgrammeDef {
        programme: StandardProgramme::HomeVisitGuidance,
        name: "訪問相談・指導事業（訪問診療）",
        group: Some(REGIONAL_SUPPORT_GROUP),
        operator: REGIONAL_SUPPORT_OPERATOR,
        description: "要支援難病患者やその家族が抱える日常生活上及び療養上の悩みに対する相談や在宅療養に必要な医学的指導等\
を行うため、専門の医師、対象患者の主治医、保健師、看護師、理学療法士等による、訪問相談・指導（診療も含む。）事業を実施する\
ものとする。",
    },
    ProgrammeDef {
        programme: StandardProgramme::RegionalCouncil,
        name: "難病対策地域協議会",
        group: Some(REGIONAL_SUPPORT_GROUP),
        operator: REGIONAL_SUPPORT_OPERATOR,
        description: "難病法第32条に規定する難病対策地域協議会を設置し、地域における難病の患者への支援体制に関する課題に\
ついて情報を共有し、地域の実情に応じた体制の整備について協議を行うものとする。",
    },
    ProgrammeDef {
        programme: StandardProgramme::SupportCenter,
        name: "難病相談支援センター事業",
        group: None,
        operator: "都道府県および指定都市",
        description: "難病の患者が地域で安心して療養しながら暮らし続けていくことができるよう、難病の患者等に対する相談・\
支援、地域交流活動の促進及び就労支援などを行う拠点施設として、難病相談支援センターを設置する。センターにおいて、難病の患者\
等の療養上、日常生活上での悩みや不安の解消、孤立感や喪失感の軽減を図るとともに、難病の患者等の持つ様々なニーズに対応し、\
医療機関を始めとする地域の関係機関と連携した支援対策を一層推進するものとする。",
    },
    ProgrammeDef {
        programme: StandardProgramme::HomeHelperTraining,
        name: "難病患者等ホームヘルパー養成研修事業",
        group: None,
        operator: "都道府県・指定都市",
        description: "難病患者等の多様化するニーズに対応した適切なホームヘルプサービスを提供するために必要な知識、技能を\
有するホームヘルパーの養成を図る。",
    },
    ProgrammeDef {
        programme: StandardProgramme::VentilatorNursing,
        name: "在宅人工呼吸器使用患者支援事業（訪問看護）",
        group: None,
        operator: "都道府県および指定都市",
        description: "旧、在宅人工呼吸器使用特定疾患患者訪問看護治療研究事業。人工呼吸器を装着していることについて特別の\
配慮を必要とする難病患者に対して、在宅において適切な医療確保を図ることを目的として、診療報酬の回数を超える訪問看護を提供\
する。",
    },
];

impl StandardProgramme {
    /// All standard programmes in the paper form's order.
    pub const ALL: [StandardProgramme; 9] = [
        StandardProgramme::TemporaryAdmission,
        StandardProgramme::SupportPlan,
        StandardProgramme::CounsellorTraining,
        StandardProgramme::MedicalConsultation,
        StandardProgramme::HomeVisitGuidance,
        StandardProgramme::RegionalCouncil,
        StandardProgramme::SupportCenter,
        StandardProgramme::HomeHelperTraining,
        StandardProgramme::VentilatorNursing,
    ];

    /// The stable key (the serde name), e.g. `"regional_council"`.
    pub fn key(self) -> &'static str {
        match self {
            StandardProgramme::TemporaryAdmission => "temporary_admission",
            StandardProgramme::SupportPlan => "support_plan",
            StandardProgramme::CounsellorTraining => "counsellor_training",
            StandardProgramme::MedicalConsultation => "medical_consultation",
            StandardProgramme::HomeVisitGuidance => "home_visit_guidance",
            StandardProgramme::RegionalCouncil => "regional_council",
            StandardProgramme::SupportCenter => "support_center",
            StandardProgramme::HomeHelperTraining => "home_helper_training",
            StandardProgramme::VentilatorNursing => "ventilator_nursing",
        }
    }

    /// The programme with this key.
    pub fn from_key(key: &str) -> Option<StandardProgramme> {
        StandardProgramme::ALL.into_iter().find(|p| p.key() == key)
    }

    /// Position on the paper form (0 = first row).
    pub fn position(self) -> usize {
        StandardProgramme::ALL.iter().position(|p| *p == self).unwrap_or(usize::MAX)
    }

    /// Its definition (name, 実施主体, 事業の概要).
    pub fn def(self) -> &'static ProgrammeDef {
        // The table is in the same order as `ALL`; the fallback is never reached (a test
        // checks the order) but keeps this free of indexing panics.
        STANDARD_PROGRAMMES.iter().find(|d| d.programme == self).unwrap_or(&STANDARD_PROGRAMMES[0])
    }

    /// 事業名.
    pub fn name(self) -> &'static str {
        self.def().name
    }

    /// 実施主体 (without 〔〕).
    pub fn operator(self) -> &'static str {
        self.def().operator
    }

    /// 事業の概要.
    pub fn description(self) -> &'static str {
        self.def().description
    }

    /// 事業の区分 (the group heading), if any.
    pub fn group(self) -> Option<&'static str> {
        self.def().group
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_order_are_the_seeds() {
        let names: Vec<&str> = STANDARD_PROGRAMMES.iter().map(|d| d.name).collect();
        assert_eq!(
            names,
            vec![
                "在宅難病患者一時入院事業",
                "在宅療養支援計画策定・評価事業",
                "訪問相談員育成事業",
                "医療相談事業",
                "訪問相談・指導事業（訪問診療）",
                "難病対策地域協議会",
                "難病相談支援センター事業",
                "難病患者等ホームヘルパー養成研修事業",
                "在宅人工呼吸器使用患者支援事業（訪問看護）",
            ]
        );
        let order: Vec<StandardProgramme> = STANDARD_PROGRAMMES.iter().map(|d| d.programme).collect();
        assert_eq!(order, StandardProgramme::ALL.to_vec());
    }

    #[test]
    fn operators_are_as_printed_on_the_form() {
        use StandardProgramme::*;
        assert_eq!(TemporaryAdmission.operator(), "都道府県");
        for p in [SupportPlan, CounsellorTraining, MedicalConsultation, HomeVisitGuidance, RegionalCouncil] {
            assert_eq!(p.operator(), "都道府県、保健所設置市・特別区");
            assert_eq!(p.group(), Some("難病患者地域支援対策推進事業"));
        }
        assert_eq!(SupportCenter.operator(), "都道府県および指定都市");
        assert_eq!(HomeHelperTraining.operator(), "都道府県・指定都市");
        assert_eq!(VentilatorNursing.operator(), "都道府県および指定都市");
        assert_eq!(TemporaryAdmission.group(), None);
        assert_eq!(VentilatorNursing.group(), None);
    }

    #[test]
    fn descriptions_are_one_line_and_start_as_in_the_seed() {
        use StandardProgramme::*;
        for d in &STANDARD_PROGRAMMES {
            assert!(!d.description.contains('\n'), "{}", d.name);
            assert!(!d.description.contains(' '), "{}", d.name);
            assert!(d.description.ends_with('。'), "{}", d.name);
        }
        assert!(TemporaryAdmission.description().starts_with("在宅の難病の患者が、家族等の介護者の休息（レスパイト）"));
        assert!(RegionalCouncil.description().starts_with("難病法第32条に規定する難病対策地域協議会を設置し"));
        assert!(VentilatorNursing
            .description()
            .starts_with("旧、在宅人工呼吸器使用特定疾患患者訪問看護治療研究事業。"));
        assert!(VentilatorNursing.description().ends_with("診療報酬の回数を超える訪問看護を提供する。"));
        assert!(HomeHelperTraining.description().ends_with("ホームヘルパーの養成を図る。"));
    }

    #[test]
    fn keys_are_stable_and_round_trip() {
        for p in StandardProgramme::ALL {
            assert_eq!(StandardProgramme::from_key(p.key()), Some(p));
            let json = serde_json::to_string(&p).expect("serialises");
            assert_eq!(json, format!("\"{}\"", p.key()));
            assert_eq!(p.def().programme, p);
        }
        assert_eq!(StandardProgramme::RegionalCouncil.key(), "regional_council");
        assert_eq!(StandardProgramme::from_key("nope"), None);
        assert_eq!(StandardProgramme::VentilatorNursing.position(), 8);
    }
}
