use super::*;

pub(crate) fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).expect("valid date")
}

/// A person whose plan says all three items are needed, ventilator without internal battery.
pub(crate) fn needing_all() -> SubsidyFacts {
    SubsidyFacts {
        has_plan: true,
        needed: [true, true, true],
        other_scheme: None,
        internal_battery: Some(false),
        received: [None, None, None],
    }
}

fn verdicts(facts: &SubsidyFacts, today: Date) -> Vec<Verdict> {
    check_all(&SubsidyTable::default(), facts, today).expect("valid").into_iter().map(|c| c.verdict).collect()
}

#[test]
fn the_default_table_is_the_seeds() {
    let t = SubsidyTable::default();
    // Seed 003: 212千円, 100千円, 41千円.
    assert_eq!((t.generator.limit_yen, t.suction.limit_yen, t.ups.limit_yen), (212_000, 100_000, 41_000));
    assert_eq!((t.generator.useful_life_years, t.suction.useful_life_years, t.ups.useful_life_years), (6, 5, 6));
    assert!(t.problems().is_empty());
}

#[test]
fn plan_says_needed_all_three_open() {
    let v = verdicts(&needing_all(), d(2026, 12, 3));
    assert_eq!(
        v,
        [
            Verdict::Eligible { limit_yen: 212_000 },
            Verdict::Eligible { limit_yen: 100_000 },
            Verdict::Eligible { limit_yen: 41_000 }
        ]
    );
    let check = ItemCheck { item: SubsidyItem::Generator, verdict: v[0].clone() };
    assert!(check.reason(&SubsidyTable::default()).contains("限度額 1人当たり212,000円"));
}

#[test]
fn plan_does_not_say_needed_or_no_plan() {
    let mut f = needing_all();
    f.needed = [false, true, true];
    assert_eq!(verdicts(&f, d(2026, 12, 3))[0], Verdict::NotNeeded);
    f.has_plan = false;
    assert!(verdicts(&f, d(2026, 12, 3)).iter().all(|v| *v == Verdict::NoPlan));
    let reason = ItemCheck { item: SubsidyItem::Suction, verdict: Verdict::NoPlan }.reason(&SubsidyTable::default());
    assert!(reason.contains("災害時個別計画に、使用者が対象品目を準備する必要があると記載があること"));
}

#[test]
fn another_public_scheme_excludes_every_item() {
    let mut f = needing_all();
    f.other_scheme = Some("日常生活用具給付等事業".into());
    let v = verdicts(&f, d(2026, 12, 3));
    assert!(v.iter().all(|x| *x == Verdict::OtherScheme("日常生活用具給付等事業".into())));
    let reason = ItemCheck { item: SubsidyItem::Generator, verdict: v[0].clone() }.reason(&SubsidyTable::default());
    assert!(reason.contains("他の公的制度（日常生活用具給付等事業）の対象となる使用者は、当該補助の対象外"));
}

#[test]
fn ups_only_for_a_ventilator_without_internal_battery() {
    let mut f = needing_all();
    f.internal_battery = Some(true);
    let v = verdicts(&f, d(2026, 12, 3));
    assert_eq!(v[2], Verdict::InternalBattery);
    assert!(matches!(v[0], Verdict::Eligible { .. }), "① and ② do not depend on the internal battery");
    f.internal_battery = None;
    assert_eq!(verdicts(&f, d(2026, 12, 3))[2], Verdict::BatteryUnknown);
}

#[test]
fn within_and_after_the_useful_life() {
    let mut f = needing_all();
    // A generator received 2020-04-01: 6 years → a new grant from 2026-04-01.
    f.received[0] = Some(d(2020, 4, 1));
    // A suction device received 2021-06-15: 5 years → from 2026-06-15.
    f.received[1] = Some(d(2021, 6, 15));
    let v = verdicts(&f, d(2026, 3, 31));
    assert_eq!(v[0], Verdict::WithinUsefulLife { received: d(2020, 4, 1), renewal: d(2026, 4, 1) });
    assert_eq!(v[1], Verdict::WithinUsefulLife { received: d(2021, 6, 15), renewal: d(2026, 6, 15) });
    let reason = ItemCheck { item: SubsidyItem::Generator, verdict: v[0].clone() }.reason(&SubsidyTable::default());
    assert!(reason.contains("耐用年数（6年）") && reason.contains("2026年4月1日から再び申請できます"), "{reason}");
    let v = verdicts(&f, d(2026, 4, 1));
    assert_eq!(v[0], Verdict::Eligible { limit_yen: 212_000 });
    assert!(matches!(v[1], Verdict::WithinUsefulLife { .. }));
    assert_eq!(verdicts(&f, d(2026, 6, 15))[1], Verdict::Eligible { limit_yen: 100_000 });
    // A 29 February receipt renews on 28 February of a common year.
    assert_eq!(d(2024, 2, 29).plus_years(6), d(2030, 2, 28));
}

#[test]
fn an_adjusted_table_changes_the_answer() {
    let t =
        SubsidyTable { generator: ItemRule { limit_yen: 150_000, useful_life_years: 8 }, ..SubsidyTable::default() };
    let mut f = needing_all();
    f.received[0] = Some(d(2020, 4, 1));
    let checks = check_all(&t, &f, d(2027, 4, 1)).expect("valid");
    assert_eq!(checks[0].verdict, Verdict::WithinUsefulLife { received: d(2020, 4, 1), renewal: d(2028, 4, 1) });
    let checks = check_all(&t, &f, d(2028, 4, 1)).expect("valid");
    assert_eq!(checks[0].verdict, Verdict::Eligible { limit_yen: 150_000 });
}

#[test]
fn bad_input_negative_amount_and_future_date_are_refused_naming_the_field() {
    let mut t = SubsidyTable::default();
    t.suction.limit_yen = -1;
    t.ups.useful_life_years = 0;
    let err = check_all(&t, &needing_all(), d(2026, 12, 3)).expect_err("refused");
    assert_eq!(err.len(), 2);
    assert!(err[0].contains("②吸引器（充電式）の限度額") && err[0].contains("-1円"), "{}", err[0]);
    assert!(err[1].contains("③無停電電源装置の耐用年数"), "{}", err[1]);

    let mut f = needing_all();
    f.received[0] = Some(d(2027, 1, 1));
    let err = check_all(&SubsidyTable::default(), &f, d(2026, 12, 3)).expect_err("refused");
    assert_eq!(err, vec!["①自家発電装置の補助を受けた日: 未来の日付です（2027年1月1日）。今日（2026年12月3日）までの日付を入力してください".to_string()]);
}
