//! A tiny deterministic number generator (a 64-bit LCG, PCG's multiplier):
//! the training shuffle, synthetic corpora and tests need the same numbers
//! from the same seed on every machine, and nothing more.

/// The generator; the same seed gives the same numbers everywhere.
pub struct Lcg(u64);

impl Lcg {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }

    /// A number in `[0, 1)`, with 53 bits drawn from two steps.
    pub fn unit(&mut self) -> f64 {
        let hi = self.below(1 << 27) as u64;
        let lo = self.below(1 << 26) as u64;
        ((hi << 26) | lo) as f64 / (1u64 << 53) as f64
    }

    /// A number in `0..n`, small ones far more often than large ones, as
    /// names recur in news.
    pub fn skewed(&mut self, n: usize) -> usize {
        let r = self.below(n.max(1));
        self.below(r + 1)
    }
}
