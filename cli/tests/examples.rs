//! Every scenario in `examples/` through the command line: `slacalc <command> --request FILE --json`
//! writes the response the API gives (checked natively by `tests/examples.rs`), and an error goes to
//! standard error as `{ code, field, part, message }` with exit code 1.

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value as Json};

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .args(args)
        .env("TZDIR", "/nonexistent")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn every_example_through_the_command_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let scratch = std::env::temp_dir().join(format!("slacalc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let mut count = 0;
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let function = dir.file_name().unwrap().to_string_lossy().into_owned();
        let command = match function.as_str() {
            "budget" => "budget",
            "achieved" => "achieved",
            "table" | "serviceTable" => "table",
            "hoursText" => "hours",
            "attainment" => "attainment",
            "credits" => "credits",
            "risk" => "risk",
            "compareQuotes" => "compare",
            "tickets" => "tickets",
            "chain" => "chain",
            // Functions the command line does not have yet are run natively and in the WASM.
            _ => continue,
        };
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            let example: Json =
                serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
            let request = match function.as_str() {
                "serviceTable" | "hoursText" => json!({ "calendar": example["request"] }),
                "table" => json!({}),
                _ => example["request"].clone(),
            };
            let path = scratch.join("request.json");
            std::fs::write(&path, request.to_string()).unwrap();
            let (code, out, err) = run(&[command, "--request", path.to_str().unwrap(), "--json"]);
            let expected = &example["response"];
            if let Some(error) = expected.get("error") {
                assert_eq!(code, 1, "{}: {err}", file.display());
                let got: Json = serde_json::from_str(err.trim()).unwrap();
                assert_eq!(&got, error, "{}", file.display());
            } else {
                assert_eq!(code, 0, "{}: {err}", file.display());
                let got: Json = serde_json::from_str(&out).unwrap();
                assert_eq!(&got, expected, "{}", file.display());
            }
            count += 1;
        }
    }
    std::fs::remove_dir_all(&scratch).ok();
    assert!(count >= 46, "{count} examples");
}

#[test]
fn options_for_people() {
    let (code, out, _) = run(&["budget", "--target", "99.9", "--period", "month"]);
    assert_eq!(code, 0);
    // 0.1% of 2 629 746 s.
    assert!(out.starts_with("99.9% over average Gregorian month (30.436875 days): 43 min 49.746 s of downtime allowed (2629.746 s)"), "{out}");
    let (code, out, _) = run(&[
        "achieved",
        "--downtime",
        "1 h 20 min",
        "--period",
        "2026-02",
        "--target",
        "99.9",
    ]);
    assert_eq!(code, 0);
    // 4 800 s of 2 419 200 s = 99.80158...%; 0.1% of February allows 2 419.2 s = 40 min 19.2 s.
    assert!(out.contains("99.801587% available (rounded down)"), "{out}");
    assert!(
        out.contains("target 99.9%: missed (40 min 19.2 s allowed)"),
        "{out}"
    );
    let (code, out, _) = run(&["table"]);
    assert_eq!(code, 0);
    assert!(out.contains("99.9%  1 min 26.4 s"), "{out}");
    let (code, out, _) = run(&["hours", "--hours", "Mon-Fri 09:00-17:00; Sat 09:00-17:00"]);
    assert_eq!((code, out.trim()), (0, "Mon-Sat 09:00-17:00"));
}

#[test]
fn bad_input_names_the_field_and_a_bad_command_line_says_how_to_use_it() {
    let (code, _, err) = run(&["budget", "--target", "abc", "--period", "month"]);
    assert_eq!(code, 1);
    assert_eq!(
        err.trim(),
        "slacalc: target \"abc\" is not a number: enter a percentage such as 99.9 (field: target, code: invalid_number)"
    );
    let (code, _, err) = run(&["budget", "--period", "month", "--json"]);
    assert_eq!(code, 1);
    let error: Json = serde_json::from_str(err.trim()).unwrap();
    assert_eq!(error["code"], "missing");
    assert_eq!(error["field"], "target");
    let (code, _, err) = run(&[
        "budget",
        "--target",
        "99",
        "--period",
        "month",
        "--zone",
        "Europe/Berlin",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("part: timeZone, code: unknown_time_zone"),
        "{err}"
    );
    let (code, _, err) = run(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown command \"frobnicate\"") && err.contains("usage: slacalc"),
        "{err}"
    );
    let (code, _, err) = run(&["budget", "--target"]);
    assert_eq!(code, 2);
    assert!(err.contains("--target needs a value"), "{err}");
}

