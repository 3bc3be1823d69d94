//! How far `lunxun import` has come, on standard error: on a terminal a bar drawn by
//! indicatif (rows, rate, time left) for the check and then the write; otherwise a plain
//! line every [`LINE_EVERY`] rows. The operation reports steps ([`Step`]); only this
//! file draws them.

use std::io::IsTerminal;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::ops::import::Step;
use crate::text::{Lang, RosterImport};
use crate::tr;

/// Rows between plain lines when standard error is not a terminal.
pub const LINE_EVERY: usize = 10_000;

/// The progress shown for one import.
pub struct ImportProgress {
    lang: Lang,
    terminal: bool,
    bar: Option<ProgressBar>,
    /// Whether the bar shows writing (else checking), and when that began.
    writing: bool,
    since: Instant,
    /// Rows or records at the last plain line.
    last_line: usize,
}

impl ImportProgress {
    pub fn new(lang: Lang) -> ImportProgress {
        ImportProgress {
            lang,
            terminal: std::io::stderr().is_terminal(),
            bar: None,
            writing: false,
            since: Instant::now(),
            last_line: 0,
        }
    }

    pub fn step(&mut self, step: Step) {
        let (done, writing) = (step.done(), matches!(step, Step::Writing { .. }));
        if writing != self.writing {
            self.clear();
            self.writing = writing;
            self.since = Instant::now();
            self.last_line = 0;
        }
        let message = step.message(self.lang, self.since.elapsed());
        if !self.terminal {
            if done >= self.last_line + LINE_EVERY {
                self.last_line = done - done % LINE_EVERY;
                eprintln!("{message}");
            }
            return;
        }
        let (position, length) = match step {
            Step::Checking { bytes, total, .. } => (bytes.unwrap_or(0), total),
            Step::Writing { done, total } => (done as u64, total as u64),
        };
        let bar = self.bar.get_or_insert_with(|| new_bar(self.lang, length));
        bar.set_length(length);
        bar.set_position(position);
        bar.set_message(message);
    }

    /// Takes the bar off the screen (before the summary is printed).
    pub fn clear(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for ImportProgress {
    fn drop(&mut self) {
        self.clear();
    }
}

fn new_bar(lang: Lang, length: u64) -> ProgressBar {
    let left = tr!(lang, RosterImport::ImportTimeLeft, eta = "{eta}");
    let template = format!("{{msg}} [{{bar:30}}] {{percent:>3}}% {left}");
    let style = ProgressStyle::with_template(&template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    ProgressBar::with_draw_target(Some(length), ProgressDrawTarget::stderr()).with_style(style)
}
