//! Writing a bundle: summed, then streamed into a staged file (plain or sealed with a
//! passphrase), synced and put in place; on any error nothing is at the path.

use std::io::{BufWriter, Write};
use std::path::Path;

use age::secrecy::SecretString;
use serde::Serialize;

use crate::domain::bundle::{BUNDLE_VERSION, Contents};
use crate::io::StagedFile;

use super::hashed::Hashed;
use super::{BundleError, FORMAT, Header};

/// What was written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Written {
    /// The header as written (with its checksum).
    pub header: Header,
    /// The file's size in bytes.
    pub bytes: u64,
    pub encrypted: bool,
}

const CHUNK: usize = 64 * 1024;

/// Writes `contents` as a bundle at `path` under `header` (its format, version and
/// counts set here from `contents`, its checksum computed here), sealed with
/// `passphrase` if given. The whole file or nothing: written beside `path`, synced,
/// then renamed over it; private to the user (0600 on Unix).
pub fn write(
    path: &Path,
    header: &Header,
    contents: &Contents,
    passphrase: Option<&str>,
) -> Result<Written, BundleError> {
    if passphrase.is_some_and(str::is_empty) {
        return Err(BundleError::EmptyPassphrase);
    }
    let file_error = |source| BundleError::File {
        path: path.to_path_buf(),
        source,
    };
    let header = Header {
        format: FORMAT.to_string(),
        version: BUNDLE_VERSION,
        counts: contents.counts(),
        sha256: body_sum(contents).map_err(file_error)?,
        ..header.clone()
    };
    let staged = StagedFile::write_with(path, |file| {
        let out = BufWriter::with_capacity(CHUNK, file);
        let mut out = match passphrase {
            None => write_plain(out, &header, contents)?,
            Some(passphrase) => {
                let sealed = age::Encryptor::with_user_passphrase(SecretString::from(
                    passphrase.to_string(),
                ))
                .wrap_output(out)?;
                write_plain(sealed, &header, contents)?.finish()?
            }
        };
        out.flush()
    })
    .map_err(file_error)?;
    staged.put_in_place().map_err(file_error)?;
    let bytes = std::fs::metadata(path).map_err(file_error)?.len();
    Ok(Written {
        header,
        bytes,
        encrypted: passphrase.is_some(),
    })
}

/// The checksum of the body, from a first pass that writes it nowhere.
fn body_sum(contents: &Contents) -> std::io::Result<String> {
    let mut out = BufWriter::with_capacity(CHUNK, Hashed::new(std::io::sink()));
    write_body(&mut out, contents)?;
    Ok(out.into_inner().map_err(|e| e.into_error())?.hex())
}

fn write_body(out: &mut impl Write, contents: &Contents) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, contents)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// The header line and the body into `out`, which is given back.
fn write_plain<W: Write>(mut out: W, header: &Header, contents: &Contents) -> std::io::Result<W> {
    serde_json::to_writer(&mut out, header)?;
    out.write_all(b"\n")?;
    let mut body = BufWriter::with_capacity(CHUNK, Hashed::new(&mut out));
    write_body(&mut body, contents)?;
    let sum = body.into_inner().map_err(|e| e.into_error())?.hex();
    if sum != header.sha256 {
        // Serialising the same records twice gave other bytes: never write a bundle
        // that would be refused as damaged.
        return Err(std::io::Error::other(
            "the records serialised differently twice",
        ));
    }
    Ok(out)
}
