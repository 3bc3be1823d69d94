//! SIGTERM and SIGHUP end the desk cleanly: the handler only records the signal, the
//! event loop sees it within a quarter second, restores the terminal and exits with
//! 128 + the signal. Every acknowledged write is already durable, so nothing is lost.
//! On other platforms the console closes the process; nothing to install.

use std::sync::atomic::{AtomicI32, Ordering};

static RECEIVED: AtomicI32 = AtomicI32::new(0);

pub fn received() -> Option<i32> {
    match RECEIVED.load(Ordering::SeqCst) {
        0 => None,
        signal => Some(signal),
    }
}

#[cfg(unix)]
extern "C" fn record(signal: libc::c_int) {
    RECEIVED.store(signal, Ordering::SeqCst);
}

#[cfg(unix)]
pub fn install() {
    let handler: extern "C" fn(libc::c_int) = record;
    for signal in [libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: the handler only stores into an atomic, which is async-signal-safe.
        unsafe {
            libc::signal(signal, handler as libc::sighandler_t);
        }
    }
}

#[cfg(not(unix))]
pub fn install() {}
