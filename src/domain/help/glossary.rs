//! 用語集: the terms of the tool with their reading (ひらがな) and a one-line meaning, in
//! 五十音順. Meanings follow seed 004 (the 様式 and 判断樹) and `shared/domain/README.md`.

/// One term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// 用語
    pub term: &'static str,
    /// 読み (ひらがな)
    pub reading: &'static str,
    /// 意味 (one line)
    pub meaning: &'static str,
}

const fn t(term: &'static str, reading: &'static str, meaning: &'static str) -> Term {
    Term { term, reading, meaning }
}

/// The terms, in 五十音順 of their reading.
pub const TERMS: [Term; 30] = [
    t(
        "ADL（日常生活動作）",
        "えーでぃーえる",
        "食事・移動・排泄など日常生活の動作。様式1 では 1 自立、2 一部介助、3 全面介助 で入力します。",
    ),
    t(
        "ALS（筋萎縮性側索硬化症）",
        "えーえるえす",
        "運動神経が障害される進行性の神経難病。このツールが対象とする代表的な疾患です。",
    ),
    t("嚥下障害", "えんげしょうがい", "食べ物や飲み物をうまく飲み込めない状態。球麻痺の判断樹で確かめます。"),
    t(
        "介護保険（介護度）",
        "かいごほけん（かいごど）",
        "要支援1・2、要介護1〜5 の認定。様式1 では要支援1 は 11、要支援2 は 12 と入力します。",
    ),
    t("かかりつけ主治医", "かかりつけしゅじい", "日常の診療を担う地域の医師。受診形態は 1 外来、2 往診、0 なし。"),
    t("ギャップ", "ぎゃっぷ", "保健師が必要と考えるサービスと実際のサービスとの差。様式1 で印を付けます。"),
    t("球麻痺", "きゅうまひ", "飲み込み・話す・痰を出すなどにかかわる筋の麻痺。ALS の代表的な症状の一つです。"),
    t("構音障害", "こうおんしょうがい", "ろれつが回らない・発音が不明瞭になるなど、話しにくくなる状態。"),
    t("呼吸障害", "こきゅうしょうがい", "呼吸筋の麻痺などで十分に呼吸ができない状態。呼吸障害の判断樹で確かめます。"),
    t(
        "在宅人工呼吸器使用患者支援事業",
        "ざいたくじんこうこきゅうきしようかんじゃしえんじぎょう",
        "在宅で人工呼吸器を使う難病患者に、診療報酬の回数を超える訪問看護の費用を支払う事業。",
    ),
    t(
        "在宅療養支援診療所",
        "ざいたくりょうようしえんしんりょうじょ",
        "24時間の往診・連絡体制などを備え、在宅療養を支える診療所。",
    ),
    t(
        "災害時個別支援計画",
        "さいがいじこべつしえんけいかく",
        "災害時の避難や支援を療養者ごとに定めた計画。様式1 では策定・見直しの年を入力します。",
    ),
    t("支援管理区分", "しえんかんりくぶん", "保健活動の頻度などから、各地域で定める支援の優先度の区分。"),
    t(
        "地域診断",
        "ちいきしんだん",
        "管轄地域の療養者・事業・訪問看護の状況を集めて、地域の課題と優先度を明らかにすること。",
    ),
    t("指定難病", "していなんびょう", "難病法に基づき医療費助成の対象として国が指定する難病。"),
    t("集計", "しゅうけい", "様式1・様式3 の入力から自動で計算される表。入力はしません。"),
    t(
        "常勤換算",
        "じょうきんかんざん",
        "従事者の1週間の勤務延時間数を常勤の所定労働時間で割った人数（32時間未満は32時間で計算）。",
    ),
    t("神経内科専門医療機関", "しんけいないかせんもんいりょうきかん", "ALS など神経難病の専門的な診療を行う医療機関。"),
    t(
        "人工呼吸器（NPPV・TPPV）",
        "じんこうこきゅうき",
        "呼吸を助ける機器。NPPV は鼻マスク式（非侵襲）、TPPV は気管切開式（侵襲）。",
    ),
    t("特定症状", "とくていしょうじょう", "呼吸障害、嚥下障害、構音障害、排尿障害、自律神経障害の5つ。"),
    t(
        "難病対策地域協議会",
        "なんびょうたいさくちいききょうぎかい",
        "難病法第32条に基づき、地域の支援体制の課題を共有し整備を協議する場。",
    ),
    t(
        "難病相談支援センター",
        "なんびょうそうだんしえんせんたー",
        "難病の患者等の相談・支援、地域交流、就労支援などを行う拠点。",
    ),
    t("判断樹", "はんだんじゅ", "設問に順に答えて、症状の有無と必要な対応を判断するための図。"),
    t(
        "医療処置管理",
        "いりょうしょちかんり",
        "人工呼吸器、気管切開、吸引、経管栄養、その他（吸入、導尿、中心静脈栄養等）の管理。",
    ),
    t(
        "訪問看護ステーション",
        "ほうもんかんごすてーしょん",
        "看護師などが自宅を訪問して看護を行う事業所。様式3 に管内のすべてを入力します。",
    ),
    t("保健所", "ほけんじょ", "地域の公衆衛生を担う行政機関。難病の保健活動を行います。"),
    t("管轄地域", "かんかつちいき", "その保健所が受け持つ地域。"),
    t("療養者", "りょうようしゃ", "在宅で療養している人。様式1 には長期入院・入所の人を除いて入力します。"),
    t("レスパイト", "れすぱいと", "介護する家族等の休息のため、一時的な入院・入所や在宅でのサービスを使うこと。"),
    t("年度", "ねんど", "4月から翌年3月まで。令和7年度（2025年度）のように和暦と西暦で示します。"),
];

/// The terms in 五十音順 of their reading.
pub fn terms() -> Vec<Term> {
    let mut all = TERMS.to_vec();
    all.sort_by(|a, b| crate::domain::kana::gojuon_cmp(a.reading, b.reading));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kana::check_reading;

    #[test]
    fn every_term_has_a_reading_in_kana_and_a_one_line_meaning() {
        for term in TERMS {
            assert!(!term.reading.is_empty(), "{}", term.term);
            let bare: String = term.reading.chars().filter(|c| !matches!(c, '（' | '）')).collect();
            assert_eq!(check_reading(&bare), Ok(()), "{}", term.term);
            assert!(!term.meaning.is_empty() && !term.meaning.contains('\n'), "{}", term.term);
        }
        let names: std::collections::BTreeSet<_> = TERMS.iter().map(|t| t.term).collect();
        assert_eq!(names.len(), TERMS.len(), "no term twice");
    }

    #[test]
    fn the_list_is_in_gojuon_order() {
        let all = terms();
        assert_eq!(all.len(), TERMS.len());
        assert!(all.windows(2).all(|w| crate::domain::kana::gojuon_cmp(w[0].reading, w[1].reading).is_le()));
        assert_eq!(all.first().map(|t| t.reading), Some("いりょうしょちかんり"));
    }
}
