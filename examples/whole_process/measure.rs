//! Running the binary as a user does: a fresh process per command, its wall time from
//! spawn to reaped, and its peak resident memory (`wait4`'s `ru_maxrss`, Unix only). A
//! command that fails stops the harness with its output: a failure is never a figure.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The binary under test and the settings every run shares.
#[derive(Clone)]
pub struct Lunxun {
    pub bin: PathBuf,
    /// `LC_ALL` for every run (the desk's texts are matched in this language).
    pub lang: String,
    /// Where each run's standard output and error go (read back on failure).
    pub scratch: PathBuf,
}

/// One finished process.
pub struct Run {
    pub wall: Duration,
    /// Peak resident set size in bytes (`None` where the platform does not say).
    pub peak_rss: Option<u64>,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn succeeded(&self) -> bool {
        self.code == 0
    }
}

impl Lunxun {
    /// The command on data folder `dir` (none for a bare start) with the clock at
    /// `now`, untouched by the caller's own lunxun settings (as the tests run it).
    pub fn command(&self, dir: Option<&Path>, args: &[&str], now: &str) -> Command {
        let mut cmd = Command::new(&self.bin);
        cmd.args(args);
        if let Some(dir) = dir {
            cmd.arg("--db").arg(dir);
        }
        cmd.env_remove("LUNXUN_DB")
            .env_remove("LC_MESSAGES")
            .env_remove("LUNXUN_FAULT")
            .env("LUNXUN_NOW", now)
            .env("LC_ALL", &self.lang);
        cmd
    }

    /// Runs the command and times it, whatever its exit code (see [`launch`]).
    pub fn try_run(&self, dir: Option<&Path>, args: &[&str], now: &str) -> Run {
        let out = self.scratch.join("stdout");
        let err = self.scratch.join("stderr");
        let result = self.scratch.join("launched");
        let _ = std::fs::remove_file(&result);
        let cmd = self.command(dir, args, now);
        let mut launcher = launcher_command(&result, &cmd);
        launcher
            .stdin(Stdio::null())
            .stdout(File::create(&out).expect("scratch stdout"))
            .stderr(File::create(&err).expect("scratch stderr"));
        let status = launcher
            .status()
            .unwrap_or_else(|e| fail(&format!("cannot run the launcher: {e}")));
        let read =
            |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
        let Some(launched) = Launched::read(&result) else {
            fail(&format!(
                "the launcher of {:?} ended with {status} without a result:\n{}",
                cmd.get_program(),
                read(&err)
            ));
        };
        Run {
            wall: launched.wall,
            peak_rss: launched.peak_rss,
            code: launched.code,
            stdout: read(&out),
            stderr: read(&err),
        }
    }

    /// Runs the command, which must succeed; else the harness stops, saying why.
    pub fn run(&self, dir: Option<&Path>, args: &[&str], now: &str) -> Run {
        let run = self.try_run(dir, args, now);
        if !run.succeeded() {
            fail(&format!(
                "`lunxun {}` exited with {}:\n{}{}",
                args.join(" "),
                run.code,
                run.stdout,
                run.stderr
            ));
        }
        run
    }
}

/// What the launcher found: the command's wall time, peak RSS and exit code.
pub struct Launched {
    pub wall: Duration,
    pub peak_rss: Option<u64>,
    pub code: i32,
}

impl Launched {
    pub fn read(path: &Path) -> Option<Launched> {
        let text = std::fs::read_to_string(path).ok()?;
        let mut parts = text.split_whitespace();
        let nanos: u64 = parts.next()?.parse().ok()?;
        let rss: u64 = parts.next()?.parse().ok()?;
        let code: i32 = parts.next()?.parse().ok()?;
        Some(Launched {
            wall: Duration::from_nanos(nanos),
            peak_rss: (rss > 0).then_some(rss),
            code,
        })
    }
}

/// The harness's own binary as a launcher of `cmd` (same arguments and environment),
/// writing what it measured to `result`.
pub fn launcher_command(result: &Path, cmd: &Command) -> Command {
    let mut launcher = Command::new(std::env::current_exe().expect("the harness's path"));
    launcher.arg("--launch").arg(result).arg(cmd.get_program());
    launcher.args(cmd.get_args());
    for (key, value) in cmd.get_envs() {
        match value {
            Some(v) => launcher.env(key, v),
            None => launcher.env_remove(key),
        };
    }
    launcher
}

