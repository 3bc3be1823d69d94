//! The figures as a markdown table, each row with its target and whether it was met.

use super::measure::{Spread, load_average};

/// What a row is held to.
#[derive(Clone, Copy)]
pub enum Target {
    /// A floor or a figure shown for what it explains: held to nothing.
    None,
    /// A floor the other rows are read against.
    Floor,
    /// Median wall time at most this many ms, and peak RSS at most this many MB.
    Within { ms: f64, mb: Option<f64> },
    /// A latency quantile (p99) at most this many ms.
    P99 { ms: f64 },
    /// Within 10 % or 5 ms of the row named (its median).
    NearClean,
}

pub struct Row {
    pub people: usize,
    pub what: String,
    pub time: Option<Spread>,
    /// p50 / p99 of a latency, for key rows.
    pub quantiles: Option<(f64, f64)>,
    pub rss_mb: Option<Spread>,
    pub target: Target,
    pub verdict: String,
    /// 1-minute load average while the row's runs were made (start – end).
    pub load: String,
}

pub struct Table {
    pub rows: Vec<Row>,
    /// Refusals and misses a reader must see (the harness exits non-zero on refusals).
    pub refusals: Vec<String>,
}

/// The load average now, for [`Row::load`].
pub fn load_now() -> Option<f64> {
    load_average()
}

pub fn load_span(start: Option<f64>, end: Option<f64>) -> String {
    match (start, end) {
        (Some(a), Some(b)) => format!("{a:.1}–{b:.1}"),
        _ => "—".to_string(),
    }
}

impl Table {
    pub fn push(&mut self, mut row: Row) {
        row.verdict = self.verdict(&row);
        eprintln!(
            "  {} @ {}: {} {}",
            row.what,
            row.people,
            time_cell(&row),
            row.verdict
        );
        self.rows.push(row);
    }

    fn verdict(&self, row: &Row) -> String {
        match row.target {
            Target::None | Target::Floor => String::new(),
            Target::Within { ms, mb } => {
                let Some(t) = row.time else {
                    return String::new();
                };
                let time_ok = t.median <= ms;
                let rss_ok = match (mb, row.rss_mb) {
                    (Some(limit), Some(r)) => r.max <= limit,
                    _ => true,
                };
                met(time_ok && rss_ok)
            }
            Target::P99 { ms } => met(row.quantiles.is_some_and(|(_, p99)| p99 <= ms)),
            Target::NearClean => {
                let clean = self
                    .rows
                    .iter()
                    .rev()
                    .find(|r| r.people == row.people && r.what.contains("empty journal"));
                match (clean.and_then(|c| c.time), row.time) {
                    (Some(c), Some(t)) => met(t.median - c.median <= (0.1 * c.median).max(5.0)),
                    _ => String::new(),
                }
            }
        }
    }

    pub fn print(&self) {
        println!(
            "| people | measure | median (min – max) | p50 / p99 | peak RSS median (max) | runs | target | | load |"
        );
        println!("|---:|---|---:|---:|---:|---:|---|---|---|");
        for row in &self.rows {
            let quantiles = row
                .quantiles
                .map(|(a, b)| format!("{} / {}", fmt_ms(a), fmt_ms(b)))
                .unwrap_or_else(|| "—".into());
            let rss = row
                .rss_mb
                .map(|r| format!("{:.0} MB ({:.0})", r.median, r.max))
                .unwrap_or_else(|| "—".into());
            println!(
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                thousands(row.people),
                row.what,
                time_cell(row),
                quantiles,
                rss,
                row.time.map(|t| t.n.to_string()).unwrap_or_default(),
                target_text(row.target),
                row.verdict,
                row.load
            );
        }
        for refusal in &self.refusals {
            println!("\n**Refused:** {refusal}");
        }
    }
}

fn met(ok: bool) -> String {
    if ok { "met" } else { "**missed**" }.to_string()
}

fn time_cell(row: &Row) -> String {
    match row.time {
        Some(t) if t.n > 1 => format!(
            "{} ({} – {})",
            fmt_ms(t.median),
            fmt_ms(t.min),
            fmt_ms(t.max)
        ),
        Some(t) => fmt_ms(t.median),
        None => "—".into(),
    }
}

fn target_text(target: Target) -> String {
    match target {
        Target::None => "—".into(),
        Target::Floor => "floor".into(),
        Target::Within { ms, mb: None } => format!("≤ {}", fmt_ms(ms)),
        Target::Within { ms, mb: Some(mb) } => format!("≤ {} & ≤ {mb:.0} MB", fmt_ms(ms)),
        Target::P99 { ms } => format!("p99 ≤ {}", fmt_ms(ms)),
        Target::NearClean => "≤ clean + max(10 %, 5 ms)".into(),
    }
}

pub fn fmt_ms(ms: f64) -> String {
    if ms >= 10_000.0 {
        format!("{:.1} s", ms / 1000.0)
    } else if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
