"""The exact availability of the 1 000-component estate of bench/chain.mjs in Python's fractions, as a
competent user would write it knowing the structure: the shared DNS and sign-in once, each service's pair of
load balancers (either one), three of four application servers and its database. Prints the time in ms
(median of the runs asked for) and every decimal of the percentage."""
import sys
import time
from fractions import Fraction


def pct(text):
    return Fraction(text) / 100


def three_of_four(a):
    # At least three of four up: all four, or exactly three (each of the four down in turn).
    total = a[0] * a[1] * a[2] * a[3]
    for down in range(4):
        term = 1 - a[down]
        for i in range(4):
            if i != down:
                term *= a[i]
        total += term
    return total


def estate():
    up = pct("100") * pct("99.99")
    lb = pct("99.95")
    apps = [pct(f"99.{5 + i}") for i in range(1, 5)]
    db = pct("99.995")
    for _ in range(142):
        up *= (1 - (1 - lb) * (1 - lb)) * three_of_four(apps) * db
    return up


def decimal_text(f):
    # The denominator is a power of ten: every decimal, as slacalc writes them.
    d = f.denominator
    k = 0
    while d % 10 == 0:
        d //= 10
        k += 1
    assert d == 1, "not a terminating decimal"
    digits = str(f.numerator * 100).rjust(k + 1, "0")
    whole, frac = digits[: len(digits) - k], digits[len(digits) - k :]
    return f"{whole}.{frac}".rstrip("0").rstrip(".")


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        a = estate()
        text = decimal_text(a)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"{times[len(times) // 2]:.2f} {text}")
