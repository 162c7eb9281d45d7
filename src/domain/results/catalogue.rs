//! 事業の一覧: seed 000's 在宅難病患者支援事業 (東京都「各在宅難病患者支援事業の実績」) as the
//! default catalogue — 事業の区分, 事業名, 事業内容, 申し込み先 and the indicators the seed
//! reports for each. The nurse may add programmes of her own.

use super::{Indicator, ProgrammeResult, Unit};

/// One programme of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CatalogueEntry {
    pub group: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub implementer: &'static str,
    /// 指標名 and 単位 as the seed reports them (名 → 人, 箇所・医療機関 → 施設).
    pub indicators: &'static [(&'static str, Unit)],
}

const CARE_SUPPORT: &str = "難病患者療養支援事業（東京都保健所事業）";
const TRAINING: &str = "難病専門研修（従事者の育成）";

/// The seed's programmes, in its order (page 1, then page 2).
pub const CATALOGUE: [CatalogueEntry; 15] = [
    CatalogueEntry {
        group: CARE_SUPPORT,
        name: "在宅療養支援計画策定・評価",
        description: "保健所を中心として地域の関係機関が連携し、患者のニーズに応じた支援計画の作成・評価を行う。",
        implementer: "東京都保健所",
        indicators: &[("支援計画作成", Unit::Cases), ("評価委員会", Unit::Times)],
    },
    CatalogueEntry {
        group: CARE_SUPPORT,
        name: "在宅難病患者療養相談指導・島しょ専門医相談",
        description: "医療・生活等について、保健師などによる相談・指導を行い、療養環境の改善を図る。",
        implementer: "東京都保健所、疾病対策課（島しょ専門医派遣）",
        indicators: &[
            ("訪問相談指導", Unit::Cases),
            ("島しょ専門医相談（回数）", Unit::Times),
            ("島しょ専門医相談（件数）", Unit::Cases),
        ],
    },
    CatalogueEntry {
        group: CARE_SUPPORT,
        name: "患者会支援",
        description: "地域の患者会を育成し、その運営を支援する。",
        implementer: "東京都保健所",
        indicators: &[("患者会支援", Unit::Cases)],
    },
    CatalogueEntry {
        group: "",
        name: "難病医療相談",
        description: "専門医等による医療相談、生活指導等を行う。",
        implementer: "難病相談・支援センター、多摩難病相談・支援室",
        indicators: &[("実施回数", Unit::Times), ("相談者数", Unit::People)],
    },
    CatalogueEntry {
        group: "",
        name: "在宅難病患者訪問診療",
        description: "専門医療の受診が困難な患者に対し、診療班を組織して訪問診療を行う。",
        implementer: "地区医師会",
        indicators: &[("訪問件数", Unit::Cases)],
    },
    CatalogueEntry {
        group: "",
        name: "在宅難病患者医療機器貸与・整備",
        description: "在宅難病患者に医療機器（吸引器・吸入器）を無償貸与し、併せて訪問看護を実施する。",
        implementer: "保健所等",
        indicators: &[("貸与者", Unit::People), ("訪問看護", Unit::Times)],
    },
    CatalogueEntry {
        group: "",
        name: "在宅人工呼吸器使用難病患者訪問看護",
        description: "在宅で人工呼吸器を使用する患者に対し、診療報酬算定可能回数を超える訪問看護費用を助成する。",
        implementer: "保健所等",
        indicators: &[("患者数", Unit::People), ("訪問看護実施回数", Unit::Cases)],
    },
    CatalogueEntry {
        group: "",
        name: "在宅人工呼吸器使用難病患者非常用電源設備整備事業",
        description: "停電時等における安全確保のため、在宅難病患者に対する人工呼吸療法を実施する医療機関に対し、在宅難病患者に無償で貸与する予備電源等の物品の購入に要する経費を補助する。",
        implementer: "疾病対策課",
        indicators: &[("医療機関", Unit::Facilities), ("患者数", Unit::People)],
    },
    CatalogueEntry {
        group: "",
        name: "難病医療ネットワーク",
        description: "難病患者が早期に正しい診断を受け、住み慣れた地域で療養生活を送れるよう、医療機関等によるネットワークを構築する。",
        implementer: "拠点病院・協力病院",
        indicators: &[("難病診療連携拠点病院", Unit::Facilities), ("難病医療協力病院", Unit::Facilities)],
    },
    CatalogueEntry {
        group: "",
        name: "難病相談・支援センター",
        description: "地域で生活する難病患者等の日常生活における相談・支援、地域交流活動の促進などを行う拠点として、患者等の療養上、日常生活上での悩みや不安等の解消を図る。",
        implementer: "疾病対策課",
        indicators: &[
            ("東京都難病相談・支援センター", Unit::Cases),
            ("東京都多摩難病相談・支援室", Unit::Cases),
            ("東京都難病ピア相談室", Unit::Cases),
            ("計（療養・就労・ピア相談件数）", Unit::Cases),
        ],
    },
    CatalogueEntry {
        group: "",
        name: "難病対策地域協議会",
        description: "地域における難病の患者への支援体制に関する課題に係る情報の共有及び地域の実情に応じた体制の整備について協議することにより、支援体制の整備を図る。",
        implementer: "疾病対策課、東京都保健所",
        indicators: &[("本課実施分", Unit::Times), ("東京都保健所実施分", Unit::Times), ("計", Unit::Times)],
    },
    CatalogueEntry {
        group: TRAINING,
        name: "難病セミナー",
        description: "難病患者相談事業の従事者に対し、難病に関する知識及び技術の向上のため、講習会を実施する。",
        implementer: "疾病対策課",
        indicators: &[("実務者基礎コース", Unit::People), ("保健師コース", Unit::People), ("講演会（公開講座）", Unit::People)],
    },
    CatalogueEntry {
        group: TRAINING,
        name: "在宅難病患者訪問看護師等養成研修",
        description: "在宅難病患者に対して、訪問看護をしている看護師の難病に関する知識・技術の向上を図るため研修会を実施する。",
        implementer: "疾病対策課",
        indicators: &[
            ("座学研修Ⅰ", Unit::People),
            ("座学研修Ⅱ", Unit::People),
            ("臨床研修", Unit::People),
            ("合計（延べ）", Unit::People),
        ],
    },
    CatalogueEntry {
        group: TRAINING,
        name: "難病患者等ホームヘルパー養成研修",
        description: "難病患者に適切なサービスを提供するため、必要な知識・技能を有するヘルパーを養成する。",
        implementer: "指定事業所",
        indicators: &[("開催数", Unit::Times), ("受講者数", Unit::People)],
    },
    CatalogueEntry {
        group: "",
        name: "在宅難病患者一時入院事業",
        description: "介護者の事情により一時的に介護を受けられなくなった在宅難病患者の入院病床を確保する。",
        implementer: "保健所等",
        indicators: &[("委託病床数", Unit::Beds), ("利用患者数（延べ）", Unit::People), ("利用日数（延べ）", Unit::Days)],
    },
];

