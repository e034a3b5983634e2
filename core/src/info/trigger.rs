//! The second quick-exit trigger: one key pressed three times, each press within five seconds
//! of the one before.
//!
//! Hard to hit by accident, quick on purpose, and the same in every shell: the shell reports each
//! press and a periodic tick with a monotonic clock in milliseconds; any other input resets the
//! count. The state is two numbers and is zeroised whenever it resets.

use zeroize::Zeroize;

/// Presses that leave.
pub const PRESSES_NEEDED: u32 = 3;

/// The longest time between two presses of one sequence, in milliseconds (inclusive).
pub const WINDOW_MS: u64 = 5_000;

/// What a press did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    /// The press counted and more are needed.
    Counted {
        /// Presses in the current sequence, this one included.
        presses: u32,
        /// Presses still needed.
        remaining: u32,
    },
    /// The sequence is complete: leave now.
    Exit,
}

/// Progress of the key sequence.
#[derive(Clone, Debug, Default, PartialEq, Eq, Zeroize)]
pub struct ExitTrigger {
    presses: u32,
    last_ms: u64,
}

impl ExitTrigger {
    /// Records a press at `at_ms`.
    ///
    /// A press more than [`WINDOW_MS`] after the previous one (or earlier than it) starts a
    /// new sequence. The press that completes a sequence resets the trigger.
    pub fn press(&mut self, at_ms: u64) -> Press {
        let in_time = self.presses > 0 && !self.expired(at_ms);
        let presses = if in_time { self.presses + 1 } else { 1 };
        if presses >= PRESSES_NEEDED {
            self.reset();
            return Press::Exit;
        }
        self.presses = presses;
        self.last_ms = at_ms;
        Press::Counted {
            presses,
            remaining: PRESSES_NEEDED - presses,
        }
    }

    /// Clears the progress once the window after the last press has passed at `at_ms`.
    ///
    /// Returns true when it cleared something.
    pub fn tick(&mut self, at_ms: u64) -> bool {
        let clear = self.presses > 0 && self.expired(at_ms);
        if clear {
            self.reset();
        }
        clear
    }

    /// Forgets the sequence (another input came between the presses).
    pub fn reset(&mut self) {
        self.zeroize();
    }

    /// Presses in the current sequence (0 when idle).
    pub fn presses(&self) -> u32 {
        self.presses
    }

    /// While a sequence is under way, the first moment (ms) at which a tick clears it.
    pub fn lapses_at(&self) -> Option<u64> {
        (self.presses > 0).then(|| self.last_ms.saturating_add(WINDOW_MS + 1))
    }

    fn expired(&self, at_ms: u64) -> bool {
        at_ms < self.last_ms || at_ms - self.last_ms > WINDOW_MS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn three_quick_presses_leave_and_reset() {
        let mut t = ExitTrigger::default();
        assert_eq!(
            t.press(10_000),
            Press::Counted {
                presses: 1,
                remaining: 2
            }
        );
        assert_eq!(
            t.press(15_000),
            Press::Counted {
                presses: 2,
                remaining: 1
            }
        );
        assert_eq!(t.press(20_000), Press::Exit);
        assert_eq!(t, ExitTrigger::default());
    }

    #[test]
    fn each_press_restarts_the_window() {
        let mut t = ExitTrigger::default();
        t.press(0);
        t.press(4_000);
        assert!(
            !t.tick(9_000),
            "5 000 ms after the last press is still in time"
        );
        assert_eq!(t.press(9_000), Press::Exit);
    }

    #[test]
    fn a_late_press_starts_a_new_sequence() {
        let mut t = ExitTrigger::default();
        t.press(0);
        t.press(1_000);
        assert_eq!(
            t.press(6_001),
            Press::Counted {
                presses: 1,
                remaining: 2
            }
        );
    }

    #[test]
    fn the_sequence_lapses_exactly_where_a_tick_clears_it() {
        let mut t = ExitTrigger::default();
        assert_eq!(t.lapses_at(), None);
        t.press(1_000);
        let at = t.lapses_at().expect("under way");
        assert!(!t.tick(at - 1), "still in the window one ms before");
        assert!(t.tick(at));
        assert_eq!(t.lapses_at(), None);
    }

    #[test]
    fn a_tick_after_the_window_clears_progress() {
        let mut t = ExitTrigger::default();
        t.press(0);
        assert!(!t.tick(5_000));
        assert_eq!(t.presses(), 1);
        assert!(t.tick(5_001));
        assert_eq!(t.presses(), 0);
        assert!(!t.tick(9_999), "nothing left to clear");
    }

    #[test]
    fn a_clock_going_backwards_starts_over() {
        let mut t = ExitTrigger::default();
        t.press(10_000);
        t.press(11_000);
        assert_eq!(
            t.press(9_000),
            Press::Counted {
                presses: 1,
                remaining: 2
            }
        );
    }

    #[derive(Clone, Copy, Debug)]
    enum Input {
        Press,
        Tick,
        Other,
    }

    fn inputs() -> impl Strategy<Value = Vec<(Input, u64)>> {
        let input = prop_oneof![
            3 => Just(Input::Press),
            1 => Just(Input::Tick),
            1 => Just(Input::Other),
        ];
        // Gaps cluster around the window's edge so both sides are exercised.
        let gap = prop_oneof![0u64..=6_000, 4_990u64..=5_010];
        prop::collection::vec((input, gap), 0..40)
    }

    proptest! {
        /// Exit happens exactly when the last three presses since the last other input (or the
        /// last exit) are each within the window of the press before, whatever the ticks do.
        #[test]
        fn exits_exactly_on_three_presses_in_time(seq in inputs()) {
            let mut t = ExitTrigger::default();
            let mut now = 0u64;
            let mut presses_since_reset: Vec<u64> = Vec::new();
            for (input, gap) in seq {
                now += gap;
                match input {
                    Input::Press => {
                        presses_since_reset.push(now);
                        let n = presses_since_reset.len();
                        let expected_exit = n >= 3
                            && presses_since_reset[n - 3..]
                                .windows(2)
                                .all(|w| w[1] - w[0] <= WINDOW_MS);
                        let exited = t.press(now) == Press::Exit;
                        prop_assert_eq!(exited, expected_exit);
                        if exited {
                            presses_since_reset.clear();
                        }
                    }
                    Input::Tick => {
                        t.tick(now);
                    }
                    Input::Other => {
                        t.reset();
                        presses_since_reset.clear();
                    }
                }
                // The progress shown is the run of in-time presses that has not expired yet.
                let run = presses_since_reset
                    .iter()
                    .rev()
                    .zip(presses_since_reset.iter().rev().skip(1))
                    .take_while(|(later, earlier)| *later - *earlier <= WINDOW_MS)
                    .count() as u32
                    + u32::from(!presses_since_reset.is_empty());
                let shown = t.presses();
                let last = presses_since_reset.last().copied();
                let expired = last.is_some_and(|l| now - l > WINDOW_MS);
                prop_assert!(shown == run || (expired && shown == 0), "shown {} run {}", shown, run);
            }
        }
    }
}
