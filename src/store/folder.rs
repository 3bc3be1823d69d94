//! The data folder: where it is, and creating it private to the user. Plain file
//! system work below every other part of the store: errors are `std::io` ones, which
//! the callers name ([`super::StoreError::Folder`]).

use std::fs;
use std::path::{Path, PathBuf};

/// `--db DIR`, else `LUNXUN_DB`, else the platform data folder (`…/lunxun`); `None`
/// when there is no home folder to hold it.
pub fn resolve(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = flag {
        return Some(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os("LUNXUN_DB").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "lunxun").map(|dirs| dirs.data_dir().to_path_buf())
}

/// Creates the folder (and parents) if missing; on Unix the folder itself is mode 0700.
pub fn create_private(dir: &Path) -> std::io::Result<()> {
    if !dir.exists() {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(dir)?;
    }
    restrict(dir, true)
}

/// Makes a folder 0700 or a file 0600 on Unix; elsewhere the user's profile folder
/// already keeps other accounts out, so nothing is changed.
pub fn restrict(path: &Path, is_dir: bool) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if is_dir { 0o700 } else { 0o600 };
        fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = (path, is_dir);
    Ok(())
}

/// Tightens every file sled made under `dir` (sled creates them world-readable).
pub fn restrict_tree(dir: &Path) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let is_dir = entry.file_type()?.is_dir();
        restrict(&entry.path(), is_dir)?;
        if is_dir {
            restrict_tree(&entry.path())?;
        }
    }
    Ok(())
}
