//! 使い方・参考 (issue 18): the help pages' content in plain Rust, each page naming the part of
//! the seed (seed 004, 「難病の地域診断ツール」 and its 資料) it is taken from. The UI only
//! renders these tables; where the app already has a table (the 集計's rows, the 様式2
//! catalogue, the 判断樹, the 入力の留意点 of `forms::form_help`) the page is built from it.
//!
//! * [`summary`]: how each figure of the 集計 and 様式4's 管内の状況 is computed.
//! * [`forms`]: one page per 様式 (目的 and 入力の留意点); [`examples`]: 様式1's 記入例.
//! * [`trees`]: what the two 判断樹 are for and how to read their outcome.
//! * [`insurance`]: 訪問看護 介護保険と医療保険どちらをつかうの？ (the chart and its lists).
//! * [`ventilator`]: 在宅人工呼吸器使用患者支援事業 (要綱 第４ and 別添２).
//! * [`glossary`]: 用語集 (with readings).

pub mod examples;
pub mod forms;
pub mod glossary;
pub mod insurance;
pub mod summary;
pub mod trees;
pub mod ventilator;

/// 使い方・参考 のページ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HelpTopic {
    /// 集計の算出方法
    Summary,
    /// 地域の概況
    Overview,
    /// 様式1 療養者
    Patients,
    /// 様式2 事業
    Programmes,
    /// 様式3 訪問看護ステーション
    Stations,
    /// 様式4 評価
    Evaluation,
    /// 判断樹
    Trees,
    /// 訪問看護の保険（介護保険と医療保険）
    Insurance,
    /// 様式2 の事業の一覧
    ProgrammeList,
    /// 在宅人工呼吸器使用患者支援事業（別添2）
    Ventilator,
    /// 用語集
    Glossary,
}

impl HelpTopic {
    /// In the order of the help index: 使い方 (the 様式 and 集計), then 参考.
    pub const ALL: [HelpTopic; 11] = [
        HelpTopic::Overview,
        HelpTopic::Patients,
        HelpTopic::Programmes,
        HelpTopic::Stations,
        HelpTopic::Summary,
        HelpTopic::Evaluation,
        HelpTopic::Trees,
        HelpTopic::Insurance,
        HelpTopic::ProgrammeList,
        HelpTopic::Ventilator,
        HelpTopic::Glossary,
    ];

    /// The last part of the address (`#/help/<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            HelpTopic::Summary => "summary",
            HelpTopic::Overview => "overview",
            HelpTopic::Patients => "form1",
            HelpTopic::Programmes => "form2",
            HelpTopic::Stations => "form3",
            HelpTopic::Evaluation => "form4",
            HelpTopic::Trees => "trees",
            HelpTopic::Insurance => "insurance",
            HelpTopic::ProgrammeList => "programmes",
            HelpTopic::Ventilator => "ventilator",
            HelpTopic::Glossary => "glossary",
        }
    }

    pub fn from_slug(slug: &str) -> Option<HelpTopic> {
        HelpTopic::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// The page's heading (and the link's text on the index).
    pub fn title(self) -> &'static str {
        match self {
            HelpTopic::Summary => "集計の算出方法",
            HelpTopic::Overview => "地域の概況の入力",
            HelpTopic::Patients => "様式1 療養者の入力",
            HelpTopic::Programmes => "様式2 事業の入力",
            HelpTopic::Stations => "様式3 訪問看護ステーションの入力",
            HelpTopic::Evaluation => "様式4 評価の入力",
            HelpTopic::Trees => "判断樹の使い方",
            HelpTopic::Insurance => "訪問看護の保険（介護保険と医療保険）",
            HelpTopic::ProgrammeList => "様式2 の事業の一覧",
            HelpTopic::Ventilator => "在宅人工呼吸器使用患者支援事業（費用の額）",
            HelpTopic::Glossary => "用語集",
        }
    }

    /// 参考 (reference) rather than 使い方 (how to fill in the forms).
    pub fn is_reference(self) -> bool {
        matches!(self, HelpTopic::Insurance | HelpTopic::ProgrammeList | HelpTopic::Ventilator | HelpTopic::Glossary)
    }

    /// 出典: the part of the seed the page is taken from.
    pub fn source(self) -> &'static str {
        match self {
            HelpTopic::Summary => {
                "難病の地域診断ツール「４．集計シート ３）出力された集計の算出方法」「３．様式３ ３）出力された集計の算出方法」\
「５．様式４ ２）出力された集計の算出方法」"
            }
            HelpTopic::Overview => "難病の地域診断ツール「１．様式１ ２）A．管轄地域の概況」",
            HelpTopic::Patients => {
                "難病の地域診断ツール「○様式１」「１．様式１ １）目的、B．（１）目的・（２）入力方法・（３）各項目の入力について」"
            }
            HelpTopic::Programmes => "難病の地域診断ツール「○様式２」「２．様式２ １）目的・３）入力方法」",
            HelpTopic::Stations => "難病の地域診断ツール「○様式３」「３．様式３ １）目的・２）入力内容および方法」",
            HelpTopic::Evaluation => "難病の地域診断ツール「○様式４」「５．様式４ １）目的・３）入力方法」",
            HelpTopic::Trees => {
                "難病の地域診断ツールの資料「ALS呼吸障害に関連する症状のアセスメントと対応」「ALS球麻痺に関連する症状のアセスメントと対応」\
および「１．様式１（３）各項目の入力について」の特定症状"
            }
            HelpTopic::Insurance => {
                "難病の地域診断ツールの資料「難病にかかる訪問看護の制度 まとめ」「訪問看護 介護保険と医療保険どちらをつかうの？」\
（「慢性疾患からターミナルケアまで 在宅療養はここがポイント」p11 日本訪問看護財団 2010 を参考に一部改編）"
            }
            HelpTopic::ProgrammeList => {
                "難病の地域診断ツール「２．様式２ ２）入力事業および事業の概要」（出典: 難病特別対策推進事業について \
平成31年3月29日健発0329第9号、療養生活環境整備事業実施要綱の一部改正について 平成30年3月29日健発0329第1号）"
            }
            HelpTopic::Ventilator => {
                "療養生活環境整備事業実施要綱（平成30年3月29日健発0329第3号）「第４ 在宅人工呼吸器使用患者支援事業」と\
「別添２ 在宅人工呼吸器使用患者支援事業 訪問看護の費用の額」（難病の地域診断ツールの資料より引用）"
            }
            HelpTopic::Glossary => "難病の地域診断ツール「様式１～４ 入力の留意点」「各項目の入力について」と判断樹の各項目",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_topic_has_its_own_slug_title_and_source() {
        let slugs: std::collections::BTreeSet<_> = HelpTopic::ALL.iter().map(|t| t.slug()).collect();
        assert_eq!(slugs.len(), HelpTopic::ALL.len());
        for t in HelpTopic::ALL {
            assert_eq!(HelpTopic::from_slug(t.slug()), Some(t));
            assert!(!t.title().is_empty());
            assert!(t.source().contains('「'), "{t:?} names the seed's section");
        }
        assert_eq!(HelpTopic::from_slug("nowhere"), None);
    }
}
