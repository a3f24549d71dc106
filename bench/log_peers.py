"""An outage log measured by slacalc and by the fairest peers, interleaved: pandas (pyarrow CSV engine),
polars and DuckDB each read the CSV, then numpy does the interval work as a competent analyst would.

The work is what slacalc does for the same figures, less its fortnights: every outage with its impact
and planned flag; overlapping outages merged, a moment counting at the highest impact of the unplanned
outages then, and not at all (neither service time nor downtime) when planned maintenance covers it;
the service time and weighted downtime of every ISO week (the weeks overlapping 2026 taken whole),
month, quarter and the year 2026, and the worst rolling 7, 28, 30 and 90-day windows within it, 24x7 in
UTC.

Before anything is timed, each peer's service time and downtime per week and month must equal
slacalc's (`logs --figures`) to a microsecond, and its worst rolling windows must have slacalc's
attainment. Then A, B, C, D, A, B, C, D ...: slacalc's native binary (`logs --once`, which reads the
file too) and each peer, each round, reading the file from the page cache. Prints medians with min and
max, and each peer's time over slacalc's.

Usage: log_peers.py LOG SLACALC_BINARY [ROUNDS] | check LOG SLACALC_BINARY | once LOG PEER
"""
import json
import subprocess
import sys
import time

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow

FULL = 1_000_000
# What slacalc reads as planned maintenance (case aside).
PLANNED = ["yes", "y", "true", "1", "planned", "maintenance", "scheduled"]
# Period edges, seconds since the epoch: the ISO weeks overlapping 2026, the months, quarters and year.
WEEKS = np.arange(np.datetime64("2025-12-29"), np.datetime64("2027-01-05"), 7).astype("datetime64[s]").astype(np.int64)
MONTHS = np.arange(np.datetime64("2026-01"), np.datetime64("2027-02"), dtype="datetime64[M]").astype("datetime64[s]").astype(np.int64)
QUARTERS = MONTHS[::3]
YEAR = MONTHS[[0, 12]]
ROLLING_DAYS = [7, 28, 30, 90]


def union(starts, ends):
    """The union of intervals [starts, ends) as sorted disjoint (starts, ends)."""
    if len(starts) == 0:
        return starts, ends
    order = np.argsort(starts, kind="stable")
    s, e = starts[order], ends[order]
    running = np.maximum.accumulate(e)
    new = np.empty(len(s), dtype=bool)
    new[0] = True
    new[1:] = s[1:] > running[:-1]
    first = np.flatnonzero(new)
    last = np.append(first[1:], len(s)) - 1
    return s[first], running[last]


def distinct(x):
    """Sorted distinct values (a sort and a comparison: numpy's own unique hashes, slower here)."""
    x = np.sort(x)
    return x[np.concatenate(([True], x[1:] != x[:-1]))] if len(x) else x


def covered(points, starts, ends):
    """Whether each point lies in the union given as sorted disjoint [starts, ends)."""
    if len(starts) == 0:
        return np.zeros(len(points), dtype=bool)
    k = np.searchsorted(starts, points, side="right") - 1
    return (k >= 0) & (points < ends[np.maximum(k, 0)])


