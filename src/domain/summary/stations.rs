//! 様式3 の合計 (and 集計 B 訪問看護ステーションの概況): column sums over all stations, per
//! 10 km² (※1 管轄地域の面積) and per 100,000 people (※2 人口), and the counts and shares
//! of stations with each answer.

use super::figure::{tally_stations, Amount, Denominator, DiseaseFilter, Figure, FigureKey, Quantity, StationFigure};
use crate::domain::number::{rate_tenths, Decimal2};
use crate::domain::overview::Overview;
use crate::domain::station::{Intake, Station};
use serde::Serialize;

/// 様式3 の合計 and 集計 B. Every share is of all stations in 様式3 (全ステーション).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StationTotals {
    /// 訪問看護ステーション数 (様式3 の行数, ヵ所)
    pub stations: Quantity,
    /// 〃 10km²あたり (様式3)
    pub stations_per_10km2: Quantity,
    /// 〃 100km²あたり (集計 B)
    pub stations_per_100km2: Quantity,
    /// 〃 10万人あたり
    pub stations_per_100k: Quantity,
    /// (3) 看護師の常勤換算 合計 (人)
    pub fte: Quantity,
    /// 〃 10km²あたり
    pub fte_per_10km2: Quantity,
    /// 〃 10万人あたり
    pub fte_per_100k: Quantity,
    /// (4) 平均的な1ヶ月の実利用者数 合計 (人)
    pub monthly_users: Quantity,
    /// 〃 10km²あたり
    pub monthly_users_per_10km2: Quantity,
    /// 〃 10万人あたり
    pub monthly_users_per_100k: Quantity,
    /// (5) (4)のうち医療保険利用者数 合計 (人)
    pub medical_users: Quantity,
    /// 〃 10km²あたり
    pub medical_users_per_10km2: Quantity,
    /// 〃 10万人あたり
    pub medical_users_per_100k: Quantity,
    /// (6) 訪問数を増加する余裕のあるステーション (件数 and 全ステーション中の割合)
    pub room: Figure,
    /// (7) 24時間対応体制加算 届出あり
    pub addition_24h: Figure,
    /// (7) 特別管理加算 届出あり
    pub addition_special: Figure,
    /// (8) ALS患者の訪問看護実績あり
    pub als_experience: Figure,
    /// (9) 人工呼吸器使用患者の訪問看護実績あり
    pub ventilator_experience: Figure,
    /// (10) ALS患者の今後の受け入れ 可能
    pub als_intake_possible: Figure,
    /// (10) 〃 検討可
    pub als_intake_consider: Figure,
    /// (11) 重心児の今後の受け入れ 可能
    pub child_intake_possible: Figure,
    /// (11) 〃 検討可
    pub child_intake_consider: Figure,
}

const STATION_KEYS: [StationFigure; 9] = [
    StationFigure::Room,
    StationFigure::Addition24h,
    StationFigure::AdditionSpecial,
    StationFigure::AlsExperience,
    StationFigure::VentilatorExperience,
    StationFigure::AlsIntake(Intake::Possible),
    StationFigure::AlsIntake(Intake::Consider),
    StationFigure::ChildIntake(Intake::Possible),
    StationFigure::ChildIntake(Intake::Consider),
];

/// `value / area × scale` (per 10 or 100 km²); `-` when the area is blank or 0.
pub(crate) fn per_area(value: Decimal2, area: Option<Decimal2>, scale: u64) -> Option<Amount> {
    area.and_then(|a| rate_tenths(value, a, scale)).map(Amount::Rounded)
}

/// `value / population × 100,000`; `-` when the population is blank or 0.
pub(crate) fn per_100k(value: Decimal2, population: Option<u64>) -> Option<Amount> {
    population.and_then(|p| rate_tenths(value, Decimal2::whole(p), 100_000)).map(Amount::Rounded)
}

impl StationTotals {
    /// Every value in display order (様式3 の合計 row, then the shares and intake counts).
    pub fn quantities(&self) -> [&Quantity; 13] {
        [
            &self.stations,
            &self.stations_per_10km2,
            &self.stations_per_100km2,
            &self.stations_per_100k,
            &self.fte,
            &self.fte_per_10km2,
            &self.fte_per_100k,
            &self.monthly_users,
            &self.monthly_users_per_10km2,
            &self.monthly_users_per_100k,
            &self.medical_users,
            &self.medical_users_per_10km2,
            &self.medical_users_per_100k,
        ]
    }

