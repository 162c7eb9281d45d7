//! The chart, step by step ([`decide`]).

use super::decision::{Insurance, InsuranceDecision, InsuranceRule, LongVisit, Missing, VisitLimits};
use super::form::{fields, AgeGroup, InsuranceForm, InsuranceInput};
use super::tables::Table7Disease;
use crate::domain::issues::Issues;
use crate::domain::patient::AgeBand;
use crate::domain::tri::Tri;

enum Found<T> {
    Yes(T),
    No,
    Unknown(Vec<Missing>),
}

fn missing(field: (&'static str, &'static str), why: &str) -> Missing {
    Missing { field: field.0, label: field.1, why: why.to_string() }
}

/// 別表第7: yes (with the reason), no, or unknown (with what is missing).
fn table7(f: &InsuranceForm) -> Found<String> {
    const WHY: &str = "別表第7に該当すれば、要介護・要支援でも医療保険になります";
    let mut unknown = Vec::new();
    let disease = match &f.table7_disease {
        Tri::Value(Table7Disease::Parkinson) => {
            let stage_ok = f.hoehn_yahr.map(|h| h >= 3);
            let grade_ok = f.function_grade.map(|g| (2..=3).contains(&g));
            match (stage_ok, grade_ok) {
                (Some(false), _) | (_, Some(false)) => Found::No,
                (Some(true), Some(true)) => Found::Yes(
                    "パーキンソン病（ホーエン・ヤールの重症度分類ステージ三以上かつ生活機能障害度Ⅱ度又はⅢ度）は厚生労働大臣が定める疾病等（別表第7）に該当します".to_string(),
                ),
                (s, g) => {
                    if s.is_none() {
                        unknown.push(missing(fields::HOEHN_YAHR, "パーキンソン病はステージ三以上で別表第7になります"));
                    }
                    if g.is_none() {
                        unknown.push(missing(fields::FUNCTION_GRADE, "パーキンソン病は生活機能障害度Ⅱ度又はⅢ度で別表第7になります"));
                    }
                    Found::Unknown(Vec::new())
                }
            }
        }
        Tri::Value(d) => {
            let name = match d.group() {
                Some(g) => format!("{}（{g}）", d.label()),
                None => d.label().to_string(),
            };
            Found::Yes(format!("{name}は厚生労働大臣が定める疾病等（別表第7）に該当します"))
        }
        Tri::None => Found::No,
        Tri::Unknown => {
            unknown.push(missing(fields::TABLE7_DISEASE, WHY));
            Found::Unknown(Vec::new())
        }
    };
    if let Found::Yes(reason) = disease {
        return Found::Yes(reason);
    }
    match f.ventilator {
        Some(true) => {
            return Found::Yes(
                "人工呼吸器を使用している状態（在宅人工呼吸器管理指導料を算定している）は厚生労働大臣が定める疾病等（別表第7）に該当します".to_string(),
            )
        }
        Some(false) => {}
        None => unknown.push(missing(fields::VENTILATOR, WHY)),
    }
    if unknown.is_empty() {
        Found::No
    } else {
        Found::Unknown(unknown)
    }
}

