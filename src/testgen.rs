//! Generated inputs for the unit tests that hold a fast reader to the slower one it replaced:
//! a fixed-seed xorshift, so every run reads the same strings.

pub struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Uniform enough in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Fewer than `most` pieces picked at random and joined.
    pub fn string(&mut self, pieces: &[&str], most: u64) -> String {
        let n = self.next() % most;
        (0..n).map(|_| pieces[self.below(pieces.len())]).collect()
    }
}
