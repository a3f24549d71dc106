//! The TypeScript declarations the WASM boundary puts into the modules' `.d.ts` are written from the Rust
//! types: `wasm/src/api.d.ts` must be what `slacalc::api::typescript()` writes. After changing an API
//! type, `UPDATE_TYPES=1 cargo test --test typescript` writes it again.

#[test]
fn the_declarations_are_written_from_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/wasm/src/api.d.ts");
    let wanted = format!(
        "// Written by `UPDATE_TYPES=1 cargo test --test typescript` from the types of slacalc::api.\n{}",
        slacalc::api::typescript()
    );
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(path, &wanted).unwrap();
    }
    let found = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        found == wanted,
        "wasm/src/api.d.ts is out of date: run UPDATE_TYPES=1 cargo test --test typescript"
    );
}