#[test]
fn credits_and_risk_from_options() {
    let (code, out, err) = run(&[
        "credits",
        "--schedule",
        "aws-s3-standard",
        "--attainment",
        "99.5",
        "--charges",
        "2000",
        "--currency",
        "EUR",
    ]);
    assert_eq!(code, 0, "{err}");
    // S3 Standard credits 10% below 99.9% and at or above 99%: 10% of 2 000.
    assert!(
        out.ends_with("AWS S3 Standard: 200 EUR of 2 000 EUR charged (10.00%)\n"),
        "{out}"
    );
    let (code, out, err) = run(&[
        "risk",
        "--schedule",
        "example-per-hour",
        "--incidents",
        "2",
        "--median",
        "PT30M",
        "--p90",
        "PT2H",
        "--charges",
        "1000",
        "--years",
        "200",
        "--seed",
        "7",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let r: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(r["years"], 200);
    assert_eq!(r["yearlyCredits"].as_array().unwrap().len(), 200);
    // The closed form: 2 a month of a log-normal with median 1 800 s and P90 7 200 s.
    let mean = r["analytic"]["meanDowntimeSeconds"].as_f64().unwrap();
    assert!((mean - 6462.427884658722).abs() < 1e-6, "{mean}");
    let (code, _, err) = run(&["credits", "--schedule", "acme-gold", "--attainment", "99"]);
    assert_eq!(code, 2);
    assert!(err.contains("neither a preset's id"), "{err}");
    let (code, out, _) = run(&["presets"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("aws-s3-standard          AWS S3 Standard"),
        "{out}"
    );
}

#[test]
fn a_log_measured_from_a_file() {
    let dir = std::env::temp_dir().join(format!("slacalc-log-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("outages.csv");
    std::fs::write(
        &log,
        "start,end\n2026-03-10T10:00:00Z,2026-03-10T11:00:00Z\nyesterday,2026-03-11\n",
    )
    .unwrap();
    let (code, out, err) = run(&[
        "attainment",
        log.to_str().unwrap(),
        "--target",
        "99.9",
        "--span",
        "2026-Q1",
    ]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 0, "{err}");
    // March 2026: 1 - 3600/2678400 = 99.865591...%; Q1 (7 776 000 s) 99.953703...%.
    assert!(
        out.contains("month: 1 of 3 periods breached; worst Mar 2026 at 99.865591%"),
        "{out}"
    );
    assert!(
        out.contains("quarter: 0 of 1 period breached; worst Q1 2026 at 99.953703%"),
        "{out}"
    );
    assert!(
        out.contains("1 row not read:\n  line 3: the start \"yesterday\""),
        "{out}"
    );
}

#[test]
fn a_ticket_export_against_an_sla_file() {
    let dir = std::env::temp_dir().join(format!("slacalc-tickets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (export, sla) = (dir.join("tickets.csv"), dir.join("sla.json"));
    // ServiceNow's column names; INC2 has a priority without a goal, INC3 an instant that is not one.
    std::fs::write(
        &export,
        "number,priority,opened_at,resolved_at\n\
         INC1,P2,2026-03-06 16:30:00,2026-03-09 11:00:00\n\
         INC2,P7,2026-03-06 16:30:00,\n\
         INC3,P2,soon,\n\
         INC4,P2,2026-03-09 09:00:00,2026-03-10 09:30:00\n",
    )
    .unwrap();
    std::fs::write(
        &sla,
        r#"{ "goals": [{ "priority": "P2", "resolution": "PT4H", "calendar": { "hours": "Mon-Fri 09:00-17:00" } }], "attainment": "95" }"#,
    )
    .unwrap();
    let (code, out, err) = run(&[
        "tickets",
        export.to_str().unwrap(),
        "--sla",
        sla.to_str().unwrap(),
        "--as-of",
        "2026-03-31T00:00:00Z",
    ]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 0, "{err}");
    // INC1: 30 min on Friday and 2 h on Monday, met; INC4: Monday 09:00-17:00 and Tuesday 09:00-09:30,
    // 8 h 30 of 4 h, breached: 1 of 2 met.
    assert!(
        out.contains("Mar 2026 P2 resolution: 1 of 2 met (50.00%, target missed); P50 2 h 30 min, P90 8 h 30 min, worst 8 h 30 min"),
        "{out}"
    );
    assert!(
        out.contains("INC4 P2 resolution breached: 8 h 30 min of 4 h business time (212.50%), due 2026-03-09T13:00:00Z"),
        "{out}"
    );
    assert!(
        out.contains("not measured, line 3: the SLA has no goal for priority \"P7\""),
        "{out}"
    );
    assert!(
        out.contains("not measured, line 4: opened_at: \"soon\" is not an instant"),
        "{out}"
    );
}

#[test]
fn an_export_with_its_columns_named() {
    let dir = std::env::temp_dir().join(format!("slacalc-columns-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (export, sla) = (dir.join("tickets.csv"), dir.join("sla.json"));
    // The INC1 and INC4 of the test above, under headers no tool writes.
    std::fs::write(
        &export,
        "Ref,Urgency,Logged,Fixed\nINC1,P2,2026-03-06 16:30:00,2026-03-09 11:00:00\nINC4,P2,2026-03-09 09:00:00,2026-03-10 09:30:00\n",
    )
    .unwrap();
    std::fs::write(
        &sla,
        r#"{ "goals": [{ "priority": "P2", "resolution": "PT4H", "calendar": { "hours": "Mon-Fri 09:00-17:00" } }], "attainment": "95" }"#,
    )
    .unwrap();
    let (export, sla) = (export.to_str().unwrap(), sla.to_str().unwrap());
    let (code, out, err) = run(&[
        "tickets",
        export,
        "--sla",
        sla,
        "--as-of",
        "2026-03-31T00:00:00Z",
        "--columns",
        "id=Ref, priority=Urgency,opened=Logged,resolved=Fixed",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Mar 2026 P2 resolution: 1 of 2 met (50.00%, target missed); P50 2 h 30 min, P90 8 h 30 min, worst 8 h 30 min"),
        "{out}"
    );
    let (code, _, err) = run(&["tickets", export, "--sla", sla, "--columns", "id Ref"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--columns \"id Ref\": name each column as kind=header"),
        "{err}"
    );
    let (code, _, err) = run(&["tickets", export, "--sla", sla, "--columns", "id=Number"]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "the export has no column \"Number\"; its columns are Ref, Urgency, Logged, Fixed"
        ),
        "{err}"
    );
}

#[test]
fn zones_come_from_a_zoneinfo_folder() {
    if !Path::new("/usr/share/zoneinfo/Europe/Berlin").exists() {
        eprintln!("no /usr/share/zoneinfo here: skipped");
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .args([
            "budget",
            "--target",
            "99.5",
            "--period",
            "month",
            "--hours",
            "Mon-Fri 08:00-18:00",
            "--zone",
            "Europe/Berlin",
            "--json",
        ])
        .env("TZDIR", "/usr/share/zoneinfo")
        .output()
        .unwrap();
    assert!(out.status.success());
    let r: Json = serde_json::from_slice(&out.stdout).unwrap();
    // 50 h a week x 4.348125 typical weeks = 782 662.5 s; 0.5% = 3 913.3125 s.
    assert_eq!(r["service"]["allowedDowntimeSeconds"], "3913.3125");
    assert_eq!(
        r["service"]["summary"],
        "Mon-Fri 08:00-18:00 in Europe/Berlin"
    );
}
