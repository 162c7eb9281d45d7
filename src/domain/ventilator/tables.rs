//! 補助の上限表 of a 地域診断 (record kind `subsidy_table`, one per 地域診断, ID
//! `<地域診断>:subsidy_table`): the 区市町村包括補助 is each 区市町村's own programme, so the
//! 保健所 keeps a 管内共通 table (the seed's amounts by default) and, where a 市町村 differs,
//! that 市町村's own table. A patient is checked against the table of their 様式1 市町村 (住所),
//! else the common one.
//!
//! The form ([`TablesForm`]) holds the text as typed; [`TablesForm::parse`] names every field
//! that is wrong (a negative or non-numeric 限度額, a 耐用年数 outside 1〜30年, a 市町村 twice)
//! and nothing is saved while one is.

use super::subsidy::{ItemRule, SubsidyItem, SubsidyTable, MAX_LIMIT_YEN, MAX_USEFUL_LIFE_YEARS};
use crate::domain::forms::input::fold_width;
use crate::domain::forms::input::parse_whole;
use crate::domain::issues::Issues;
use crate::domain::record::{RecordBody, RecordKind};
use serde::{Deserialize, Serialize};

/// One 市町村's own table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MunicipalTable {
    /// 市町村 as 様式1 writes it (住所).
    pub municipality: String,
    pub table: SubsidyTable,
}

/// 補助の上限表: the common table and the 市町村 that differ.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubsidyTables {
    /// 管内共通.
    pub common: SubsidyTable,
    /// 市町村ごとの表 (only those that differ from the common one).
    #[serde(default)]
    pub municipalities: Vec<MunicipalTable>,
}

impl RecordBody for SubsidyTables {
    const KIND: RecordKind = RecordKind::SubsidyTable;
}

/// The key a 市町村 is matched by: widths folded, spaces dropped.
fn municipality_key(name: &str) -> String {
    fold_width(name).chars().filter(|c| !c.is_whitespace()).collect()
}

impl SubsidyTables {
    /// The table for a patient living in `municipality`, with the 市町村 whose own table it
    /// is (`None`: the common table).
    pub fn for_municipality(&self, municipality: &str) -> (&SubsidyTable, Option<&str>) {
        let key = municipality_key(municipality);
        if key.is_empty() {
            return (&self.common, None);
        }
        self.municipalities
            .iter()
            .find(|m| municipality_key(&m.municipality) == key)
            .map_or((&self.common, None), |m| (&m.table, Some(m.municipality.as_str())))
    }

    /// Every problem as (field path, message), each naming the table and the field.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .common
            .problems()
            .into_iter()
            .map(|m| ("common".to_string(), m.replacen("補助の上限表（", "補助の上限表（管内共通・", 1)))
            .collect();
        let mut seen: Vec<String> = Vec::new();
        for (n, m) in self.municipalities.iter().enumerate() {
            let path = format!("municipalities/{n}");
            let key = municipality_key(&m.municipality);
            if key.is_empty() {
                out.push((
                    path.clone(),
                    format!("補助の上限表（市町村ごとの表{}）: 市町村名を入力してください", n + 1),
                ));
            } else if seen.contains(&key) {
                out.push((
                    path.clone(),
                    format!("補助の上限表（{}）: 同じ市町村の表が2つあります", m.municipality.trim()),
                ));
            }
            seen.push(key);
            let scope = format!("補助の上限表（{}・", m.municipality.trim());
            out.extend(
                m.table.problems().into_iter().map(|msg| (path.clone(), msg.replacen("補助の上限表（", &scope, 1))),
            );
        }
        out
    }
}

/// One table as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableForm {
    /// 市町村 (blank for the common table).
    pub municipality: String,
    /// 限度額 (円) of ①②③.
    pub limits: [String; 3],
    /// 耐用年数 (年) of ①②③.
    pub lives: [String; 3],
    /// 他の公的制度, one per line.
    pub other_schemes: String,
}

/// The whole form: the common table and the 市町村 that differ.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TablesForm {
    pub common: TableForm,
    pub municipalities: Vec<TableForm>,
}

/// Field keys: `common.limit.0`, `municipalities.2.life.1`, `municipalities.2.name` ….
pub fn field_key(table: Option<usize>, part: &str) -> String {
    match table {
        None => format!("common.{part}"),
        Some(n) => format!("municipalities.{n}.{part}"),
    }
}

