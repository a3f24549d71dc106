//! The TypeScript declarations the WASM boundary puts into the modules' `.d.ts` are written from the Rust
//! types: `wasm/src/api.d.ts` (both modules) and `wasm/src/analysis.d.ts` (the analysis module) must be
//! what `slacalc::api` writes. After changing an API
//! type, `UPDATE_TYPES=1 cargo test --test typescript` writes it again.

fn check(file: &str, declarations: String) {
    let path = format!("{}/wasm/src/{file}", env!("CARGO_MANIFEST_DIR"));
    let wanted = format!(
        "// Written by `UPDATE_TYPES=1 cargo test --test typescript` from the types of slacalc::api.\n{declarations}"
    );
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(&path, &wanted).unwrap();
    }
    let found = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        found == wanted,
        "wasm/src/{file} is out of date: run UPDATE_TYPES=1 cargo test --test typescript"
    );
}

#[test]
fn the_declarations_are_written_from_the_types() {
    check("api.d.ts", slacalc::api::typescript());
    check("analysis.d.ts", slacalc::api::typescript_analysis());
}

#[test]
fn no_result_is_declared_as_a_bigint() {
    // serde-wasm-bindgen writes Rust integers as JavaScript numbers: the declarations must say number.
    for text in [
        slacalc::api::typescript(),
        slacalc::api::typescript_analysis(),
    ] {
        assert!(!text.contains("bigint"), "{text}");
    }
}
