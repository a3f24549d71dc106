//! `cargo bench --bench chain`: the exact availability of service chains of 1 000 components, natively.
//! Prints figures; it never fails on timing. The median of several runs is reported.

use std::time::Instant;

use slacalc::chain::money::{simulate_money, BackToBack, Contract};
use slacalc::chain::{Chain, Part};
use slacalc::penalty::CreditSchedule;
use slacalc::risk::Model;
use slacalc::value::Value;

const RUNS: usize = 5;

/// Milliseconds of `f`, the median, min and max of [`RUNS`] runs, and its last answer.
fn time(f: impl Fn() -> String) -> (f64, f64, f64, String) {
    let mut answer = String::new();
    let mut ms: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            answer = f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    (ms[RUNS / 2], ms[0], ms[RUNS - 1], answer)
}

/// 1 000 components: DNS and sign-in shared by 142 services, each a load-balancer pair, three of four app
/// servers and a database in series; the service needs all of them.
fn estate() -> Vec<Part> {
    let mut parts = vec![
        Part::component("dns", "100"),
        Part::component("sign-in", "99.99"),
    ];
    let mut services = Vec::new();
    for s in 0..142 {
        let name = |what: &str| format!("{what} {s}");
        for lb in ["lb a", "lb b"] {
            parts.push(Part::component(&name(lb), "99.95"));
        }
        for app in 1..=4 {
            parts.push(Part::component(
                &name(&format!("app {app}")),
                &format!("99.{}", 5 + app),
            ));
        }
        parts.push(Part::component(&name("db"), "99.995"));
        parts.push(Part::parallel(&name("lb"), &[&name("lb a"), &name("lb b")]));
        let apps: Vec<String> = (1..=4).map(|a| name(&format!("app {a}"))).collect();
        let apps: Vec<&str> = apps.iter().map(String::as_str).collect();
        parts.push(Part::k_of_n(&name("apps"), 3, &apps));
        parts.push(Part::series(
            &name("service"),
            &["dns", "sign-in", &name("lb"), &name("apps"), &name("db")],
        ));
        services.push(name("service"));
    }
    let services: Vec<&str> = services.iter().map(String::as_str).collect();
    parts.push(Part::series("estate", &services));
    parts
}

