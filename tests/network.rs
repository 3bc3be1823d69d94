//! No network access, checked two simple ways: no networking crate is in the binary's
//! dependency graph (`cargo tree`, normal dependencies only: dev-dependencies are not in
//! the binary), and lunxun's own code never names a socket type. It cannot prove that no
//! dependency calls the operating system's sockets by itself; it does catch the usual way
//! networking arrives, a new dependency.

use std::path::Path;
use std::process::Command;

/// Crates whose purpose is talking over a network: HTTP clients and servers, TLS, DNS,
/// WebSocket, async runtimes' networking, mail, SSH.
const NETWORKING: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper-util",
    "h2",
    "h3",
    "quinn",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "http-client",
    "minreq",
    "native-tls",
    "openssl",
    "openssl-sys",
    "rustls",
    "tokio-rustls",
    "tokio-native-tls",
    "tungstenite",
    "tokio-tungstenite",
    "async-std",
    "async-net",
    "smol",
    "socket2",
    "trust-dns-resolver",
    "hickory-resolver",
    "hickory-proto",
    "actix-web",
    "axum",
    "warp",
    "tonic",
    "lettre",
    "ssh2",
    "libssh2-sys",
    "websocket",
    "zmq",
    "nng",
    "libp2p",
];

/// Crates allowed only without the named feature. mio's `net` is not in this list: it
/// is on for crossterm's signal handling (a Unix socket pair inside the process), which
/// the desk uses to read keys; it opens no connection.
const NETWORKING_FEATURES: &[(&str, &str)] = &[("tokio", "net"), ("async-io", "net")];

#[test]
fn no_networking_crate_is_in_the_binary() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let out = Command::new(option_env!("CARGO").unwrap_or("cargo"))
        .args(["tree", "--offline", "-e", "normal", "--prefix", "none"])
        .args(["--format", "{p}|{f}", "--manifest-path"])
        .arg(&manifest)
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    let mut crates = std::collections::BTreeMap::new();
    for line in tree.lines() {
        let (package, features) = line.split_once('|').unwrap_or((line, ""));
        let name = package.split_whitespace().next().unwrap_or_default();
        let features: Vec<&str> = features.split(',').map(|f| f.trim()).collect();
        crates.insert(name.to_string(), features);
    }
    assert!(
        crates.contains_key("ratatui") && crates.contains_key("sled"),
        "the tree looks wrong:\n{tree}"
    );
    for name in NETWORKING {
        assert!(!crates.contains_key(*name), "{name} is a dependency");
    }
    for (name, feature) in NETWORKING_FEATURES {
        if let Some(features) = crates.get(*name) {
            assert!(!features.contains(feature), "{name} has {feature}");
        }
    }
    eprintln!(
        "network: {} crates in the binary, none of them networking",
        crates.len()
    );
}

#[test]
fn lunxun_code_never_names_a_socket() {
    let mut files = 0;
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for word in [
                "std::net",
                "TcpStream",
                "TcpListener",
                "UdpSocket",
                "ToSocketAddrs",
            ] {
                assert!(!text.contains(word), "{} names {word}", path.display());
            }
            files += 1;
        }
    }
    assert!(files > 50);
}
