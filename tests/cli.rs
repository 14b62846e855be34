//! The `cmas` binary as a user runs it.

#![expect(
    clippy::indexing_slicing,
    reason = "a test fails by panicking, and indexes what it has just built or read"
)]

use std::process::Command;

fn cmas(args: &[&str], database: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cmas"))
        .args(args)
        .env("CMAS_DATABASE_URL", database)
        .env_remove("CMAS_ADMIN_PASSWORD")
        .env("CMAS_LOG", "warn")
        .output()
        .expect("cmas runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn questionnaire_check_accepts_the_bundled_questionnaire() {
    let dir = tempfile::tempdir().expect("dir");
    let out = cmas(
        &[
            "questionnaire",
            "check",
            "questionnaires/customer-management.toml",
        ],
        &dir.path().join("db"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("ok: customer-management") && stdout.contains("8 areas"),
        "{stdout}"
    );
    for language in ["de", "fr"] {
        assert!(
            stdout.contains(&format!(
                "customer-management.{language}.toml: ok: {language} translation of every area"
            )),
            "the translations beside it are checked too: {stdout}"
        );
    }
}

#[test]
fn a_translation_that_lost_a_question_or_its_english_fails_with_file_line_and_column() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::copy(
        "questionnaires/customer-management.toml",
        dir.path().join("customer-management.toml"),
    )
    .expect("copy");
    let german = include_str!("../questionnaires/customer-management.de.toml");
    let start = german.find("[questions.\"AP.1.2\"]").expect("AP.1.2");
    let end = start + german[start..].find("\n\n").expect("its end");
    let file = dir.path().join("customer-management.de.toml");
    std::fs::write(&file, format!("{}{}", &german[..start], &german[end + 2..])).expect("write");
    let out = cmas(
        &["questionnaire", "check", file.to_str().expect("path")],
        &dir.path().join("db"),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{}:1:1: no translation of AP.1.2 in questions",
            file.display()
        )),
        "{stderr}"
    );
    // The English changed: the translation says it needs review.
    let english = dir.path().join("customer-management.toml");
    let changed = std::fs::read_to_string(&english).expect("read").replacen(
        "Customers are segmented",
        "Customers are grouped",
        1,
    );
    std::fs::write(&english, changed).expect("write");
    std::fs::write(&file, german).expect("write");
    let out = cmas(
        &["questionnaire", "check", english.to_str().expect("path")],
        &dir.path().join("db"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(":9:16: translates another text than customer-management 1.0.0"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn questionnaire_check_prints_every_problem_and_fails() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("broken.toml");
    let source = include_str!("fixtures/mini.toml")
        .replace("weight = 3.0", "weight = -2")
        .replace("high = \"Segments drive budgets.\"", "")
        .replace("practice = \"Retention", "practise = \"Retention");
    std::fs::write(&file, source).expect("write");
    let out = cmas(
        &["questionnaire", "check", file.to_str().expect("path")],
        &dir.path().join("db"),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let name = file.display().to_string();
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with(&name)).collect();
    assert_eq!(lines.len(), 4, "{stderr}");
    assert!(
        lines[0].starts_with(&format!("{name}:28:1: missing `high`")),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with(&format!("{name}:36:10: the weight of question AP.1.2")),
        "{stderr}"
    );
    assert!(
        lines.iter().any(|l| l.contains("unknown key `practise`")),
        "{stderr}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("missing `practice` in question ME.1.1")),
        "{stderr}"
    );
    assert!(stderr.trim_end().ends_with("4 problem(s)"), "{stderr}");
}

#[test]
fn a_missing_file_is_one_readable_line() {
    let dir = tempfile::tempdir().expect("dir");
    let out = cmas(
        &["questionnaire", "check", "no-such.toml"],
        &dir.path().join("db"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr).trim().lines().count(), 1);
    assert!(text(&out.stderr).starts_with("cmas: cannot read no-such.toml"));
}

#[test]
fn demo_loads_a_realistic_portfolio_once_and_prints_the_logins() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("demo.sqlite3");
    let first = cmas(&["demo"], &db);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let stdout = text(&first.stdout);
    assert!(
        stdout.contains("created the first admin admin@cmas.local with the password"),
        "{stdout}"
    );
    assert!(stdout.contains("demo: loaded 48 clients"), "{stdout}");
    for login in [
        "admin@demo.cmas",
        "consultant@demo.cmas",
        "executive@demo.cmas",
        "programme@demo.cmas",
    ] {
        assert!(stdout.contains(login), "{stdout}");
    }
    let second = cmas(&["demo"], &db);
    assert!(second.status.success());
    let again = text(&second.stdout);
    assert!(
        again.contains("demo: already loaded (48 clients"),
        "{again}"
    );
    assert!(
        !again.contains("created the first admin"),
        "the password is shown once: {again}"
    );
}

#[test]
fn migrate_creates_the_database_and_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("sub/dir/cmas.sqlite3");
    let out = cmas(&["migrate"], &db);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(db.exists());
    assert!(text(&out.stdout).contains("is up to date"));
}

