//! `cargo bench --bench chain`: the exact availability of service chains of 1 000 components, natively.
//! Prints figures; it never fails on timing. The median of several runs is reported.

use std::time::Instant;

use slacalc::chain::{Chain, Part};

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
}
