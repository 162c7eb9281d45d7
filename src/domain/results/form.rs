//! 事業実績の入力: what the nurse typed for one programme, read into a [`ProgrammeResult`]
//! or refused with Japanese messages naming the field (nothing is saved then).
//!
//! A figure is typed as text per 年度: blank (or 不明) → 不明, `0` (or なし) → 0, a whole
//! count otherwise (full-width digits and commas allowed, through [`parse_count`]). Letters
//! or a negative number are refused; so is an indicator without a 単位.

use super::{Indicator, ProgrammeResult, Unit, YearValue};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::number::parse_count;
use crate::domain::tri::Tri;
use serde::{Deserialize, Serialize};

/// Longest 事業名 / 指標名.
pub const MAX_NAME_LEN: usize = 100;

/// One indicator as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorInput {
    pub key: String,
    pub name: String,
    /// The unit's label (件, 回, …) or empty when not chosen.
    pub unit: String,
    /// The figure typed for each 年度 of [`ProgrammeInput::years`] (same order).
    pub values: Vec<String>,
}

/// One programme as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeInput {
    pub group: String,
    pub name: String,
    pub description: String,
    pub implementer: String,
    pub note: String,
    pub order: u32,
    /// The 年度 shown as columns, oldest first.
    pub years: Vec<FiscalYear>,
    pub indicators: Vec<IndicatorInput>,
}

/// A figure's text: 不明 → empty, 0 → `0`, a count → its digits.
pub fn value_text(value: &Tri<u64>) -> String {
    match value {
        Tri::Unknown => String::new(),
        Tri::None => "0".to_string(),
        Tri::Value(n) => n.to_string(),
    }
}

/// Reads one figure (`field` names it in the message).
pub fn parse_value(text: &str, field: &str) -> Result<Tri<u64>, String> {
    let t = text.trim();
    match t {
        "" | "不明" => Ok(Tri::Unknown),
        "なし" => Ok(Tri::None),
        _ => match parse_count(t) {
            Ok(0) => Ok(Tri::None),
            Ok(n) => Ok(Tri::Value(n)),
            Err(e) => Err(format!("{field}: {e}（「{t}」）")),
        },
    }
}

impl ProgrammeInput {
    /// The form for a stored programme: its 年度 and every figure as text.
    pub fn from_result(p: &ProgrammeResult) -> ProgrammeInput {
        let years = p.years();
        ProgrammeInput {
            group: p.group.clone(),
            name: p.name.clone(),
            description: p.description.clone(),
            implementer: p.implementer.clone(),
            note: p.note.clone(),
            order: p.order,
            indicators: p
                .indicators
                .iter()
                .map(|i| IndicatorInput {
                    key: i.key.clone(),
                    name: i.name.clone(),
                    unit: i.unit.label().to_string(),
                    values: years.iter().map(|y| value_text(&i.value(*y))).collect(),
                })
                .collect(),
            years,
        }
    }

    /// Adds a 年度 column (kept in order; a 年度 already shown is not added twice).
    pub fn add_year(&mut self, year: FiscalYear) {
        if self.years.contains(&year) {
            return;
        }
        let at = self.years.iter().position(|y| *y > year).unwrap_or(self.years.len());
        self.years.insert(at, year);
        for i in &mut self.indicators {
            let at = at.min(i.values.len());
            i.values.insert(at, String::new());
        }
    }

    /// Reads the form; every problem is listed (each naming its field), nothing is kept.
    pub fn parse(&self) -> Result<ProgrammeResult, Vec<String>> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.push("事業名を入力してください".to_string());
        } else if name.chars().count() > MAX_NAME_LEN {
            errors.push(format!("事業名は{MAX_NAME_LEN}文字までで入力してください"));
        }
        let mut indicators = Vec::new();
        for (n, i) in self.indicators.iter().enumerate() {
            let iname = i.name.trim();
            let label =
                if iname.is_empty() { format!("{}番目の指標", n + 1) } else { format!("指標「{iname}」") };
            if iname.is_empty() {
                errors.push(format!("{label}: 指標名を入力してください"));
            } else if iname.chars().count() > MAX_NAME_LEN {
                errors.push(format!("{label}: 指標名は{MAX_NAME_LEN}文字までで入力してください"));
            }
            let unit = Unit::parse(&i.unit);
            if unit.is_none() {
                errors.push(format!("{label}: 単位を選んでください（件・回・人・施設・床・日）"));
            }
            let mut values = Vec::new();
            for (k, year) in self.years.iter().enumerate() {
                let text = i.values.get(k).map_or("", String::as_str);
                match parse_value(text, &format!("{label}の{}", year.wareki())) {
                    Ok(value) => values.push(YearValue { year: *year, value }),
                    Err(e) => errors.push(e),
                }
            }
            if let Some(unit) = unit {
                let key = if i.key.trim().is_empty() { format!("i{}", n + 1) } else { i.key.trim().to_string() };
                indicators.push(Indicator { key, name: iname.to_string(), unit, values });
            }
        }
        let mut keys: Vec<&str> = indicators.iter().map(|i| i.key.as_str()).collect();
        keys.sort_unstable();
        if keys.windows(2).any(|w| w[0] == w[1]) {
            errors.push("指標の識別子が重複しています（指標を削除して追加し直してください）".to_string());
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ProgrammeResult {
            group: self.group.trim().to_string(),
            name: name.to_string(),
            description: self.description.trim().to_string(),
            implementer: self.implementer.trim().to_string(),
            note: self.note.trim().to_string(),
            order: self.order,
            indicators,
        })
    }
}

/// A key for a new indicator not used by `existing` (`i1`, `i2`, …).
pub fn fresh_key(existing: &[IndicatorInput]) -> String {
    (1..).map(|n| format!("i{n}")).find(|k| existing.iter().all(|i| &i.key != k)).unwrap_or_default()
}
