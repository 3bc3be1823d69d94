//! Who is making a change: the operating system's user name at the desk, recorded as
//! the "by" of every register change; and committing one change so stamped.

use chrono::{DateTime, FixedOffset};

use crate::domain::register::{Change, RegisterEvent};
use crate::store::{Batch, Store, StoreResult};

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

/// Commits `change`, made now by [`who`], with the records staged in `batch` (a
/// substitute's enrolment, say) in one commit; returns it once durable.
pub(crate) fn commit_change(
    store: &Store,
    now: DateTime<FixedOffset>,
    change: Change,
    mut batch: Batch,
) -> StoreResult<RegisterEvent> {
    let event = store.new_change(now, &who(store), change)?;
    Store::stage_change(&mut batch, &event);
    store.commit(batch)?;
    Ok(event)
}