    /// Every counted figure in display order.
    pub fn figures(&self) -> [&Figure; 9] {
        [
            &self.room,
            &self.addition_24h,
            &self.addition_special,
            &self.als_experience,
            &self.ventilator_experience,
            &self.als_intake_possible,
            &self.als_intake_consider,
            &self.child_intake_possible,
            &self.child_intake_consider,
        ]
    }
}

/// 様式3 の合計 from the stations and the area and population of 様式1's header.
pub fn station_totals(overview: &Overview, stations: &[Station]) -> StationTotals {
    let area = overview.area_km2;
    let population = overview.population;
    let count = stations.len() as u64;

    let mut fte = Decimal2::ZERO;
    let mut fte_unknown = 0;
    let mut users: u64 = 0;
    let mut users_unknown = 0;
    let mut medical: u64 = 0;
    let mut medical_unknown = 0;
    for s in stations {
        match s.fte.value() {
            Some(v) => fte = fte.saturating_add(v),
            None => fte_unknown += 1,
        }
        match s.monthly_users {
            Some(n) => users = users.saturating_add(u64::from(n)),
            None => users_unknown += 1,
        }
        match s.medical_insurance_users {
            Some(n) => medical = medical.saturating_add(u64::from(n)),
            None => medical_unknown += 1,
        }
    }
    let users_d = Decimal2::whole(users);
    let medical_d = Decimal2::whole(medical);
    let count_d = Decimal2::whole(count);

    let tallies = tally_stations(&STATION_KEYS, stations);
    // Never empty: one tally per key. The filter only names patient denominators.
    let filter = DiseaseFilter::Als;
    let fig = |i: usize| {
        let key = STATION_KEYS.get(i).copied().unwrap_or(StationFigure::Stations);
        let tally = tallies.get(i).copied().unwrap_or_default();
        Figure::new(FigureKey::Station(key), key.label(), tally, Denominator::Stations, count, &filter)
    };
    let q = Quantity::new;
    StationTotals {
        stations: q("訪問看護ステーション数", "ヵ所", Some(Amount::Count(count)), 0),
        stations_per_10km2: q("訪問看護ステーション数 10km²あたり", "ヵ所/10km²", per_area(count_d, area, 10), 0),
        stations_per_100km2: q("訪問看護ステーション数 100km²あたり", "ヵ所/100km²", per_area(count_d, area, 100), 0),
        stations_per_100k: q("訪問看護ステーション数 10万人あたり", "ヵ所/10万人", per_100k(count_d, population), 0),
        fte: q("看護師の常勤換算 合計", "人", Some(Amount::Exact(fte)), fte_unknown),
        fte_per_10km2: q("看護師の常勤換算 10km²あたり", "人/10km²", per_area(fte, area, 10), fte_unknown),
        fte_per_100k: q("看護師の常勤換算 10万人あたり", "人/10万人", per_100k(fte, population), fte_unknown),
        monthly_users: q("平均的な1ヶ月の実利用者数 合計", "人", Some(Amount::Count(users)), users_unknown),
        monthly_users_per_10km2: q(
            "平均的な1ヶ月の実利用者数 10km²あたり",
            "人/10km²",
            per_area(users_d, area, 10),
            users_unknown,
        ),
        monthly_users_per_100k: q(
            "平均的な1ヶ月の実利用者数 10万人あたり",
            "人/10万人",
            per_100k(users_d, population),
            users_unknown,
        ),
        medical_users: q("うち医療保険利用者数 合計", "人", Some(Amount::Count(medical)), medical_unknown),
        medical_users_per_10km2: q(
            "うち医療保険利用者数 10km²あたり",
            "人/10km²",
            per_area(medical_d, area, 10),
            medical_unknown,
        ),
        medical_users_per_100k: q(
            "うち医療保険利用者数 10万人あたり",
            "人/10万人",
            per_100k(medical_d, population),
            medical_unknown,
        ),
        room: fig(0),
        addition_24h: fig(1),
        addition_special: fig(2),
        als_experience: fig(3),
        ventilator_experience: fig(4),
        als_intake_possible: fig(5),
        als_intake_consider: fig(6),
        child_intake_possible: fig(7),
        child_intake_consider: fig(8),
    }
}