#[test]
fn each_command_documents_the_settings_it_reads_and_no_others() {
    let dir = tempfile::tempdir().expect("dir");
    let help = |args: &[&str]| text(&cmas(args, &dir.path().join("db")).stdout);
    let serve = help(&["serve", "--help"]);
    for var in [
        "CMAS_DATABASE_URL",
        "CMAS_BIND",
        "CMAS_LOG",
        "CMAS_ADMIN_EMAIL",
        "CMAS_ADMIN_PASSWORD",
        "CMAS_DB_POOL_SIZE",
        "CMAS_SESSION_HOURS",
        "CMAS_SECURE_COOKIES",
        "CMAS_TRUST_FORWARDED",
        "CMAS_MAX_CONNECTIONS",
        "CMAS_BODY_DEADLINE_SECS",
        "CMAS_BODY_MIN_RATE",
    ] {
        assert!(serve.contains(var), "{var} missing from serve --help");
    }
    let server_only = ["CMAS_BIND", "CMAS_ADMIN_PASSWORD", "CMAS_SESSION_HOURS"];
    let correlate = help(&["stats", "correlate", "--help"]);
    for var in server_only.iter().chain(&["CMAS_DATABASE_URL"]) {
        assert!(
            !correlate.contains(var),
            "{var} in stats correlate --help:\n{correlate}"
        );
    }
    let report = help(&["report", "scorecard", "--help"]);
    assert!(report.contains("CMAS_DATABASE_URL"), "{report}");
    for var in server_only {
        assert!(
            !report.contains(var),
            "{var} in report scorecard --help:\n{report}"
        );
    }
    let demo = help(&["demo", "--help"]);
    assert!(
        demo.contains("CMAS_ADMIN_PASSWORD") && !demo.contains("CMAS_BIND"),
        "{demo}"
    );
}