/// 介護保険の対象 (true) or not (false) with the rule and reason, or what is missing.
fn care_route(input: &InsuranceInput) -> Result<(bool, InsuranceRule, String), Vec<Missing>> {
    let f = &input.form;
    let Some(group) = input.group else {
        return Err(vec![missing(fields::AGE, "40歳未満・40歳以上65歳未満・65歳以上で流れが分かれます")]);
    };
    let certified = |rule_yes: InsuranceRule, who: String| match f.care_certified {
        Some(true) => {
            Ok((true, rule_yes, format!("{who}要介護・要支援の認定を受けているため、介護保険で訪問看護が行われます")))
        }
        Some(false) => Ok((
            false,
            InsuranceRule::MedicalNotCertified,
            format!("{who}要介護・要支援の認定を受けていないため、医療保険になります"),
        )),
        None => Err(vec![missing(fields::CARE_CERTIFIED, "認定があれば介護保険、なければ医療保険になります")]),
    };
    match group {
        AgeGroup::Under40 => Ok((
            false,
            InsuranceRule::MedicalUnder40,
            "40歳未満は介護保険の対象ではないため、医療保険になります".to_string(),
        )),
        AgeGroup::Over65 => certified(InsuranceRule::CareOver65, "65歳以上で".to_string()),
        AgeGroup::From40To64 => {
            let specified = match (&f.specified_disease, &f.table7_disease) {
                (Tri::Value(d), _) => Some(*d),
                (Tri::Unknown, Tri::Value(d)) => d.specified_counterpart(),
                _ => None,
            };
            match (specified, &f.specified_disease) {
                (Some(d), _) => certified(
                    InsuranceRule::CareSpecifiedDisease,
                    format!("40歳以上65歳未満で２号被保険者の特定疾病（{}）があり、", d.short_label()),
                ),
                (None, Tri::Unknown) => Err(vec![missing(
                    fields::SPECIFIED_DISEASE,
                    "40歳以上65歳未満は２号被保険者の特定疾病があるときだけ介護保険の対象になります",
                )]),
                (None, _) => Ok((
                    false,
                    InsuranceRule::MedicalNoSpecifiedDisease,
                    "40歳以上65歳未満で２号被保険者の特定疾病がないため、医療保険になります".to_string(),
                )),
            }
        }
    }
}

/// 別表第8: yes (with the states), no, or unknown.
fn table8(f: &InsuranceForm) -> Found<String> {
    match &f.table8 {
        Tri::Value(states) if !states.is_empty() => {
            let names: Vec<&str> = states.iter().map(|s| s.label()).collect();
            Found::Yes(names.join("、"))
        }
        Tri::Value(_) => Found::Unknown(vec![missing(fields::TABLE8, "「該当あり」の場合は状態を選んでください")]),
        Tri::None => Found::No,
        Tri::Unknown => {
            Found::Unknown(vec![missing(fields::TABLE8, "別表第8に該当すれば医療保険で週4日以上の利用ができます")])
        }
    }
}

fn long_visit(input: &InsuranceInput) -> LongVisit {
    let f = &input.form;
    let mut grounds = Vec::new();
    let mut missing_inputs = Vec::new();
    let mut child = false;
    let possibly_child = match (input.years, f.age_band) {
        (Some(y), _) => Some(y < 15),
        (None, Some(AgeBand::Under20)) => None,
        (None, Some(_)) => Some(false),
        (None, None) => None,
    };
    match (possibly_child, f.severe_child) {
        (Some(true), Some(true)) => {
            child = true;
            grounds.push("(1) 15歳未満の超重症児又は準超重症児".to_string());
        }
        (Some(false), _) | (_, Some(false)) => {}
        (None, Some(true)) => missing_inputs
            .push(missing(fields::AGE, "15歳未満の超重症児・準超重症児は長時間訪問看護の対象（週3回）です")),
        (Some(true), None) => missing_inputs
            .push(missing(fields::SEVERE_CHILD, "15歳未満の超重症児・準超重症児は長時間訪問看護の対象（週3回）です")),
        (None, None) => {}
    }
    match table8(f) {
        Found::Yes(names) => grounds.push(format!("(2) 別表第8に掲げる者（{names}）")),
        Found::No => {}
        Found::Unknown(m) => missing_inputs.extend(m),
    }
    match f.special_instruction {
        Some(true) => grounds.push("(3) 特別訪問看護指示書に係る指定訪問看護を受けている者".to_string()),
        Some(false) => {}
        None => missing_inputs
            .push(missing(fields::SPECIAL_INSTRUCTION, "特別訪問看護指示書があれば長時間訪問看護の対象です")),
    }
    let eligible = if !grounds.is_empty() {
        Some(true)
    } else if missing_inputs.is_empty() {
        Some(false)
    } else {
        None
    };
    // Once eligible, only what could raise the limit to three times a week still matters.
    let missing_inputs = if child {
        Vec::new()
    } else if eligible == Some(true) {
        missing_inputs.into_iter().filter(|m| m.field == fields::AGE.0 || m.field == fields::SEVERE_CHILD.0).collect()
    } else {
        missing_inputs
    };
    LongVisit {
        eligible,
        per_week: (eligible == Some(true)).then_some(if child { 3 } else { 1 }),
        grounds,
        missing: missing_inputs,
    }
}

