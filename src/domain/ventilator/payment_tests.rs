//! Expected values computed by hand from seed 004 別添２ (8,450 / 7,950 / 5,550 / 5,050円,
//! 特例措置 2,500 / 2,000円, ① 3,000円 a month, 260 visits a year).
use super::*;
use crate::domain::ventilator::visits::{Provider, Visit};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).expect("valid date")
}

fn station(name: &str) -> Provider {
    Provider { name: name.into(), kind: ProviderKind::Station }
}

fn visit(provider: &str) -> Visit {
    Visit { provider: provider.into(), qualification: Qualification::Nurse }
}

fn assistant(provider: &str) -> Visit {
    Visit { provider: provider.into(), qualification: Qualification::AssistantNurse }
}

/// Aステーション, Bステーション and H病院; `monday` on Mondays only.
fn plan(monday: Vec<Visit>) -> VisitPlan {
    let mut p = VisitPlan {
        providers: vec![
            station("Aステーション"),
            station("Bステーション"),
            Provider { name: "H病院".into(), kind: ProviderKind::Institution },
        ],
        ..VisitPlan::default()
    };
    p.days[0] = monday;
    p
}

const INS: Payer = Payer::Insurance;
const NURSE_STATION: Payer = Payer::Programme { mark: "②", yen: 8_450 };

#[test]
fn four_visits_by_one_station_the_fourth_is_paid_at_8450() {
    let p = plan(vec![visit("Aステーション"); 4]);
    // The 3rd is the 特例措置 (same station as the first two), the 4th 原則②.
    assert_eq!(day_payers(&p, 0), vec![INS, INS, Payer::Special { yen: 2_500 }, NURSE_STATION]);
    let w = week(&p);
    assert_eq!((w.visits, w.yen), (2, 8_450 + 2_500));
    assert_eq!(w.visits_by_day, [2, 0, 0, 0, 0, 0, 0]);
}

#[test]
fn three_visits_by_one_station_special_measure_2500() {
    let p = plan(vec![visit("Aステーション"); 3]);
    assert_eq!(day_payers(&p, 0), vec![INS, INS, Payer::Special { yen: 2_500 }]);
    assert_eq!(week(&p).yen, 2_500);
    // Two visits: 医療保険 only.
    assert_eq!(week(&plan(vec![visit("Aステーション"); 2])).visits, 0);
    // An institution's 3rd visit is not the special measure (同一訪問看護ステーション).
    assert_eq!(week(&plan(vec![visit("H病院"); 3])).visits, 0);
}

#[test]
fn a_day_shared_by_two_stations_follows_the_apps_reading() {
    // A, A, B: A visits first → A's visits are 医療保険; B's is not covered → ② 8,450円.
    let p = plan(vec![visit("Aステーション"), visit("Aステーション"), visit("Bステーション")]);
    assert!(is_shared_day(&p, 0));
    assert_eq!(day_payers(&p, 0), vec![INS, INS, NURSE_STATION]);
    // A, B, A: still only B's visit.
    let p = plan(vec![visit("Aステーション"), visit("Bステーション"), visit("Aステーション")]);
    assert_eq!(day_payers(&p, 0), vec![INS, NURSE_STATION, INS]);
    // A, A, A, B: A's 3rd is the special measure, B's visit ②.
    let p = plan(vec![visit("Aステーション"), visit("Aステーション"), visit("Aステーション"), visit("Bステーション")]);
    assert_eq!(day_payers(&p, 0), vec![INS, INS, Payer::Special { yen: 2_500 }, NURSE_STATION]);
    // A, B, A, A: A's own 3rd visit is the day's 4th: not the special measure (the first
    // three were not all A), and within A's three → 医療保険.
    let p = plan(vec![visit("Aステーション"), visit("Bステーション"), visit("Aステーション"), visit("Aステーション")]);
    assert_eq!(day_payers(&p, 0), vec![INS, NURSE_STATION, INS, INS]);
    // A station then a hospital: ④ 5,550円.
    let p = plan(vec![visit("Aステーション"), visit("H病院")]);
    assert_eq!(day_payers(&p, 0), vec![INS, Payer::Programme { mark: "④", yen: 5_550 }]);
    assert!(READING.contains("その日最初に訪問した事業者"));
}

