//! The real desk in a pseudo-terminal, its screen read through a vt100 parser fed by a
//! background thread (so the app never blocks on a full pty). Keys go in as a terminal
//! sends them (see [`super::keys`]).
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use ratatui::crossterm::event::KeyEvent;

use super::keys::{Keys, terminal_bytes};

/// The clock of a desk whose command does not set `LUNXUN_NOW` itself.
pub use super::NOW;

/// The binary run with `args` on the data folder `dir` in language `lang` with the clock
/// fixed at `now`, untouched by the caller's own lunxun settings, to be run in a
/// pseudo-terminal (the same settings as [`super::lunxun_command`]).
pub fn command(dir: &Path, args: &[&str], lang: &str, now: &str) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(super::BIN);
    cmd.args(args);
    cmd.arg("--db");
    cmd.arg(dir);
    cmd.env_remove("LUNXUN_DB");
    cmd.env_remove("LC_MESSAGES");
    cmd.env_remove("LUNXUN_FAULT");
    cmd.env_remove("LUNXUN_ASCII");
    cmd.env("LC_ALL", lang);
    cmd.env("LUNXUN_NOW", now);
    cmd
}

/// One desk in a pseudo-terminal at a time: these tests measure what a terminal shows
/// after signals, panics and hang-ups, and on a loaded 2-core machine several desks
/// starting, stopping and forking at once made their timing unreliable (seen once in CI).
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

pub struct Desk {
    _turn: std::sync::MutexGuard<'static, ()>,
    pub child: Box<dyn Child + Send + Sync>,
    /// Tells the reader thread to let go of its end of the pty after its next read.
    pub stop: Arc<AtomicBool>,
    pub writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    pub _master: Box<dyn MasterPty + Send>,
}

impl Desk {
    /// The desk on `dir` in `lang`, the clock fixed at [`NOW`].
    pub fn open(dir: &Path, lang: &str) -> Desk {
        Desk::spawn(command(dir, &[], lang, NOW))
    }

    /// Runs `cmd` in a 24×100 pseudo-terminal, with the fixed clock [`NOW`] unless the
    /// command sets its own.
    pub fn spawn(mut cmd: CommandBuilder) -> Desk {
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        if cmd.get_env("LUNXUN_NOW").is_none() {
            cmd.env("LUNXUN_NOW", NOW);
        }
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(24).unwrap(),
            NonZeroU16::new(100).unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || stopping.load(Ordering::SeqCst) {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Desk {
            _turn: turn,
            child,
            stop,
            writer,
            screen,
            _master: pair.master,
        }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.contents().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "'{needle}' never appeared; the screen was:\n{}",
            self.contents()
        );
    }

    pub fn send(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn exit_code(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("lunxun did not exit; the screen was:\n{}", self.contents());
    }

    pub fn alternate_screen(&self) -> bool {
        self.screen.lock().unwrap().screen().alternate_screen()
    }

    /// Whether the screen left the alternate screen and shows the cursor again. The
    /// child may have exited before the reader thread parsed its last bytes, so this
    /// waits up to five seconds for them.
    pub fn terminal_restored(&self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let restored = {
                let parser = self.screen.lock().unwrap();
                !parser.screen().alternate_screen() && !parser.screen().hide_cursor()
            };
            if restored || Instant::now() >= deadline {
                return restored;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until `needle` is on the screen, looking every millisecond (a kill test
    /// acts right after something is drawn), for up to 20 seconds.
    pub fn wait_until_shown(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.contents().contains(needle) {
            assert!(
                Instant::now() < deadline,
                "'{needle}' never appeared; the screen was:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// SIGKILL, then waits for the process to end.
    pub fn kill_9(mut self) {
        let pid = self.child.process_id().expect("a running desk") as i32;
        // SAFETY: sending a signal to our own child process.
        assert_eq!(unsafe { libc::kill(pid, libc::SIGKILL) }, 0);
        self.child.wait().expect("the killed desk is reaped");
    }
}

impl Keys for Desk {
    fn key(&mut self, key: KeyEvent) {
        self.writer.write_all(&terminal_bytes(key)).unwrap();
        self.writer.flush().unwrap();
    }
}
