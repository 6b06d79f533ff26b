//! Reads every cell of every table of a retrobot database (except sqlx's own migration
//! bookkeeping), for tests that prove what is and is not stored.

use sqlx::any::AnyPoolOptions;
use sqlx::{Column, Row};

/// One stored value, as text, with where it is.
#[derive(Clone, Debug)]
pub struct Cell {
    pub table: String,
    pub column: String,
    pub text: String,
}

/// Every non-NULL value of every table of the database at `url` (SQLite or PostgreSQL).
pub async fn every_cell(url: &str) -> Vec<Cell> {
    sqlx::any::install_default_drivers();
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .connect(url)
        .await
        .expect("a second connection to the database");
    let list = if url.starts_with("sqlite:") {
        "SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    } else {
        "SELECT table_name::text AS t FROM information_schema.tables WHERE table_schema = 'public'"
    };
    let tables: Vec<String> = sqlx::query(list)
        .fetch_all(&pool)
        .await
        .expect("list tables")
        .iter()
        .map(|row| row.get::<String, _>("t"))
        .filter(|t| t != "_sqlx_migrations")
        .collect();
    assert!(
        tables.iter().any(|t| t == "retros"),
        "found the tables: {tables:?}"
    );
    let mut cells = Vec::new();
    for table in tables {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT * FROM {table}")))
            .fetch_all(&pool)
            .await
            .unwrap_or_else(|e| panic!("read table {table}: {e}"));
        for row in &rows {
            for (i, column) in row.columns().iter().enumerate() {
                let text = match row.try_get::<Option<i64>, _>(i) {
                    Ok(value) => value.map(|v| v.to_string()),
                    Err(_) => match row.try_get::<Option<String>, _>(i) {
                        Ok(value) => value,
                        Err(_) => row
                            .try_get::<Option<f64>, _>(i)
                            .unwrap_or_else(|e| panic!("{table}.{}: {e}", column.name()))
                            .map(|v| v.to_string()),
                    },
                };
                if let Some(text) = text {
                    cells.push(Cell {
                        table: table.clone(),
                        column: column.name().to_string(),
                        text,
                    });
                }
            }
        }
    }
    pool.close().await;
    cells
}