#[test]
fn report_scorecards_renders_one_valid_pdf_per_final_assessment() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("demo.sqlite3");
    assert!(cmas(&["demo"], &db).status.success());
    let out_dir = dir.path().join("cards");
    let out = cmas(
        &[
            "report",
            "scorecards",
            "--all",
            "--out",
            out_dir.to_str().expect("path"),
        ],
        &db,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary = text(&out.stdout);
    let files: Vec<_> = std::fs::read_dir(&out_dir)
        .expect("dir")
        .filter_map(Result::ok)
        .collect();
    assert!(files.len() >= 80, "{} files", files.len());
    assert!(
        summary.contains(&format!("{} scorecards in", files.len())),
        "{summary}"
    );
    for file in &files {
        let bytes = std::fs::read(file.path()).expect("read");
        assert!(
            bytes.starts_with(b"%PDF-") && bytes.len() > 10_000,
            "{}",
            file.path().display()
        );
        assert!(
            file.path().extension().is_some_and(|e| e == "pdf"),
            "no partial files remain"
        );
    }
    let one = dir.path().join("one.html");
    let html = cmas(
        &[
            "report",
            "scorecard",
            "--assessment",
            "1",
            "--out",
            one.to_str().expect("path"),
        ],
        &db,
    );
    assert!(html.status.success(), "{}", text(&html.stderr));
    assert!(std::fs::read_to_string(&one)
        .expect("html")
        .contains("<svg"));
    // In another language than the client's, and a language cmas lacks refused.
    let french = dir.path().join("french.html");
    let asked = cmas(
        &[
            "report",
            "scorecard",
            "--assessment",
            "1",
            "--lang",
            "fr",
            "--out",
            french.to_str().expect("path"),
        ],
        &db,
    );
    assert!(asked.status.success(), "{}", text(&asked.stderr));
    let page = std::fs::read_to_string(&french).expect("html");
    assert!(page.contains("<html lang=\"fr\">"), "{page}");
    assert!(page.contains("Points forts"), "the French headings");
    let spanish = cmas(
        &[
            "report",
            "scorecard",
            "--assessment",
            "1",
            "--lang",
            "es",
            "--out",
            "x.html",
        ],
        &db,
    );
    assert_eq!(spanish.status.code(), Some(2), "clap refuses the value");
    assert!(
        text(&spanish.stderr).contains("'es'"),
        "{}",
        text(&spanish.stderr)
    );
    let missing = cmas(
        &[
            "report",
            "scorecard",
            "--assessment",
            "999999",
            "--out",
            "x.pdf",
        ],
        &db,
    );
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        text(&missing.stderr).trim(),
        "cmas: there is no assessment 999999"
    );

    // A programme report for the board, for a client that runs one.
    let client: i32 = {
        use diesel::prelude::*;
        let url = cmas::db::DatabaseUrl::Sqlite(db.display().to_string());
        let database = cmas::db::Database::connect(&url, 1).expect("database");
        database
            .read(|conn| -> anyhow::Result<i32> {
                Ok(cmas::db::schema::programmes::table
                    .select(cmas::db::schema::programmes::client_id)
                    .order(cmas::db::schema::programmes::id)
                    .first::<i32>(conn)?)
            })
            .expect("a demo programme")
    };
    let board = dir.path().join("programme.pdf");
    let programme = cmas(
        &[
            "report",
            "programme",
            "--client",
            &client.to_string(),
            "--out",
            board.to_str().expect("path"),
        ],
        &db,
    );
    assert!(programme.status.success(), "{}", text(&programme.stderr));
    assert!(
        text(&programme.stdout).contains("projects)"),
        "{}",
        text(&programme.stdout)
    );
    assert!(std::fs::read(&board).expect("pdf").starts_with(b"%PDF-"));
    let none = cmas(
        &[
            "report",
            "programme",
            "--client",
            "999999",
            "--out",
            "x.pdf",
        ],
        &db,
    );
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(text(&none.stderr).trim(), "cmas: there is no client 999999");
}

