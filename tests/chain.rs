//! Service chains: the published figures of composite availability, hand-worked shared dependencies,
//! and every small chain against a count of all its components' states.

use proptest::prelude::*;
use slacalc::chain::{k_of, Chain, Exact, Kind, Part};

fn pct(text: &str) -> Exact {
    Exact::from_percent(text).unwrap()
}

/// `exact` (a percentage with every decimal) rounded half up to `decimals`, as published figures are.
fn rounded(exact: &str, decimals: usize) -> String {
    let (whole, fraction) = exact.split_once('.').unwrap_or((exact, ""));
    let fraction = format!("{fraction:0<width$}", width = decimals + 1);
    let digits = format!("{whole}{}", &fraction[..decimals + 1]);
    let cut = digits.len() - 1;
    let mut n: u128 = digits[..cut].parse().unwrap();
    if digits.as_bytes()[cut] >= b'5' {
        n += 1;
    }
    let s = n.to_string();
    let (w, f) = s.split_at(s.len() - decimals);
    format!("{w}.{f}")
}

#[test]
fn azure_series_and_fallback_figures() {
    // Azure's docs: a web app (99.95%) and a database (99.99%) in series, 99.94%.
    let chain = Chain::new(
        &[
            Part::component("App Service", "99.95"),
            Part::component("SQL Database", "99.99"),
            Part::series("app", &["App Service", "SQL Database"]),
        ],
        "app",
    )
    .unwrap();
    let a = chain.availability().unwrap().percent();
    assert_eq!(a, "99.940005");
    assert_eq!(rounded(&a, 2), "99.94");

    // The database or a queue (99.9%) suffices: 1 - 0.0001 x 0.001; the web app in series with that pair.
    let chain = Chain::new(
        &[
            Part::component("web app", "99.95"),
            Part::component("database", "99.99"),
            Part::component("queue", "99.9"),
            Part::parallel("storage", &["database", "queue"]),
            Part::series("app", &["web app", "storage"]),
        ],
        "app",
    )
    .unwrap();
    assert_eq!(k_of(1, &[pct("99.99"), pct("99.9")]).percent(), "99.99999");
    // 0.9995 x 0.9999999 = 0.99949990005: Azure writes "about 99.95%". (99.949995% is what a queue of
    // 99.95% would give: 0.9995 x 0.99999995.)
    let a = chain.availability().unwrap().percent();
    assert_eq!(a, "99.949990005");
    assert_eq!(rounded(&a, 2), "99.95");
}

