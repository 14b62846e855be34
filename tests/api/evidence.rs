//! Evidence files: stored by their bytes' type, once per assessment, served
//! only as attachments, shared with executives only by an admin, and every
//! kind of upload abuse refused with a problem document and nothing stored.

use crate::helpers::{spawn_app_with, Backend, Cred, TestApp};
use crate::on_both_backends;
use cmas::app::error::AppError;
use serde_json::{json, Value};
use std::io::Write;

on_both_backends!(
    a_document_is_kept_once_with_its_facts_and_served_only_as_an_attachment,
    executives_reach_evidence_only_when_an_admin_shares_it,
    upload_abuse_is_refused_and_nothing_is_stored,
    an_answer_cites_evidence_of_its_own_assessment_only,
    erasing_a_client_leaves_no_byte_of_its_evidence,
);

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

fn open_assessment(app: &TestApp, admin: &Cred) -> i64 {
    let questionnaire = app.mini_questionnaire(admin);
    let client = app.client(admin, "Evidence Ltd");
    app.draft(admin, client, questionnaire)
}

fn upload(
    app: &TestApp,
    cred: &Cred,
    id: i64,
    query: &str,
    bytes: &[u8],
    content_type: &str,
) -> crate::helpers::Answer {
    app.upload(
        &format!("/api/v1/assessments/{id}/evidence/files?{query}"),
        cred,
        bytes,
        content_type,
    )
}

fn items(app: &TestApp, cred: &Cred, id: i64) -> Vec<Value> {
    app.get(&format!("/api/v1/assessments/{id}/evidence"), cred)
        .expect(200)
        .as_array()
        .cloned()
        .expect("a list")
}

fn a_document_is_kept_once_with_its_facts_and_served_only_as_an_attachment(app: &TestApp) {
    let admin = app.admin();
    let id = open_assessment(app, &admin);
    let query = "file_name=Sales%20plan%20%C3%A9t%C3%A9.pdf&title=Sales%20plan&effective_date=2026-09-30&area_ids=AP,ME.1";
    // The Content-Type the client claims is ignored: the bytes say PDF.
    let item = upload(app, &admin, id, query, PDF, "image/png").expect(201);
    assert_eq!(item["kind"], "document");
    assert_eq!(item["media_type"], "application/pdf");
    assert_eq!(item["size_bytes"], PDF.len());
    assert_eq!(item["effective_date"], "2026-09-30");
    assert_eq!(item["area_ids"], json!(["AP", "ME.1"]));
    let sha = item["sha256"].as_str().expect("sha256");
    assert_eq!(sha.len(), 64);
    assert!(item["added_by"].as_i64().is_some() && item["added_at"].is_string());

    // The same bytes again, under another name: the existing item, not a second one.
    let again = upload(
        app,
        &admin,
        id,
        "file_name=copy.pdf",
        PDF,
        "application/pdf",
    )
    .expect(200);
    assert_eq!(again["id"], item["id"]);
    assert_eq!(items(app, &admin, id).len(), 1);

    let file = app.get(
        &format!("/api/v1/assessments/{id}/evidence/{}/file", item["id"]),
        &admin,
    );
    assert_eq!(file.status, 200);
    assert_eq!(file.bytes, PDF);
    assert_eq!(file.header("content-type"), Some("application/pdf"));
    assert_eq!(file.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(
        file.header("content-disposition"),
        Some("attachment; filename=\"Sales plan _t_.pdf\"; filename*=UTF-8''Sales%20plan%20%C3%A9t%C3%A9.pdf")
    );
    assert!(file
        .header("content-security-policy")
        .is_some_and(|p| p.contains("default-src 'none'") && p.contains("sandbox")));

    // Upload and removal are on the assessment's audit trail.
    app.request(
        "DELETE",
        &format!("/api/v1/assessments/{id}/evidence/{}", item["id"]),
        &admin,
        None,
        "",
    )
    .expect(204);
    let trail = app
        .get(&format!("/api/v1/assessments/{id}/audit"), &admin)
        .expect(200);
    let actions: Vec<&str> = trail
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(
        actions.contains(&"evidence.upload") && actions.contains(&"evidence.remove"),
        "{actions:?}"
    );
    assert!(items(app, &admin, id).is_empty());
}

fn executives_reach_evidence_only_when_an_admin_shares_it(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Shared Ltd");
    let id = app.draft(&admin, client, questionnaire);
    let item = upload(
        app,
        &admin,
        id,
        "file_name=board.pdf",
        PDF,
        "application/pdf",
    )
    .expect(201);
    app.finalise_mini(&admin, id, (6, 4), "seen");
    let (exec_id, exec) = app.user(&admin, "exec@a.test", "executive");
    app.send(
        "POST",
        &format!("/api/v1/clients/{client}/members"),
        &admin,
        &json!({ "user_id": exec_id }),
    )
    .expect(204);
    let (_, consultant) = app.user(&admin, "co@a.test", "consultant");
    let path = format!("/api/v1/assessments/{id}/evidence/{}/file", item["id"]);
    app.get(&path, &exec).problem(404, "not_found");
    assert!(
        items(app, &exec, id).is_empty(),
        "executives list none unshared"
    );
    // Only an admin shares, and sharing works on a final assessment.
    let share = json!({ "shared_with_executives": true });
    app.send(
        "PATCH",
        &format!("/api/v1/assessments/{id}/evidence/{}", item["id"]),
        &consultant,
        &share,
    )
    .problem(403, "role_not_allowed");
    app.send(
        "PATCH",
        &format!("/api/v1/assessments/{id}/evidence/{}", item["id"]),
        &admin,
        &share,
    )
    .expect(200);
    let file = app.get(&path, &exec);
    assert_eq!((file.status, file.bytes.as_slice()), (200, PDF));
    assert_eq!(items(app, &exec, id).len(), 1);
    // Evidence of a final assessment changes no more.
    upload(
        app,
        &admin,
        id,
        "file_name=late.txt",
        b"late notes\n",
        "text/plain",
    )
    .problem(409, "assessment_final");
}

/// A .docx that unpacks to 48 MiB of zeros from a few hundred KiB.
fn zip_bomb() -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", options)
        .expect("entry");
    zip.write_all(b"<?xml version=\"1.0\"?><Types/>")
        .expect("write");
    zip.start_file("_rels/.rels", options).expect("entry");
    zip.write_all(b"<Relationships/>").expect("write");
    zip.start_file("word/document.xml", options).expect("entry");
    zip.write_all(b"<w:document/>").expect("write");
    zip.start_file("word/media/image1.bin", options)
        .expect("entry");
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..48 {
        zip.write_all(&zeros).expect("write");
    }
    zip.finish().expect("zip");
    out.into_inner()
}

