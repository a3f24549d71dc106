//! The command line as the README shows it: every `$ slacalc ...` line in its shell blocks runs, exits
//! with 0, and prints what the README says it prints (a line ending in `...` is a prefix; a `{ ... }`
//! line lists entries of the JSON printed; `# text` after a command is its first line of output).
//! Commands that read a file the README only names (`outages.csv`, `quotes.json`) are left out.

use std::path::Path;
use std::process::Command;

use serde_json::Value as Json;

/// Splits a command line as a shell does for the README's commands: words, and "quoted words".
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let (mut quoted, mut any) = (false, false);
    for c in line.chars() {
        match c {
            '"' => (quoted, any) = (!quoted, true),
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                }
                any = false;
            }
            _ => (word.push(c), any = true).1,
        }
    }
    if any {
        out.push(word);
    }
    out
}

/// The commands of the README's shell blocks, each with the output lines shown after it.
fn commands(readme: &str) -> Vec<(String, Vec<String>)> {
    let mut found: Vec<(String, Vec<String>)> = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        if !in_sh {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ slacalc ") {
            let (command, shown) = match command.split_once("  # ") {
                Some((c, comment)) => (c.trim(), vec![comment.trim().to_string()]),
                None => (command.trim(), Vec::new()),
            };
            found.push((command.to_string(), shown));
        } else if let Some(last) = found.last_mut() {
            if !line.trim().is_empty() {
                last.1.push(line.to_string());
            }
        }
    }
    found
}

#[test]
fn the_readme_commands_print_what_it_shows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let mut ran = 0;
    for (command, shown) in commands(&readme) {
        let args = words(&command);
        if args
            .iter()
            .any(|a| a.ends_with(".csv") || a.ends_with(".json"))
        {
            continue;
        }
        // A zone is read from the system's time-zone database, which a machine may lack.
        let zone = args
            .iter()
            .position(|a| a == "--zone")
            .map(|i| &args[i + 1]);
        if zone.is_some_and(|z| !Path::new("/usr/share/zoneinfo").join(z).exists()) {
            continue;
        }
        let out = Command::new(env!("CARGO_BIN_EXE_slacalc"))
            .args(&args)
            .current_dir(&root)
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            out.status.success(),
            "slacalc {command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let lines: Vec<&str> = stdout.lines().collect();
        for (i, want) in shown.iter().enumerate() {
            if let Some(entries) = want.strip_prefix("{ ") {
                let json: Json = serde_json::from_str(&stdout).unwrap();
                for pair in entries.split(", ") {
                    let Some((name, value)) = pair.split_once(": ") else {
                        continue;
                    };
                    let got = &json[name.trim_matches('"')];
                    assert_eq!(
                        serde_json::from_str::<Json>(value.trim_end_matches(" }"))
                            .ok()
                            .as_ref(),
                        Some(got),
                        "slacalc {command}: {name}"
                    );
                }
                continue;
            }
            let got = lines.get(i).copied().unwrap_or_default();
            match want.strip_suffix("...") {
                Some(prefix) => assert!(
                    got.starts_with(prefix),
                    "slacalc {command}, line {}: {got:?} does not start with {prefix:?}",
                    i + 1
                ),
                None => assert_eq!(got, want, "slacalc {command}, line {}", i + 1),
            }
        }
        ran += 1;
    }
    assert!(ran >= 6, "commands run: {ran}");
}
