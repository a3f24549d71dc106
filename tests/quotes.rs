//! The internal service against providers' quotes, worked out by hand on one basis.
#![cfg(not(target_arch = "wasm32"))]

use slacalc::calendar::{preset, Calendar};
use slacalc::penalty::{money_text, Availability, CreditSchedule, UNIT};
use slacalc::quotes::{compare_offers, Basis, Offer};
use slacalc::risk::Model;
use slacalc::value::Value;
use slacalc::{zone::Zone, Period, Target};

fn office() -> Calendar {
    Calendar::new(&preset("8x5").unwrap(), Zone::utc()).unwrap()
}

fn offer(name: &str, target: &str, period: &str, calendar: Option<Calendar>, price: i128) -> Offer {
    Offer {
        name: name.into(),
        internal: false,
        currency: "EUR".into(),
        price_month: price * UNIT,
        one_off: 0,
        target: Target::parse(target).unwrap(),
        period: Period::parse(period).unwrap(),
        calendar,
        schedule: None,
        history: None,
        model: None,
    }
}

#[test]
fn internal_service_and_two_quotes_on_office_hours() {
    // Basis: an average month of Mon-Fri 09:00-17:00 = 4.348125 typical weeks of 40 h = 173.925 h
    // (626 130 s); downtime costs 500 EUR an hour; one-off costs spread over 3 years.
    let basis = Basis {
        period: Period::parse("month").unwrap(),
        calendar: Some(office()),
        currency: "EUR".into(),
        contract_years: 3,
        downtime_cost_per_hour: 500 * UNIT,
    };
    let mut internal = offer("Internal IT", "99.5", "month", Some(office()), 8_000);
    internal.internal = true;
    internal.history = Some(Availability::from_micros(99_800_000));
    let mut b = offer("Provider B", "99.95", "quarter", None, 7_000);
    b.one_off = 6_000 * UNIT;
    b.model = Some(Model::log_normal(1.0, 1800, 1800).unwrap());
    let mut c = offer("Provider C", "99.9", "month", None, 9_000);
    c.schedule = Some(
        CreditSchedule::from_value(
            &Value::parse_json(r#"{"target": "99.9", "flat": "10"}"#).unwrap(),
        )
        .unwrap(),
    );
    c.model = Some(Model::log_normal(2.0, 1800, 1800).unwrap());
    let r = compare_offers(&basis, &[internal, b, c]).unwrap();
    assert_eq!(r.basis, "average Gregorian month (30.436875 days) of Mon-Fri 09:00-17:00: 173 h 55 min 30 s of service");
    let [i, b, c] = &r.offers[..] else { panic!() };
    // Internal: 0.5% of 626 130 s = 3 130.65 s; 99.8% measured: 0.2% = 1 252.26 s expected.
    assert_eq!(i.allowed_basis.to_string(), "52 min 10.65 s");
    assert_eq!(i.effective_target.as_deref(), Some("99.5"));
    assert_eq!(i.expected_basis.unwrap().to_string(), "20 min 52.26 s");
    // 96 000 a year; 1 252.26 s x 12 = 4.1742 h at 500 = 2 087.10: 98 087.10.
    assert_eq!(money_text(i.effective_year, ""), "98 087.10");
    // B: 0.05% of an average quarter = 3 944.619 s, all in one month: 99.37% of the month's office hours.
    assert_eq!(b.allowed_basis.to_string(), "1 h 5 min 44.619 s");
    assert_eq!(b.effective_target.as_deref(), Some("99.37"));
    assert_eq!(b.promise, "99.95% measured quarterly on 24x7");
    // One 30-minute incident a month, 40 of 168 hours in service: 428.571... s expected in office hours.
    assert_eq!(b.expected_basis.unwrap().as_nanos() / 1_000_000, 428_571);
    // 84 000 + 6 000 / 3 = 86 000; 428.571 s x 12 = 1.428571 h at 500 = 714.29: 86 714.29.
    assert_eq!(money_text(b.price_year, ""), "86 000");
    assert_eq!(money_text(b.effective_year, ""), "86 714.29");
    // Per hour of allowed downtime: 86 000 / (3 944.619 s x 12 = 13.14873 h) = 6 540.5556.
    assert_eq!(money_text(b.per_allowed_hour.unwrap(), ""), "6 540.56");
    // C: two fixed 30-minute incidents a month breach 99.9% of a 24x7 month (2 629.746 s) when both
    // happen: P(K >= 2) = 1 - 3e^-2 = 0.593994; 12 x 0.593994 x 900 = 6 415.14 a year expected.
    let (mean, _) = c.credits_year.unwrap();
    assert!(
        (mean as f64 / UNIT as f64 - 6_415.14).abs() < 120.0,
        "{mean}"
    );
    assert_eq!(
        r.verdict[1],
        "Provider B promises 99.95% measured quarterly on 24x7: on your basis that allows up to 1 h 5 min 44.619 s of downtime, more than the internal service's expected 20 min 52 s."
    );
    assert_eq!(
        r.verdict[2],
        "Provider B costs 86 714.29 EUR a year after expected credits and downtime: 11 372.81 EUR less than the internal service (98 087.10 EUR)."
    );
    // B and C have models of their own: nothing is said of them alike.
    assert!(!r
        .verdict
        .iter()
        .any(|l| l.contains("no measured attainment")));
    // Under one model, two quotes without history are expected to be down alike, and the verdict says so.
    let mut d = offer("Provider D", "99.9", "month", None, 9_000);
    d.model = Some(Model::log_normal(1.0, 1800, 1800).unwrap());
    let mut b2 = offer("Provider B", "99.95", "quarter", None, 7_000);
    b2.model = d.model.clone();
    let r = compare_offers(&basis, &[b2, d]).unwrap();
    assert_eq!(
        r.verdict.last().unwrap(),
        "Provider B and Provider D have no measured attainment here, so the outage model gives each the same expected downtime (7 min 9 s): only their promises, credits and prices tell them apart."
    );
}

#[test]
fn hours_a_quote_does_not_cover_and_other_currencies() {
    // Basis 24x7; a quote on office hours leaves 168 - 40 = 128 h a week unlimited.
    let basis = Basis {
        period: Period::parse("month").unwrap(),
        calendar: None,
        currency: "EUR".into(),
        contract_years: 1,
        downtime_cost_per_hour: 0,
    };
    let r = compare_offers(
        &basis,
        &[offer("Cheap", "99.9", "month", Some(office()), 100)],
    )
    .unwrap();
    assert_eq!(r.offers[0].uncovered_week_seconds, 128 * 3600);
    assert_eq!(r.offers[0].effective_target, None);
    assert_eq!(r.offers[0].per_allowed_hour, None);
    assert!(r.verdict[1].ends_with("Its service hours leave 128 h of your service hours a week uncovered: downtime there is not limited at all."), "{}", r.verdict[1]);
    // A weekly promise against a monthly basis: 0.1% of a week (604.8 s) x 2 629 746 / 604 800 weeks.
    let r = compare_offers(&basis, &[offer("Weekly", "99.9", "week", None, 100)]).unwrap();
    assert_eq!(r.offers[0].allowed_basis.to_string(), "43 min 49.746 s");
    let mut usd = offer("Abroad", "99.9", "month", None, 100);
    usd.currency = "USD".into();
    assert_eq!(
        compare_offers(&basis, &[usd]).unwrap_err().to_string(),
        "input.options[0].currency: Abroad is priced in USD, the comparison in EUR: convert its prices first"
    );
}
