//! Mutation: a few stacked changes to a corpus entry. Besides the usual byte changes it
//! repeats a slice many times (deep nesting, long lists, long texts: what crashed the server
//! was `- ` three thousand times) and inserts tokens of the input's language.

/// xorshift64*: small, fast, and the same sequence for the same seed on every machine.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

const REPEATS: &[usize] = &[2, 3, 8, 64, 100, 500, 3000, 10_000];
const BYTES: &[u8] = b"\0\n\r\t \"'\\:-[]{},#&*!|>%=+\xff\xc3\xb8";

/// A new input from `base`: one to four changes, no longer than `max_len`.
pub fn mutate(
    rng: &mut Rng,
    base: &[u8],
    corpus: &[Vec<u8>],
    dict: &[&str],
    max_len: usize,
) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(9) {
            0 if !v.is_empty() => {
                let n = rng.below(v.len());
                v[n] ^= 1 << rng.below(8);
            }
            1 if !v.is_empty() => {
                let n = rng.below(v.len());
                v[n] = BYTES[rng.below(BYTES.len())];
            }
            2 if !v.is_empty() => {
                let from = rng.below(v.len());
                let len = 1 + rng.below(16);
                v.drain(from..(from + len).min(v.len()));
            }
            3 | 4 if !dict.is_empty() => {
                let tok = dict[rng.below(dict.len())].as_bytes();
                v.splice(at..at, tok.iter().copied());
            }
            5 | 6 if !v.is_empty() => {
                // Repeat a short slice: nesting, lists, long texts.
                let from = rng.below(v.len());
                let len = 1 + rng.below(8.min(v.len() - from));
                let slice = v[from..from + len].to_vec();
                let times = REPEATS[rng.below(REPEATS.len())];
                let extra: Vec<u8> = slice.iter().copied().cycle().take(len * times).collect();
                v.splice(from..from, extra);
            }
            7 if !corpus.is_empty() => {
                let other = &corpus[rng.below(corpus.len())];
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    let len = 1 + rng.below((other.len() - from).min(256));
                    v.splice(at..at, other[from..from + len].iter().copied());
                }
            }
            _ => {
                // A long run of one byte: a 1.5 MB name.
                let b = BYTES[rng.below(BYTES.len())].max(b'a');
                let n = [100, 1_000, 20_000, 200_000][rng.below(4)];
                v.splice(at..at, std::iter::repeat_n(b, n));
            }
        }
        v.truncate(max_len);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_makes_the_same_inputs() {
        let corpus = vec![b"- x\n".to_vec(), b"a: [1, 2]\n".to_vec()];
        let run = |seed| {
            let mut rng = Rng::new(seed);
            (0..200)
                .map(|n| mutate(&mut rng, &corpus[n % 2], &corpus, &["- ", "["], 1 << 20))
                .collect::<Vec<_>>()
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
    }

    #[test]
    fn inputs_stay_within_the_limit_and_some_grow_deep() {
        let corpus = vec![b"- x\n".to_vec()];
        let mut rng = Rng::new(1);
        let mut deepest = 0;
        for _ in 0..2000 {
            let v = mutate(&mut rng, &corpus[0], &corpus, &["- "], 4096);
            assert!(v.len() <= 4096);
            let dashes = v.windows(2).filter(|w| w == b"- ").count();
            deepest = deepest.max(dashes);
        }
        assert!(deepest >= 500, "{deepest}");
    }
}
