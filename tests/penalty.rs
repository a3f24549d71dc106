//! Credits worked out by hand for each structure and each published preset, at and around every tier
//! boundary; properties (caps hold, credits never rise with attainment); the simulation against closed
//! forms with a fixed seed.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use slacalc::duration::SignedDuration;
use slacalc::penalty::{money_text, periods_from_value, CreditSchedule, PeriodInput, Quick, UNIT};
use slacalc::risk::{break_even, simulate, Model};
use slacalc::value::Value;

fn value(json: &str) -> Value {
    Value::parse_json(json).unwrap()
}

fn schedule(json: &str) -> CreditSchedule {
    CreditSchedule::from_value(&value(json)).unwrap()
}

fn error(json: &str) -> String {
    CreditSchedule::from_value(&value(json))
        .unwrap_err()
        .to_string()
}

fn presets() -> Vec<(String, CreditSchedule)> {
    let list: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../src/presets.json")).unwrap();
    list.iter()
        .map(|p| {
            let v = Value::parse_json(&p.to_string()).unwrap();
            (
                p["id"].as_str().unwrap().to_string(),
                CreditSchedule::from_value(&v).unwrap(),
            )
        })
        .collect()
}

fn preset(id: &str) -> CreditSchedule {
    presets().into_iter().find(|(i, _)| i == id).unwrap().1
}

/// Credits (in whole currency units, as text) for attainments typed with charges of `charges`.
fn credits(s: &CreditSchedule, attainments: &[&str], charges: &str) -> Vec<String> {
    let periods: Vec<PeriodInput> = attainments
        .iter()
        .map(|a| PeriodInput::typed(a, a, charges).unwrap())
        .collect();
    s.credits(&periods, "")
        .unwrap()
        .periods
        .iter()
        .map(|l| money_text(l.credit, ""))
        .collect()
}

#[test]
fn every_preset_at_and_around_its_boundaries() {
    // AWS compute, region: < 99.99 and >= 99.0: 10%; < 99.0 and >= 95.0: 30%; < 95.0: 100%. Charges 1 000.
    let s = preset("aws-compute-region");
    assert_eq!(
        credits(
            &s,
            &[
                "100",
                "99.99",
                "99.989999",
                "99.0",
                "98.999999",
                "95.0",
                "94.999999",
                "0"
            ],
            "1000"
        ),
        ["0", "0", "100", "100", "300", "300", "1 000", "1 000"]
    );
    let s = preset("aws-ec2-instance");
    assert_eq!(
        credits(
            &s,
            &["99.5", "99.499999", "99", "98.99", "95", "94.99"],
            "1000"
        ),
        ["0", "100", "100", "300", "300", "1 000"]
    );
    for id in ["aws-s3-standard", "aws-rds-multi-az"] {
        let s = preset(id);
        let target = s.target.to_string();
        let just_below = format!(
            "{}9",
            (target.parse::<f64>().unwrap() - 0.000001)
                .to_string()
                .trim_end_matches('9')
        );
        let _ = just_below;
        assert_eq!(
            credits(
                &s,
                &[&target, "99.0", "98.999999", "95.0", "94.999999"],
                "1000"
            ),
            ["0", "100", "250", "250", "1 000"],
            "{id}"
        );
    }
    assert_eq!(
        credits(&preset("aws-s3-standard"), &["99.899999"], "1000"),
        ["100"]
    );
    assert_eq!(
        credits(&preset("aws-rds-multi-az"), &["99.949999"], "1000"),
        ["100"]
    );
    for id in ["azure-vm-zones", "azure-vm-set"] {
        assert_eq!(
            credits(
                &preset(id),
                &["99.99", "99", "98.999999", "95", "94.999999"],
                "1000"
            )[1..],
            ["100", "250", "250", "1 000"],
            "{id}"
        );
    }
    assert_eq!(
        credits(&preset("azure-vm-zones"), &["99.99", "99.989999"], "1000"),
        ["0", "100"]
    );
    assert_eq!(
        credits(&preset("azure-vm-set"), &["99.95", "99.949999"], "1000"),
        ["0", "100"]
    );
    // Microsoft 365: < 99.9: 25%; < 99: 50%; < 95: 100%.
    assert_eq!(
        credits(
            &preset("microsoft-365"),
            &["99.9", "99.899999", "99", "98.999999", "95", "94.999999"],
            "1000"
        ),
        ["0", "250", "250", "500", "500", "1 000"]
    );
    // Google Workspace: 3, 7 or 15 days of service at 1/30 of a 3 000 fee a day = 300, 700, 1 500.
    assert_eq!(
        credits(
            &preset("google-workspace"),
            &[
                "99.9",
                "99.899999",
                "99.0",
                "98.999999",
                "95.0",
                "94.999999"
            ],
            "3000"
        ),
        ["0", "300", "300", "700", "700", "1 500"]
    );
    // GitHub (older terms): <= 99.9 and > 99.0: 10%; < 99.0: 25%. 99.9 itself is credited; 99.0 is in no tier.
    let s = preset("github-enterprise-cloud");
    assert_eq!(
        credits(
            &s,
            &["99.900001", "99.9", "99.000001", "99.0", "98.999999"],
            "1000"
        ),
        ["0", "100", "100", "0", "250"]
    );
    let lines = s
        .credits(
            &[PeriodInput::typed("Q2 2026", "99", "1000").unwrap()],
            "USD",
        )
        .unwrap();
    assert_eq!(
        lines.periods[0].explanation,
        "Q2 2026: 99% falls in no tier of the schedule: no credit."
    );
    // The flat fortnight: 10% of 5 000 when below 99%.
    assert_eq!(
        credits(
            &preset("example-flat-fortnight"),
            &["99", "98.999999"],
            "5000"
        ),
        ["0", "500"]
    );
}

