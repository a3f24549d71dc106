//! Natural numbers of any size, for exact decimals of any length: the few operations service chains use
//! (add, subtract, multiply, divide, powers of ten, decimal text), on 32-bit limbs, least significant
//! first. Small on purpose: a chain's numbers have a few thousand digits at most, where schoolbook
//! arithmetic is quick.

use std::cmp::Ordering;

/// A natural number: limbs of 32 bits, least significant first, with no zero limb at the top.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Natural(Vec<u32>);

const BILLION: u64 = 1_000_000_000;

impl Natural {
    /// `n`.
    pub(super) fn from_u64(n: u64) -> Natural {
        Natural(vec![n as u32, (n >> 32) as u32]).normalized()
    }

    fn normalized(mut self) -> Natural {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        self
    }

    /// Whether it is 0.
    pub(super) fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// 10^k.
    pub(super) fn pow10(k: u32) -> Natural {
        Natural::from_u64(1).times_pow10(k)
    }

    /// This x 10^k.
    pub(super) fn times_pow10(&self, k: u32) -> Natural {
        let mut n = self.clone();
        for _ in 0..k / 9 {
            n = n.times_small(BILLION);
        }
        n.times_small(10u64.pow(k % 9))
    }

    /// This plus `other`.
    pub(super) fn plus(&self, other: &Natural) -> Natural {
        let (long, short) = if self.0.len() >= other.0.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut out = Vec::with_capacity(long.0.len() + 1);
        let mut carry = 0u64;
        for (i, &a) in long.0.iter().enumerate() {
            let sum = u64::from(a) + u64::from(short.0.get(i).copied().unwrap_or(0)) + carry;
            out.push(sum as u32);
            carry = sum >> 32;
        }
        out.push(carry as u32);
        Natural(out).normalized()
    }

    /// This less `other`, or 0 when `other` is larger.
    pub(super) fn minus(&self, other: &Natural) -> Natural {
        if *other >= *self {
            return Natural::default();
        }
        let mut out = Vec::with_capacity(self.0.len());
        let mut borrow = 0i64;
        for (i, &a) in self.0.iter().enumerate() {
            let mut d = i64::from(a) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(d < 0);
            if d < 0 {
                d += 1 << 32;
            }
            out.push(d as u32);
        }
        Natural(out).normalized()
    }

    /// This times `other`.
    pub(super) fn times(&self, other: &Natural) -> Natural {
        if self.is_zero() || other.is_zero() {
            return Natural::default();
        }
        let mut out = vec![0u32; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in other.0.iter().enumerate() {
                let t = u64::from(a) * u64::from(b) + u64::from(out[i + j]) + carry;
                out[i + j] = t as u32;
                carry = t >> 32;
            }
            out[i + other.0.len()] = carry as u32;
        }
        Natural(out).normalized()
    }

