//! Rebuilds when a migration changes, so `sqlx::migrate!` embeds the current SQL.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
