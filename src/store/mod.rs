//! The only place SQL lives: one `Store` API over embedded SQLite and PostgreSQL (through
//! `sqlx::any`), with each dialect's migrations applied at connect time.

mod actions;
mod anonymous;
mod changes;
mod digests;
mod form_answers;
mod history;
mod leases;
mod marks;
mod overview;
mod random;
mod replies;
mod retros;
mod schedules;
mod sealing;
mod server_templates;
mod setbacks;
mod settings;
mod text;
mod upkeep;
mod voters;

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};

use crate::domain::ids::Snowflake;

pub use actions::NewAction;
pub use anonymous::{AnswerRecord, AnswerSaved};
pub use changes::{Participation, SequencedChange};
pub use digests::{DigestPost, NewDigest};
pub use form_answers::{FormAnswer, FormWithdrawal};
pub use history::{ClosedFilter, ClosedRetro};
pub use leases::new_lease_owner;
pub use overview::TeamScope;
pub use retros::{NewRetro, RetroItem};
pub use schedules::{DueReminder, NewSchedule};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// Which database the store talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// What can go wrong in the store. Messages never contain credentials.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported DATABASE_URL scheme (expected sqlite:// or postgres://)")]
    UnsupportedUrl,
    #[error("the channel already has an active retro ({0})")]
    ChannelBusy(crate::domain::retro::RetroId),
    #[error("this server already has a template with the key `{0}`")]
    TemplateKeyTaken(String),
    #[error("a check-in for this occurrence was already started")]
    OccurrenceTaken,
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("the system has no randomness to make a secret: {0}")]
    Randomness(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    /// Whether trying the same thing again later may succeed: the connection, the pool or the
    /// server's state failed (lost connection, timeout, lock, read-only or full database,
    /// server shutting down), not the data. Everything else is permanent for that data.
    pub fn is_transient(&self) -> bool {
        let StoreError::Database(error) = self else {
            return false;
        };
        match error {
            sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::Protocol(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed => true,
            sqlx::Error::Database(db) => {
                let postgres = db
                    .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
                    .is_some();
                db.code()
                    .is_some_and(|code| transient_code(&code, postgres))
            }
            _ => false,
        }
    }
}

/// Database error codes that describe the server's state rather than the data: SQLite's
/// primary result codes (BUSY 5, LOCKED 6, NOMEM 7, READONLY 8, IOERR 10, FULL 13, CANTOPEN 14,
/// PROTOCOL 15; extended codes keep the primary one in their low byte) and PostgreSQL's
/// SQLSTATE classes 08 (connection), 53 (resources), 57 (operator intervention), 58 (system),
/// 40001/40P01 (serialization, deadlock) and 25006 (read-only transaction).
fn transient_code(code: &str, postgres: bool) -> bool {
    if !postgres {
        return code
            .parse::<i64>()
            .is_ok_and(|sqlite| matches!(sqlite & 0xff, 5 | 6 | 7 | 8 | 10 | 13 | 14 | 15));
    }
    matches!(code.get(..2), Some("08" | "53" | "57" | "58"))
        || matches!(code, "40001" | "40P01" | "25006")
}

/// Handle to the database; cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

impl Store {
    /// Connects to `url` (`sqlite://PATH`, created if missing, or `postgres://…`) and applies
    /// the migrations of that dialect.
    pub async fn connect(url: &str) -> StoreResult<Store> {
        sqlx::any::install_default_drivers();
        let (backend, url) = normalise_url(url)?;
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 4 } else { 10 })
            .acquire_timeout(Duration::from_secs(5))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                        // Deleted rows (an anonymous retro's secret) are overwritten, not
                        // left in free pages.
                        conn.execute("PRAGMA secure_delete = ON").await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        if backend == Backend::Sqlite {
            pool.execute("PRAGMA journal_mode = WAL").await?;
            SQLITE_MIGRATIONS.run(&pool).await?;
        } else {
            POSTGRES_MIGRATIONS.run(&pool).await?;
        }
        Ok(Store { pool, backend })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Checks that the database answers and takes writes (a read-only or full database
    /// fails this): writes the `healthz` heartbeat row.
    pub async fn ping(&self) -> StoreResult<()> {
        self.write_heartbeat("healthz", chrono::Utc::now()).await
    }

    /// Begins a transaction that will write. On SQLite it takes the write lock up front
    /// (`BEGIN IMMEDIATE`), so a transaction that reads first cannot fail later with "database
    /// is locked" when another connection wrote in between; it waits its turn instead.
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// Closes every connection (waits for running queries).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Picks the backend from the URL's scheme; SQLite URLs get `mode=rwc` so a missing file is
/// created.
fn normalise_url(url: &str) -> StoreResult<(Backend, String)> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok((Backend::Postgres, url.to_string()));
    }
    if !url.starts_with("sqlite:") {
        return Err(StoreError::UnsupportedUrl);
    }
    if url.contains("mode=") {
        return Ok((Backend::Sqlite, url.to_string()));
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    Ok((Backend::Sqlite, format!("{url}{separator}mode=rwc")))
}

/// Discord ids are unsigned 64-bit; they are stored in signed BIGINT columns bit for bit.
/// A snowflake as the databases store it (a signed 64-bit integer; snowflakes stay below 2^63).
fn id_to_db(id: impl Snowflake) -> i64 {
    id.raw() as i64
}

/// A stored snowflake as the id it is.
fn id_from_db<T: Snowflake>(id: i64) -> T {
    T::from_raw(id as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_pick_the_backend() {
        assert_eq!(
            normalise_url("sqlite://x.db").unwrap(),
            (Backend::Sqlite, "sqlite://x.db?mode=rwc".into())
        );
        assert_eq!(
            normalise_url("sqlite://x.db?mode=ro").unwrap(),
            (Backend::Sqlite, "sqlite://x.db?mode=ro".into())
        );
        assert_eq!(
            normalise_url("postgres://u@h/db").unwrap().0,
            Backend::Postgres
        );
        assert!(matches!(
            normalise_url("mysql://h/db"),
            Err(StoreError::UnsupportedUrl)
        ));
        assert_eq!(id_from_db::<u64>(id_to_db(u64::MAX - 5)), u64::MAX - 5);
    }

    #[test]
    fn server_states_are_transient_and_bad_data_is_not() {
        for (code, postgres) in [
            ("5", false),
            ("8", false),
            ("1032", false),
            ("13", false),
            ("08006", true),
            ("57P01", true),
            ("25006", true),
            ("40001", true),
            ("53100", true),
        ] {
            assert!(transient_code(code, postgres), "{code}");
        }
        for (code, postgres) in [
            ("19", false),
            ("2067", false),
            ("1", false),
            ("22021", true),
            ("23505", true),
            ("22P05", true),
            ("42P01", true),
        ] {
            assert!(!transient_code(code, postgres), "{code}");
        }
    }
}