    /// Adds `x` times `y` to this, in place.
    pub(super) fn add_product(&mut self, x: &Natural, y: &Natural) {
        if x.is_zero() || y.is_zero() {
            return;
        }
        let len = (x.0.len() + y.0.len() + 1).max(self.0.len() + 1);
        self.0.resize(len, 0);
        for (j, &b) in y.0.iter().enumerate() {
            let mut carry = 0u64;
            for (i, &a) in x.0.iter().enumerate() {
                let t = u64::from(a) * u64::from(b) + u64::from(self.0[i + j]) + carry;
                self.0[i + j] = t as u32;
                carry = t >> 32;
            }
            let mut k = j + x.0.len();
            while carry != 0 {
                let t = u64::from(self.0[k]) + carry;
                self.0[k] = t as u32;
                carry = t >> 32;
                k += 1;
            }
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// This times `n`.
    pub(super) fn times_small(&self, n: u64) -> Natural {
        self.times(&Natural::from_u64(n))
    }

    /// This divided by `n` (not 0): the quotient, rounded down, and the remainder.
    pub(super) fn div_small(&self, n: u64) -> (Natural, u64) {
        let n = u128::from(n.max(1));
        let mut out = vec![0u32; self.0.len()];
        let mut rem = 0u128;
        for i in (0..self.0.len()).rev() {
            let cur = (rem << 32) | u128::from(self.0[i]);
            out[i] = (cur / n) as u32;
            rem = cur % n;
        }
        (Natural(out).normalized(), rem as u64)
    }

    /// This divided by 10^k, rounded down.
    pub(super) fn div_pow10(&self, k: u32) -> Natural {
        let mut n = self.clone();
        for _ in 0..k / 9 {
            n = n.div_small(BILLION).0;
        }
        n.div_small(10u64.pow(k % 9)).0
    }

    /// This divided by `other` (not 0), rounded down: bit by bit.
    pub(super) fn div_floor(&self, other: &Natural) -> Natural {
        if other.is_zero() || *self < *other {
            return Natural::default();
        }
        let bits = self.0.len() * 32;
        let mut quotient = vec![0u32; self.0.len()];
        let mut rem = Natural::default();
        for bit in (0..bits).rev() {
            rem = rem.plus(&rem);
            if self.0[bit / 32] >> (bit % 32) & 1 == 1 {
                rem = rem.plus(&Natural::from_u64(1));
            }
            if rem >= *other {
                rem = rem.minus(other);
                quotient[bit / 32] |= 1 << (bit % 32);
            }
        }
        Natural(quotient).normalized()
    }

    /// As a `u64`, or `u64::MAX` when larger.
    pub(super) fn to_u64(&self) -> u64 {
        match self.0.len() {
            0 => 0,
            1 => u64::from(self.0[0]),
            2 => u64::from(self.0[0]) | u64::from(self.0[1]) << 32,
            _ => u64::MAX,
        }
    }

    /// The number written in `digits` (ASCII digits only; `None` otherwise).
    pub(super) fn parse(digits: &str) -> Option<Natural> {
        let mut n = Natural::default();
        for chunk in digits.as_bytes().chunks(9) {
            let text = std::str::from_utf8(chunk).ok()?;
            if !text.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let value: u64 = text.parse().ok()?;
            n = n
                .times_small(10u64.pow(chunk.len() as u32))
                .plus(&Natural::from_u64(value));
        }
        Some(n)
    }
}

impl Ord for Natural {
    fn cmp(&self, other: &Natural) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

impl PartialOrd for Natural {
    fn partial_cmp(&self, other: &Natural) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for Natural {
    /// In decimal.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_zero() {
            return f.write_str("0");
        }
        // Nine digits at a time, from the least significant.
        let mut chunks = Vec::new();
        let mut n = self.clone();
        while !n.is_zero() {
            let (q, r) = n.div_small(BILLION);
            chunks.push(r);
            n = q;
        }
        let mut out = chunks.pop().unwrap_or(0).to_string();
        for c in chunks.iter().rev() {
            out.push_str(&format!("{c:09}"));
        }
        f.write_str(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::Natural;

    fn n(text: &str) -> Natural {
        Natural::parse(text).unwrap()
    }

    /// Against u128 arithmetic, and around the limbs' edges.
    #[test]
    fn arithmetic_as_u128_does_it() {
        let values: [u128; 9] = [
            0,
            1,
            9,
            10,
            u32::MAX as u128,
            1 << 32,
            u64::MAX as u128,
            123_456_789_012_345_678,
            999_999_999_999,
        ];
        for &a in &values {
            for &b in &values {
                let (x, y) = (n(&a.to_string()), n(&b.to_string()));
                assert_eq!(x.plus(&y).to_string(), (a + b).to_string());
                assert_eq!(x.minus(&y).to_string(), a.saturating_sub(b).to_string());
                if let Some(p) = a.checked_mul(b) {
                    assert_eq!(x.times(&y).to_string(), p.to_string());
                }
                if let Some(q) = a.checked_div(b) {
                    assert_eq!(x.div_floor(&y).to_string(), q.to_string());
                }
                assert_eq!(x.cmp(&y), a.cmp(&b));
                if let Some(p) = a.checked_mul(b).and_then(|p| p.checked_add(a)) {
                    let mut sum = x.clone();
                    sum.add_product(&x, &y);
                    assert_eq!(sum.to_string(), p.to_string());
                }
            }
            let x = n(&a.to_string());
            assert_eq!(x.div_small(7).0.to_string(), (a / 7).to_string());
            assert_eq!(x.div_small(7).1 as u128, a % 7);
            assert_eq!(x.div_pow10(3).to_string(), (a / 1000).to_string());
        }
        // 10^40 / 10^20 and (10^20 - 1)^2, past u128.
        assert_eq!(
            Natural::pow10(40)
                .div_floor(&Natural::pow10(20))
                .to_string(),
            format!("1{}", "0".repeat(20))
        );
        let nines = n(&"9".repeat(20));
        assert_eq!(
            nines.times(&nines).to_string(),
            format!("{}8{}1", "9".repeat(19), "0".repeat(19))
        );
        assert_eq!(
            Natural::pow10(25).times_small(3).to_string(),
            format!("3{}", "0".repeat(25))
        );
        assert_eq!(Natural::parse("12a"), None);
    }
}
