"""A help desk's ticket export measured by slacalc and by pandas, interleaved.

The work is what slacalc does for the figures of the benchmark's SLA (bench/peers-rs/src/bin/tickets.rs):
read the export (a line per change of state or group, bench/make-tickets.mjs); each ticket opens at its
first change and is resolved at its change into Resolved; its resolution clock is paused while On hold,
a pause counting only its part within the counted hours; business time is counted round the clock for
P1 and on Mon-Fri 08:00-18:00 UTC for P2 to P4 (goals 4, 8, 24 and 40 h). Per priority and month of the
resolution: tickets, how many met the goal, and the business time to resolve at the median, the 90th
percentile (nearest rank) and the worst.

pandas does it as a competent analyst would: the pyarrow CSV engine, timestamps as int64 seconds, one
sort, numpy's busday_count for the office hours (a cumulative count of business seconds, so that the
business time between two instants is a difference), groupby sums for the pauses, and one lexsort for
the percentiles. slacalc computes more on the way (groups, first contact, experience, the ticket list);
its time includes all of that.

Before anything is timed, pandas's figures must equal slacalc's (`tickets FILE --figures`) exactly.

Usage: tickets_peer.py check FILE SLACALC_BINARY | once FILE
"""
import json
import subprocess
import sys
import time

import numpy as np
import pandas as pd

GOALS = {"P1": 4 * 3600, "P2": 8 * 3600, "P3": 24 * 3600, "P4": 40 * 3600}
OPEN, CLOSE = 8 * 3600, 18 * 3600
EPOCH = np.datetime64("1970-01-01", "D")


def office_seconds(t):
    """Business seconds on Mon-Fri 08:00-18:00 UTC from the epoch to each instant `t` (int64 seconds)."""
    days = t // 86400
    dates = EPOCH + days.astype("timedelta64[D]")
    before = np.busday_count(EPOCH, dates).astype(np.int64)
    within = np.clip(t - days * 86400 - OPEN, 0, CLOSE - OPEN) * np.is_busday(dates)
    return before * (CLOSE - OPEN) + within


def figures(path):
    df = pd.read_csv(path, engine="pyarrow")
    # pyarrow reads the ISO instants as timestamps already; as int64 seconds from here on.
    t = pd.to_datetime(df["time"], utc=True).dt.tz_localize(None).to_numpy(dtype="datetime64[s]").astype(np.int64)
    ticket, ids = pd.factorize(df["number"], sort=False)
    n = len(ids)
    opened = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(opened, ticket, t)
    first = df["priority"].notna().to_numpy()
    priority = np.empty(n, dtype=object)
    priority[ticket[first]] = df["priority"].to_numpy()[first]
    # The changes of state of each ticket in order, and the instant of the next one.
    state = df["state"].str.strip().str.lower().to_numpy(dtype=object)
    has = df["state"].notna().to_numpy()
    k, s, st = ticket[has], t[has], state[has]
    order = np.lexsort((s, k))
    k, s, st = k[order], s[order], st[order]
    nxt = np.append(s[1:], 0)
    last = np.append(k[1:] != k[:-1], True)
    resolved_at = np.zeros(n, dtype=np.int64)
    done = st == "resolved"
    resolved_at[k[done]] = s[done]
    # Pauses: from a change into On hold to the next change (or the resolution).
    pause = st == "on hold"
    ends = np.where(last, resolved_at[k], nxt)
    p_k, p_s, p_e = k[pause], s[pause], np.maximum(ends[pause], s[pause])
    office = np.isin(priority, ["P2", "P3", "P4"])
    in_office = office[p_k]
    paused = np.zeros(n, dtype=np.int64)
    length = np.where(in_office, office_seconds(p_e) - office_seconds(p_s), p_e - p_s)
    np.add.at(paused, p_k, length)
    resolved = resolved_at > 0
    business = np.where(office, office_seconds(resolved_at) - office_seconds(opened), resolved_at - opened) - paused
    goal = pd.Series(priority).map(GOALS).to_numpy(dtype=np.int64)
    month = resolved_at.astype("datetime64[s]").astype("datetime64[M]").astype(str)
    frame = pd.DataFrame({"priority": priority, "month": month, "business": business, "met": business <= goal})[resolved]
    frame = frame.sort_values(["priority", "month", "business"], kind="stable")
    groups = frame.groupby(["priority", "month"], sort=True)
    counts = groups.size().to_numpy()
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    values = frame["business"].to_numpy()
    rank = lambda q: values[starts + np.clip(np.ceil(q * counts).astype(np.int64), 1, counts) - 1]
    out = pd.DataFrame({"tickets": counts, "met": groups["met"].sum().to_numpy(), "p50": rank(0.5), "p90": rank(0.9), "worst": values[starts + counts - 1]}, index=groups.size().index)
    return out


def check(path, binary):
    ours = figures(path)
    theirs = json.loads(subprocess.run([binary, path, "--figures"], check=True, capture_output=True, text=True).stdout)
    want = {(r["priority"], r["month"]): (r["tickets"], r["met"], int(r["p50"]), int(r["p90"]), int(r["worst"])) for r in theirs}
    got = {key: tuple(int(x) for x in row) for key, row in zip(ours.index, ours.itertuples(index=False))}
    if got != want:
        wrong = [(k, got.get(k), want.get(k)) for k in sorted(set(got) | set(want)) if got.get(k) != want.get(k)][:5]
        sys.exit(f"pandas and slacalc differ on {path}: {wrong}")
    print(f"pandas matches slacalc on {path}: {len(want)} priority-months, {sum(v[0] for v in want.values())} resolutions")


def main():
    if sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "once":
        start = time.perf_counter()
        figures(sys.argv[2])
        print(f"{(time.perf_counter() - start) * 1e3:.1f}")


if __name__ == "__main__":
    main()
