//! Who is making a change: the operating system's user name at the desk, recorded as
//! the "by" of every register change.

use crate::store::Store;

/// The OS user name (`USERNAME` on Windows, `USER` elsewhere), or the store's desk id
/// when it is unset or blank.
pub fn who(store: &Store) -> String {
    user_name().unwrap_or_else(|| store.desk().to_string())
}

fn user_name() -> Option<String> {
    let var = if cfg!(windows) { "USERNAME" } else { "USER" };
    std::env::var(var)
        .ok()
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
}