#[test]
fn the_explanation_a_finance_person_follows() {
    let s = preset("microsoft-365");
    let c = s
        .credits(
            &[PeriodInput::typed("May", "99.82", "12000").unwrap()],
            "EUR",
        )
        .unwrap();
    assert_eq!(
        c.periods[0].explanation,
        "May: 99.82% is below 99.9% and at or above 99%: 25% of 12 000 EUR = 3 000 EUR."
    );
    assert_eq!(c.total, 3_000 * UNIT);
}

#[test]
fn tiers_that_overlap_or_leave_gaps_are_refused() {
    assert_eq!(
        error(r#"{"target": "99.9", "tiers": [{"when": "< 99.9 and >= 99", "percent": 10}, {"when": "< 98", "percent": 25}]}"#),
        "schedule.tiers: attainments below the target 99.9% fall in no tier: from 98% (inclusive) to just below 99%. Cover them, or say uncovered: \"no credit\""
    );
    assert!(error(r#"{"target": "99.9", "tiers": [{"when": "<= 99.9 and > 99.0", "percent": 10}, {"when": "< 99.0", "percent": 25}]}"#).contains("fall in no tier: exactly 99%"));
    assert_eq!(
        error(r#"{"target": "99.9", "tiers": [{"when": "< 99.9 and >= 99", "percent": 10}, {"when": "< 99.5", "percent": 25}]}"#),
        "schedule.tiers: tiers[1] (below 99.5%) and tiers[0] (below 99.9% and at or above 99%) overlap: an attainment must fall in one tier at most"
    );
    assert_eq!(
        error(r#"{"target": "99.9", "flat": "110"}"#),
        "schedule.flat: \"110\" is more than 100"
    );
    assert_eq!(
        error(r#"{"target": "99.9", "flat": "10", "capPercent": "-5"}"#),
        "schedule.capPercent: \"-5\" must not be negative"
    );
    assert_eq!(error(r#"{"target": "99.9"}"#), "schedule: give one way to compute the credit: tiers, flat, perUnit, feeMultiplier or atRisk");
    assert_eq!(
        error(r#"{"target": "99.9", "flat": 10, "tiers": []}"#),
        "schedule: give one way to compute the credit, not tiers and flat"
    );
    assert!(error(r#"{"target": "99.9", "tierz": []}"#)
        .starts_with("schedule.tierz: is not a known name"));
    assert_eq!(
        error(r#"{"target": "99.9", "tiers": [{"when": "about 99", "percent": 10}]}"#),
        "schedule.tiers[0].when: \"about 99\" must be bounds such as \"< 99.99 and >= 99.0\""
    );
    assert_eq!(
        error(r#"{"target": "99.9", "tiers": [{"when": "< 99 and > 99.5", "percent": 10}]}"#),
        "schedule.tiers[0].when: \"< 99 and > 99.5\" holds no attainment at all"
    );
}

#[test]
fn per_hour_fee_multiplier_and_at_risk() {
    // 5% of 10 000 per hour beyond the first 2 consecutive hours of each outage: 3 h, 1 h 30 min and
    // 2 h 30 min count 1 h + 0 + 30 min = 1.5 h: 7.5% = 750.
    let s = preset("example-per-hour");
    let p = periods_from_value(&value(r#"[{"label": "March", "downtime": "PT7H", "outages": ["PT3H", "PT1H30M", "PT2H30M"], "charges": "10000"}]"#), &s).unwrap();
    let c = s.credits(&p, "EUR").unwrap();
    assert_eq!(c.total, 750 * UNIT);
    assert_eq!(c.periods[0].explanation, "March: 99.041732%, 3 outages, each counted beyond its first 2 h: 1.5 hours counted at 5% of 10 000 EUR = 750 EUR.");
    // Without outage lengths the downtime is one outage: 7 h - 2 h = 5 h: 25% = 2 500.
    let p =
        periods_from_value(&value(r#"[{"downtime": "PT7H", "charges": "10000"}]"#), &s).unwrap();
    assert_eq!(s.credits(&p, "").unwrap().total, 2_500 * UNIT);
    // Beyond the allowance: 99.9% of the average month (2 629 746 s) allows 2 629.746 s; 2 h down leaves
    // (7 h of 2 629 746 s is 99.041732...% attained.)
    // 4 570.254 s = 1.269515 h at 500 an hour = 634.7575, rounded half up to 634.76.
    let s = schedule(r#"{"target": "99.9", "perUnit": {"percent": "5", "unit": "hour"}}"#);
    let p =
        periods_from_value(&value(r#"[{"downtime": "PT2H", "charges": "10000"}]"#), &s).unwrap();
    assert_eq!(money_text(s.credits(&p, "").unwrap().total, ""), "634.76");
    // Counting a started hour in full: 2 hours = 1 000.
    let s = schedule(
        r#"{"target": "99.9", "perUnit": {"percent": "5", "unit": "hour", "started": true}}"#,
    );
    assert_eq!(s.credits(&p, "").unwrap().total, 1_000 * UNIT);
    // Twice the fees for the time down: 36 h of a 30-day month (2026-04) of 3 000 = 150; x 2 = 300.
    let s = schedule(r#"{"target": "99.9", "feeMultiplier": "2"}"#);
    let p = periods_from_value(
        &value(r#"[{"period": "2026-04", "downtime": "PT36H", "charges": "3000"}]"#),
        &s,
    )
    .unwrap();
    assert_eq!(p[0].label, "2026-04");
    assert_eq!(s.credits(&p, "").unwrap().total, 300 * UNIT);
    // The largest charges: 15 of April's 30 days down of 10^18 is 5 x 10^17; twice that is 10^18.
    let p = periods_from_value(
        &value(r#"[{"period": "2026-04", "downtime": "P15D", "charges": "1000000000000000000"}]"#),
        &s,
    )
    .unwrap();
    assert_eq!(
        s.credits(&p, "").unwrap().total,
        1_000_000_000_000_000_000 * UNIT
    );
    // At risk: 12% of 100 000 = 12 000. Both levels missed: 60% x 100% + 40% x 150% = 120% of the pool,
    // capped at the pool; only the network missed: 60% of the pool = 7 200.
    let s = preset("example-at-risk");
    let p = periods_from_value(&value(r#"[
        {"label": "Jan", "levels": {"Availability": "99.5", "Network": "99.9"}, "charges": "100000"},
        {"label": "Feb", "levels": {"Availability": "99.95", "Network": "99.9"}, "charges": "100000"},
        {"label": "Mar", "levels": {"Availability": "99.95", "Network": "99.99"}, "charges": "100000"}]"#), &s).unwrap();
    let c = s.credits(&p, "EUR").unwrap();
    let got: Vec<Money> = c.periods.iter().map(|l| l.credit / UNIT).collect();
    // The 12-month cap of 8% holds Jan to 8% of 100 000 = 8 000; Feb's 7 200 fits in 8% of 200 000 - 8 000.
    assert_eq!(got, [8_000, 7_200, 0]);
    assert!(
        c.periods[0]
            .explanation
            .contains("14 400 EUR in all, capped at the pool: 12 000 EUR"),
        "{}",
        c.periods[0].explanation
    );
    assert!(c.periods[0].explanation.ends_with("Then capped at 8% of the charges of 12 months (8 000 EUR of 100 000 EUR): 8 000 EUR was left. Credit: 8 000 EUR."), "{}", c.periods[0].explanation);
    let missing = periods_from_value(
        &value(r#"[{"label": "Jan", "levels": {"Availability": "99.5"}, "charges": "1"}]"#),
        &s,
    )
    .unwrap();
    assert_eq!(
        s.credits(&missing, "").unwrap_err().to_string(),
        "periods.Jan.levels: gives no attainment for the service level \"Network\""
    );
}

type Money = i128;

#[test]
fn caps_minimum_earn_back_and_bonus() {
    let base = r#""target": "99.9", "tiers": [{"when": "< 99.9 and >= 99", "percent": 10}, {"when": "< 99", "percent": 100}]"#;
    // A cap of 50% per period.
    let s = schedule(&format!("{{{base}, \"capPercent\": \"50\"}}"));
    assert_eq!(credits(&s, &["90"], "1000"), ["500"]);
    // A minimum credit of 5: 10% of 40 = 4 is not paid.
    let s = schedule(&format!("{{{base}, \"minimumCredit\": \"5\"}}"));
    assert_eq!(credits(&s, &["99.5", "99.5"], "40")[0], "0");
    assert_eq!(credits(&s, &["99.5"], "60"), ["6"]);
    // Earn-back: a credit is cancelled when the next 2 periods both meet 99.95%.
    let s = schedule(&format!(
        "{{{base}, \"earnBack\": {{\"target\": \"99.95\", \"periods\": 2}}}}"
    ));
    assert_eq!(
        credits(&s, &["99.5", "99.96", "99.97"], "1000"),
        ["0", "0", "0"]
    );
    assert_eq!(
        credits(&s, &["99.5", "99.96", "99.9"], "1000"),
        ["100", "0", "0"]
    );
    let c = s
        .credits(
            &[
                PeriodInput::typed("Jan", "99.5", "1000").unwrap(),
                PeriodInput::typed("Feb", "99.99", "1000").unwrap(),
            ],
            "",
        )
        .unwrap();
    assert_eq!(c.periods[0].credit, 100 * UNIT);
    assert!(c.periods[0]
        .explanation
        .contains("owed unless the next 2 periods all meet 99.95% (earn-back)"));
    // 12 months: at most 10% of the charges of any 12 months.
    let s = schedule(&format!("{{{base}, \"cap12MonthsPercent\": \"10\"}}"));
    assert_eq!(
        credits(&s, &["98", "98", "98", "100"], "1000"),
        ["100", "100", "100", "0"]
    );
    // A bonus of 2% (capped at 1%) when the period reaches 99.99%.
    let s = schedule(&format!("{{{base}, \"bonus\": {{\"tiers\": [{{\"when\": \">= 99.99\", \"percent\": 2}}], \"capPercent\": 1}}}}"));
    let c = s
        .credits(
            &[
                PeriodInput::typed("Jan", "99.995", "1000").unwrap(),
                PeriodInput::typed("Feb", "99.95", "1000").unwrap(),
            ],
            "",
        )
        .unwrap();
    assert_eq!((c.total, c.total_bonus), (0, 10 * UNIT));
}

#[test]
fn bad_periods_say_which() {
    let s = preset("aws-compute-region");
    let e = |json: &str| {
        periods_from_value(&value(json), &s)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        e(r#"[{"attainment": "99.5", "charges": "-3"}]"#),
        "periods.[0].charges: \"-3\" must not be negative"
    );
    assert_eq!(
        e(r#"[{"attainment": "100.5", "charges": "3"}]"#),
        "periods.[0].attainment: \"100.5\" is more than 100"
    );
    assert_eq!(
        e(r#"[{"charges": "3"}]"#),
        "periods.[0]: give the attainment (a percentage) or the downtime"
    );
    assert_eq!(
        e(r#"[{"attainment": "99", "downtime": "PT1H", "charges": "3"}]"#),
        "periods.[0]: give attainment or downtime, not both"
    );
    assert_eq!(
        e(r#"[{"downtime": "P40D", "charges": "3"}]"#),
        "periods.[0].downtime: is longer than the period"
    );
}

/// An amount with a comma is twelve thousand to one reader and twelve to another: it is refused, never
/// guessed, in every amount of the API (charges, a minimum credit).
#[test]
fn amounts_with_a_comma_or_a_space_are_refused() {
    let s = preset("microsoft-365");
    let charged = |charges: &str| {
        periods_from_value(
            &value(&format!(
                r#"[{{"attainment": "99.82", "charges": {charges}}}]"#
            )),
            &s,
        )
        .and_then(|p| s.credits(&p, "EUR"))
        .map(|c| money_text(c.total, "EUR"))
        .map_err(|e| e.to_string())
    };
    // 25% of 12 000 and of 12 000.50 (99.82% is in Microsoft's 25% tier).
    assert_eq!(charged(r#""12000""#), Ok("3 000 EUR".to_string()));
    assert_eq!(charged("12000"), Ok("3 000 EUR".to_string()));
    assert_eq!(charged(r#""12000.50""#), Ok("3 000.13 EUR".to_string()));
    let refused = "periods.[0].charges: \"12,000\" is not an amount: write it with digits and a point before any \
                   decimals, without thousands separators, such as 12000 or 12000.50";
    assert_eq!(charged(r#""12,000""#), Err(refused.to_string()));
    for text in ["12 000", "12'000", "12\u{a0}000", "12.000,50"] {
        assert!(
            charged(&format!("\"{text}\""))
                .unwrap_err()
                .contains("is not an amount"),
            "{text}"
        );
    }
    assert!(
        error(r#"{"target": "99.9", "flat": "10", "minimumCredit": "1,5"}"#)
            .contains("is not an amount")
    );
    assert_eq!(
        PeriodInput::typed("May", "99.82", "12,000")
            .unwrap_err()
            .to_string(),
        refused.replace("[0].", "")
    );
}

proptest! {
    #[test]
    fn credits_hold_caps_and_never_rise_with_attainment(a in 0u32..=100_000_000, b in 0u32..=100_000_000, charges in 0u64..10_000_000) {
        let (lo, hi) = (a.min(b), a.max(b));
        let charges = charges.to_string();
        for (id, s) in presets() {
            let at = |x: u32| {
                let text = format!("{}.{:06}", x / 1_000_000, x % 1_000_000);
                s.credits(&[PeriodInput::typed("p", &text, &charges).unwrap()], "")
            };
            if id == "example-at-risk" {
                continue;
            }
            let (c_lo, c_hi) = (at(lo).unwrap().total, at(hi).unwrap().total);
            prop_assert!(c_lo >= c_hi, "{id}: {lo} gives {c_lo}, {hi} gives {c_hi}");
            let cap = charges.parse::<i128>().unwrap() * UNIT * i128::from(s.cap_percent) / 100_000_000;
            prop_assert!(c_lo <= cap + UNIT / 200, "{id}: {c_lo} above the cap {cap}");
        }
    }

    #[test]
    fn the_quick_path_agrees_with_the_explained_one(down in 0i64..2_629_746, charges in 0u64..1_000_000, cuts in proptest::collection::vec(1i64..20_000, 0..4)) {
        for (id, s) in presets() {
            if id == "example-at-risk" {
                continue;
            }
            let down = down % s.cadence.seconds().min(2_629_746);
            let length = SignedDuration::from_seconds(s.cadence.seconds());
            let outages: Vec<SignedDuration> = cuts.iter().map(|s| SignedDuration::from_seconds(*s)).collect();
            let json = format!(r#"[{{"downtime": "{down}", "charges": "{charges}", "outages": [{}]}}]"#, cuts.iter().map(|o| format!("\"{o}\"")).collect::<Vec<_>>().join(","));
            let p = periods_from_value(&value(&json), &s).unwrap();
            let slow = s.credits(&p, "").unwrap().periods[0].credit;
            let (quick, _) = s.quick_credit(Quick { down: SignedDuration::from_seconds(down), length, outages: &outages, charges: i128::from(charges) * UNIT });
            prop_assert_eq!(slow, quick, "{}", id);
        }
    }
}

/// On office hours (40 h of 168 a week) a month holds 626 130 s of service; 99.9% of it allows
/// 626.13 s, so one 30-minute incident breaches. Incidents arrive evenly over the clock, so 1.5 a month
/// put 1.5 x 40/168 = 0.357142... in service hours: P(breach) = 1 - e^-0.357142... = 0.300327...
/// The credits looked up by downtime are exactly the quick path's, for every preset, period lengths of
/// a week, a month, a quarter and odd service-hours shares, any charges, at and around every downtime
/// where a comparison changes and at random downtimes.
#[test]
fn the_credit_table_gives_what_the_quick_path_gives() {
    use slacalc::penalty::QuickTable;
    let mut rng = slacalc::risk::Rng::new(0x1234_5678_9abc_def1);
    let mut next = |n: u64| rng.next_u64() % n;
    let mut tables = 0;
    for (id, s) in presets() {
        for seconds in [
            604_800,
            2_629_746,
            2_678_400,
            7_889_238,
            1_234_567,
            40 * 3600 * 4,
        ] {
            let length = SignedDuration::from_seconds(seconds);
            let charges = i128::from(next(10_000_000)) * UNIT / 100;
            let Some(table) = QuickTable::new(&s, length, charges) else {
                continue;
            };
            tables += 1;
            let quick = |d: i64| {
                let down = SignedDuration::from_nanos(d);
                s.quick_credit(Quick {
                    down,
                    length,
                    outages: &[],
                    charges,
                })
            };
            let l = length.as_nanos();
            let mut downs: Vec<i64> = (0..2_000).map(|_| next(l as u64 + 1) as i64).collect();
            for m in [
                0u64,
                50_000_000,
                90_000_000,
                95_000_000,
                99_000_000,
                99_500_000,
                99_900_000,
                99_950_000,
                99_990_000,
                99_999_000,
                100_000_000,
            ] {
                let e = i128::from(l) * i128::from(100_000_000 - m) / 100_000_000;
                for k in -2..=2 {
                    downs.push((e as i64 + k).clamp(0, l));
                }
            }
            downs.extend([0, 1, l - 1, l]);
            for d in downs {
                assert_eq!(
                    table.credit(SignedDuration::from_nanos(d)),
                    quick(d),
                    "{id}, {seconds} s, down {d} ns"
                );
            }
        }
    }
    assert!(tables > 20, "{tables} tables");
}

#[test]
fn on_service_hours_a_period_is_its_service_time_and_only_incidents_in_it_count() {
    let s = schedule(r#"{"target": "99.9", "flat": "10"}"#);
    let mut model = Model::log_normal(1.5, 1800, 1800).unwrap();
    model.week_service_seconds = Some(40 * 3600);
    let risk = simulate(&s, &model, 1_000 * UNIT, 50_000, 42).unwrap();
    let p = risk.analytic.breach_period.unwrap();
    let lambda: f64 = 1.5 * 40.0 / 168.0;
    assert!((p - (1.0 - (-lambda).exp())).abs() < 1e-9, "{p}");
    assert!((p - 0.300_327).abs() < 1e-5, "{p}");
    let simulated = risk.periods_breached as f64 / (50_000.0 * 12.0);
    // 600 000 periods: the standard error is 0.00059; 5 of them is 0.003.
    assert!((simulated - p).abs() < 0.003, "{simulated} against {p}");
    // Mean downtime: 0.357142... x 1 800 s = 642.857 s a month of service hours.
    assert!((risk.analytic.mean_downtime - 642.857_142_857).abs() < 1e-6);
}

/// The sales questions: at which targets does the same structure stay under a share of the contract
/// value, and how far must every rate move for it to?
#[test]
fn the_target_ladder_and_the_rates_that_keep_credits_under_a_limit() {
    use slacalc::risk::{rates_under, target_ladder, Confidence};
    let s = preset("microsoft-365");
    let model = Model::log_normal(2.0, 1800, 4 * 3600).unwrap();
    let charges = 10_000 * UNIT;
    let ladder = target_ladder(&s, &model, charges, 2_000, 7).unwrap();
    assert_eq!(ladder.len(), 10);
    // A higher commitment never costs less: credits start earlier with the same tiers below.
    let means: Vec<i128> = ladder
        .iter()
        .map(|(_, r)| r.as_ref().unwrap().mean)
        .collect();
    assert!(means.windows(2).all(|w| w[0] <= w[1]), "{means:?}");
    // The preset's own target, 99.9%, is on the ladder with the preset's own figures.
    let own = ladder
        .iter()
        .find(|(t, _)| t.to_string() == "99.9")
        .unwrap()
        .1
        .as_ref()
        .unwrap();
    assert_eq!(
        own.mean,
        simulate(&s, &model, charges, 2_000, 7).unwrap().mean
    );
    // The ladder draws the years once and credits them under each target: every figure is what a
    // simulation of that target alone gives, for every preset, on 24x7 and on service hours.
    for (id, s) in presets() {
        for week in [None, Some(40 * 3600)] {
            let mut model = Model::log_normal(3.0, 1800, 4 * 3600).unwrap();
            model.week_service_seconds = week;
            for (target, risk) in target_ladder(&s, &model, charges, 200, 11).unwrap() {
                let alone = s
                    .at_target(target)
                    .map(|t| simulate(&t, &model, charges, 200, 11).unwrap());
                assert_eq!(risk.ok(), alone.ok(), "{id} at {target}");
            }
        }
    }
    // Rates that keep the 90th-percentile year under 5% of the contract value.
    let limit = 5 * 1_000_000;
    let (factor, scaled, risk) = rates_under(&s, &model, charges, 2_000, 7, limit, Confidence::P90)
        .unwrap()
        .unwrap();
    assert!(risk.percent_at(Confidence::P90) <= limit);
    assert_eq!(risk, simulate(&scaled, &model, charges, 2_000, 7).unwrap());
    // A thousandth more would not keep under it (or the factor is at its cap of 10).
    let more = simulate(&s.scaled(factor + 1_000), &model, charges, 2_000, 7).unwrap();
    assert!(
        factor == 10_000_000 || more.percent_at(Confidence::P90) > limit || more.mean == risk.mean
    );
}

#[test]
fn the_simulation_meets_its_closed_forms() {
    // A flat 10% of 1 000 a month below 99.9%; incidents of exactly 30 min, 1.5 a month. 99.9% of the
    // average month allows 2 629.746 s: one incident (1 800 s) fits, two do not. P(breach) = P(K >= 2)
    // = 1 - e^-1.5 (1 + 1.5) = 0.442175...
    let s = schedule(r#"{"target": "99.9", "flat": "10"}"#);
    let model = Model::log_normal(1.5, 1800, 1800).unwrap();
    let risk = simulate(&s, &model, 1_000 * UNIT, 50_000, 42).unwrap();
    let p = risk.analytic.breach_period.unwrap();
    assert!((p - 0.442_174_599_628).abs() < 1e-9, "{p}");
    let simulated = risk.periods_breached as f64 / (50_000.0 * 12.0);
    // 600 000 periods: the standard error is 0.00064; 5 of them is 0.0032.
    assert!((simulated - p).abs() < 0.0032, "{simulated} against {p}");
    // Expected credits: 12 x p x 100 = 530.61 a year.
    let expected = risk.analytic.expected_credits.unwrap();
    assert!((expected - 530.609_519_553).abs() < 1e-6, "{expected}");
    let mean = risk.mean as f64 / UNIT as f64;
    assert!((mean - expected).abs() < 4.0, "{mean} against {expected}");
    // P(a year has a breach) = 1 - (1 - p)^12.
    let year = risk.years_breached as f64 / 50_000.0;
    assert!((year - risk.analytic.breach_year.unwrap()).abs() < 0.005);
    // The same seed gives the same figures; another seed other ones.
    assert_eq!(
        simulate(&s, &model, 1_000 * UNIT, 2_000, 42)
            .unwrap()
            .yearly,
        simulate(&s, &model, 1_000 * UNIT, 2_000, 42)
            .unwrap()
            .yearly
    );
    assert_ne!(
        simulate(&s, &model, 1_000 * UNIT, 2_000, 42)
            .unwrap()
            .yearly,
        simulate(&s, &model, 1_000 * UNIT, 2_000, 43)
            .unwrap()
            .yearly
    );
}

#[test]
fn log_normal_durations_have_the_stated_median_and_mean() {
    // Median 30 min, 90th percentile 4 h: sigma = ln(8) / 1.281552 = 1.622597; the mean is
    // 1 800 e^(sigma^2 / 2) = 6 714.01 s. Two incidents a month: 13 428 s of downtime a month on average.
    let s = schedule(r#"{"target": "99.9", "flat": "10"}"#);
    let model = Model::log_normal(2.0, 1800, 14_400).unwrap();
    assert!(
        (model.mean_duration() - 6_714.01).abs() < 0.01,
        "{}",
        model.mean_duration()
    );
    let risk = simulate(&s, &model, 1_000 * UNIT, 20_000, 1).unwrap();
    assert!(
        (risk.mean_downtime / risk.analytic.mean_downtime - 1.0).abs() < 0.03,
        "{} against {}",
        risk.mean_downtime,
        risk.analytic.mean_downtime
    );
    // Nearest-rank percentiles are ordered.
    assert!(risk.median <= risk.p90 && risk.p90 <= risk.p99 && risk.p99 <= risk.worst);
    // Break-even: repairs short enough keep expected credits under 1% of the contract value.
    let f = break_even(&s, &model, 1_000 * UNIT, 1_000_000, 2_000, 1)
        .unwrap()
        .unwrap();
    let at = |f: f64| {
        simulate(&s, &model.scaled(1.0, f), 1_000 * UNIT, 2_000, 1)
            .unwrap()
            .expected_percent()
    };
    assert!(at(f) <= 1_000_000 && at(f * 1.01) > 1_000_000, "{f}");
}

#[test]
fn bad_models_say_which_part() {
    let e = |json: &str| Model::from_value(&value(json)).unwrap_err().to_string();
    assert!(
        e(r#"{"incidentsPerMonth": 0, "median": "PT30M", "p90": "PT4H"}"#)
            .starts_with("model.incidentsPerMonth: must be more than 0")
    );
    assert_eq!(
        e(r#"{"incidentsPerMonth": 2, "median": "PT4H", "p90": "PT30M"}"#),
        "model.p90: must be at least the median: 90% of incidents end by then"
    );
    assert!(
        e(r#"{"incidentsPerMonth": 2, "median": "PT30M", "p90": "P90D"}"#)
            .starts_with("model.p90: must be at most 31 days")
    );
    assert!(
        e(r#"{"incidentsPerMonth": 2, "median": "soon", "p90": "PT4H"}"#)
            .starts_with("model.median: \"soon\" is not a duration")
    );
    let s = schedule(r#"{"target": "99.9", "flat": "10"}"#);
    let m = Model::log_normal(1.0, 60, 60).unwrap();
    assert_eq!(
        simulate(&s, &m, UNIT, 0, 1).unwrap_err().to_string(),
        "model.years: must be from 1 to 1000000"
    );
}

#[test]
fn the_native_figures_the_wasm_build_must_match() {
    // The case of tests/js/penalty.test.mjs: the same seed must give the same cents in WASM.
    let s = preset("aws-compute-region");
    let model = Model::log_normal(2.0, 1800, 14_400).unwrap();
    let r = simulate(&s, &model, 10_000 * UNIT, 1_000, 7).unwrap();
    assert_eq!((r.mean, r.worst), (NATIVE.0, NATIVE.1));
}

const NATIVE: (i128, i128) = (13_920_000_000, 40_000_000_000);

/// A value nested deeper than any schedule needs is refused while it is read, before it can exhaust the
/// stack (JavaScript callers could nest it 100 000 deep).
#[test]
fn values_nested_too_deep_are_refused_as_they_are_read() {
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let e = Value::parse_json(&format!(r#"{{"target": "99.9", "tiers": {deep}}}"#)).unwrap_err();
    assert!(
        e.to_string().contains("nested more than 64 levels deep"),
        "{e}"
    );
    // Sixty levels are read (and the schedule then says what is wrong with them).
    let fine = format!("{}{}", "[".repeat(60), "]".repeat(60));
    assert!(Value::parse_json(&fine).is_ok());
}
