//! Sign-in throttling, decided from recent failures alone (no clock read here: the caller
//! says what "now" is). Two limits, neither of which lets anyone lock an account for everyone:
//!
//! - per account and client address: the first `free` failures cost nothing; after that each
//!   attempt waits `base · 2^(n − free)` seconds after the last failure, capped at `max_delay`
//!   (1 s, 2 s, 4 s, … up to a quarter of an hour by default). The owner signing in from
//!   another address is not slowed by an attacker's failures.
//! - per client address across accounts: `client_failures` failures within `client_window`
//!   stop that address until the oldest of them leaves the window (spraying many accounts).

/// The limits; see the module's documentation.
#[derive(Clone, Debug)]
pub struct Throttle {
    pub free: usize,
    pub base_delay: i64,
    pub max_delay: i64,
    pub client_failures: usize,
    pub client_window: i64,
}

impl Default for Throttle {
    fn default() -> Throttle {
        Throttle {
            free: 5,
            base_delay: 1,
            max_delay: 15 * 60,
            client_failures: 20,
            client_window: 15 * 60,
        }
    }
}

/// What refused an attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// This account from this address.
    Account,
    /// This address, whatever the account.
    Client,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Account => "account",
            Scope::Client => "client",
        }
    }
}

impl Throttle {
    /// How far back failures matter: the longest window (the capped delay, the client window).
    pub fn memory(&self) -> i64 {
        self.max_delay.max(self.client_window)
    }

    /// The delay after `n` failures of one account from one address.
    pub fn delay(&self, n: usize) -> i64 {
        if n < self.free {
            return 0;
        }
        let doublings = (n - self.free).min(40) as u32;
        self.base_delay
            .saturating_mul(1i64 << doublings)
            .min(self.max_delay)
    }

    /// Whether an attempt at `now` must wait, and how many seconds, given the failures' times
    /// (newest first, within [`Throttle::memory`]): for the account from this address, and
    /// from this address for any account.
    pub fn wait(&self, now: i64, pair: &[i64], client: &[i64]) -> Option<(Scope, i64)> {
        let in_window: Vec<i64> = client
            .iter()
            .copied()
            .filter(|t| *t > now - self.client_window)
            .collect();
        if in_window.len() >= self.client_failures && self.client_failures > 0 {
            // Free again when enough of them have left the window.
            let oldest_counted = in_window[self.client_failures - 1];
            return Some((
                Scope::Client,
                (oldest_counted + self.client_window - now).max(1),
            ));
        }
        let last = *pair.first()?;
        let until = last + self.delay(pair.len());
        (until > now).then_some((Scope::Account, until - now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_after_the_free_failures_and_are_capped() {
        let t = Throttle::default();
        let delays: Vec<i64> = (0..9).map(|n| t.delay(n)).collect();
        assert_eq!(delays, [0, 0, 0, 0, 0, 1, 2, 4, 8]);
        assert_eq!(t.delay(100), 15 * 60);
    }

    #[test]
    fn an_account_waits_after_its_last_failure_from_that_address() {
        let t = Throttle::default();
        let four = [100, 99, 98, 97];
        assert_eq!(t.wait(100, &four, &four), None);
        let seven = [100, 99, 98, 97, 96, 95, 94];
        assert_eq!(t.wait(100, &seven, &seven), Some((Scope::Account, 4)));
        assert_eq!(t.wait(103, &seven, &seven), Some((Scope::Account, 1)));
        assert_eq!(t.wait(104, &seven, &seven), None);
    }

    #[test]
    fn one_address_failing_for_many_accounts_is_stopped() {
        let t = Throttle::default();
        let client: Vec<i64> = (0..20).map(|i| 1000 - i).collect();
        // No account failed twice, yet the address waits until the oldest leaves the window.
        assert_eq!(t.wait(1000, &[1000], &client), Some((Scope::Client, 881)));
        assert_eq!(t.wait(1000, &[], &client[..19]), None);
        assert_eq!(t.wait(1000 + 900, &[], &client), None);
    }
}
