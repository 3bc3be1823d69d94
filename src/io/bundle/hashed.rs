//! A reader or writer that hashes (SHA-256) every byte passing through it, so a bundle's
//! body is checked as it is read and summed as it is written, never held whole.

use std::io::{Read, Write};

use sha2::{Digest, Sha256};

pub(super) struct Hashed<T> {
    inner: T,
    hasher: Sha256,
}

impl<T> Hashed<T> {
    pub(super) fn new(inner: T) -> Hashed<T> {
        Hashed {
            inner,
            hasher: Sha256::new(),
        }
    }

    /// The hash of every byte so far, in lower-case hex.
    pub(super) fn hex(self) -> String {
        self.hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

impl<T: Read> Read for Hashed<T> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

impl<T: Write> Write for Hashed<T> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_bytes_read_or_written_give_the_known_digest() {
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        let known = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        let mut written = Hashed::new(Vec::new());
        written.write_all(b"ab").unwrap();
        written.write_all(b"c").unwrap();
        assert_eq!(written.hex(), known);
        let mut read = Hashed::new(&b"abc"[..]);
        std::io::copy(&mut read, &mut std::io::sink()).unwrap();
        assert_eq!(read.hex(), known);
    }
}