/// 難病患者在宅レスパイト事業 is in the seed too, but new in 令和4年度 (「-」 for every year
/// shown): offered in the catalogue without indicators.
pub const RESPITE: CatalogueEntry = CatalogueEntry {
    group: "",
    name: "難病患者在宅レスパイト事業",
    description: "介護者の事情により一時的に介護を受けられなくなった在宅人工呼吸器使用難病患者宅に看護人を派遣する。",
    implementer: "東京都訪問看護ステーション協会",
    indicators: &[],
};

/// Every programme of the catalogue, in the seed's order.
pub fn entries() -> impl Iterator<Item = &'static CatalogueEntry> {
    CATALOGUE.iter().chain(std::iter::once(&RESPITE))
}

/// The stable key of the `n`th indicator of a programme made from the catalogue.
pub fn indicator_key(n: usize) -> String {
    format!("i{}", n + 1)
}

impl CatalogueEntry {
    /// A programme with this entry's names and indicators and no figures yet; `order` is its
    /// place in the catalogue.
    pub fn blank(&self, order: u32) -> ProgrammeResult {
        ProgrammeResult {
            group: self.group.to_string(),
            name: self.name.to_string(),
            description: self.description.to_string(),
            implementer: self.implementer.to_string(),
            note: String::new(),
            order,
            indicators: self
                .indicators
                .iter()
                .enumerate()
                .map(|(n, (name, unit))| Indicator {
                    key: indicator_key(n),
                    name: (*name).to_string(),
                    unit: *unit,
                    values: Vec::new(),
                })
                .collect(),
        }
    }
}

/// The catalogue entry named `name`, with its place (1-based) in the catalogue.
pub fn find(name: &str) -> Option<(u32, &'static CatalogueEntry)> {
    entries().enumerate().find(|(_, e)| e.name == name.trim()).map(|(i, e)| (i as u32 + 1, e))
}