#[test]
fn assistant_nurse_visits() {
    // ③ station 准看護師 7,950円.
    let mut v = vec![visit("Aステーション"); 3];
    v.push(assistant("Aステーション"));
    assert_eq!(day_payers(&plan(v), 0)[3], Payer::Programme { mark: "③", yen: 7_950 });
    // 特例措置 ② 准看護師 2,000円.
    let v = vec![visit("Aステーション"), visit("Aステーション"), assistant("Aステーション")];
    assert_eq!(day_payers(&plan(v), 0)[2], Payer::Special { yen: 2_000 });
    // ⑤ other institution 准看護師 5,050円; ④ its nurse 5,550円.
    let mut v = vec![visit("H病院"); 3];
    v.push(assistant("H病院"));
    v.push(visit("H病院"));
    let payers = day_payers(&plan(v), 0);
    assert_eq!(payers[3], Payer::Programme { mark: "⑤", yen: 5_050 });
    assert_eq!(payers[4], Payer::Programme { mark: "④", yen: 5_550 });
}

/// Every day: A, A, then B — one visit a day paid at 8,450円.
fn daily_shared() -> VisitPlan {
    let mut p = plan(Vec::new());
    for day in p.days.iter_mut() {
        *day = vec![visit("Aステーション"), visit("Aステーション"), visit("Bステーション")];
    }
    p.doctor_instruction = true;
    p
}

#[test]
fn a_month_with_the_doctors_instruction_fee() {
    let y = year(&daily_shared(), d(2026, 4, 1));
    let april = &y.months[0];
    assert_eq!((april.year, april.month, april.visits), (2026, 4, 30));
    // 30 × 8,450 + 3,000 = 256,500円.
    assert_eq!(april.yen, 256_500);
    let w = week(&daily_shared());
    assert_eq!((w.visits, w.yen), (7, 59_150));
    assert_eq!(w.form1_weekly_visits(), Decimal2::whole(7));
}

#[test]
fn the_260_visit_cap_is_crossed_in_december() {
    let y = year(&daily_shared(), d(2026, 4, 1));
    // Apr 30 + May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 = 244; the
    // 260th is the 16th of December.
    assert_eq!(y.cap_reached, Some(d(2026, 12, 16)));
    assert_eq!((y.planned, y.paid, y.left()), (365, 260, 0));
    let dec = y.months.iter().find(|m| m.month == 12).expect("December");
    assert_eq!((dec.visits, dec.over_cap, dec.yen), (16, 15, 16 * 8_450 + 3_000));
    let jan = y.months.iter().find(|m| m.month == 1).expect("January");
    assert_eq!((jan.visits, jan.over_cap, jan.yen), (0, 31, 0), "no visit paid, no instruction fee");
    assert_eq!(y.months.len(), 12);
    // 260 × 8,450 + 9 months × 3,000.
    assert_eq!(y.yen, 2_224_000);
    let msg = y.over_cap_message().expect("shown, not refused");
    assert!(msg.contains("年365回") && msg.contains("2026年12月16日に260回に達し") && msg.contains("105回"), "{msg}");
}

#[test]
fn visits_left_of_the_year_under_the_cap() {
    // 2026-04-01 is a Wednesday: 52 Mondays in the year, 2 programme visits each.
    assert_eq!(d(2026, 4, 1).weekday_from_monday(), 2);
    let y = year(&plan(vec![visit("Aステーション"); 4]), d(2026, 4, 1));
    assert_eq!((y.planned, y.paid, y.left(), y.cap_reached), (104, 104, 156, None));
    assert_eq!(y.yen, 52 * 10_950);
    assert!(y.over_cap_message().is_none());
}

#[test]
fn bad_input_thirty_visits_and_an_unknown_provider_are_named() {
    let p = plan(vec![visit("Aステーション"); 30]);
    assert_eq!(p.problems(), vec!["訪問計画の月曜日: 1日の訪問は12回までです（30回になっています）".to_string()]);
    let mut p = plan(vec![visit("Aステーション")]);
    p.days[1] = vec![visit("Aステーション"), assistant("Zケア")];
    let problems = p.problems();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("訪問計画の火曜日2回目（准看護師）: 事業者「Zケア」が訪問する事業者の一覧にありません")
    );
    p.providers.push(station("Aステーション"));
    assert!(p.problems().iter().any(|m| m.contains("「Aステーション」が2回あります")));
}
