//! 様式ごとの説明: the seed's 目的 of each 様式 and its 入力の留意点. The notes are the tables of
//! [`form_help`] (the same the 「？」 beside each field shows); only the 目的 is written here.

use super::HelpTopic;
use crate::domain::forms::form_help::{self as fh, FieldHelp};

/// One 様式's help page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormPage {
    /// The seed's question for the 様式 (○様式１：…) and its answer.
    pub question: Option<(&'static str, &'static str)>,
    /// 目的 (the seed's bullets)
    pub purpose: &'static [&'static str],
    /// 入力方法 (the seed's general notes)
    pub method: &'static [&'static str],
    /// 入力の留意点, part by part: (the part's name, the seed's table).
    pub parts: &'static [(&'static str, &'static [FieldHelp])],
}

const OVERVIEW: FormPage = FormPage {
    question: None,
    purpose: &["管轄地域における、神経難病療養者数及び医療資源に関する素データを把握する。"],
    method: &[],
    parts: &[("管轄地域", &fh::OVERVIEW_AREA), ("医療機関数", &fh::OVERVIEW_FACILITIES)],
};

const PATIENTS: FormPage = FormPage {
    question: Some((
        "管内の ALS の方々 どんな身体状況？ 診療・看護はうけられている？",
        "管轄地域の医療資源の量を記入し、管轄地図へのマッピングを行います。また管轄地域における在宅 ALS 療養者の身体状況と利用できている医療について一覧表を作成します。「身体状況に応じて診療、看護がうけられているか？」個々の患者についての評価とともに、管轄地域全体での集計が可能であり、患者の状態、支援機関の状況がわかります。",
    )),
    purpose: &[
        "管内の ALS 療養者の身体状況と医療サービスの利用状況を把握する。",
        "個別の療養者の状況を整理し集約することで、その地域の現状を把握し分析する。",
        "関係機関との連携や保健計画を立案するにあたり、基礎資料とする。",
        "ALS 在宅療養者毎に身体状況に応じた医療サービスを利用しているか等を見直し、個別の療養支援体制の課題を見出すことができる。",
        "ALS 以外の疾患についても、難病の保健活動上、身体状況および医療サービスの確保状況を把握しておく必要があると考えられる場合は、本様式を活用することもできる。",
    ],
    method: &["管轄地域の全ての ALS 在宅療養者（長期入院・入所を除く）について、それぞれの身体状況と医療サービスの確保状況を、入力例を参考に入力する。"],
    parts: &[
        ("基本情報", &fh::BASIC),
        ("医療処置管理", &fh::PROCEDURES),
        ("特定症状", &fh::SYMPTOMS),
        ("神経内科専門医療機関", &fh::NEUROLOGY),
        ("かかりつけ主治医", &fh::FAMILY_DOCTOR),
        ("入院・レスパイト・緊急時", &fh::ADMISSION),
        ("訪問看護", &fh::NURSING),
        ("制度の利用", &fh::SYSTEMS),
        ("保健所の把握", &fh::CONTACT),
        ("ギャップ", &fh::GAPS),
    ],
};

const PROGRAMMES: FormPage = FormPage {
    question: Some((
        "難病事業は利用できている？",
        "保健所等が実施（あるいは調整）する事業を中心に、それらの事業がうまく利用されているか否かについての評価を行います。",
    )),
    purpose: &["管轄地域における難病対策事業の状況についての評価。", fh::PROGRAMME_EVALUATION[0].why],
    method: &[],
    parts: &[
        ("実施の有無と実施件数", &fh::PROGRAMME_STATUS),
        ("難病対策地域協議会・難病相談支援センター", &fh::PROGRAMME_COUNCIL),
        ("成果と課題", &fh::PROGRAMME_EVALUATION),
    ],
};

const STATIONS: FormPage = FormPage {
    question: Some((
        "どこの訪問看護ステーションが難病の方をみてくれているのだろうか？ また新しい方を受けてくれそうなところはどこ？",
        "管内訪問看護ステーションの量と質を一覧にします。うちの管内は、訪問看護のマンパワーが少ないのか多いのか？不足してはいないか？などを検討することができます。",
    )),
    purpose: &[fh::STATION_NAME[0].why],
    method: &["管轄内のすべての訪問看護ステーションについて、以下の項目を入力する。"],
    parts: &[
        ("名称・所在地", &fh::STATION_NAME),
        ("看護師の常勤換算", &fh::STATION_FTE),
        ("利用者数", &fh::STATION_USERS),
        ("体制と実績", &fh::STATION_CAPACITY),
        ("今後の受け入れ", &fh::STATION_INTAKE),
    ],
};

const EVALUATION: FormPage = FormPage {
    question: Some((
        "診療・看護の利用について、総じてどのような状況？どんなところに課題がある？",
        "診療、看護、入院、レスパイトの利用について評価します。",
    )),
    purpose: &[fh::EVALUATION_LEVEL[0].why],
    method: &["「管内の状況」は集計から自動で計算されます（算出方法は「集計の算出方法」のページにあります）。"],
    parts: &[("評価とレベル", &fh::EVALUATION_LEVEL), ("総合評価", &fh::EVALUATION_OVERALL)],
};

/// The page of a 様式, if the topic is one.
pub fn form_page(topic: HelpTopic) -> Option<&'static FormPage> {
    match topic {
        HelpTopic::Overview => Some(&OVERVIEW),
        HelpTopic::Patients => Some(&PATIENTS),
        HelpTopic::Programmes => Some(&PROGRAMMES),
        HelpTopic::Stations => Some(&STATIONS),
        HelpTopic::Evaluation => Some(&EVALUATION),
        HelpTopic::Summary
        | HelpTopic::Trees
        | HelpTopic::Insurance
        | HelpTopic::ProgrammeList
        | HelpTopic::Ventilator
        | HelpTopic::Glossary => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_has_a_purpose_and_the_seeds_notes() {
        let forms: Vec<_> = HelpTopic::ALL.into_iter().filter_map(form_page).collect();
        assert_eq!(forms.len(), 5, "様式1–4 and 地域の概況");
        for f in forms {
            assert!(!f.purpose.is_empty());
            assert!(f.parts.iter().all(|(name, entries)| !name.is_empty() && !entries.is_empty()));
        }
        // 様式1 shows every note the 「？」 of 様式1 shows: 26 items.
        let patients: usize = PATIENTS.parts.iter().map(|(_, e)| e.len()).sum();
        assert_eq!(patients, 26);
    }
}
