"""A help desk's ticket export measured by slacalc and by pandas, interleaved.

The work is what slacalc does for the figures of the benchmark's SLA (bench/peers-rs/src/bin/tickets.rs):
read the export (a line per change of state or group, bench/make-tickets.mjs); each ticket opens at its
first change and is resolved at its change into Resolved; its resolution clock is paused while On hold,
a pause counting only its part within the counted hours; business time is counted round the clock for
P1 and on Mon-Fri 08:00-18:00 UTC for P2 to P4 (goals 4, 8, 24 and 40 h). Per priority and month of the
resolution: tickets, how many met the goal, and the business time to resolve at the median, the 90th
percentile (nearest rank) and the worst.

pandas does it as a competent analyst would: the pyarrow CSV engine with Arrow-backed columns, timestamps
as int64 seconds, priorities as categorical codes, states compared in Arrow, one lexsort of the changes,
numpy's busday_count for the office hours (a cumulative count of business seconds, so that the business
time between two instants is a difference), bincount for the pauses, and one lexsort with reduceat for
the counts and nearest ranks per priority and month. slacalc computes more on the way (groups, first contact, experience, the ticket list);
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

PRIORITIES = ["P1", "P2", "P3", "P4"]
GOAL_SECONDS = np.array([4 * 3600, 8 * 3600, 24 * 3600, 40 * 3600])
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
    df = pd.read_csv(path, engine="pyarrow", dtype_backend="pyarrow")
    # pyarrow reads the ISO instants as timestamps already; as int64 seconds from here on.
    per_second = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}[df["time"].dtype.pyarrow_dtype.unit]
    t = df["time"].astype("int64[pyarrow]").to_numpy() // per_second
    ticket, ids = pd.factorize(df["number"], sort=False)
    n = len(ids)
    # A ticket opens at its first change; its priority is on its first line.
    opened = pd.Series(t).groupby(ticket, sort=True).min().to_numpy()
    has_priority = df["priority"].notna().to_numpy()
    codes = pd.Categorical(df["priority"].to_numpy()[has_priority], categories=PRIORITIES).codes
    priority = np.full(n, -1, dtype=np.int8)
    priority[ticket[has_priority]] = codes
    # The changes of state of each ticket in order, and the instant of the next one.
    state = df["state"].str.strip().str.lower()
    has = df["state"].notna().to_numpy()
    hold = (state == "on hold").fillna(False).to_numpy(dtype=bool)[has]
    done = (state == "resolved").fillna(False).to_numpy(dtype=bool)[has]
    k, s = ticket[has], t[has]
    order = np.lexsort((s, k))
    k, s, hold, done = k[order], s[order], hold[order], done[order]
    nxt = np.append(s[1:], 0)
    last = np.append(k[1:] != k[:-1], True)
    resolved_at = np.zeros(n, dtype=np.int64)
    resolved_at[k[done]] = s[done]
    # Pauses: from a change into On hold to the next change (or the resolution).
    ends = np.where(last, resolved_at[k], nxt)
    p_k, p_s = k[hold], s[hold]
    p_e = np.maximum(ends[hold], p_s)
    office = priority >= 1  # P2 to P4 count Mon-Fri 08:00-18:00; P1 round the clock
    length = np.where(office[p_k], office_seconds(p_e) - office_seconds(p_s), p_e - p_s)
    paused = np.bincount(p_k, weights=length, minlength=n).astype(np.int64)
    resolved = resolved_at > 0
    business = np.where(office, office_seconds(resolved_at) - office_seconds(opened), resolved_at - opened) - paused
    met = business <= GOAL_SECONDS[priority]
    month = resolved_at.astype("datetime64[s]").astype("datetime64[M]").astype(np.int64)
    # Per priority and month: one lexsort, then counts, sums and nearest ranks by group.
    pr, mo, bu, me = priority[resolved], month[resolved], business[resolved], met[resolved]
    order = np.lexsort((bu, mo, pr))
    pr, mo, bu, me = pr[order], mo[order], bu[order], me[order]
    key = pr.astype(np.int64) * 100_000 + mo
    starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    counts = np.diff(np.append(starts, len(key)))
    rank = lambda q: bu[starts + np.clip(np.ceil(q * counts).astype(np.int64), 1, counts) - 1]
    labels = [(PRIORITIES[p], str(np.datetime64(int(m), "M"))) for p, m in zip(pr[starts], mo[starts])]
    return pd.DataFrame(
        {"tickets": counts, "met": np.add.reduceat(me.astype(np.int64), starts), "p50": rank(0.5), "p90": rank(0.9), "worst": bu[starts + counts - 1]},
        index=pd.MultiIndex.from_tuples(labels, names=["priority", "month"]),
    )


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
