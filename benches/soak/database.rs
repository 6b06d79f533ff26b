//! The bot's database for the soak: a private PostgreSQL cluster created with `initdb` in a
//! temp folder on a free port (restarted with `pg_ctl restart -m fast|immediate` during the
//! run), or a SQLite file when the PostgreSQL server binaries are not installed.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the bot keeps its data, and how to restart it.
pub enum Database {
    Postgres(Cluster),
    Sqlite(tempfile::TempDir),
}

impl Database {
    /// A private PostgreSQL cluster, or SQLite (saying why) when that is not possible.
    pub fn create() -> Database {
        match Cluster::create() {
            Ok(cluster) => Database::Postgres(cluster),
            Err(why) => {
                println!("database: PostgreSQL unavailable ({why}); falling back to SQLite, without database restarts");
                Database::Sqlite(tempfile::tempdir().expect("temp dir"))
            }
        }
    }

    pub fn url(&self) -> String {
        match self {
            Database::Postgres(c) => format!("postgres://postgres@127.0.0.1:{}/postgres", c.port),
            Database::Sqlite(dir) => format!("sqlite://{}", dir.path().join("soak.db").display()),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Database::Postgres(c) => format!(
                "private PostgreSQL cluster ({}) on port {}",
                c.bin.display(),
                c.port
            ),
            Database::Sqlite(_) => "SQLite file".to_string(),
        }
    }
}

/// A PostgreSQL cluster that lives as long as this value (stopped on drop).
pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
}

/// The newest `/usr/lib/postgresql/<version>/bin` that has `initdb` and `pg_ctl`.
fn server_binaries() -> Option<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let version = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            (bin.join("initdb").exists() && bin.join("pg_ctl").exists()).then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin)
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("address").port()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Runs a PostgreSQL tool (as the `postgres` user when we are root, since PostgreSQL refuses
/// to run as root); returns its combined output on failure.
fn run_tool(bin: &Path, tool: &str, args: &[&str]) -> Result<(), String> {
    let program = bin.join(tool);
    let mut cmd = if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(&program);
        c
    } else {
        Command::new(&program)
    };
    let out = cmd
        .args(args)
        .output()
        .map_err(|e| format!("{tool}: {e}"))?;
    if out.status.success() {
        return Ok(());
    }
    Err(format!(
        "{tool} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    ))
}

impl Cluster {
    fn create() -> Result<Cluster, String> {
        let bin = server_binaries().ok_or("no /usr/lib/postgresql/*/bin with initdb and pg_ctl")?;
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        if is_root() {
            let status = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .map_err(|e| e.to_string())?;
            if !status.success() {
                return Err("cannot hand the temp folder to the postgres user".into());
            }
        }
        let port = free_port();
        let cluster = Cluster { dir, bin, port };
        let data = cluster.data();
        run_tool(
            &cluster.bin,
            "initdb",
            &[
                "-D",
                &data,
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
        )?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=100",
            cluster.dir.path().display()
        );
        let log = cluster.dir.path().join("server.log").display().to_string();
        run_tool(
            &cluster.bin,
            "pg_ctl",
            &["-D", &data, "-l", &log, "-o", &options, "-w", "start"],
        )?;
        Ok(cluster)
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    /// `pg_ctl restart -m <mode>` (fast: disconnect everyone and shut down cleanly; immediate:
    /// abort like a crash, recovering from the WAL on start). Blocks until it accepts again.
    pub fn restart(&self, mode: &str) -> Result<(), String> {
        let log = self.dir.path().join("server.log").display().to_string();
        run_tool(
            &self.bin,
            "pg_ctl",
            &["-D", &self.data(), "-l", &log, "-m", mode, "-w", "restart"],
        )
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = run_tool(
            &self.bin,
            "pg_ctl",
            &["-D", &self.data(), "-m", "immediate", "-w", "stop"],
        );
    }
}