#[test]
fn regions_and_redundant_parts() {
    let regions = |n: usize| {
        let names: Vec<String> = (1..=n).map(|i| format!("region {i}")).collect();
        let mut parts: Vec<Part> = names.iter().map(|r| Part::component(r, "99.95")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        parts.push(Part::parallel("regions", &refs));
        Chain::new(&parts, "regions")
            .unwrap()
            .availability()
            .unwrap()
            .percent()
    };
    assert_eq!(regions(2), "99.999975"); // 1 - 0.0005^2
    assert_eq!(regions(4), "99.99999999999375"); // 1 - 0.0005^4
                                                 // AWS, "Availability and Beyond": two redundant parts of 99% give 99.99%.
    let pair = Chain::new(
        &[
            Part::component("a", "99"),
            Part::component("b", "99"),
            Part::parallel("pair", &["a", "b"]),
        ],
        "pair",
    )
    .unwrap();
    assert_eq!(pair.availability().unwrap().percent(), "99.99");
}

#[test]
fn the_reliable_web_app_in_one_and_two_regions() {
    // Azure's reliable web app pattern: Front Door (99.99%), Entra ID (99.99%) and DNS (100%) are shared,
    // outside the regions; one region, as published, is 99.546%.
    let chain = |region: &str| {
        Chain::new(
            &[
                Part::component("Front Door", "99.99"),
                Part::component("Entra ID", "99.99"),
                Part::component("DNS", "100"),
                Part::component("region 1", region),
                Part::component("region 2", region),
                Part::parallel("regions", &["region 1", "region 2"]),
                Part::series("shared", &["Front Door", "Entra ID", "DNS"]),
                Part::series("web app", &["shared", "regions"]),
            ],
            "web app",
        )
        .unwrap()
    };
    // The published figure: 99.98% x (1 - (1 - 0.99546)^2) = 99.9779%. It counts Front Door and Entra ID
    // twice, as the 99.546% of a region already holds them.
    let published = chain("99.546").availability().unwrap().percent();
    assert_eq!(published, "99.9779402522113884"); // 0.99980001 x 0.9999793884
    assert_eq!(rounded(&published, 4), "99.9779");
    // With the regions' own components only (99.56578%), counted once: 99.97812%.
    let once = chain("99.56578").availability().unwrap().percent();
    assert_eq!(rounded(&once, 5), "99.97812");
    assert_eq!(once, "99.97811590699116209916"); // 0.99980001 x (1 - 0.0043422^2)
}

#[test]
fn a_shared_dependency_is_counted_once() {
    // Two paths, each an app server and the one database they share: the database is multiplied once.
    // P = 0.999 x (1 - (1 - 0.99)^2) = 0.999 x 0.9999 = 0.9989001, where multiplying the database into each
    // path would give 1 - (1 - 0.99 x 0.999)^2 = 0.99987922 (too high).
    let chain = Chain::new(
        &[
            Part::component("db", "99.9"),
            Part::component("app 1", "99"),
            Part::component("app 2", "99"),
            Part::series("path 1", &["app 1", "db"]),
            Part::series("path 2", &["app 2", "db"]),
            Part::parallel("service", &["path 1", "path 2"]),
        ],
        "service",
    )
    .unwrap();
    assert_eq!(chain.availability().unwrap().percent(), "99.89001");
    // A shared group of its own components is one component: a load balancer pair used by both paths.
    let chain = Chain::new(
        &[
            Part::component("lb a", "99"),
            Part::component("lb b", "99"),
            Part::parallel("lb", &["lb a", "lb b"]),
            Part::component("app 1", "90"),
            Part::component("app 2", "90"),
            Part::series("path 1", &["lb", "app 1"]),
            Part::series("path 2", &["lb", "app 2"]),
            Part::parallel("service", &["path 1", "path 2"]),
        ],
        "service",
    )
    .unwrap();
    // 0.9999 x (1 - 0.1^2) = 0.9999 x 0.99 = 0.989901
    assert_eq!(chain.availability().unwrap().percent(), "98.9901");
}

#[test]
fn worst_case_and_the_extra_nine() {
    // Downtimes add in series; a pair is down as long as its better part, k of n as badly as it can.
    let parts = [
        Part::component("a", "99.41"),
        Part::component("b", "99.71"),
        Part::component("c", "99"),
        Part::component("d", "98"),
        Part::component("e", "97"),
        Part::series("ab", &["a", "b"]),
        Part::parallel("cd", &["c", "d"]),
        Part::k_of_n("2 of cde", 2, &["c", "d", "e"]),
    ];
    let worst = |root: &str| Chain::new(&parts, root).unwrap().worst_case().percent();
    assert_eq!(worst("ab"), "99.12");
    assert_eq!(worst("cd"), "99");
    // Two of c, d, e are down at once for as long as t with min(1, t) + min(2, t) + min(3, t) >= 2t (in
    // percent): t = 3, all three outages laid over each other.
    assert_eq!(worst("2 of cde"), "97");
    // Down when 2 of three parts of 0.5% each are down: 1.5% / 2 = 0.75% of the time at worst.
    let even = [
        Part::component("x", "99.5"),
        Part::component("y", "99.5"),
        Part::component("z", "99.5"),
        Part::k_of_n("2 of 3", 2, &["x", "y", "z"]),
    ];
    assert_eq!(
        Chain::new(&even, "2 of 3").unwrap().worst_case().percent(),
        "99.25"
    );
    // A part needed twice in series is down once: a, then a and b, is down 0.59% + 0.29% at worst.
    let twice = [
        Part::component("a", "99.41"),
        Part::component("b", "99.71"),
        Part::series("inner", &["a", "b"]),
        Part::series("outer", &["a", "inner"]),
    ];
    assert_eq!(
        Chain::new(&twice, "outer").unwrap().worst_case().percent(),
        "99.12"
    );
    assert_eq!(
        Chain::new(&twice, "outer")
            .unwrap()
            .availability()
            .unwrap()
            .percent(),
        "99.121711"
    );
    // For a service of 97%, each component may be down a tenth of 3%: b (0.29%) may, a (0.59%) may not.
    let chain = Chain::new(&parts, "ab").unwrap();
    assert_eq!(
        chain.extra_nine(&pct("97")).unwrap(),
        vec![("a", false), ("b", true)]
    );
    assert_eq!(
        chain.extra_nine(&pct("99")).unwrap(),
        vec![("a", false), ("b", false)]
    );
}

#[test]
fn bad_chains_name_the_part() {
    let err = |parts: &[Part], root: &str| Chain::new(parts, root).unwrap_err().to_string();
    let a = Part::component("a", "99");
    let b = Part::component("b", "99");
    assert_eq!(
        err(&[a.clone(), Part::series("s", &["a", "s"])], "s"),
        "input.s: it depends on itself: s → s"
    );
    assert_eq!(
        err(
            &[
                Part::series("x", &["y"]),
                Part::series("y", &["z"]),
                Part::series("z", &["x"])
            ],
            "x"
        ),
        "input.x: it depends on itself: x → y → z → x"
    );
    assert_eq!(err(&[Part::parallel("p", &["a"]), a.clone()], "p"),
        "input.p: a redundant group of one part is no redundancy: put the part in series or add another");
    assert_eq!(
        err(
            &[a.clone(), b.clone(), Part::k_of_n("k", 3, &["a", "b"])],
            "k"
        ),
        "input.k: 3 of 2 cannot be: k must be from 1 to the 2 parts of the group"
    );
    assert_eq!(
        err(&[a.clone(), a.clone()], "a"),
        "input.a: this name is given to two parts"
    );
    assert_eq!(
        err(&[a.clone(), Part::series("s", &["a", "a"])], "s"),
        "input.s: it uses \"a\" twice"
    );
    assert_eq!(
        err(&[Part::component("c", "abc")], "c"),
        "input.c: availability \"abc\" is not a percentage such as 99.95"
    );
    assert_eq!(
        err(&[Part::component("c", "100.5")], "c"),
        "input.c: availability \"100.5\" is more than 100%"
    );
    assert_eq!(
        err(&[a], "service"),
        "input.service: the service is not one of the parts defined"
    );
}

/// A small random chain: components, then groups over the parts before them (so no loops), the last part
/// the service; parts may be used by several groups.
fn small_chain() -> impl Strategy<Value = Vec<Part>> {
    let components = prop::collection::vec((0u32..=10_000, 0u32..4), 1..7);
    let groups = prop::collection::vec(
        (
            0u8..4,
            prop::collection::vec(any::<prop::sample::Index>(), 2..5),
            1usize..4,
        ),
        1..5,
    );
    (components, groups).prop_map(|(components, groups)| {
        let mut parts: Vec<Part> = components
            .iter()
            .enumerate()
            .map(|(i, &(a, decimals))| {
                // An availability from 0 to 100 with up to four decimals.
                let text = format!("{}.{:04}", a / 100, (a % 100) * 100 + decimals);
                let text = if a == 10_000 { "100".to_string() } else { text };
                Part::component(&format!("c{i}"), &text)
            })
            .collect();
        for (g, (kind, picks, k)) in groups.into_iter().enumerate() {
            let mut of: Vec<String> = Vec::new();
            for p in picks {
                let name = parts[p.index(parts.len())].name.clone();
                if !of.contains(&name) {
                    of.push(name);
                }
            }
            let kind = match kind {
                0 => Kind::Series(of),
                1 if of.len() >= 2 => Kind::Parallel(of),
                1 => Kind::Series(of),
                // A failover switching 0.01 times a month for 2 629.746 s: 0.001% of the time.
                3 if of.len() >= 2 => Kind::Failover {
                    of,
                    switch_millis: 2_629_746,
                    switches_micros: 10_000,
                },
                3 => Kind::Series(of),
                _ => {
                    let k = k.min(of.len());
                    Kind::KOfN(k, of)
                }
            };
            parts.push(Part {
                name: format!("g{g}"),
                kind,
            });
        }
        parts
    })
}

/// Whether part `name` is up with the components in `up`.
fn is_up(parts: &[Part], name: &str, up: &dyn Fn(&str) -> bool) -> bool {
    let part = parts.iter().find(|p| p.name == name).unwrap();
    let count = |of: &[String]| of.iter().filter(|c| is_up(parts, c, up)).count();
    match &part.kind {
        Kind::Component(_) => up(name),
        Kind::Series(of) => count(of) == of.len(),
        Kind::Parallel(of) => count(of) >= 1,
        Kind::KOfN(k, of) => count(of) >= *k,
        // Up while one of its parts is and it is not switching over (a component of its own).
        Kind::Failover { of, .. } => count(of) >= 1 && up(&format!("{name}, switch-overs")),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// The exact figure equals the sum, over every state of every component, of that state's probability
    /// where the service is up; and the worst case is never above it.
    #[test]
    fn availability_is_the_sum_over_every_state(parts in small_chain()) {
        let service = parts.last().unwrap().name.clone();
        let chain = Chain::new(&parts, &service).unwrap();
        let components: Vec<(String, Exact)> = parts
            .iter()
            .filter_map(|p| match &p.kind {
                Kind::Component(a) => Some((p.name.clone(), pct(a))),
                Kind::Failover { .. } => Some((format!("{}, switch-overs", p.name), pct("99.999"))),
                _ => None,
            })
            .collect();
        let mut total = Exact::zero();
        for state in 0u32..(1 << components.len()) {
            let up = |name: &str| {
                let i = components.iter().position(|c| c.0 == name).unwrap();
                state & (1 << i) != 0
            };
            if is_up(&parts, &service, &up) {
                let p = components.iter().enumerate().fold(Exact::one(), |p, (i, (_, a))| {
                    p.times(&if state & (1 << i) != 0 { a.clone() } else { a.complement() })
                });
                total = total.plus(&p);
            }
        }
        let exact = chain.availability().unwrap();
        prop_assert_eq!(exact.percent(), total.percent());
        // Every part's figure, worked out bottom up where its parts share nothing, is its own availability.
        let all = chain.availabilities().unwrap();
        for (p, a) in parts.iter().zip(&all) {
            prop_assert_eq!(a.percent(), chain.availability_of(&p.name).unwrap().unwrap().percent(), "{}", p.name);
        }
        prop_assert!(chain.worst_case() <= exact, "{} above {}", chain.worst_case().percent(), exact.percent());
    }
}

#[test]
fn promises_for_the_internal_teams() {
    // "What must each team promise so that we can offer 99.95%?" on Azure (99.95% for the app, 99.99% for
    // the database): the providers already take 0.06% of the 0.05% the service may lose.
    let parts = [
        Part::component("App Service", "99.95"),
        Part::component("SQL Database", "99.99"),
        Part::component("DBA team", "99.9"),
        Part::component("network team", "99.9"),
        Part::component("spare a", "99"),
        Part::component("spare b", "99"),
        Part::parallel("spares", &["spare a", "spare b"]),
        Part::series(
            "service",
            &["App Service", "SQL Database", "DBA team", "network team"],
        ),
        Part::series("with spares", &["service", "spares"]),
    ];
    let chain = Chain::new(&parts, "service").unwrap();
    let teams = [("DBA team", 1), ("network team", 1)];
    assert_eq!(
        chain.promises(&pct("99.95"), &teams).unwrap_err().to_string(),
        "input.service: App Service, SQL Database may be down 0.06% of the time at worst, and the service only 0.05%: no promise of DBA team, network team can meet 99.95%"
    );
    // For 99.9%: 0.1% - 0.06% = 0.04% left, 0.02% each: 99.98%. Thirds by weight 1:2: 0.013333...% rounds
    // down (the promise up) at the sixth decimal, 0.026666...% too.
    let p = chain.promises(&pct("99.9"), &teams).unwrap();
    assert_eq!(
        (p[0].1.percent(), p[1].1.percent()),
        ("99.98".to_string(), "99.98".to_string())
    );
    let p = chain
        .promises(&pct("99.9"), &[("DBA team", 1), ("network team", 2)])
        .unwrap();
    assert_eq!(
        (p[0].1.percent(), p[1].1.percent()),
        ("99.986667".to_string(), "99.973334".to_string())
    );
    // Met at worst with those promises, to the sixth decimal.
    let promised = [
        Part::component("App Service", "99.95"),
        Part::component("SQL Database", "99.99"),
        Part::component("DBA team", "99.986667"),
        Part::component("network team", "99.973334"),
        Part::series(
            "service",
            &["App Service", "SQL Database", "DBA team", "network team"],
        ),
    ];
    let worst = Chain::new(&promised, "service").unwrap().worst_case();
    assert!(worst >= pct("99.9"), "{}", worst.percent());
    assert_eq!(worst.percent(), "99.900001");
    // Inside a redundant group a promise does not follow from the service's alone.
    let chain = Chain::new(&parts, "with spares").unwrap();
    assert_eq!(
        chain.promises(&pct("99"), &[("spare a", 1)]).unwrap_err().to_string(),
        "input.spare a: its promise can be worked out only for a component the service needs in series, not inside a redundant group"
    );
}

#[test]
fn hostile_chains_are_refused_in_good_time() {
    // Groups nested 250 deep: refused before any figure is worked out part inside part.
    let mut parts = vec![Part::component("c", "99")];
    for i in 0..250 {
        let inner = if i == 0 {
            "c".to_string()
        } else {
            format!("g{}", i - 1)
        };
        parts.push(Part::series(&format!("g{i}"), &[&inner]));
    }
    let e = Chain::new(&parts, "g249").unwrap_err();
    assert!(
        e.to_string().contains("more than the 200 a chain may hold"),
        "{e}"
    );
    // Forty components each shared by two redundant paths: 2^40 outcomes, refused as too large.
    let mut parts = Vec::new();
    let mut paths = Vec::new();
    for i in 0..40 {
        parts.push(Part::component(&format!("shared {i}"), "99.9"));
        parts.push(Part::component(&format!("a {i}"), "99"));
        parts.push(Part::component(&format!("b {i}"), "99"));
        parts.push(Part::series(
            &format!("pa {i}"),
            &[&format!("a {i}"), &format!("shared {i}")],
        ));
        parts.push(Part::series(
            &format!("pb {i}"),
            &[&format!("b {i}"), &format!("shared {i}")],
        ));
        paths.push(format!("pa {i}"));
        paths.push(format!("pb {i}"));
    }
    let half = paths.len() / 2;
    let left: Vec<&str> = paths[..half].iter().map(String::as_str).collect();
    let right: Vec<&str> = paths[half..].iter().map(String::as_str).collect();
    parts.push(Part::k_of_n("left", 10, &left));
    parts.push(Part::k_of_n("right", 10, &right));
    parts.push(Part::parallel("service", &["left", "right"]));
    let e = Chain::new(&parts, "service")
        .unwrap()
        .availability()
        .unwrap_err();
    assert_eq!(e.code(), "too_large", "{e}");
    // A lattice of groups each using the two before it, 60 deep: each part is worked out once, not once
    // per path (2^60 of them). Only the two components count: 0.99 x 0.999, at worst 1% + 0.1% or 0.1%.
    for (kind, exact, worst) in [("series", "98.901", "98.9"), ("parallel", "99.999", "99.9")] {
        let mut parts = vec![Part::component("g0", "99"), Part::component("g1", "99.9")];
        for i in 2..60 {
            let (a, b) = (format!("g{}", i - 1), format!("g{}", i - 2));
            let name = format!("g{i}");
            parts.push(if kind == "series" {
                Part::series(&name, &[&a, &b])
            } else {
                Part::parallel(&name, &[&a, &b])
            });
        }
        let chain = Chain::new(&parts, "g59").unwrap();
        assert_eq!(chain.worst_case().percent(), worst, "{kind}");
        assert_eq!(chain.availability().unwrap().percent(), exact, "{kind}");
        assert_eq!(
            chain.budget_shares(&pct("90")).map(|s| s.len()),
            Some(if kind == "series" { 2 } else { 1 })
        );
    }
    // A flat chain of 4 000 components in series is worked out whole, with each part's own figure.
    let mut parts: Vec<Part> = (0..4000)
        .map(|i| Part::component(&format!("c{i}"), "99.999"))
        .collect();
    let names: Vec<String> = (0..4000).map(|i| format!("c{i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    parts.push(Part::series("all", &names));
    let chain = Chain::new(&parts, "all").unwrap();
    let figures = chain.availabilities().unwrap();
    assert_eq!(figures.len(), 4001);
    // 0.99999^4000, cut to 4 decimals: 96.0789%.
    assert_eq!(figures[4000].percent_down(4), "96.0789");
}
