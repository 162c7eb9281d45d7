//! 様式2 「ALS療養者支援にかかわる難病対策事業の実施状況とその評価」: one record per
//! programme row of a 地域診断.
//!
//! * [`catalogue`]: the standard programmes printed on the form (name, 実施主体, 事業の概要).
//! * [`Programme`]: the record body — 実施 1 有 / 0 無, 実施件数 (1) 管轄地域 and
//!   (2) 都道府県全体, 事業の概要, 成果, 課題, plus the extra sections of the
//!   難病対策地域協議会 and 難病相談支援センター rows.
//! * [`form`]: the input form holding text as typed, and its parsing and checks.
//! * [`rows`]: default rows of a new 地域診断, listing in form order, the copy for the next
//!   年度 and the print/CSV row view.
//! * [`sheet`]: what the 様式2 page shows and writes (rows before and after the first save,
//!   一括入力, trash, last year's row, print rows).

pub mod catalogue;
pub mod form;
pub mod prefecture;
pub mod rows;
pub mod sheet;

pub use catalogue::{ProgrammeDef, StandardProgramme, STANDARD_PROGRAMMES};
pub use form::{CouncilForm, ProgrammeForm};
pub use rows::{
    copy_for_next_year, default_programmes, list_programmes, missing_standard_programmes, previous_year_row, row_cells,
    row_headers, table, ProgrammeEntry, COLUMN_COUNT,
};

use super::fiscal_year::FiscalYear;
use super::record::{RecordBody, RecordKind};
use serde::{Deserialize, Serialize};

/// 事業名: a standard programme of the form, or a 独自事業 of the prefecture or municipality.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ProgrammeKind {
    /// 標準事業 (printed on the form).
    Standard {
        /// 標準事業のキー.
        key: StandardProgramme,
    },
    /// 都道府県、市区町村の独自事業 with its own 事業名.
    Own {
        /// 事業名.
        name: String,
    },
}

impl ProgrammeKind {
    /// 事業名 (独自事業 with a blank name shows as 「独自事業」).
    pub fn name(&self) -> &str {
        match self {
            ProgrammeKind::Standard { key } => key.name(),
            ProgrammeKind::Own { name } if name.trim().is_empty() => OWN_PROGRAMME_LABEL,
            ProgrammeKind::Own { name } => name,
        }
    }

    /// The standard programme, if this is one.
    pub fn standard(&self) -> Option<StandardProgramme> {
        match self {
            ProgrammeKind::Standard { key } => Some(*key),
            ProgrammeKind::Own { .. } => None,
        }
    }

    /// 事業の区分 for the row view: the group heading, 「独自事業」, or blank.
    pub fn group(&self) -> &'static str {
        match self {
            ProgrammeKind::Standard { key } => key.group().unwrap_or(""),
            ProgrammeKind::Own { .. } => OWN_PROGRAMME_LABEL,
        }
    }
}

/// How the form names a programme of the prefecture's or municipality's own.
pub const OWN_PROGRAMME_LABEL: &str = "独自事業";

/// 実施 choices for a select, in this order: 未入力, 1 有, 0 無.
pub const IMPLEMENTED_CHOICES: [(Option<bool>, &str); 3] =
    [(None, "未入力"), (Some(true), "1 有"), (Some(false), "0 無")];

/// 協議会 なしの場合 関連する会議 choices: 未入力, あり, なし.
pub const RELATED_MEETING_CHOICES: [(Option<bool>, &str); 3] =
    [(None, "未入力"), (Some(true), "あり"), (Some(false), "なし")];

/// The label of a 実施 value: `1 有`, `0 無`, `未入力`.
pub fn implemented_label(value: Option<bool>) -> &'static str {
    IMPLEMENTED_CHOICES.iter().find(|(v, _)| *v == value).map_or("未入力", |(_, label)| label)
}

/// 設置単位 of the 難病対策地域協議会.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CouncilUnit {
    /// 都道府県全体
    Prefecture,
    /// 保健所単位
    HealthCenter,
    /// その他 (the text is in [`Council::unit_other`])
    Other,
}

impl CouncilUnit {
    /// In the form's order.
    pub const ALL: [CouncilUnit; 3] = [CouncilUnit::Prefecture, CouncilUnit::HealthCenter, CouncilUnit::Other];

