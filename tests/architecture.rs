//! The shape of the code, checked on every test run: the layers point one
//! way, the adapters are siblings, the pure layers stay pure, only `db`
//! queries the database, and no file grows past what one job needs. Reads
//! the sources as text, like a reviewer would (see ARCHITECTURE.md).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Longest file (in lines) before it is a sign of two jobs; tests in their
/// own `tests.rs` don't count.
const MAX_LINES: usize = 500;

/// Each layer (a top-level module of `src/`) and the crate modules it may
/// import besides itself. Modules not listed (`say!`, `lib`, `main`) are
/// not layers.
const LAYERS: &[(&str, &[&str])] = &[
    ("stats", &[]),
    ("domain", &["stats"]),
    ("report", &["domain", "stats"]),
    ("render", &["report", "domain", "stats"]),
    ("db", &["domain"]),
    ("auth", &["domain"]),
    (
        "app",
        &[
            "db", "domain", "report", "render", "stats", "auth", "config",
        ],
    ),
    (
        "web",
        &[
            "app",
            "domain",
            "report",
            "stats",
            "auth",
            "config",
            "telemetry",
        ],
    ),
    (
        "cli",
        &["app", "domain", "report", "stats", "config", "startup"],
    ),
];

/// Layers that do no I/O and know no framework.
const PURE: &[&str] = &["stats", "domain", "report", "render"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every Rust file under `dir`, with its path relative to `src/`.
fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("a source folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path
                    .strip_prefix(src())
                    .expect("under src")
                    .display()
                    .to_string();
                files.push((relative, std::fs::read_to_string(&path).expect("a file")));
            }
        }
    }
    files.sort();
    files
}

/// The layer a file belongs to: the first part of its path (`app/x.rs` → `app`).
fn layer_of(relative: &str) -> &str {
    let first = relative.split('/').next().unwrap_or(relative);
    first.strip_suffix(".rs").unwrap_or(first)
}

/// The crate modules a file names as `crate::x`, with the line of each first use.
fn imports(source: &str) -> BTreeMap<String, usize> {
    let mut found = BTreeMap::new();
    for (number, line) in source.lines().enumerate() {
        for piece in line.split("crate::").skip(1) {
            let module: String = piece
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            found.entry(module).or_insert(number + 1);
        }
    }
    found
}

fn report(findings: Vec<String>) {
    assert!(
        findings.is_empty(),
        "{} finding(s):\n{}",
        findings.len(),
        findings.join("\n")
    );
}

#[test]
fn imports_point_down_the_layers() {
    let layers: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut findings = Vec::new();
    for (file, source) in sources(&src()) {
        let layer = layer_of(&file);
        let Some(allowed) = layers.get(layer) else {
            continue;
        };
        for (module, line) in imports(&source) {
            if module != layer
                && layers.contains_key(module.as_str())
                && !allowed.contains(&module.as_str())
            {
                findings.push(format!(
                    "{file}:{line} imports crate::{module} ({layer} may import: {allowed:?})"
                ));
            }
        }
    }
    report(findings);
}

#[test]
fn pages_and_routes_never_call_each_other() {
    let mut findings = Vec::new();
    for (sibling, other) in [("web/pages", "routes"), ("web/routes", "pages")] {
        for (file, source) in sources(&src().join(sibling)) {
            for (number, line) in source.lines().enumerate() {
                let path = format!("web::{other}");
                if line.contains(&format!("crate::{path}"))
                    || line.contains(&format!("super::{other}::"))
                {
                    findings.push(format!("{file}:{} uses {other}", number + 1));
                }
            }
        }
    }
    report(findings);
}

#[test]
fn the_pure_layers_know_no_framework_and_do_no_io() {
    let banned = [
        "actix_web",
        "diesel::",
        "use diesel",
        "std::fs::",
        "std::net::",
        "tokio::",
    ];
    let mut findings = Vec::new();
    for layer in PURE {
        for (file, source) in sources(&src().join(layer)) {
            for (number, line) in source.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                if let Some(word) = banned.iter().find(|b| code.contains(*b)) {
                    findings.push(format!("{file}:{} uses {word}", number + 1));
                }
            }
        }
    }
    report(findings);
}

#[test]
fn only_db_queries_the_database() {
    // What a query looks like in diesel; `QueryResult` as a type is fine.
    let queries = [
        "diesel::insert_into",
        "diesel::update",
        "diesel::delete",
        "sql_query(",
        "::table\n",
        "::table.",
        ".load(conn",
        ".execute(conn",
        "RunQueryDsl",
    ];
    let mut findings = Vec::new();
    for layer in ["app", "web", "cli.rs", "startup.rs"] {
        let path = src().join(layer);
        let files = if path.is_dir() {
            sources(&path)
        } else {
            let source = std::fs::read_to_string(&path).expect("a file");
            vec![(layer.to_owned(), source)]
        };
        for (file, source) in files {
            if let Some(query) = queries.iter().find(|q| source.contains(*q)) {
                findings.push(format!("{file} runs a query itself ({query})"));
            }
        }
    }
    report(findings);
}

#[test]
fn the_adapters_hold_no_use_case() {
    // A use case takes the shared state and does its own transactions;
    // adapters call `state.run(|app| …)` with one app function instead.
    let mut findings = Vec::new();
    for (file, source) in sources(&src().join("web")) {
        for (number, line) in source.lines().enumerate() {
            let transaction =
                line.contains(".read(move |conn|") || line.contains(".write(move |conn|");
            let takes_state = line.contains("pub async fn") && line.contains("state: &AppState");
            if transaction || takes_state {
                findings.push(format!("{file}:{}: {}", number + 1, line.trim()));
            }
        }
    }
    report(findings);
}

#[test]
fn no_file_holds_more_than_one_job() {
    let findings = sources(&src())
        .into_iter()
        .filter(|(file, _)| !file.ends_with("/tests.rs"))
        .filter_map(|(file, source)| {
            let lines = source.lines().count();
            (lines > MAX_LINES).then(|| format!("{file} has {lines} lines (over {MAX_LINES})"))
        })
        .collect();
    report(findings);
}
