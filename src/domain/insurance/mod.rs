//! 訪問看護 介護保険と医療保険どちらをつかうの？ (seed 004, 「難病にかかる訪問看護の制度 まとめ」,
//! after 日本訪問看護財団 2010).
//!
//! The flow, as the app reads the seed's chart and its note ※2:
//! 1. 厚生労働大臣が定める疾病等 (別表第7, incl. 人工呼吸器を使用している状態) → **医療保険**
//!    「要介護者・要支援者であっても、医療保険で訪問看護が行われる」 (※2); 週4日以上・1日複数回・
//!    2ヶ所（週7日間の訪問計画ありは3か所）のST.
//! 2. Otherwise 65歳以上 with 要介護・要支援の認定, or 40歳以上65歳未満 with a 2号被保険者の
//!    特定疾病 and the 認定 → **介護保険**: ケアプランに基づき提供.
//! 3. Otherwise (40歳未満; 40–64 without a 特定疾病; no 認定) → **医療保険**: 週3日まで, or
//!    週4日以上… when the person is in 別表第8.
//!
//! 別表第8 alone does not move a 介護保険 user to 医療保険: the seed's ※2 (「要介護者・要支援者
//! であっても、医療保険で」) lists only the 別表第7 疾病等; 別表第8 appears beside it in the
//! chart for the 医療保険 limits and for 長時間訪問看護.
//!
//! Nothing is guessed: when an input the rule needs is 不明, the decision says which inputs
//! are missing; where every possible answer leads to the same insurance, the insurance is
//! given and only the limits stay open.

//! * [`tables`]: the seed's lists (特定疾病, 別表第7, 別表第8).
//! * [`form`](mod@form): the input as entered, prefilled from 様式1.
//! * [`decision`]: what the flow answers; [`decide`](mod@decide): the chart itself.
//! * [`choices`]: the values of the tool's inputs and their option lists.

pub mod choices;
pub mod decide;
pub mod decision;
pub mod form;
pub mod tables;

pub use decide::decide;
pub use decision::{Insurance, InsuranceDecision, InsuranceRule, LongVisit, Missing, VisitLimits, LONG_VISIT_NOTE};
pub use form::{fields, AgeGroup, InsuranceForm, InsuranceInput};
pub use tables::{SpecifiedDisease, Table7Disease, Table8State};

#[cfg(test)]
mod tests;