    /// The label on the form.
    pub fn label(self) -> &'static str {
        match self {
            CouncilUnit::Prefecture => "都道府県全体",
            CouncilUnit::HealthCenter => "保健所単位",
            CouncilUnit::Other => "その他",
        }
    }
}

/// 難病対策地域協議会: the extra section of that row. `None` = 未入力.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Council {
    /// なしの場合 関連する会議: あり (true) / なし (false) / 未入力 — asked when the council is
    /// not set up (実施 0 無).
    pub related_meeting: Option<bool>,
    /// 【初回】開催年度.
    pub first_year: Option<FiscalYear>,
    /// 【当年度開催】回/年 (the 地域診断's 年度).
    pub meetings_this_year: Option<u64>,
    /// 【設置単位】.
    pub unit: Option<CouncilUnit>,
    /// 設置単位 その他 の内容 (kept even when another unit is chosen, so nothing typed is lost).
    pub unit_other: String,
    /// 【議題及び実施状況等】.
    pub agenda: String,
}

/// 運営方法 of the 難病相談支援センター.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CenterOperation {
    /// 直営
    Direct,
    /// 委託 (the contractor is in [`Center::contractor`])
    Contracted,
}

impl CenterOperation {
    /// In the form's order.
    pub const ALL: [CenterOperation; 2] = [CenterOperation::Direct, CenterOperation::Contracted];

    /// The label on the form.
    pub fn label(self) -> &'static str {
        match self {
            CenterOperation::Direct => "直営",
            CenterOperation::Contracted => "委託",
        }
    }
}

/// One 実施事業 checkbox of the 難病相談支援センター.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CenterActivity {
    /// 相談
    Consultation,
    /// 講演会・研修会等
    Lectures,
    /// 就労支援事業
    Employment,
    /// ピアサポート
    PeerSupport,
    /// その他 (the text is in [`CenterActivities::other_text`])
    Other,
}

impl CenterActivity {
    /// In the form's order.
    pub const ALL: [CenterActivity; 5] = [
        CenterActivity::Consultation,
        CenterActivity::Lectures,
        CenterActivity::Employment,
        CenterActivity::PeerSupport,
        CenterActivity::Other,
    ];

    /// The label on the form.
    pub fn label(self) -> &'static str {
        match self {
            CenterActivity::Consultation => "相談",
            CenterActivity::Lectures => "講演会・研修会等",
            CenterActivity::Employment => "就労支援事業",
            CenterActivity::PeerSupport => "ピアサポート",
            CenterActivity::Other => "その他",
        }
    }
}

/// 【実施事業】 checkboxes of the 難病相談支援センター (unchecked = false).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CenterActivities {
    /// □相談
    pub consultation: bool,
    /// □講演会・研修会等
    pub lectures: bool,
    /// □就労支援事業
    pub employment: bool,
    /// □ピアサポート
    pub peer_support: bool,
    /// □その他
    pub other: bool,
    /// その他（　）の内容 (kept even when unchecked, so nothing typed is lost).
    pub other_text: String,
}

impl CenterActivities {
    /// Whether a box is checked.
    pub fn get(&self, activity: CenterActivity) -> bool {
        match activity {
            CenterActivity::Consultation => self.consultation,
            CenterActivity::Lectures => self.lectures,
            CenterActivity::Employment => self.employment,
            CenterActivity::PeerSupport => self.peer_support,
            CenterActivity::Other => self.other,
        }
    }

    /// Checks or unchecks a box.
    pub fn set(&mut self, activity: CenterActivity, checked: bool) {
        let slot = match activity {
            CenterActivity::Consultation => &mut self.consultation,
            CenterActivity::Lectures => &mut self.lectures,
            CenterActivity::Employment => &mut self.employment,
            CenterActivity::PeerSupport => &mut self.peer_support,
            CenterActivity::Other => &mut self.other,
        };
        *slot = checked;
    }

    /// The checked boxes in the form's order.
    pub fn checked(&self) -> Vec<CenterActivity> {
        CenterActivity::ALL.into_iter().filter(|a| self.get(*a)).collect()
    }