fn main() {
    let parts = estate();
    let chain = Chain::new(&parts, "estate").expect("a valid chain");
    let components = chain.components().len();
    let (median, min, max, answer) = time(|| chain.availability().expect("exact").percent());
    println!(
        "chain of {components} components (two shared by all 142 services): exact availability in {median:.1} ms (min {min:.1}, max {max:.1}), {} digits: {}%",
        answer.len(),
        &answer[..answer.len().min(14)]
    );
    println!("BENCH chain_exact_1000_ms={median:.1}");
    // 1 000 components of which 600 must be up.
    let mut wide: Vec<Part> = (0..1000)
        .map(|i| Part::component(&format!("n{i}"), "99.9"))
        .collect();
    let names: Vec<String> = (0..1000).map(|i| format!("n{i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    wide.push(Part::k_of_n("600 of 1000", 600, &names));
    let chain = Chain::new(&wide, "600 of 1000").expect("a valid chain");
    let (median, min, max, answer) = time(|| chain.availability().expect("exact").percent());
    println!(
        "600 of 1 000 components of 99.9%: exact availability in {median:.1} ms (min {min:.1}, max {max:.1}), {} digits",
        answer.len()
    );
    let (median, _, _, worst) = time(|| {
        Chain::new(&parts, "estate")
            .expect("valid")
            .worst_case()
            .percent()
    });
    println!("estate, contractual worst case: {worst}% in {median:.1} ms");
    whole_request();
    simulated(&parts, &chain_of(&parts));
}

/// The estate as the JavaScript function takes it, through the API: reading 1 000 parts, every part's
/// figure, the worst case, the shares and the verdict (the request bench/chain.mjs sends in Chromium).
fn whole_request() {
    let mut parts = vec![
        r#"{"name":"dns","availability":"100"}"#.to_string(),
        r#"{"name":"sign-in","availability":"99.99"}"#.to_string(),
    ];
    let mut services = Vec::new();
    for s in 0..142 {
        for lb in ["lb a", "lb b"] {
            parts.push(format!(r#"{{"name":"{lb} {s}","availability":"99.95"}}"#));
        }
        for a in 1..=4 {
            parts.push(format!(
                r#"{{"name":"app {a} {s}","availability":"99.{}"}}"#,
                5 + a
            ));
        }
        parts.push(format!(r#"{{"name":"db {s}","availability":"99.995"}}"#));
        parts.push(format!(
            r#"{{"name":"lb {s}","parallel":["lb a {s}","lb b {s}"]}}"#
        ));
        parts.push(format!(
            r#"{{"name":"apps {s}","need":3,"of":["app 1 {s}","app 2 {s}","app 3 {s}","app 4 {s}"]}}"#
        ));
        parts.push(format!(
            r#"{{"name":"service {s}","series":["dns","sign-in","lb {s}","apps {s}","db {s}"]}}"#
        ));
        services.push(format!(r#""service {s}""#));
    }
    parts.push(format!(
        r#"{{"name":"estate","series":[{}]}}"#,
        services.join(",")
    ));
    let json = format!(r#"{{"parts":[{}],"target":"99"}}"#, parts.join(","));
    let request = Value::parse_json(&json).expect("a request");
    let (median, min, max, answer) = time(|| {
        let r = slacalc::api::chain(&request, &slacalc::api::NoZones).expect("worked out");
        r.availability.exact
    });
    println!(
        "estate through the API (every part's figure, worst case, shares, verdict), natively: {median:.1} ms (min {min:.1}, max {max:.1}), {} digits",
        answer.len()
    );
}

fn chain_of(parts: &[Part]) -> Chain {
    Chain::new(parts, "estate").expect("a valid chain")
}

/// The estate's money over contract years: every component failing as often as its availability
/// allows, with outages of median 30 min and 90th percentile 4 h; each load balancer a provider paid
/// 100 a month for 10% below 99.95%; the customer paid 1 000 000 a month, 10% below 99%.
fn simulated(parts: &[Part], chain: &Chain) {
    let text = |s: &str| Value::Text(s.to_string());
    let flat = |target: &str| {
        CreditSchedule::from_value(&Value::Map(vec![
            ("target".into(), text(target)),
            ("flat".into(), text("10")),
        ]))
        .expect("a schedule")
    };
    let shape = Model::log_normal(1.0, 1_800, 14_400).expect("a model");
    let month = 2_629_746.0;
    let mut models = Vec::new();
    let mut contracts = Vec::new();
    for p in parts {
        let (model, contract) = match &p.kind {
            slacalc::chain::Kind::Component(a) => {
                let up: f64 = a.parse::<f64>().expect("a percentage") / 100.0;
                let mut m = shape.clone();
                m.incidents_per_month = -up.ln() * month / m.mean_duration();
                let contract = p.name.starts_with("lb ").then(|| Contract {
                    schedule: flat("99.95"),
                    fee: 100 * 1_000_000,
                });
                ((m.incidents_per_month > 0.0).then_some(m), contract)
            }
            _ => (None, None),
        };
        models.push(model);
        contracts.push(contract);
    }
    let b2b = BackToBack {
        customer: flat("99"),
        charges: 1_000_000 * 1_000_000,
        models,
        contracts,
    };
    let years = 1_000;
    let (median, min, max, answer) = time(|| {
        let m = simulate_money(chain, &b2b, years, 1).expect("simulated");
        format!(
            "{} years, up {:.4}% (closed form {:.4}%), net exposure {:.0} a year",
            m.years,
            m.simulated_availability * 100.0,
            m.closed_form_availability.unwrap_or(f64::NAN) * 100.0,
            m.net.mean as f64 / 1e6
        )
    });
    println!(
        "estate of 1 000 components, money back to back over {years} contract years (284 providers): {median:.1} ms (min {min:.1}, max {max:.1}): {answer}"
    );
    println!("BENCH chain_simulated_1000_ms={median:.1}");
}
