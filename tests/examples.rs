//! The scenarios in `examples/<function>/*.json`: each holds a request as the JavaScript function of that
//! name takes it, what was worked out by hand about it (`checked`), and the whole response (or the error)
//! the API gives. The same files are run in the WASM in Node (`tests/js/examples.test.mjs`) and through the
//! command line (`cli/tests/examples.rs`). After a deliberate change of a response,
//! `UPDATE_EXAMPLES=1 cargo test --test examples` writes them again; review the diff.

use std::path::{Path, PathBuf};

use serde_json::{json, Value as Json};
use slacalc::api::{self, NoZones};
use slacalc::value::Value;
use slacalc::Error;

fn examples() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut found = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let function = dir.file_name().unwrap().to_string_lossy().into_owned();
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "json") {
                found.push((function.clone(), file));
            }
        }
    }
    found.sort();
    found
}

fn error_json(e: &Error) -> Json {
    let mut error =
        json!({ "code": e.code(), "field": e.field().name(), "message": e.to_string() });
    if let Some(part) = e.part() {
        error["part"] = json!(part);
    }
    json!({ "error": error })
}

fn respond<T: serde::Serialize>(r: Result<T, Error>) -> Json {
    match r {
        Ok(v) => serde_json::to_value(v).unwrap(),
        Err(e) => error_json(&e),
    }
}

/// What the API answers to `request` for the JavaScript function `function`.
fn answer(function: &str, request: &Value) -> Json {
    match function {
        "budget" => respond(api::budget(request, &NoZones)),
        "achieved" => respond(api::achieved(request, &NoZones)),
        "table" => respond(Ok(api::table())),
        "serviceTable" => respond(api::service_table(request, &NoZones)),
        "hoursText" => respond(api::hours_text(request)),
        "attainment" => respond(api::attainment(request, &NoZones)),
        "credits" => respond(api::credits(request)),
        "risk" => respond(api::risk(request, &NoZones)),
        "compareQuotes" => respond(api::compare_quotes(request, &NoZones)),
        "tickets" => respond(api::tickets(request, &NoZones)),
        "chain" => respond(api::chain(request, &NoZones)),
        other => panic!("no function {other}"),
    }
}

#[test]
fn every_example_gives_its_response() {
    let update = std::env::var_os("UPDATE_EXAMPLES").is_some();
    let examples = examples();
    assert!(examples.len() >= 46, "{} examples", examples.len());
    for (function, path) in examples {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut example: Json = serde_json::from_str(&text).unwrap();
        let request = Value::parse_json(&example["request"].to_string()).unwrap();
        let got = answer(&function, &request);
        if update {
            example["response"] = got;
            std::fs::write(
                &path,
                serde_json::to_string_pretty(&example).unwrap() + "\n",
            )
            .unwrap();
        } else {
            assert_eq!(got, example["response"], "{}", path.display());
        }
    }
}
