//! A tiny deterministic generator (SplitMix64): the demo and the benchmarks must produce
//! the same register on every machine, so no OS randomness here.

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Picks by weight from `(item, weight)` pairs.
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut roll = self.below(total as usize) as u32;
        for (item, weight) in items {
            if roll < *weight {
                return item;
            }
            roll -= weight;
        }
        &items[items.len() - 1].0
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }
}

impl Rng {
    /// A ULID stamped with `at`, its random part from the generator: the same clock and
    /// seed give the same ids, and ids made for later times sort after earlier ones.
    pub fn ulid_at(&mut self, at: chrono::DateTime<chrono::FixedOffset>) -> String {
        let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
        let random = (u128::from(self.next_u64()) << 16) ^ u128::from(self.next_u64());
        ulid::Ulid::from_parts(millis, random).to_string()
    }
}