def measure(start, end, impact, planned):
    """Service time and weighted downtime (seconds) per week, month, quarter and year."""
    keep = end > start
    start, end, impact, planned = start[keep], end[keep], impact[keep], planned[keep]
    ex_s, ex_e = union(start[planned], end[planned])
    down = ~planned
    # Weighted downtime by layers: the highest impact at a moment is the sum over the distinct impacts v
    # (ascending) of (v - previous v) x [an outage of impact >= v is active then].
    levels = distinct(impact[down])
    layers = [union(start[down & (impact >= v)], end[down & (impact >= v)]) for v in levels]
    weights = np.diff(np.concatenate(([0], levels))) / FULL
    # Elementary segments between every breakpoint; each is excluded, or down at a weight, or up.
    points = distinct(np.concatenate([ex_s, ex_e, *[x for layer in layers for x in layer]]))
    if len(points) < 2:
        points = np.array([0, 1])
    a, b = points[:-1], points[1:]
    excluded = covered(a, ex_s, ex_e)
    weight = np.zeros(len(a))
    for w, (ls, le) in zip(weights, layers):
        weight += w * covered(a, ls, le)
    weight[excluded] = 0.0
    # Cumulative excluded and weighted-down seconds at each breakpoint, read at any edge in O(log n).
    cum_ex = np.concatenate(([0], np.cumsum((b - a) * excluded)))
    cum_down = np.concatenate(([0.0], np.cumsum((b - a) * weight)))

    def at(t, cum, per_second):
        """The cumulative seconds at each instant of `t`: whole segments before it, then its part."""
        k = np.searchsorted(points, t, side="right") - 1
        j = np.clip(k, 0, len(a) - 1)
        part = cum[j] + (t - points[j]) * per_second[j]
        return np.where(k < 0, 0.0, np.where(k >= len(a), cum[-1], part))

    ex_rate = excluded.astype(np.float64)
    out = {}
    for name, edges in (("week", WEEKS), ("month", MONTHS), ("quarter", QUARTERS), ("year", YEAR)):
        ex = at(edges, cum_ex, ex_rate)
        dn = at(edges, cum_down, weight)
        out[name] = (edges[:-1], np.diff(edges) - np.diff(ex), np.diff(dn))
    # The worst rolling windows within the year: the ratio of downtime to service time is piecewise a
    # ratio of linear functions of the start, so its maximum is where the start or the end meets a
    # breakpoint (or at the span's ends). Starts at breakpoints read their own cumulative values.
    a0, b0 = YEAR
    for days in ROLLING_DAYS:
        length = days * 86_400
        inside = (points >= a0) & (points + length <= b0)
        s1 = points[inside]
        e_ex1, e_dn1 = at(s1 + length, cum_ex, ex_rate), at(s1 + length, cum_down, weight)
        s_ex1, s_dn1 = cum_ex[: len(points)][inside], cum_down[: len(points)][inside]
        inside = (points - length >= a0) & (points <= b0)
        e2 = points[inside]
        s_ex2, s_dn2 = at(e2 - length, cum_ex, ex_rate), at(e2 - length, cum_down, weight)
        e_ex2, e_dn2 = cum_ex[: len(points)][inside], cum_down[: len(points)][inside]
        ends = np.array([a0, b0 - length])
        s_ex3, s_dn3 = at(ends, cum_ex, ex_rate), at(ends, cum_down, weight)
        e_ex3, e_dn3 = at(ends + length, cum_ex, ex_rate), at(ends + length, cum_down, weight)
        service = length - np.concatenate([e_ex1 - s_ex1, e_ex2 - s_ex2, e_ex3 - s_ex3])
        down = np.concatenate([e_dn1 - s_dn1, e_dn2 - s_dn2, e_dn3 - s_dn3])
        ratio = np.where(service > 0, down / np.maximum(service, 1), -1.0)
        k = int(np.argmax(ratio))
        out[f"rolling {days}"] = (service[k], down[k])
    return out


def with_pandas(path):
    # Arrow reads the ISO 8601 times itself, and its string kernels do the rest (pandas' .str on pyarrow
    # columns): no Python loop, no object strings.
    df = pd.read_csv(path, engine="pyarrow", dtype_backend="pyarrow", parse_dates=["start", "end"])
    start = df["start"].dt.as_unit("s").astype("int64[pyarrow]").to_numpy()
    end = df["end"].dt.as_unit("s").astype("int64[pyarrow]").to_numpy()
    impact = np.full(len(df), FULL, dtype=np.int64)
    if "impact" in df:
        partial = df["impact"].str.endswith("%").to_numpy(dtype=bool)
        pct = df["impact"][partial].str.rstrip("%").astype("float64[pyarrow]").to_numpy()
        impact[partial] = np.round(pct * 10_000).astype(np.int64)
    planned = np.zeros(len(df), dtype=bool)
    if "planned" in df:
        planned = df["planned"].str.lower().isin(PLANNED).to_numpy(dtype=bool)
    return measure(start, end, impact, planned)


def with_polars(path):
    df = pl.read_csv(path, try_parse_dates=False)
    df = df.with_columns(
        *([] if "impact" in df.columns else [pl.lit("full").alias("impact")]),
        *([] if "planned" in df.columns else [pl.lit("no").alias("planned")]),
    ).select(
        pl.col("start").str.to_datetime("%Y-%m-%dT%H:%M:%SZ", time_zone="UTC").dt.epoch("s"),
        pl.col("end").str.to_datetime("%Y-%m-%dT%H:%M:%SZ", time_zone="UTC").dt.epoch("s"),
        pl.when(pl.col("impact").str.ends_with("%"))
        .then((pl.col("impact").str.strip_chars_end("%").cast(pl.Float64) * 10_000).round().cast(pl.Int64))
        .otherwise(FULL)
        .alias("impact"),
        pl.col("planned").str.to_lowercase().is_in(PLANNED).alias("planned"),
    )
    return measure(df["start"].to_numpy(), df["end"].to_numpy(), df["impact"].to_numpy(), df["planned"].to_numpy())


