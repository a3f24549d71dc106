//! The README's snippets come from the scenarios in `examples/`: each code block marked
//! `<!-- example: function/name ... -->` must use the requests of those scenarios, and every figure it
//! claims (`b.allowedDowntime; // "43 min 49.746 s"`, `{ availability: "99.817472", ... }`) must be the
//! one the scenario's response holds. The command line's output in the README is checked by
//! `cli/tests/readme.rs`.

use std::path::Path;

use serde_json::Value as Json;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Each marked block of the README: the scenarios named, and the block's text.
pub fn marked_blocks(readme: &str) -> Vec<(Vec<String>, String)> {
    let mut blocks = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        let Some(names) = line
            .strip_prefix("<!-- example: ")
            .and_then(|r| r.strip_suffix(" -->"))
        else {
            continue;
        };
        let fence = lines.next().unwrap_or_default();
        assert!(fence.starts_with("```"), "a code block must follow {line}");
        let body: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .collect();
        blocks.push((
            names.split_whitespace().map(str::to_string).collect(),
            body.join("\n"),
        ));
    }
    blocks
}

fn scenario(name: &str) -> Json {
    let path = root().join("examples").join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// The claims of a block: `name: value` pairs from `x.name; // value` lines and from `{ name: value, ... }`
/// objects, each value as written (a quoted string, a number, true or false).
fn claims(block: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for line in block.lines() {
        let line = line.trim();
        if let Some((code, comment)) = line.split_once("// ") {
            if let Some(name) = code
                .trim()
                .strip_suffix(';')
                .and_then(|c| c.rsplit('.').next())
            {
                if let Some(value) = quoted(comment.trim()) {
                    found.push((name.to_string(), value));
                    continue;
                }
            }
        }
        // An object shown as a result: a comment or a line of output, not a request.
        if let Some(object) = line.strip_prefix("// {").or(line.strip_prefix('{')) {
            for pair in object.split(", ") {
                let Some((name, value)) = pair.split_once(": ") else {
                    continue;
                };
                let name = name.trim().trim_matches('"');
                let value = value.trim().trim_end_matches(" }").trim_end_matches(',');
                if !name.chars().all(|c| c.is_ascii_alphanumeric()) || value == "..." {
                    continue;
                }
                found.push((name.to_string(), value.to_string()));
            }
        }
    }
    found
}

/// The leading quoted string of a comment, quotes kept: `"2629.746" (exact, a decimal string)`.
fn quoted(comment: &str) -> Option<String> {
    let rest = comment.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(format!("\"{}\"", &rest[..end]))
}

/// Whether `written` (as in the README) is `value`; a string ending in `...` is a prefix.
fn same(written: &str, value: &Json) -> bool {
    match (
        written.strip_prefix('"').and_then(|w| w.strip_suffix('"')),
        value,
    ) {
        (Some(w), Json::String(s)) => match w.strip_suffix(" ...").or(w.strip_suffix("...")) {
            Some(prefix) => s.starts_with(prefix),
            None => s == w,
        },
        (None, Json::Number(n)) => written.parse::<f64>().ok() == n.as_f64(),
        (None, Json::Bool(b)) => written == b.to_string(),
        _ => false,
    }
}

#[test]
fn the_readme_snippets_are_the_examples() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let blocks = marked_blocks(&readme);
    assert!(
        blocks.len() >= 4,
        "the README's marked snippets: {}",
        blocks.len()
    );
    let mut checked = 0;
    for (names, block) in blocks {
        let scenarios: Vec<Json> = names.iter().map(|n| scenario(n)).collect();
        // The requests: every value a scenario asks with appears in the block.
        for (name, s) in names.iter().zip(&scenarios) {
            let request = s["request"].as_object().unwrap();
            for (key, value) in request {
                let text = match value {
                    Json::String(t) => t.clone(),
                    Json::Number(n) => n.to_string(),
                    _ => continue,
                };
                let spellings = [text.clone(), text.replace("PT1H20M", "1 h 20 min")];
                assert!(
                    spellings.iter().any(|t| block.contains(t.as_str())),
                    "{name}: the README's snippet does not ask with {key} = {text}:\n{block}"
                );
            }
        }
        // The figures: each claim is what one of the scenarios' responses holds.
        for (name, written) in claims(&block) {
            let holds = scenarios.iter().any(|s| {
                let r = &s["response"];
                [&r[&name], &r["error"][&name]]
                    .iter()
                    .any(|v| same(&written, v))
            });
            assert!(
                holds,
                "the README claims {name} = {written}, which no scenario of {names:?} gives"
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "figures checked: {checked}");
}
