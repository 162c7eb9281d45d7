//! 在宅人工呼吸器使用患者支援事業: who the programme is for and what it pays, from 療養生活環境
//! 整備事業実施要綱 (平成30年3月29日健発0329第3号) 第４ and 別添２ as seed 004 quotes them.
//! The amounts are in yen, as integers, so a test can hold them to the seed.

/// One line of 別添２.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fee {
    /// ①–⑤ (or the 特例措置's ①②)
    pub mark: &'static str,
    /// 区分 (who visits)
    pub item: &'static str,
    /// 円
    pub yen: u32,
    /// 単位 (１回につき, １月に１回に限り)
    pub per: &'static str,
}

const fn fee(mark: &'static str, item: &'static str, yen: u32, per: &'static str) -> Fee {
    Fee { mark, item, yen, per }
}

/// 第４ (1)–(5), (7): the programme in the 要綱's words.
pub const OUTLINE: [(&str, &str); 5] = [
    ("概要", "人工呼吸器を装着していることについて特別の配慮を必要とする難病の患者に対して、在宅において適切な医療の確保を図ることを目的とする。"),
    ("実施主体", "都道府県"),
    (
        "対象患者",
        "法第５条に規定する指定難病の患者及び特定疾患治療研究事業対象疾患患者で、かつ、当該指定難病及び対象疾患を主たる要因として在宅で人工呼吸器を使用している患者のうち、医師が訪問看護を必要と認める患者",
    ),
    (
        "実施方法",
        "都道府県は、本事業を行うに適当な訪問看護ステーション又は訪問看護を行うその他の医療機関（訪問看護ステーション等医療機関）に訪問看護を委託し、必要な費用を交付する。",
    ),
    ("事業期間", "同一患者につき１カ年を限度とする。ただし、必要と認められる場合は、その期間を更新できる。"),
];

/// 第４ (4) ②: which visits are paid, and the yearly limit.
pub const WHICH_VISITS: &str = "診療報酬において、在宅患者訪問看護・指導料又は訪問看護療養費を算定する場合には、原則として１日につき４回目以降\
（ただし、特別な事情により複数の訪問看護ステーション等医療機関により訪問看護を実施する場合にはこの限りではない。）の訪問看護について、\
患者１人当たり年間260回（特例措置として実施する場合を含む）を限度として、別添２により支払う。";

/// 年間の限度 (回, 特例措置を含む).
pub const VISITS_PER_YEAR: u32 = 260;

/// 原則: from the 4th visit of the day.
pub const FIRST_PAID_VISIT_OF_DAY: u32 = 4;

/// 特例措置: the 3rd visit of the day by the same station as the first two.
pub const SPECIAL_VISIT_OF_DAY: u32 = 3;

/// 別添２ １．原則.
pub const PRINCIPLE: [Fee; 5] = [
    fee("①", "医師による訪問看護指示料", 3_000, "１月に１回に限り"),
    fee(
        "②",
        "訪問看護ステーションが行う保健師、助産師、看護師、理学療法士、作業療法士又は言語聴覚士による訪問看護",
        8_450,
        "１回につき",
    ),
    fee("③", "訪問看護ステーションが行う准看護師による訪問看護", 7_950, "１回につき"),
    fee(
        "④",
        "その他の医療機関が行う保健師、助産師、看護師、理学療法士、作業療法士又は言語聴覚士による訪問看護",
        5_550,
        "１回につき",
    ),
    fee("⑤", "その他の医療機関が行う准看護師による訪問看護", 5_050, "１回につき"),
];

/// 別添２ １．原則 (the note under the heading).
pub const PRINCIPLE_NOTE: &str =
    "１日につき４回目以降の訪問看護の費用の額は、次により支払うものとする。なお、複数の訪問看護ステーション等医療機関\
により訪問看護を実施する場合には、②から⑤に係る該当区分の費用を支払うものとする。";

/// 別添２ ２．特例措置.
pub const SPECIAL: [Fee; 2] = [
    fee("①", "保健師、助産師、看護師、理学療法士、作業療法士又は言語聴覚士による訪問看護の費用", 2_500, "１回につき"),
    fee("②", "准看護師による訪問看護の費用", 2_000, "１回につき"),
];

/// 別添２ ２．特例措置 (the note under the heading).
pub const SPECIAL_NOTE: &str =
    "１日につき３回目の訪問看護を前２回と同一訪問看護ステーションで行う場合には、特例措置として３回目に対して次の\
費用を当面の間支払うものとする。";

/// How this app reads what the seed leaves open (programmes.md asks for one reading): the
/// same text the visit plan's payment uses and shows.
pub use crate::domain::ventilator::payment::READING;

/// `8450` → 「8,450円」.
pub fn yen(amount: u32) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out.push('円');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The figures of seed 004 別添２, each checked against the seed's text.
    #[test]
    fn the_fees_are_those_of_the_seed() {
        let principle: Vec<String> = PRINCIPLE.iter().map(|f| yen(f.yen)).collect();
        assert_eq!(principle, ["3,000円", "8,450円", "7,950円", "5,550円", "5,050円"]);
        let special: Vec<String> = SPECIAL.iter().map(|f| yen(f.yen)).collect();
        assert_eq!(special, ["2,500円", "2,000円"]);
        assert_eq!(PRINCIPLE[0].per, "１月に１回に限り");
        assert_eq!((VISITS_PER_YEAR, FIRST_PAID_VISIT_OF_DAY, SPECIAL_VISIT_OF_DAY), (260, 4, 3));
        assert!(WHICH_VISITS.contains("１日につき４回目以降") && WHICH_VISITS.contains("年間260回"));
        assert!(SPECIAL_NOTE.contains("３回目の訪問看護を前２回と同一訪問看護ステーションで行う場合"));
        // 准看護師 is paid less than the others, and an other institution less than a station.
        assert!(PRINCIPLE[2].yen < PRINCIPLE[1].yen && PRINCIPLE[3].yen < PRINCIPLE[1].yen);
        assert_eq!(yen(999), "999円");
        assert_eq!(yen(1_000_000), "1,000,000円");
    }
}