# One connection for the whole run, as a script would hold one.
DUCK = duckdb.connect()


def with_duckdb(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
    impact = "impact" if "impact" in header else "'full'"
    planned = "planned" if "planned" in header else "'no'"
    r = DUCK.execute(
        f"""
        SELECT epoch(strptime("start", '%Y-%m-%dT%H:%M:%SZ'))::BIGINT AS s,
               epoch(strptime("end", '%Y-%m-%dT%H:%M:%SZ'))::BIGINT AS e,
               CASE WHEN {impact} LIKE '%\\%' ESCAPE '\\' THEN round(rtrim({impact}, '%')::DOUBLE * 10000)::BIGINT ELSE 1000000 END AS i,
               lower({planned}) IN ('yes', 'y', 'true', '1', 'planned', 'maintenance', 'scheduled') AS p
        FROM read_csv(?, all_varchar = true)
        """,
        [path],
    ).fetchnumpy()
    return measure(r["s"], r["e"], r["i"], r["p"])


PEERS = {
    f"pandas {pd.__version__} (pyarrow {pyarrow.__version__} engine) + numpy": with_pandas,
    f"polars {pl.__version__} + numpy": with_polars,
    f"duckdb {duckdb.__version__} + numpy": with_duckdb,
}


def check(name, result, figures):
    """The peer's weeks and months against slacalc's (service to the second, downtime to a microsecond),
    and its worst rolling windows (the same attainment: a window tied with it may start elsewhere)."""
    for f in (f for f in figures if f["measure"] == "rolling"):
        service, down = result[f"rolling {f['days']}"]
        assert abs(down * f["service"] - f["down"] * service) <= 1e-6 * service * f["service"], f"{name}: worst {f['days']} days {down}/{service}, slacalc {f['down']}/{f['service']}"
    for measure_name in ("week", "month"):
        theirs = [f for f in figures if f["measure"] == measure_name]
        starts, service, down = result[measure_name]
        assert len(theirs) == len(starts), f"{name}: {len(starts)} {measure_name}s, slacalc {len(theirs)}"
        for f, s, sv, dn in zip(theirs, starts, service, down):
            assert f["start"] == s, f"{name}: {measure_name} at {s}, slacalc at {f['start']}"
            assert abs(f["service"] - sv) < 1e-6, f"{name}: {measure_name} {s} service {sv}, slacalc {f['service']}"
            assert abs(f["down"] - dn) < 1e-6, f"{name}: {measure_name} {s} downtime {dn}, slacalc {f['down']}"


def check_all(path, binary):
    """Every peer against the figures slacalc's native binary gives for the log at `path`."""
    figures = json.loads(subprocess.run([binary, path, "--figures"], check=True, capture_output=True, text=True).stdout)
    for name, peer in PEERS.items():
        check(name, peer(path), figures)


def main():
    """`check LOG BINARY`: every peer against slacalc's figures. `once LOG PEER`: one timed run of a
    peer (by the start of its name), in ms. `LOG BINARY [ROUNDS]`: both, interleaved with slacalc's
    native binary (bench/logs.mjs interleaves slacalc in Chromium too)."""
    if sys.argv[1] == "check":
        check_all(sys.argv[2], sys.argv[3])
        print(json.dumps(list(PEERS)))
        return
    if sys.argv[1] == "once":
        path, wanted = sys.argv[2], sys.argv[3]
        peer = next(p for name, p in PEERS.items() if name.startswith(wanted))
        t = time.perf_counter()
        peer(path)
        print(f"{(time.perf_counter() - t) * 1000:.1f}")
        return
    path, binary = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    check_all(path, binary)
    times = {"slacalc (native)": [], **{name: [] for name in PEERS}}
    for _ in range(rounds):
        times["slacalc (native)"].append(float(subprocess.run([binary, path, "--once"], check=True, capture_output=True, text=True).stdout))
        for name, peer in PEERS.items():
            t = time.perf_counter()
            peer(path)
            times[name].append((time.perf_counter() - t) * 1000)
    ours = np.median(times["slacalc (native)"])
    print(f"{path}: the same weeks, months and worst windows as slacalc (checked); {rounds} interleaved rounds, ms")
    for name, xs in times.items():
        ratio = "" if name.startswith("slacalc") else f"   peer / slacalc {np.median(xs) / ours:.2f}"
        print(f"  {name:58} median {np.median(xs):7.0f}  min {min(xs):7.0f}  max {max(xs):7.0f}{ratio}")


if __name__ == "__main__":
    main()