    /// `相談、ピアサポート、その他（患者会支援）` for lists and print.
    pub fn summary(&self) -> String {
        self.checked()
            .into_iter()
            .map(|a| match a {
                CenterActivity::Other if !self.other_text.trim().is_empty() => {
                    format!("その他（{}）", self.other_text.trim())
                }
                a => a.label().to_string(),
            })
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// 難病相談支援センター: the extra section of that row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Center {
    /// 運営方法 直営 / 委託 (`None` = 未入力).
    pub operation: Option<CenterOperation>,
    /// 委託先 (kept even when 直営 is chosen, so nothing typed is lost).
    pub contractor: String,
    /// 【実施事業】.
    pub activities: CenterActivities,
}

/// 様式2 事業: one programme row of a 地域診断. `None` = 未入力; 0 件 is a value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    /// 事業名 (標準事業 or 独自事業).
    pub programme: ProgrammeKind,
    /// 実施主体 (the text inside 〔〕; pre-filled for 標準事業, editable).
    pub operator: String,
    /// 実施: 1 有 (true) / 0 無 (false) / 未入力.
    pub implemented: Option<bool>,
    /// 実施件数 (1) 管轄地域（件）.
    pub count_local: Option<u64>,
    /// 実施件数 (2) 都道府県全体（件）.
    pub count_prefecture: Option<u64>,
    /// 事業の概要 (pre-filled for 標準事業, editable).
    pub summary: String,
    /// 成果.
    pub outcome: String,
    /// 課題.
    pub challenge: String,
    /// 難病対策地域協議会 section (only on that row).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<Council>,
    /// 難病相談支援センター section (only on that row).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub center: Option<Center>,
}

impl RecordBody for Programme {
    const KIND: RecordKind = RecordKind::Programme;
}

/// Where a row goes when rows are shown: 標準事業 in the paper form's order, then 独自事業.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SortKey {
    /// 標準事業 at its position on the form.
    Standard(usize),
    /// 独自事業 (after all standard rows; ties are broken by creation time).
    Own,
}

impl Programme {
    /// A fresh row for a standard programme: name, 実施主体 and 事業の概要 pre-filled,
    /// everything else 未入力 (and the extra section empty on the council and centre rows).
    pub fn standard(key: StandardProgramme) -> Programme {
        Programme {
            programme: ProgrammeKind::Standard { key },
            operator: key.operator().to_string(),
            implemented: None,
            count_local: None,
            count_prefecture: None,
            summary: key.description().to_string(),
            outcome: String::new(),
            challenge: String::new(),
            council: (key == StandardProgramme::RegionalCouncil).then(Council::default),
            center: (key == StandardProgramme::SupportCenter).then(Center::default),
        }
    }

    /// A fresh, empty 独自事業 row.
    pub fn own(name: &str) -> Programme {
        Programme {
            programme: ProgrammeKind::Own { name: name.trim().to_string() },
            operator: String::new(),
            implemented: None,
            count_local: None,
            count_prefecture: None,
            summary: String::new(),
            outcome: String::new(),
            challenge: String::new(),
            council: None,
            center: None,
        }
    }

    /// 事業名 as shown.
    pub fn name(&self) -> &str {
        self.programme.name()
    }

    /// `在宅難病患者一時入院事業〔都道府県〕` (no brackets when 実施主体 is blank).
    pub fn title(&self) -> String {
        let operator = self.operator.trim();
        if operator.is_empty() {
            self.name().to_string()
        } else {
            format!("{}〔{}〕", self.name(), operator)
        }
    }

    /// Display position: 標準事業 in form order, then 独自事業.
    pub fn sort_key(&self) -> SortKey {
        match &self.programme {
            ProgrammeKind::Standard { key } => SortKey::Standard(key.position()),
            ProgrammeKind::Own { .. } => SortKey::Own,
        }
    }

