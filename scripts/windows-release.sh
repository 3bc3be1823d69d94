#!/usr/bin/env bash
# Builds what a Windows organiser is handed: dist/lunxun-<version>-windows-x86_64.zip,
# holding lunxun.exe (a release build for 64-bit Windows 10 or later) and the README
# (README.txt: UTF-8 with a byte-order mark and Windows line ends, so Notepad shows
# the Chinese right on every Windows 10). The organiser unpacks it and runs
# lunxun.exe; they never run cargo.
#
# Runs on Linux with the cross toolchain from the distribution's packages:
#   rustup target add x86_64-pc-windows-gnu
#   apt-get install gcc-mingw-w64-x86-64 zip
# Usage: scripts/windows-release.sh   (from anywhere; prints the zip's path and size)
set -euo pipefail

target=x86_64-pc-windows-gnu
cd "$(dirname "$0")/.."

fail() {
    echo "windows-release: $*" >&2
    exit 1
}

rustup target list --installed 2>/dev/null | grep -qx "$target" ||
    fail "the Rust target $target is missing: rustup target add $target"
command -v x86_64-w64-mingw32-gcc >/dev/null ||
    fail "the mingw-w64 linker is missing: apt-get install gcc-mingw-w64-x86-64 (Debian, Ubuntu)"
command -v x86_64-w64-mingw32-strip >/dev/null ||
    fail "the mingw-w64 strip is missing: apt-get install binutils-mingw-w64-x86-64"
command -v zip >/dev/null || fail "zip is missing: apt-get install zip"

version=$(sed -n 's/^version = "\([^"]*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || fail "no version in Cargo.toml"
name="lunxun-$version-windows-x86_64"

started=$(date +%s)
cargo build --release --locked --target "$target" --bin lunxun
built=$(date +%s)
exe="${CARGO_TARGET_DIR:-target}/$target/release/lunxun.exe"
[ -f "$exe" ] || fail "the build left no $exe"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
# Without its symbol table the exe is a quarter smaller; a panic's message still names
# its file and line.
x86_64-w64-mingw32-strip -o "$stage/$name/lunxun.exe" "$exe"
{
    printf '\357\273\277'
    sed 's/$/\r/' README.md
} >"$stage/$name/README.txt"

mkdir -p dist
zip_path="$PWD/dist/$name.zip"
rm -f "$zip_path"
(cd "$stage" && zip -q -9 -r "$zip_path" "$name")

echo "built $exe in $((built - started)) s"
echo "wrote dist/$name.zip ($(du -k "$zip_path" | cut -f1) KiB): $name/lunxun.exe, $name/README.txt"