/// `whole_process --launch RESULT PROGRAM ARGS...`: runs the program with this process's
/// standard streams and environment, and writes `wall-ns peak-rss-bytes exit-code` to
/// RESULT. Peak RSS is measured from a process this small because Linux counts, in a
/// child's `ru_maxrss`, the memory of the process that spawned it (the spawn shares its
/// parent's memory until `exec`), and the harness itself holds a generated register.
pub fn launch(args: &[String]) -> ! {
    let [result, program, rest @ ..] = args else {
        fail("--launch RESULT PROGRAM [ARGS...]");
    };
    let start = Instant::now();
    let child = Command::new(program)
        .args(rest)
        .spawn()
        .unwrap_or_else(|e| fail(&format!("cannot run {program}: {e}")));
    let (code, peak_rss) = reap(child);
    let wall = start.elapsed();
    let line = format!("{} {} {code}\n", wall.as_nanos(), peak_rss.unwrap_or(0));
    std::fs::write(result, line).unwrap_or_else(|e| fail(&format!("cannot write {result}: {e}")));
    std::process::exit(0);
}

/// Waits for the child; its exit code (128 + signal when killed) and peak RSS.
#[cfg(unix)]
fn reap(child: std::process::Child) -> (i32, Option<u64>) {
    let pid = child.id() as libc::pid_t;
    let (status, usage) = wait4(pid, 0).expect("the child is ours to wait for");
    (exit_code(status), Some(max_rss_bytes(&usage)))
}

#[cfg(not(unix))]
fn reap(mut child: std::process::Child) -> (i32, Option<u64>) {
    let status = child.wait().expect("the child is ours to wait for");
    (status.code().unwrap_or(-1), None)
}

/// `wait4(pid, options)`: `None` when `WNOHANG` is given and the child still runs.
#[cfg(unix)]
pub fn wait4(pid: libc::pid_t, options: i32) -> Option<(i32, libc::rusage)> {
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is a child of this process; the pointers are valid.
        let r = unsafe { libc::wait4(pid, &mut status, options, &mut usage) };
        if r == pid {
            return Some((status, usage));
        }
        if r == 0 {
            return None;
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            fail(&format!("wait4({pid}) failed: {e}"));
        }
    }
}

#[cfg(unix)]
pub fn exit_code(status: i32) -> i32 {
    if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        128 + libc::WTERMSIG(status)
    }
}

/// `ru_maxrss` is in kilobytes on Linux, bytes on macOS.
#[cfg(unix)]
pub fn max_rss_bytes(usage: &libc::rusage) -> u64 {
    let raw = usage.ru_maxrss as u64;
    if cfg!(target_os = "macos") {
        raw
    } else {
        raw * 1024
    }
}

/// Stops the harness: a clear message and a non-zero exit, never a bogus figure.
pub fn fail(message: &str) -> ! {
    eprintln!("\nwhole_process: FAILED: {message}");
    std::process::exit(2);
}

/// The 1-minute load average (Linux), to put beside figures from a shared machine.
pub fn load_average() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// Median, minimum and maximum of some samples.
#[derive(Clone, Copy, Debug)]
pub struct Spread {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub n: usize,
}

impl Spread {
    pub fn of(samples: &[f64]) -> Spread {
        assert!(!samples.is_empty(), "no samples");
        let mut s = samples.to_vec();
        s.sort_by(f64::total_cmp);
        let mid = s.len() / 2;
        let median = if !s.len().is_multiple_of(2) {
            s[mid]
        } else {
            (s[mid - 1] + s[mid]) / 2.0
        };
        Spread {
            median,
            min: s[0],
            max: s[s.len() - 1],
            n: s.len(),
        }
    }

    /// The `q` quantile (nearest rank), for key latencies.
    pub fn quantile(samples: &[f64], q: f64) -> f64 {
        let mut s = samples.to_vec();
        s.sort_by(f64::total_cmp);
        let rank = ((s.len() as f64) * q).ceil() as usize;
        s[rank.clamp(1, s.len()) - 1]
    }
}

/// Milliseconds of a duration.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
