"""The same log in pandas: read_csv, then merged intervals and downtime per month and per week on 24x7
(planned maintenance and partial impact ignored: a lower bound of the work slacalc does). Median of 3."""
import sys
import time

import numpy as np
import pandas as pd


def run(path):
    df = pd.read_csv(path)
    start = pd.to_datetime(df["start"], utc=True).astype("int64") // 10**9
    end = pd.to_datetime(df["end"], utc=True).astype("int64") // 10**9
    order = np.argsort(start.to_numpy(), kind="stable")
    s, e = start.to_numpy()[order], end.to_numpy()[order]
    # Merge overlapping intervals: a new run starts where the start passes the running maximum end.
    running = np.maximum.accumulate(e)
    new = np.empty(len(s), dtype=bool)
    new[0] = True
    new[1:] = s[1:] > running[:-1]
    run_id = np.cumsum(new) - 1
    ms = pd.Series(s).groupby(run_id).min().to_numpy()
    me = pd.Series(running).groupby(run_id).max().to_numpy()
    results = {}
    for freq in ("MS", "W-MON"):
        edges = pd.date_range("2025-12-29", "2027-01-05", freq=freq, tz="UTC").astype("int64") // 10**9
        down = np.zeros(len(edges) - 1)
        for i in range(len(edges) - 1):
            a, b = edges[i], edges[i + 1]
            down[i] = np.clip(np.minimum(me, b) - np.maximum(ms, a), 0, None).sum()
        results[freq] = 1 - down / np.diff(edges)
    return len(df), results


times = []
for _ in range(3):
    t = time.perf_counter()
    rows, _ = run(sys.argv[1])
    times.append(time.perf_counter() - t)
times.sort()
print(f"pandas {pd.__version__}, 24x7 (monthly and weekly only): {rows} outages in {times[1] * 1000:.0f} ms (median of 3)")
print(f"PANDAS_MS={times[1] * 1000:.0f}")