/// Sends `bytes` with chunked transfer encoding (no length announced), so
/// the server can only stop it while it streams in.
fn chunked_upload(app: &TestApp, token: &str, id: i64, bytes: Vec<u8>) -> u16 {
    let url = format!(
        "{}/api/v1/assessments/{id}/evidence/files?file_name=big.pdf",
        app.address
    );
    let result = ureq::post(&url)
        .set("Authorization", &format!("Bearer {token}"))
        .set("Transfer-Encoding", "chunked")
        .send(std::io::Cursor::new(bytes));
    match result {
        Ok(r) | Err(ureq::Error::Status(_, r)) => r.status(),
        // The server may close the connection once it has answered 413.
        Err(e) => panic!("transport error: {e}"),
    }
}

fn upload_abuse_is_refused_and_nothing_is_stored(app: &TestApp) {
    let admin = app.admin();
    let id = open_assessment(app, &admin);
    let mut big = PDF.to_vec();
    big.resize(26 * 1024 * 1024, b' ');
    upload(
        app,
        &admin,
        id,
        "file_name=big.pdf",
        &big,
        "application/pdf",
    )
    .problem(413, "body_too_large");
    let Cred::Bearer(token) = &admin else {
        panic!("a token")
    };
    assert_eq!(chunked_upload(app, token, id, big), 413);
    let html = b"<!DOCTYPE html><html><script>alert(1)</script></html>";
    upload(
        app,
        &admin,
        id,
        "file_name=report.pdf",
        html,
        "application/pdf",
    )
    .problem(422, "file_type_not_allowed");
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>";
    upload(
        app,
        &admin,
        id,
        "file_name=chart.pdf",
        svg,
        "application/pdf",
    )
    .problem(422, "file_type_not_allowed");
    upload(
        app,
        &admin,
        id,
        "file_name=empty.pdf",
        b"",
        "application/pdf",
    )
    .problem(422, "empty_file");
    let bomb = zip_bomb();
    assert!(
        bomb.len() < 1024 * 1024,
        "the bomb is small: {}",
        bomb.len()
    );
    upload(
        app,
        &admin,
        id,
        "file_name=minutes.docx",
        &bomb,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    .problem(422, "suspicious_archive");
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
    upload(app, &admin, id, "file_name=a.gif", gif, "image/gif")
        .problem(422, "file_type_not_allowed");
    assert!(items(app, &admin, id).is_empty(), "nothing was stored");
    // Roles that may not upload are refused before the body is read.
    let (_, exec) = app.user(&admin, "exec@a.test", "executive");
    upload(app, &exec, id, "file_name=x.pdf", PDF, "application/pdf")
        .problem(403, "role_not_allowed");
    // Plain text and CSV are allowed, typed by their content.
    let csv = upload(
        app,
        &admin,
        id,
        "file_name=kpis.txt",
        b"kpi,value\nchurn,4.1\n",
        "text/plain",
    )
    .expect(201);
    assert_eq!(csv["media_type"], "text/csv");
}

fn an_answer_cites_evidence_of_its_own_assessment_only(app: &TestApp) {
    let admin = app.admin();
    let id = open_assessment(app, &admin);
    let questionnaire = app
        .get(&format!("/api/v1/assessments/{id}"), &admin)
        .expect(200)["questionnaire_id"]
        .as_i64()
        .expect("questionnaire");
    let other = app.draft(&admin, app.client(&admin, "Other Ltd"), questionnaire);
    let doc = upload(
        app,
        &admin,
        id,
        "file_name=plan.pdf",
        PDF,
        "application/pdf",
    )
    .expect(201);
    let link = app
        .send("POST", &format!("/api/v1/assessments/{id}/evidence/links"), &admin,
            &json!({ "title": "CRM dashboard", "url": "https://crm.example.test/dash", "area_ids": ["ME"] }))
        .expect(201);
    let foreign = upload(
        app,
        &admin,
        other,
        "file_name=other.pdf",
        b"%PDF-1.4 other",
        "application/pdf",
    )
    .expect(201);
    let path = format!("/api/v1/assessments/{id}/scores/AP.1.1");
    let ids = json!([doc["id"], link["id"]]);
    let saved = app
        .send(
            "PUT",
            &path,
            &admin,
            &json!({ "intention": 6, "reality": 4, "evidence_ids": ids, "version": 0 }),
        )
        .expect(200);
    let mut cited: Vec<i64> = saved["evidence_ids"]
        .as_array()
        .expect("ids")
        .iter()
        .filter_map(Value::as_i64)
        .collect();
    cited.sort_unstable();
    let mut expected = vec![
        doc["id"].as_i64().expect("id"),
        link["id"].as_i64().expect("id"),
    ];
    expected.sort_unstable();
    assert_eq!(cited, expected);
    app.send(
        "PUT",
        &path,
        &admin,
        &json!({ "intention": 6, "reality": 4, "evidence_ids": [foreign["id"]] }),
    )
    .problem(422, "unknown_evidence");
    // Without `evidence_ids` the citations stay; the listing shows them.
    app.send(
        "PUT",
        &path,
        &admin,
        &json!({ "intention": 7, "reality": 4 }),
    )
    .expect(200);
    let mine = app
        .get(&format!("/api/v1/assessments/{id}/scores"), &admin)
        .expect(200);
    assert_eq!(
        mine[0]["evidence_ids"].as_array().map(Vec::len),
        Some(2),
        "{mine}"
    );
    let listed = items(app, &admin, id);
    assert!(listed.iter().all(|i| i["citations"] == 1), "{listed:?}");
    let trail = app
        .get(&format!("/api/v1/assessments/{id}/audit"), &admin)
        .expect(200);
    assert!(trail
        .as_array()
        .expect("events")
        .iter()
        .any(|e| e["action"] == "evidence.cite"));
}

fn erasing_a_client_leaves_no_byte_of_its_evidence(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Erase Me Ltd");
    let id = app.draft(&admin, client, questionnaire);
    let kept_client = app.client(&admin, "Kept Ltd");
    let kept = app.draft(&admin, kept_client, questionnaire);
    upload(app, &admin, id, "file_name=a.pdf", PDF, "application/pdf").expect(201);
    upload(
        app,
        &admin,
        kept,
        "file_name=b.pdf",
        b"%PDF-1.4 kept",
        "application/pdf",
    )
    .expect(201);
    let interview = json!({ "interviewee": "Ann", "job_title": "CMO", "function": "marketing", "scheduled_at": "2026-12-01T09:00:00", "area_ids": ["AP"] });
    app.send(
        "POST",
        &format!("/api/v1/assessments/{id}/interviews"),
        &admin,
        &interview,
    )
    .expect(201);
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/scores/AP.1.1"),
        &admin,
        &json!({ "evidence": "draft", "evidence_ids": [] }),
    )
    .expect(200);
    // The ZIP form of the export carries the file itself beside the JSON.
    let export = app.get(&format!("/api/v1/clients/{client}/export.zip"), &admin);
    assert_eq!(export.status, 200);
    assert_eq!(export.header("content-type"), Some("application/zip"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(export.bytes)).expect("a ZIP");
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    let file = names
        .iter()
        .find(|n| n.starts_with("evidence/") && n.ends_with("-a.pdf"))
        .cloned()
        .expect("the file");
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_name(&file).expect("entry"), &mut bytes)
        .expect("read");
    assert_eq!(bytes, PDF);
    let mut json = String::new();
    std::io::Read::read_to_string(
        &mut archive
            .by_name(
                names
                    .iter()
                    .find(|n| n.contains(" – all data – ") && n.ends_with(".json"))
                    .expect("the JSON, named after the client"),
            )
            .expect("json"),
        &mut json,
    )
    .expect("read");
    let document: Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(
        document["evidence"].as_array().map(Vec::len),
        Some(2),
        "the document and the interview"
    );
    assert_eq!(document["interviews"][0]["job_title"], "CMO");
    assert!(
        !names.iter().any(|n| n.contains("b.pdf")),
        "nothing of another client: {names:?}"
    );
    app.request(
        "DELETE",
        &format!("/api/v1/clients/{client}"),
        &admin,
        Some(&json!({ "confirm": "Erase Me Ltd" }).to_string()),
        "application/json",
    )
    .expect(200);
    let count = |table: &str| -> i64 {
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        app.db
            .read(|conn| -> Result<Count, AppError> {
                Ok(diesel::RunQueryDsl::get_result::<Count>(
                    diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}")),
                    conn,
                )?)
            })
            .map(|c: Count| c.n)
            .expect("count")
    };
    assert_eq!(count("evidence_items"), 1, "the other client's item stays");
    assert_eq!(count("evidence_chunks"), 1);
    for table in [
        "interviews",
        "interview_assessors",
        "evidence_areas",
        "citations",
    ] {
        assert_eq!(count(table), 0, "{table}");
    }
    #[derive(diesel::QueryableByName)]
    struct Bytes {
        #[diesel(sql_type = diesel::sql_types::Binary)]
        bytes: Vec<u8>,
    }
    let left = app
        .db
        .read(|conn| -> Result<Vec<Bytes>, AppError> {
            Ok(diesel::RunQueryDsl::load::<Bytes>(
                diesel::sql_query("SELECT bytes FROM evidence_chunks"),
                conn,
            )?)
        })
        .expect("chunks");
    assert!(
        left.iter().all(|c| c.bytes != PDF),
        "no byte of the erased file is left"
    );
}

/// The organisation's quota counts every file it keeps.
#[test]
fn the_organisations_quota_refuses_the_file_that_would_pass_it() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = spawn_app_with(backend, |s| s.evidence.organisation_mib = 1) else {
            continue;
        };
        let admin = app.admin();
        let id = open_assessment(&app, &admin);
        let mut first = b"notes\n".to_vec();
        first.resize(700 * 1024, b'a');
        upload(&app, &admin, id, "file_name=a.txt", &first, "text/plain").expect(201);
        let mut second = b"other notes\n".to_vec();
        second.resize(700 * 1024, b'b');
        let refused = upload(&app, &admin, id, "file_name=b.txt", &second, "text/plain")
            .problem(413, "body_too_large");
        assert!(
            refused["detail"]
                .as_str()
                .is_some_and(|d| d.contains("1 MiB")),
            "{refused}"
        );
        assert_eq!(items(&app, &admin, id).len(), 1);
    }
}
