//! The service timeline: a calendar's rules expanded into sorted, disjoint intervals of service time,
//! answering how much service time lies between two instants and when an amount of it has passed.

/// Sorted, disjoint intervals, clipped to `[lo, hi)`.
pub(super) fn merge(mut intervals: Vec<(i64, i64)>, lo: i64, hi: i64) -> Vec<(i64, i64)> {
    intervals.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(intervals.len());
    for (a, b) in intervals {
        let (a, b) = (a.max(lo), b.min(hi));
        if a >= b {
            continue;
        }
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// `service` less `excluded`; both sorted and disjoint.
pub(super) fn subtract(service: &[(i64, i64)], excluded: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let mut out = Vec::with_capacity(service.len());
    let mut j = 0;
    for &(mut a, b) in service {
        while j < excluded.len() && excluded[j].1 <= a {
            j += 1;
        }
        let mut k = j;
        while k < excluded.len() && excluded[k].0 < b {
            if excluded[k].0 > a {
                out.push((a, excluded[k].0));
            }
            a = a.max(excluded[k].1);
            k += 1;
        }
        if a < b {
            out.push((a, b));
        }
    }
    out
}

/// Service intervals expanded once, answering "how much service time lies in [a, b)" and "when have N
/// seconds of service time passed" by binary search, in O(log n).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub(super) lo: i64,
    pub(super) hi: i64,
    pub(super) starts: Vec<i64>,
    pub(super) ends: Vec<i64>,
    /// Service seconds before each interval.
    pub(super) before: Vec<i64>,
    /// Service seconds up to the end of each interval.
    pub(super) after: Vec<i64>,
}

impl Schedule {
    pub(super) fn new(lo: i64, hi: i64, intervals: Vec<(i64, i64)>) -> Schedule {
        let mut before = Vec::with_capacity(intervals.len());
        let mut after = Vec::with_capacity(intervals.len());
        let mut total = 0;
        for (a, b) in &intervals {
            before.push(total);
            total += b - a;
            after.push(total);
        }
        let (starts, ends) = intervals.into_iter().unzip();
        Schedule {
            lo,
            hi,
            starts,
            ends,
            before,
            after,
        }
    }

    /// The instants the schedule covers: `[start, end)`.
    pub fn span(&self) -> (i64, i64) {
        (self.lo, self.hi)
    }

    /// The number of service intervals.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there is no service time at all.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// All service time in the schedule, in seconds.
    pub fn total_seconds(&self) -> i64 {
        self.cumulative(self.hi)
    }

    /// The service intervals, as instants.
    pub fn intervals(&self) -> impl Iterator<Item = (i64, i64)> + '_ {
        self.starts.iter().copied().zip(self.ends.iter().copied())
    }

    /// Service seconds before instant `t` (clamped to the span).
    pub(super) fn cumulative(&self, t: i64) -> i64 {
        let mut hint = 0;
        self.cumulative_from(t, &mut hint)
    }

    /// Service seconds before instant `t`, looking for `t`'s interval from `hint` on and leaving it there:
    /// read at instants in order, each read costs O(1) amortized.
    pub(crate) fn cumulative_from(&self, t: i64, hint: &mut usize) -> i64 {
        *hint = count_up_to(&self.starts, *hint, t);
        let i = *hint;
        if i == 0 {
            return 0;
        }
        self.before[i - 1] + t.min(self.ends[i - 1]) - self.starts[i - 1]
    }

    /// Service seconds in `[a, b)`; `None` when the interval is not inside the span.
    pub fn service_seconds(&self, a: i64, b: i64) -> Option<i64> {
        (self.lo <= a && a <= b && b <= self.hi).then(|| self.cumulative(b) - self.cumulative(a))
    }

    /// For each whole day (86 400 s) from the span's start, how many intervals start at or before it: a
    /// place to look for an instant from, so that [`Schedule::service_between`] and
    /// [`Schedule::add_service_from`] take a few steps instead of a search (tickets read it by the
    /// million).
    pub fn day_index(&self) -> Vec<u32> {
        let days = (self.hi - self.lo) / 86_400 + 1;
        let mut index = Vec::with_capacity(days as usize);
        let mut k = 0;
        for d in 0..days {
            let t = self.lo + d * 86_400;
            while k < self.starts.len() && self.starts[k] <= t {
                k += 1;
            }
            index.push(k as u32);
        }
        index
    }

    /// Where to look for instant `t` from, by `days` ([`Schedule::day_index`]).
    fn hint(&self, days: &[u32], t: i64) -> usize {
        let d = (t - self.lo).div_euclid(86_400);
        usize::try_from(d)
            .ok()
            .and_then(|d| days.get(d))
            .map_or(0, |&k| k as usize)
    }

    /// Service seconds in `[a, b)`, each clamped to the span, looked for from `days`
    /// ([`Schedule::day_index`]).
    pub fn service_between(&self, days: &[u32], a: i64, b: i64) -> i64 {
        let a = a.clamp(self.lo, self.hi);
        let b = b.clamp(self.lo, self.hi).max(a);
        let mut hint = self.hint(days, b);
        let to = self.cumulative_from(b, &mut hint);
        let mut hint = self.hint(days, a);
        to - self.cumulative_from(a, &mut hint)
    }

    /// [`Schedule::add_service`], looked for from `days` ([`Schedule::day_index`]; empty: from the first
    /// interval).
    pub fn add_service_from(&self, days: &[u32], a: i64, seconds: i64) -> Option<i64> {
        if a < self.lo || a > self.hi || seconds < 0 {
            return None;
        }
        if seconds == 0 {
            return Some(a);
        }
        let mut hint = self.hint(days, a);
        let target = self.cumulative_from(a, &mut hint) + seconds;
        // The first interval by whose end the target is reached: a few steps on, else a search.
        let mut k = hint.saturating_sub(1);
        for _ in 0..8 {
            match self.after.get(k) {
                Some(&after) if after < target => k += 1,
                Some(_) => return Some(self.starts[k] + target - self.before[k]),
                None => return None,
            }
        }
        let k = k + self.after[k..].partition_point(|&after| after < target);
        (k < self.starts.len()).then(|| self.starts[k] + target - self.before[k])
    }

    /// The instant at which `seconds` of service time have passed since `a`; `None` when `a` is outside the
    /// span or the span ends first.
    pub fn add_service(&self, a: i64, seconds: i64) -> Option<i64> {
        // Without a day index, looked for from the first interval.
        self.add_service_from(&[], a, seconds)
    }
}

/// The number of leading items of the sorted `items` that are at most `t`, looked for from `hint` on: a
/// few steps forward, then a binary search of the rest (a `hint` past `t` searches the whole).
pub(crate) fn count_up_to(items: &[i64], hint: usize, t: i64) -> usize {
    if hint > items.len() || (hint > 0 && items[hint - 1] > t) {
        return items.partition_point(|x| *x <= t);
    }
    let mut i = hint;
    for _ in 0..8 {
        if i < items.len() && items[i] <= t {
            i += 1;
        } else {
            return i;
        }
    }
    i + items[i..].partition_point(|x| *x <= t)
}