#[test]
fn stats_correlate_prints_exactly_the_agreed_json_fields() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("clients.csv");
    std::fs::write(
        &file,
        "client,score,growth\nA,31.5,2.0\nB,44,3.5\nC,28,1.0\nD,52,4.0\nE,39,2.2\n",
    )
    .expect("write");
    let args = [
        "stats",
        "correlate",
        "--csv",
        file.to_str().expect("path"),
        "--x",
        "score",
        "--y",
        "growth",
        "--method",
        "pearson",
        "--json",
    ];
    let out = cmas(&args, &dir.path().join("db"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    let json: serde_json::Value = serde_json::from_str(printed.trim()).expect("one JSON object");
    assert_eq!(json.as_object().map(|o| o.len()), Some(7), "{printed}");
    let positions: Vec<usize> = [
        "\"method\"",
        "\"n\"",
        "\"r\"",
        "\"p_value\"",
        "\"ci_low\"",
        "\"ci_high\"",
        "\"r_squared\"",
    ]
    .iter()
    .map(|key| {
        printed
            .find(key)
            .unwrap_or_else(|| panic!("{key} missing: {printed}"))
    })
    .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "fields out of order: {printed}"
    );
    assert_eq!(
        (json["method"].as_str(), json["n"].as_u64()),
        (Some("pearson"), Some(5))
    );
    // scipy.stats.pearsonr([31.5, 44, 28, 52, 39], [2.0, 3.5, 1.0, 4.0, 2.2]).statistic
    assert!(
        (json["r"].as_f64().expect("r") - 0.9622199409938209).abs() < 1e-9,
        "{json}"
    );

    std::fs::write(
        &file,
        "client,score,growth\nA,31.5,2.0\nB,n/a,3.5\nC,28,1.0\n",
    )
    .expect("write");
    let bad = cmas(&args, &dir.path().join("db"));
    assert_eq!(bad.status.code(), Some(1));
    let message = text(&bad.stderr);
    assert!(
        message
            .trim()
            .ends_with(":3:2: `n/a` in column `score` is not a number"),
        "{message}"
    );
    let missing = cmas(
        &[
            "stats",
            "correlate",
            "--csv",
            file.to_str().expect("path"),
            "--x",
            "nope",
            "--y",
            "growth",
        ],
        &dir.path().join("db"),
    );
    assert!(text(&missing.stderr)
        .contains("there is no column `nope` (the header has: client, score, growth)"));
}

#[test]
fn importing_kpis_checks_the_header_names_the_row_and_stores_all_or_nothing() {
    use cmas::db::{performance::KpiValue, Database, DatabaseUrl};
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("demo.sqlite3");
    assert!(cmas(&["demo"], &db).status.success());
    let file = dir.path().join("kpis.csv");
    let count = || -> usize {
        let database =
            Database::connect(&DatabaseUrl::parse(db.to_str().expect("path")), 1).expect("db");
        database
            .read(|conn| KpiValue::for_period(conn, 2, "2026").map_err(anyhow::Error::from))
            .expect("values")
            .len()
    };
    let import_as = |what: &str, content: &str| {
        std::fs::write(&file, content).expect("write");
        cmas(
            &[
                "import",
                what,
                file.to_str().expect("path"),
                "--organisation",
                "demo",
            ],
            &db,
        )
    };
    let import = |content: &str| import_as("kpis", content);
    let bad = import("client,kpi,period,value\nHarbour Bank,Revenue growth,2026,4.5\nAnchor Insurance,Revenue growth,2026,lots\n");
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad.stderr)
            .trim()
            .ends_with("kpis.csv:3:4: `lots` is not a number"),
        "{}",
        text(&bad.stderr)
    );
    assert_eq!(count(), 0, "nothing from a failed file is stored");
    let unknown = import("client,kpi,period,value\nNobody Ltd,Revenue growth,2026,4.5\n");
    assert!(
        text(&unknown.stderr).contains("kpis.csv:2:1: there is no client named `Nobody Ltd`"),
        "{}",
        text(&unknown.stderr)
    );
    let header = import("customer,kpi,period,value\n");
    assert!(
        text(&header.stderr).contains("kpis.csv:1:1: the header must be `client,kpi,period,value`"),
        "{}",
        text(&header.stderr)
    );
    let good = import("client,kpi,period,value\nHarbour Bank,Revenue growth,2026,4.5\nAnchor Insurance,Complaints,2026,11\n");
    assert!(good.status.success(), "{}", text(&good.stderr));
    assert_eq!(text(&good.stdout).trim(), "imported 2 KPI values");
    assert_eq!(count(), 2);

    let twice = import_as(
        "panels",
        "panel,period,client,rank\nBoard,2026,Harbour Bank,1\nBoard,2026,Harbour Bank,2\n",
    );
    assert!(
        text(&twice.stderr).contains(":3:3: `Harbour Bank` is ranked twice by Board for 2026"),
        "{}",
        text(&twice.stderr)
    );

    let rated = import_as(
        "panels",
        "panel,period,client,rating\nBoard,2026,Harbour Bank,7.5\nBoard,2026,Anchor Insurance,9\n",
    );
    assert!(rated.status.success(), "{}", text(&rated.stderr));
    let database =
        Database::connect(&DatabaseUrl::parse(db.to_str().expect("path")), 1).expect("db");
    let ranks = database
        .read(|conn| {
            cmas::db::performance::Panel::ranks_for_period(conn, 2, "2026")
                .map_err(anyhow::Error::from)
        })
        .expect("ranks");
    let clients = database
        .read(|conn| {
            cmas::db::performance::client_ids_by_name(conn, 2).map_err(anyhow::Error::from)
        })
        .expect("clients");
    let board = &ranks[0].1;
    assert_eq!(
        board.get(&clients["Anchor Insurance"]),
        Some(&1.0),
        "the best rating becomes rank 1"
    );
    assert_eq!(board.get(&clients["Harbour Bank"]), Some(&2.0));
}

