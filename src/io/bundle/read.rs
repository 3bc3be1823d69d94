//! Reading a bundle: opened (with its passphrase if sealed), the header checked for
//! the format and its version, the body parsed as it is hashed and refused whole if the
//! checksum does not match.

use std::fs::File;
use std::io::{BufRead, BufReader, ErrorKind, Read};
use std::path::Path;

use age::secrecy::SecretString;
use age::{DecryptError, Decryptor};
use serde::Deserialize;

use crate::domain::bundle::{BUNDLE_VERSION, Contents};

use super::hashed::Hashed;
use super::{AGE_MAGIC, Bundle, BundleError, FORMAT, Header};

/// The most scrypt work (N = 2^this) a sealed bundle may ask of this computer. age
/// sets the work so that sealing takes about a second on the computer that seals; its
/// own limit for opening (16 times this computer's second) would refuse a bundle sealed
/// on a much faster laptop at an older desktop in the city. 2^22 is age's own advice
/// for a ceiling; a file asking more is refused (`TooMuchWork`).
const MAX_WORK_FACTOR: u8 = 22;

/// A header line longer than this is no bundle's.
const HEADER_LIMIT: u64 = 64 * 1024;

/// A bundle read, and whether it was sealed with a passphrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub bundle: Bundle,
    pub encrypted: bool,
}

/// Reads the bundle at `path`; `passphrase` opens a sealed one.
pub fn read(path: &Path, passphrase: Option<&str>) -> Result<Bundle, BundleError> {
    open(path, passphrase).map(|opened| opened.bundle)
}

/// [`read`], saying whether it was sealed.
pub fn open(path: &Path, passphrase: Option<&str>) -> Result<Opened, BundleError> {
    let mut input = BufReader::new(File::open(path).map_err(|e| file_error(path, e))?);
    if !sealed(&mut input).map_err(|e| file_error(path, e))? {
        let bundle = read_plain(input, path)?;
        return Ok(Opened {
            bundle,
            encrypted: false,
        });
    }
    let passphrase = match passphrase {
        Some(p) if !p.is_empty() => p,
        _ => return Err(BundleError::NeedsPassphrase { path: path.into() }),
    };
    let decryptor = Decryptor::new_buffered(input).map_err(|e| decrypt_error(path, e))?;
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_string()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let plain = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| decrypt_error(path, e))?;
    let bundle = read_plain(BufReader::new(plain), path)?;
    Ok(Opened {
        bundle,
        encrypted: true,
    })
}

/// Whether the file at `path` is sealed with a passphrase (an age file): asked before
/// reading it, to know whether to ask for one.
pub fn is_encrypted(path: &Path) -> Result<bool, BundleError> {
    let file = File::open(path).map_err(|e| file_error(path, e))?;
    sealed(&mut BufReader::new(file)).map_err(|e| file_error(path, e))
}

fn sealed(input: &mut impl BufRead) -> std::io::Result<bool> {
    Ok(input.fill_buf()?.starts_with(AGE_MAGIC))
}

/// Just enough of a header to tell a bundle, and its version, from anything else.
#[derive(Deserialize)]
struct Probe {
    format: String,
    version: u32,
}

fn read_plain(mut input: impl BufRead, path: &Path) -> Result<Bundle, BundleError> {
    let mut line = Vec::new();
    (&mut input)
        .take(HEADER_LIMIT)
        .read_until(b'\n', &mut line)
        .map_err(|e| stream_error(path, e))?;
    let damaged = || BundleError::Damaged { path: path.into() };
    let probe: Probe = match serde_json::from_slice(&line) {
        Ok(probe) => probe,
        // A bundle cut short inside its header still starts like one.
        Err(_) if line.starts_with(format!("{{\"format\":\"{FORMAT}\"").as_bytes()) => {
            return Err(damaged());
        }
        Err(_) => return Err(BundleError::NotABundle { path: path.into() }),
    };
    if probe.format != FORMAT || probe.version == 0 {
        return Err(BundleError::NotABundle { path: path.into() });
    }
    if probe.version > BUNDLE_VERSION {
        return Err(BundleError::Newer {
            path: path.into(),
            version: probe.version,
        });
    }
    let header: Header = serde_json::from_slice(&line).map_err(|_| damaged())?;
    let mut body = Hashed::new(input);
    // Never serde's own words: they can quote a record (an ID number) from the file.
    let contents: Contents =
        serde_json::from_reader(BufReader::new(&mut body)).map_err(|e| match e.is_io() {
            true => stream_error(path, std::io::Error::from(e)),
            false => damaged(),
        })?;
    // The counts are outside the checksum: they must say what the body holds.
    if body.hex() != header.sha256 || header.counts != contents.counts() {
        return Err(damaged());
    }
    Ok(Bundle { header, contents })
}

fn file_error(path: &Path, source: std::io::Error) -> BundleError {
    BundleError::File {
        path: path.into(),
        source,
    }
}

/// An error while reading the bytes: a sealed stream that fails its authentication or
/// ends early is a damaged bundle; anything else is the file's.
fn stream_error(path: &Path, e: std::io::Error) -> BundleError {
    match e.kind() {
        ErrorKind::InvalidData | ErrorKind::UnexpectedEof => {
            BundleError::Damaged { path: path.into() }
        }
        _ => file_error(path, e),
    }
}

fn decrypt_error(path: &Path, e: DecryptError) -> BundleError {
    let path = path.into();
    match e {
        DecryptError::DecryptionFailed | DecryptError::KeyDecryptionFailed => {
            BundleError::WrongPassphrase { path }
        }
        DecryptError::ExcessiveWork { .. } => BundleError::TooMuchWork { path },
        // Sealed for a key, not a passphrase, or an age format this build does not know.
        DecryptError::NoMatchingKeys | DecryptError::UnknownFormat => {
            BundleError::NotABundle { path }
        }
        DecryptError::Io(e) => stream_error(&path, e),
        _ => BundleError::Damaged { path },
    }
}