    /// The body copied for the next 年度 (see [`rows::copy_for_next_year`] for what is kept).
    ///
    /// Kept: the row (事業名), 実施主体, 事業の概要; the council's set-up facts (初回年度,
    /// 設置単位 and its その他 text); the centre's 運営方法 and 委託先.
    /// Reset to 未入力/blank: 実施, both 実施件数, 成果, 課題 (this year's answers and
    /// evaluation), the council's 関連する会議, 当年度開催回数 and 議題及び実施状況等, and the
    /// centre's 実施事業 checkboxes (what was done this year). 実施 is reset rather than carried
    /// over so that a stale 「1 有」 can never pass unnoticed into the next year's evaluation:
    /// a blank shows as 未入力 and the nurse confirms it.
    pub fn for_next_year(&self) -> Programme {
        Programme {
            programme: self.programme.clone(),
            operator: self.operator.clone(),
            implemented: None,
            count_local: None,
            count_prefecture: None,
            summary: self.summary.clone(),
            outcome: String::new(),
            challenge: String::new(),
            council: self.council.as_ref().map(|c| Council {
                related_meeting: None,
                first_year: c.first_year,
                meetings_this_year: None,
                unit: c.unit,
                unit_other: c.unit_other.clone(),
                agenda: String::new(),
            }),
            center: self.center.as_ref().map(|c| Center {
                operation: c.operation,
                contractor: c.contractor.clone(),
                activities: CenterActivities::default(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_standard_rows_are_prefilled_and_otherwise_blank() {
        let p = Programme::standard(StandardProgramme::MedicalConsultation);
        assert_eq!(p.name(), "医療相談事業");
        assert_eq!(p.operator, "都道府県、保健所設置市・特別区");
        assert_eq!(p.title(), "医療相談事業〔都道府県、保健所設置市・特別区〕");
        assert!(p.summary.starts_with("患者等の療養上の不安の解消を図るため"));
        assert_eq!(p.implemented, None);
        assert_eq!(p.count_local, None);
        assert_eq!(p.count_prefecture, None);
        assert!(p.outcome.is_empty() && p.challenge.is_empty());
        assert!(p.council.is_none() && p.center.is_none());

        let council = Programme::standard(StandardProgramme::RegionalCouncil);
        assert_eq!(council.council, Some(Council::default()));
        assert!(council.center.is_none());
        let center = Programme::standard(StandardProgramme::SupportCenter);
        assert_eq!(center.center, Some(Center::default()));
        assert!(center.council.is_none());
    }

    #[test]
    fn own_rows_sort_after_every_standard_row() {
        let own = Programme::own(" 難病患者レスパイト事業 ");
        assert_eq!(own.name(), "難病患者レスパイト事業");
        assert_eq!(own.title(), "難病患者レスパイト事業");
        assert_eq!(Programme::own("").name(), "独自事業");
        let mut keys: Vec<SortKey> =
            StandardProgramme::ALL.iter().rev().map(|k| Programme::standard(*k).sort_key()).collect();
        keys.push(own.sort_key());
        keys.sort();
        assert_eq!(keys.first(), Some(&SortKey::Standard(0)));
        assert_eq!(keys.get(8), Some(&SortKey::Standard(8)));
        assert_eq!(keys.last(), Some(&SortKey::Own));
    }

    #[test]
    fn implemented_labels() {
        assert_eq!(implemented_label(Some(true)), "1 有");
        assert_eq!(implemented_label(Some(false)), "0 無");
        assert_eq!(implemented_label(None), "未入力");
    }

    #[test]
    fn center_activities_summary_follows_the_form_order() {
        let mut a = CenterActivities::default();
        assert_eq!(a.summary(), "");
        a.set(CenterActivity::PeerSupport, true);
        a.set(CenterActivity::Consultation, true);
        a.set(CenterActivity::Other, true);
        a.other_text = " 患者会支援 ".into();
        assert_eq!(a.checked(), vec![CenterActivity::Consultation, CenterActivity::PeerSupport, CenterActivity::Other]);
        assert_eq!(a.summary(), "相談、ピアサポート、その他（患者会支援）");
        a.set(CenterActivity::Consultation, false);
        assert!(!a.get(CenterActivity::Consultation));
    }

    #[test]
    fn body_serde_round_trips_and_tags_the_programme() {
        let p = Programme::standard(StandardProgramme::SupportCenter);
        let v = serde_json::to_value(&p).expect("serialises");
        assert_eq!(v["programme"], serde_json::json!({"type": "standard", "key": "support_center"}));
        assert!(v.get("council").is_none());
        let back: Programme = serde_json::from_value(v).expect("reads");
        assert_eq!(back, p);
        let own = Programme::own("A事業");
        let v = serde_json::to_value(&own).expect("serialises");
        assert_eq!(v["programme"], serde_json::json!({"type": "own", "name": "A事業"}));
    }
}