/// One count from a SQLite file, read the way any other program would.
fn count(database: &std::path::Path, table: &str) -> i64 {
    use diesel::{sql_query, sql_types::BigInt, Connection, QueryableByName, RunQueryDsl};
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let mut conn = diesel::SqliteConnection::establish(&database.to_string_lossy()).expect("open");
    let rows: Vec<N> = sql_query(format!("SELECT count(*) AS n FROM {table}"))
        .load(&mut conn)
        .expect("count");
    rows[0].n
}

#[test]
fn a_backup_taken_while_the_database_is_open_restores_that_state_and_nothing_untrusted_is_restored()
{
    use diesel::{sql_query, Connection, RunQueryDsl};
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("cmas.sqlite3");
    assert!(cmas(&["demo"], &db).status.success());
    let ranks = count(&db, "panel_ranks");
    assert!(ranks > 0);

    // Another connection has the database open (as a running cmas would).
    let mut other = diesel::SqliteConnection::establish(&db.to_string_lossy()).expect("open");
    sql_query("SELECT count(*) FROM clients")
        .execute(&mut other)
        .expect("read");
    let backup = dir.path().join("backup.sqlite3");
    let out = cmas(&["backup", "--out", &backup.to_string_lossy()], &db);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("backed up 2 organisations, 48 clients"),
        "{}",
        text(&out.stdout)
    );
    assert!(!dir.path().join("backup.sqlite3-partial").exists());
    let again = cmas(&["backup", "--out", &backup.to_string_lossy()], &db);
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("already exists"));

    // The data changes after the backup; a restore while it is open is refused.
    sql_query("DELETE FROM panel_ranks")
        .execute(&mut other)
        .expect("delete");
    let busy = cmas(&["restore", &backup.to_string_lossy()], &db);
    assert!(!busy.status.success());
    assert!(
        text(&busy.stderr).contains("is in use"),
        "{}",
        text(&busy.stderr)
    );
    assert_eq!(count(&db, "panel_ranks"), 0, "nothing was swapped");
    drop(other);

    let restored = cmas(&["restore", &backup.to_string_lossy()], &db);
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    assert_eq!(count(&db, "panel_ranks"), ranks, "the state of the backup");
    let served = cmas(&["migrate"], &db);
    assert!(served.status.success(), "the restored database opens");

    // Files that are not intact cmas databases are refused, one line each.
    let junk = dir.path().join("junk.sqlite3");
    std::fs::write(&junk, b"not a database at all, just some bytes here").expect("write");
    let refused = cmas(&["restore", &junk.to_string_lossy()], &db);
    assert!(!refused.status.success());
    let message = text(&refused.stderr);
    assert!(
        message.contains("is not a cmas database") && message.lines().count() == 1,
        "{message}"
    );
    assert_eq!(
        count(&db, "panel_ranks"),
        ranks,
        "the database is untouched"
    );
    let postgres = Command::new(env!("CARGO_BIN_EXE_cmas"))
        .args(["backup", "--out", "x.dump"])
        .env("CMAS_DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
        .output()
        .expect("runs");
    assert!(!postgres.status.success());
    assert!(text(&postgres.stderr).contains("pg_dump"));
}

