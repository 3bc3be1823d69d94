//! The real desk in a pseudo-terminal, as tests/common/desk.rs drives it, but timed: a
//! reader thread feeds a vt100 parser and wakes whoever waits for a screen, so a wait
//! ends within microseconds of the bytes that made the screen arriving.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::measure::{Launched, Lunxun, fail, wait4};

pub const ROWS: u16 = 40;
pub const COLS: u16 = 120;

/// The screen and a counter of chunks parsed, under one lock, with a bell for waiters.
type Shared = Arc<(Mutex<vt100::Parser>, Condvar)>;

pub struct Desk {
    /// The launcher's (see [`super::measure::launch`]); the desk is its only child.
    pid: libc::pid_t,
    /// Where the launcher writes the desk's exit code and peak RSS.
    result: std::path::PathBuf,
    _child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Shared,
    _master: Box<dyn MasterPty + Send>,
    /// How long a wait may take before the harness gives up.
    pub patience: Duration,
}

/// A desk that has exited.
pub struct Exited {
    pub code: i32,
    pub peak_rss: Option<u64>,
}

impl Desk {
    /// Starts the desk on `dir` with the clock at `now`; returns it and the instant just
    /// before the spawn.
    pub fn spawn(lunxun: &Lunxun, dir: &Path, now: &str, patience: Duration) -> (Desk, Instant) {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap_or_else(|e| fail(&format!("no pseudo-terminal: {e}")));
        let result = lunxun.scratch.join("launched-desk");
        let _ = std::fs::remove_file(&result);
        let mut cmd = CommandBuilder::new(std::env::current_exe().expect("the harness's path"));
        cmd.arg("--launch");
        cmd.arg(&result);
        cmd.arg(&lunxun.bin);
        cmd.arg("--db");
        cmd.arg(dir);
        cmd.env_remove("LUNXUN_DB");
        cmd.env_remove("LC_MESSAGES");
        cmd.env_remove("LUNXUN_FAULT");
        cmd.env("LC_ALL", &lunxun.lang);
        cmd.env("LUNXUN_NOW", now);
        cmd.env("TERM", "xterm-256color");
        let screen: Shared = Arc::new((
            Mutex::new(vt100::Parser::new(
                NonZeroU16::new(ROWS).unwrap(),
                NonZeroU16::new(COLS).unwrap(),
                0,
            )),
            Condvar::new(),
        ));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let start = Instant::now();
        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| fail(&format!("cannot start the desk: {e}")));
        drop(pair.slave);
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let (parser, bell) = &*sink;
                parser.lock().unwrap().process(&buf[..n]);
                bell.notify_all();
            }
        });
        let pid = child.process_id().expect("a started desk has a pid") as libc::pid_t;
        let desk = Desk {
            pid,
            result,
            _child: child,
            writer,
            screen,
            _master: pair.master,
            patience,
        };
        (desk, start)
    }

    pub fn contents(&self) -> String {
        self.screen.0.lock().unwrap().screen().contents()
    }

    /// Waits until `shown` holds for the screen; the instant it was first seen to hold.
    /// Gives up (and stops the harness) after [`Desk::patience`], saying `what` it waited
    /// for and what the screen showed.
    pub fn wait(&mut self, what: &str, shown: impl Fn(&str) -> bool) -> Instant {
        let deadline = Instant::now() + self.patience;
        let (parser, bell) = &*self.screen;
        let mut guard = parser.lock().unwrap();
        loop {
            let text = guard.screen().contents();
            if shown(&text) {
                return Instant::now();
            }
            let now = Instant::now();
            if now >= deadline {
                drop(guard);
                self.kill();
                fail(&format!(
                    "the desk never showed {what} within {:?}; the screen was:\n{text}",
                    self.patience
                ));
            }
            guard = bell.wait_timeout(guard, deadline - now).unwrap().0;
        }
    }

    /// Sends bytes as the terminal would for keys typed or pasted; the instant sent.
    pub fn send(&mut self, bytes: &[u8]) -> Instant {
        let sent = Instant::now();
        if let Err(e) = self
            .writer
            .write_all(bytes)
            .and_then(|()| self.writer.flush())
        {
            self.kill();
            fail(&format!("cannot type into the desk: {e}"));
        }
        sent
    }

    /// Waits for the desk to exit (after Ctrl-Q); its exit code and peak RSS.
    pub fn wait_exit(mut self) -> (Exited, Instant) {
        let deadline = Instant::now() + self.patience;
        loop {
            if wait4(self.pid, libc::WNOHANG).is_some() {
                let done = Instant::now();
                let Some(launched) = Launched::read(&self.result) else {
                    fail("the desk's launcher ended without a result");
                };
                let exited = Exited {
                    code: launched.code,
                    peak_rss: launched.peak_rss,
                };
                return (exited, done);
            }
            if Instant::now() >= deadline {
                self.kill();
                fail(&format!(
                    "the desk did not exit within {:?}; the screen was:\n{}",
                    self.patience,
                    self.contents()
                ));
            }
            std::thread::sleep(Duration::from_micros(200));
        }
    }

    /// SIGKILL and reap: a desk the harness gave up on does not outlive it (the
    /// launcher's process group is the desk's session: both get the signal).
    fn kill(&mut self) {
        // SAFETY: a signal to our own child's process group.
        unsafe { libc::kill(-self.pid, libc::SIGKILL) };
        let _ = wait4(self.pid, 0);
    }
}

/// Keys as a terminal sends them.
pub mod keys {
    pub const ENTER: &[u8] = b"\r";
    pub const CTRL_Q: &[u8] = b"\x11";
    pub const CTRL_R: &[u8] = b"\x12";
    pub const CTRL_U: &[u8] = b"\x15";
    pub const CTRL_Z: &[u8] = b"\x1a";
}

/// The text typed in the search box: the line under the box's top border, which carries
/// the scope (`roster_label` or `register_label`).
pub fn search_input(screen: &str, labels: &[&str]) -> Option<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .position(|l| labels.iter().any(|label| l.contains(label)))?;
    let line = lines.get(top + 1)?;
    Some(
        line.trim_matches(|c: char| matches!(c, '│' | '┃' | '|') || c.is_whitespace())
            .to_string(),
    )
}