/// 判定: which insurance pays for the visiting nursing, why, and what it allows.
pub fn decide(input: &InsuranceInput) -> InsuranceDecision {
    let f = &input.form;
    let mut reasons = Vec::new();
    let mut missing_inputs = Vec::new();
    let mut notes = Vec::new();
    let (insurance, rule, limits) = match table7(f) {
        Found::Yes(reason) => {
            reasons.push(reason);
            reasons.push("要介護者・要支援者であっても、医療保険で訪問看護が行われます".to_string());
            (Some(Insurance::Medical), Some(InsuranceRule::Table7), Some(VisitLimits::Extended))
        }
        t7 => {
            let t7_unknown = match t7 {
                Found::Unknown(m) => Some(m),
                _ => None,
            };
            match care_route(input) {
                Ok((true, rule, reason)) => match t7_unknown {
                    None => {
                        reasons.push(reason);
                        (Some(Insurance::Care), Some(rule), Some(VisitLimits::CarePlan))
                    }
                    Some(m) => {
                        missing_inputs.extend(m);
                        (None, None, None)
                    }
                },
                Ok((false, rule, reason)) => {
                    reasons.push(reason);
                    let limits = match table8(f) {
                        Found::Yes(names) => {
                            reasons.push(format!(
                                "別表第8に掲げる状態（{names}）のため、週４日以上・1日複数回の利用ができます"
                            ));
                            Some(VisitLimits::Extended)
                        }
                        Found::No => match &t7_unknown {
                            None => Some(VisitLimits::UpToThreeDays),
                            Some(_) => None,
                        },
                        Found::Unknown(m) => {
                            missing_inputs.extend(m);
                            None
                        }
                    };
                    if limits.is_none() {
                        if let Some(m) = t7_unknown {
                            missing_inputs.extend(m);
                        }
                    }
                    (Some(Insurance::Medical), Some(rule), limits)
                }
                Err(m) => {
                    if let Some(t) = t7_unknown {
                        missing_inputs.extend(t);
                    }
                    missing_inputs.extend(m);
                    (None, None, None)
                }
            }
        }
    };
    if f.special_instruction == Some(true) && insurance == Some(Insurance::Care) {
        notes.push(
            "特別訪問看護指示書の期間の保険の扱いは資料に記載がありません。主治医・訪問看護ステーションに確認してください"
                .to_string(),
        );
    }
    if insurance.is_none() {
        notes.push("不足している項目を確認すると判定できます".to_string());
    }
    dedupe(&mut missing_inputs);
    InsuranceDecision {
        insurance,
        rule,
        reasons,
        limits,
        limit_lines: limits.map(|l| l.lines(f.seven_day_plan)).unwrap_or_default(),
        missing: missing_inputs,
        long_visit: long_visit(input),
        notes,
    }
}

fn dedupe(list: &mut Vec<Missing>) {
    let mut seen = Vec::new();
    list.retain(|m| {
        if seen.contains(&m.field) {
            false
        } else {
            seen.push(m.field);
            true
        }
    });
}

impl InsuranceForm {
    /// Parses and decides in one step.
    pub fn evaluate(&self) -> Result<InsuranceDecision, Issues> {
        self.parse().map(|input| decide(&input))
    }
}
