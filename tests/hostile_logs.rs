//! Hostile outage logs: random rows, good and bad, with notes that hold quotes, delimiters and line
//! breaks, joined by any mix of line endings and read in random pieces. Every row is accounted for:
//! rows in = outages + problems, and the good ones are the outages.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use slacalc::outage::{parse_csv, LogReader};
use slacalc::zone::Zone;

#[derive(Clone, Debug)]
struct Row {
    good: bool,
    text: String,
}

/// A note as a log's author might write it: quoted when it holds what a CSV field cannot hold bare.
fn note() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "disk",
            " ",
            ",",
            ";",
            "\"",
            "\n",
            "\r\n",
            "\r",
            "é",
            "12:00",
            "2026-03-02 09:00",
        ]),
        0..6,
    )
    .prop_map(|parts| {
        let text: String = parts.concat();
        if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text
        }
    })
}

fn row() -> impl Strategy<Value = Row> {
    (
        0u32..28,
        0u32..24,
        1u32..300,
        prop::bool::weighted(0.8),
        note(),
    )
        .prop_map(|(day, hour, minutes, good, note)| {
            let start = format!("2026-03-{:02} {:02}:00", day + 1, hour);
            let end = if good {
                format!("PT{minutes}M")
            } else {
                "whenever".to_string()
            };
            Row {
                good,
                text: format!("{start},{end},{note}"),
            }
        })
}

fn ending() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["\n", "\r\n", "\r"])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn every_row_is_an_outage_or_a_problem(
        rows in prop::collection::vec((row(), ending()), 0..40),
        bom in any::<bool>(),
        last in any::<bool>(),
        cuts in prop::collection::vec(0usize..4000, 0..6),
    ) {
        let mut text = String::from(if bom { "\u{feff}start,duration,note" } else { "start,duration,note" });
        for (i, (r, e)) in rows.iter().enumerate() {
            text.push_str(e);
            text.push_str(&r.text);
            if i + 1 == rows.len() && last {
                text.push_str(e);
            }
        }
        let whole = parse_csv(&text, &Zone::utc()).unwrap();
        prop_assert_eq!(whole.outages.len() + whole.problems.len(), rows.len(), "{:?}", text);
        prop_assert_eq!(whole.outages.len(), rows.iter().filter(|r| r.0.good).count(), "{:?}", text);
        // Read in pieces cut anywhere, the same.
        let mut at: Vec<usize> = cuts.iter().map(|c| c % (text.len() + 1)).filter(|c| text.is_char_boundary(*c)).collect();
        at.sort_unstable();
        let mut reader = LogReader::new(&Zone::utc());
        let mut from = 0;
        for c in at.into_iter().chain([text.len()]) {
            reader.push(&text[from..c]).unwrap();
            from = c;
        }
        prop_assert_eq!(reader.finish().unwrap(), whole);
    }
}

/// Files people and programs write: every one is read without losing or inventing a row.
#[test]
fn odd_files_lose_no_row() {
    let utc = Zone::utc();
    let count = |text: &str| parse_csv(text, &utc).map(|l| (l.outages.len(), l.problems.len()));
    // A header only, blank lines only, one row without an ending.
    assert_eq!(count("start,end\r\n"), Ok((0, 0)));
    assert_eq!(count("start,end\r\n\r\n\n\r"), Ok((0, 0)));
    assert_eq!(
        count("start,end\r2026-03-02 09:00,2026-03-02 10:00"),
        Ok((1, 0))
    );
    // Duplicate headers: the first of each kind is read.
    assert_eq!(
        count("start,end,start\n2026-03-02 09:00,2026-03-02 10:00,x\n"),
        Ok((1, 0))
    );
    // 10 000 columns, and a line of 1 MB.
    let wide = format!(
        "start,end{}\n2026-03-02 09:00,2026-03-02 10:00{}\n",
        ",x".repeat(10_000),
        ",1".repeat(10_000)
    );
    assert_eq!(count(&wide), Ok((1, 0)));
    let long = format!("start,end,note\n2026-03-02 09:00,2026-03-02 10:00,{}\n2026-03-03 09:00,2026-03-03 10:00,\n", "n".repeat(1 << 20));
    assert_eq!(count(&long), Ok((2, 0)));
    // Empty and binary files are refused as a whole, with the reason.
    assert!(parse_csv("", &utc)
        .unwrap_err()
        .to_string()
        .contains("empty"));
    assert!(parse_csv("start,end\n\0\0", &utc)
        .unwrap_err()
        .to_string()
        .contains("binary"));
}

/// A quote inside a field (not at its start) is a character like any other, also when a piece of the
/// log ends just before it: the line break after it ends the record. (Found by the fuzz test.)
#[test]
fn a_quote_within_a_field_is_plain_text_whichever_way_the_log_is_cut() {
    let utc = Zone::utc();
    let text = "start,end,note\n2026-03-02 09:00,2026-03-02 10:00,disk \"two\n2026-03-03 09:00,2026-03-03 10:00,\"\n";
    let whole = parse_csv(text, &utc).unwrap();
    // The two rows are read; the second's note is a lone quote opening nothing (an unclosed quoted field).
    assert_eq!(whole.outages.len() + whole.problems.len(), 2);
    assert_eq!(whole.text(whole.outages[0].note), "disk \"two");
    for cut in 0..=text.len() {
        let mut reader = LogReader::new(&utc);
        reader.push(&text[..cut]).unwrap();
        reader.push(&text[cut..]).unwrap();
        let log = reader.finish().unwrap();
        assert_eq!(
            (log.outages.len(), log.problems.len()),
            (whole.outages.len(), whole.problems.len()),
            "cut at {cut}"
        );
        assert_eq!(log.text(log.outages[0].note), "disk \"two", "cut at {cut}");
    }
}