impl TableForm {
    pub fn from_table(municipality: &str, t: &SubsidyTable) -> TableForm {
        let rules = SubsidyItem::ALL.map(|i| t.rule(i));
        TableForm {
            municipality: municipality.to_string(),
            limits: rules.map(|r| r.limit_yen.to_string()),
            lives: rules.map(|r| r.useful_life_years.to_string()),
            other_schemes: t.other_schemes.join("\n"),
        }
    }

    /// The table, its errors named by `scope` (管内共通 or the 市町村) and item.
    fn parse(&self, index: Option<usize>, fallback: &SubsidyTable, issues: &mut Issues) -> SubsidyTable {
        let scope = match index {
            None => "管内共通".to_string(),
            Some(n) if self.municipality.trim().is_empty() => format!("市町村ごとの表{}", n + 1),
            Some(_) => self.municipality.trim().to_string(),
        };
        let mut rules = SubsidyItem::ALL.map(|i| fallback.rule(i));
        for (k, item) in SubsidyItem::ALL.iter().enumerate() {
            let label = format!("{scope}・{}の限度額", item.label());
            let key = field_key(index, &format!("limit.{k}"));
            match parse_whole(&self.limits[k], MAX_LIMIT_YEN.unsigned_abs(), &["円"], &key, &label, issues) {
                Some(v) => rules[k].limit_yen = i64::try_from(v).unwrap_or(i64::MAX),
                None if self.limits[k].trim().is_empty() => {
                    issues.error(&key, &label, "金額を円で入力してください（例: 212000）")
                }
                None => {}
            }
            let label = format!("{scope}・{}の耐用年数", item.label());
            let key = field_key(index, &format!("life.{k}"));
            let max = u64::try_from(MAX_USEFUL_LIFE_YEARS).unwrap_or(30);
            match parse_whole(&self.lives[k], max, &["年"], &key, &label, issues) {
                Some(0) => issues.error(&key, &label, format!("1〜{max}年で入力してください")),
                Some(v) => rules[k].useful_life_years = i32::try_from(v).unwrap_or(1),
                None if self.lives[k].trim().is_empty() => {
                    issues.error(&key, &label, "年数を入力してください（例: 6）")
                }
                None => {}
            }
        }
        let [generator, suction, ups]: [ItemRule; 3] = rules;
        let other_schemes =
            self.other_schemes.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
        SubsidyTable { generator, suction, ups, other_schemes }
    }
}

impl TablesForm {
    pub fn from_tables(t: &SubsidyTables) -> TablesForm {
        TablesForm {
            common: TableForm::from_table("", &t.common),
            municipalities: t.municipalities.iter().map(|m| TableForm::from_table(&m.municipality, &m.table)).collect(),
        }
    }

    /// A new 市町村 table starting from the common one as typed.
    pub fn add_municipality(&mut self, name: &str) {
        let mut t = self.common.clone();
        t.municipality = name.trim().to_string();
        self.municipalities.push(t);
    }

    /// Findings for the form on screen.
    pub fn issues(&self) -> Issues {
        match self.parse() {
            Ok(_) => Issues::new(),
            Err(i) => i,
        }
    }

    /// The tables, or every field that is wrong.
    pub fn parse(&self) -> Result<SubsidyTables, Issues> {
        let mut issues = Issues::new();
        let defaults = SubsidyTable::default();
        let common = self.common.parse(None, &defaults, &mut issues);
        let mut seen: Vec<String> = Vec::new();
        let mut municipalities = Vec::new();
        for (n, m) in self.municipalities.iter().enumerate() {
            let key = municipality_key(&m.municipality);
            let field = field_key(Some(n), "name");
            if key.is_empty() {
                issues.error(
                    &field,
                    &format!("市町村ごとの表{}の市町村", n + 1),
                    "市町村名を入力してください（様式1の住所の市町村と同じ書き方）",
                );
            } else if seen.contains(&key) {
                issues.error(
                    &field,
                    &format!("{}の表", m.municipality.trim()),
                    "同じ市町村の表がほかにもあります。1つにまとめてください",
                );
            }
            seen.push(key);
            let table = m.parse(Some(n), &common, &mut issues);
            municipalities.push(MunicipalTable { municipality: m.municipality.trim().to_string(), table });
        }
        if issues.has_errors() {
            Err(issues)
        } else {
            Ok(SubsidyTables { common, municipalities })
        }
    }
}

#[cfg(test)]
#[path = "tables_tests.rs"]
mod tests;
