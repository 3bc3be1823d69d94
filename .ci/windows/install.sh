#!/usr/bin/env bash
# The Windows stage's tools, from Debian's packages and rustup: the mingw-w64 cross
# toolchain (linker, strip, and gcc for the test-only shim), zip for the organisers'
# zip (scripts/windows-release.sh), Wine to run lunxun.exe, tmux to drive its desk, and
# Rust's x86_64-pc-windows-gnu target. Nothing is skipped: if a
# tool cannot be had, this fails and says which and why.
set -euo pipefail

PACKAGES=(mingw-w64 zip wine wine64 tmux)
# What each package must have put on the PATH (wine64 gives no command of its own on
# Debian 12: it is the 64-bit loader behind `wine`).
COMMANDS=(x86_64-w64-mingw32-gcc x86_64-w64-mingw32-strip zip wine tmux)

fail() {
  echo "windows stage: $*" >&2
  exit 1
}

missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' \
      || echo "$p"
  done
}

install_packages() {
  local missing
  missing=$(missing_packages)
  if [ -z "$missing" ]; then
    echo "packages present: ${PACKAGES[*]}"
    return
  fi
  command -v apt-get >/dev/null || fail "cannot install $missing: no apt-get (Debian 12 expected)"
  [ "$(id -u)" -eq 0 ] || fail "cannot install $missing: apt-get needs root"
  echo "installing: $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q || fail "apt-get update failed: the package lists could not be fetched"
  # shellcheck disable=SC2086 # one word per package
  apt-get install -y -q $missing \
    || fail "apt-get install $missing failed (see above)"
}

check_commands() {
  local c
  for c in "${COMMANDS[@]}"; do
    command -v "$c" >/dev/null || fail "$c is not on the PATH after installing ${PACKAGES[*]}"
  done
}

add_rust_target() {
  command -v rustup >/dev/null \
    || fail "rustup is missing: the x86_64-pc-windows-gnu target cannot be added"
  rustup target list --installed | grep -qx x86_64-pc-windows-gnu \
    || rustup target add x86_64-pc-windows-gnu \
    || fail "rustup could not add the x86_64-pc-windows-gnu target (offline?)"
}

install_packages
check_commands
add_rust_target
echo "wine: $(wine --version 2>/dev/null)  mingw: $(x86_64-w64-mingw32-gcc -dumpversion)"