/// Evidence files live in the database, so a backup carries them byte for byte.
#[test]
fn a_backup_carries_the_evidence_files() {
    use diesel::{sql_query, sql_types::Binary, Connection, QueryableByName, RunQueryDsl};
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("cmas.sqlite3");
    assert!(cmas(&["demo"], &db).status.success());
    let mut conn = diesel::SqliteConnection::establish(&db.to_string_lossy()).expect("open");
    sql_query(
        "INSERT INTO evidence_items (organisation_id, assessment_id, kind, title, file_name, media_type, \
         size_bytes, sha256, added_by, added_at) SELECT organisation_id, id, 'document', 'Plan', 'plan.pdf', \
         'application/pdf', 9, 'x', lead_assessor_id, '2026-12-06 10:00:00' FROM assessments LIMIT 1",
    )
    .execute(&mut conn)
    .expect("item");
    sql_query("INSERT INTO evidence_chunks (evidence_id, seq, bytes) SELECT id, 0, X'255044462D312E340A' FROM evidence_items")
        .execute(&mut conn)
        .expect("chunk");
    drop(conn);
    let backup = dir.path().join("backup.sqlite3");
    let out = cmas(&["backup", "--out", &backup.to_string_lossy()], &db);
    assert!(out.status.success(), "{}", text(&out.stderr));
    #[derive(QueryableByName)]
    struct Chunk {
        #[diesel(sql_type = Binary)]
        bytes: Vec<u8>,
    }
    let mut copy = diesel::SqliteConnection::establish(&backup.to_string_lossy()).expect("open");
    let chunks: Vec<Chunk> = sql_query("SELECT bytes FROM evidence_chunks")
        .load(&mut copy)
        .expect("chunks");
    assert_eq!(chunks.len(), 1);
    assert_eq!(chunks[0].bytes, b"%PDF-1.4\n");
}

#[test]
fn a_new_version_s_practice_map_is_held_against_the_version_it_replaces() {
    let dir = tempfile::tempdir().expect("dir");
    let out = cmas(
        &[
            "questionnaire",
            "check",
            "questionnaires/customer-management-1.1.0.toml",
        ],
        &dir.path().join("db"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("ok: the practice map from 1.0.0 holds"),
        "{}",
        text(&out.stdout)
    );
    // A split into one practice, and a practice that appears from nowhere.
    for name in ["customer-management.toml", "customer-management-1.1.0.toml"] {
        std::fs::copy(format!("questionnaires/{name}"), dir.path().join(name)).expect("copy");
    }
    let later = dir.path().join("customer-management-1.1.0.toml");
    let broken = std::fs::read_to_string(&later)
        .expect("read")
        .replace("to = [\"CMA.2.5\", \"CMA.2.6\"]", "to = [\"CMA.2.5\"]");
    std::fs::write(&later, &broken).expect("write");
    let out = cmas(
        &["questionnaire", "check", later.to_str().expect("path")],
        &dir.path().join("db"),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let line_of = |needle: &str| {
        broken
            .lines()
            .position(|l| l.trim() == needle)
            .map(|i| i + 1)
            .expect("in the file")
    };
    let split = broken
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[map]]")
        .map(|(i, _)| i + 1)
        .nth(2)
        .expect("the third table");
    assert!(
        stderr.contains(&format!(
            "{}:{split}:1: a `split` table takes at least two `to` practice(s); it has 1",
            later.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{}:{}:1: `CMA.2.6` is new in 1.1.0",
            later.display(),
            line_of("id = \"CMA.2.6\"")
        )),
        "{stderr}"
    );
    // Without the version it replaces beside it, it says so.
    std::fs::remove_file(dir.path().join("customer-management.toml")).expect("remove");
    let out = cmas(
        &["questionnaire", "check", later.to_str().expect("path")],
        &dir.path().join("db"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(
            "replaces customer-management 1.0.0, which is not among the questionnaires beside it"
        ),
        "{}",
        text(&out.stderr)
    );
}
