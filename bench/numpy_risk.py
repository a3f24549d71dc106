"""The same simulation in numpy, vectorised: 100 000 contract years of the AWS region-level tiers, monthly,
Poisson incidents (2 a month) lasting a log-normal time (median 30 min, 90% within 4 h). Median of 5, or
with `once [YEARS]` one timed run (ms and the mean credits); more than 100 000 years are drawn in chunks of
100 000, as a numpy user keeps memory in bounds (a million years at once would hold 24 million durations)."""
import sys
import time

import numpy as np

YEARS, MONTHS = 100_000, 12
MONTH = 2_629_746
CHARGES = 10_000.0
MU, SIGMA = np.log(1800), np.log(14_400 / 1800) / 1.2815515655446004


CHUNK = 100_000


def run(seed, years=YEARS):
    rng = np.random.default_rng(seed)
    yearly = np.concatenate([chunk(rng, min(CHUNK, years - start)) for start in range(0, years, CHUNK)])
    return yearly.mean(), np.percentile(yearly, [50, 90, 99])


def chunk(rng, years):
    """The yearly credits of `years` simulated contract years."""
    counts = rng.poisson(2.0, size=years * MONTHS)
    durations = np.rint(np.exp(rng.normal(MU, SIGMA, size=counts.sum()))).clip(1, MONTH)
    period = np.repeat(np.arange(years * MONTHS), counts)
    down = np.minimum(np.bincount(period, weights=durations, minlength=years * MONTHS), MONTH)
    attainment = 100.0 * (MONTH - down) / MONTH
    credit = np.select([attainment < 95.0, attainment < 99.0, attainment < 99.99], [1.0, 0.3, 0.1], 0.0) * CHARGES
    return credit.reshape(years, MONTHS).sum(axis=1)


if __name__ == "__main__" and sys.argv[1:2] == ["once"]:
    # One timed run for an interleaved comparison (bench/risk.mjs): ms and the mean credits.
    years = int(sys.argv[2]) if len(sys.argv) > 2 else YEARS
    t = time.perf_counter()
    mean, _ = run(7, years)
    print(f"{(time.perf_counter() - t) * 1000:.1f} {mean:.2f}")
    sys.exit()

times = []
for i in range(5):
    t = time.perf_counter()
    mean, pct = run(i)
    times.append((time.perf_counter() - t) * 1000)
ms = sorted(times)[2]
print(f"numpy {np.__version__}: {YEARS} contract years in {ms:.0f} ms (median of 5); mean credits {mean:.2f} a year, P50/P90/P99 {pct.round(0)}")
print(f"NUMPY_MS={ms:.0f}")
