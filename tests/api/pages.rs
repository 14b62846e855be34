use crate::browser::Browser;
use crate::helpers::{TestApp, ADMIN_EMAIL, PASSWORD};
use crate::on_both_backends;
use serde_json::json;

on_both_backends!(
    the_login_page_starts_a_session_and_the_dashboard_says_who_is_there,
    form_posts_without_the_right_token_are_refused,
    executives_see_only_their_clients_scorecards_and_hostile_names_are_escaped,
    unknown_pages_get_a_friendly_404,
    the_scoring_screen_shows_an_area_with_guidance_and_only_to_the_organisation,
    a_consultant_creates_a_client_and_starts_an_assessment_with_forms,
    the_password_page_changes_the_password_and_ends_the_session,
    the_login_page_says_when_an_account_is_held_back,
);

fn the_login_page_starts_a_session_and_the_dashboard_says_who_is_there(app: &TestApp) {
    let mut browser = Browser::new(app);
    let start = browser.get("/");
    assert_eq!(
        (start.status, start.location.as_deref()),
        (303, Some("/login"))
    );
    let wrong = browser.login(ADMIN_EMAIL, "not the password");
    assert_eq!(wrong.status, 401);
    assert!(
        wrong.body.contains("The email or the password is wrong."),
        "{}",
        wrong.body
    );
    let done = browser.login(ADMIN_EMAIL, PASSWORD);
    assert_eq!((done.status, done.location.as_deref()), (303, Some("/")));
    let home = browser.get("/");
    assert_eq!(home.status, 200);
    assert!(
        home.body.contains("Administrator · Admin · Alpha Advisory"),
        "{}",
        home.body
    );
    let token = Browser::token(&home);
    let out = browser.send("POST", "/logout", Some(&[("csrf_token", &token)]));
    assert_eq!((out.status, out.location.as_deref()), (303, Some("/login")));
    assert_eq!(
        browser.get("/").status,
        303,
        "the session ended with the logout"
    );
}

fn form_posts_without_the_right_token_are_refused(app: &TestApp) {
    let mut browser = Browser::new(app);
    browser.get("/login");
    let forged = browser.send(
        "POST",
        "/login",
        Some(&[
            ("csrf_token", "guess"),
            ("email", ADMIN_EMAIL),
            ("password", PASSWORD),
        ]),
    );
    assert_eq!(forged.status, 403);
    assert!(forged.body.contains("expired"), "{}", forged.body);
    browser.login(ADMIN_EMAIL, PASSWORD);
    let logout = browser.send("POST", "/logout", Some(&[("csrf_token", "guess")]));
    assert_eq!(logout.status, 403);
    assert_eq!(
        browser.get("/").status,
        200,
        "a refused logout leaves the session alone"
    );
}

fn executives_see_only_their_clients_scorecards_and_hostile_names_are_escaped(app: &TestApp) {
    let admin = app.admin();
    let hostile = "<script>alert(1)</script> Bank";
    let theirs = app.client(&admin, hostile);
    app.client(&admin, "Other Bank");
    let (exec_id, _) = app.user(&admin, "ceo@a.test", "executive");
    app.send(
        "POST",
        &format!("/api/v1/clients/{theirs}/members"),
        &admin,
        &json!({ "user_id": exec_id }),
    )
    .expect(204);
    let questionnaire = app.mini_questionnaire(&admin);
    app.send("POST", "/api/v1/assessments", &admin, &json!({ "client_id": theirs, "questionnaire_id": questionnaire, "assessment_date": "2026-11-01" }))
        .expect(201);

    let mut consultant = Browser::new(app);
    consultant.login(ADMIN_EMAIL, PASSWORD);
    let page = consultant.get("/").body;
    assert!(
        !page.contains("<script>alert(1)</script>"),
        "unescaped client name"
    );
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Bank"));
    assert!(page.contains("<strong>1</strong> draft"), "{page}");

    let mut executive = Browser::new(app);
    executive.login("ceo@a.test", PASSWORD);
    let page = executive.get("/").body;
    assert!(
        page.contains("<h1>Your clients</h1>")
            && page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Bank</a>")
            && page.contains("No final assessment yet."),
        "drafts stay hidden: {page}"
    );
    assert!(!page.contains("<script>alert(1)</script>") && !page.contains("Other Bank"));
}

fn unknown_pages_get_a_friendly_404(app: &TestApp) {
    let mut browser = Browser::new(app);
    let missing = browser.get("/no/such/page");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Page not found") && missing.body.contains("/static/app.css"));
    let css = browser.get("/static/app.css");
    assert!(css.status == 200 && css.body.contains("--accent"));
}

fn the_scoring_screen_shows_an_area_with_guidance_and_only_to_the_organisation(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Harbour Bank");
    let id = app.draft(&admin, client, questionnaire);
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/scores/AP.1.2"),
        &admin,
        &json!({ "intention": 7, "reality": 4, "evidence": "Quarterly competitor review" }),
    )
    .expect(200);

    let mut lead = Browser::new(app);
    lead.login(ADMIN_EMAIL, PASSWORD);
    let page = lead.get(&format!("/assessments/{id}"));
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Segments drive budgets."),
        "the guidance is on the page"
    );
    assert!(
        page.body.contains("1 of 2 answered in this area"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("<option value=\"7\" selected>7</option>")
            && page.body.contains("Quarterly competitor review")
    );
    assert!(
        page.body.contains("name=\"csrf-token\""),
        "the script finds the session's token"
    );
    let other_area = lead.get(&format!("/assessments/{id}?area=ME"));
    assert!(other_area
        .body
        .contains("Retention is measured against targets."));

    let (_, _) = app.user(&admin, "colleague@a.test", "consultant");
    let mut colleague = Browser::new(app);
    colleague.login("colleague@a.test", PASSWORD);
    let readonly = colleague.get(&format!("/assessments/{id}"));
    assert!(
        readonly
            .body
            .contains("You are not an assessor of this assessment")
            && readonly.body.contains(" disabled")
    );

    app.other_organisation("admin@b.test");
    let mut outsider = Browser::new(app);
    outsider.login("admin@b.test", PASSWORD);
    let hidden = outsider.get(&format!("/assessments/{id}"));
    assert_eq!(hidden.status, 404);
    assert!(hidden.body.contains("Page not found") && !hidden.body.contains("Harbour Bank"));
    assert_eq!(
        outsider.get(&format!("/assessments/{id}/review")).status,
        404
    );

    // The review page shows the lead the finalise button, a co-assessor neither.
    let review = lead.get(&format!("/assessments/{id}/review"));
    assert!(
        review.status == 200 && review.body.contains("Finalise the assessment"),
        "{}",
        review.body
    );
    assert!(
        review
            .body
            .contains("2 of 3 questions still without a consolidated answer"),
        "{}",
        review.body
    );
    let colleague_review = colleague.get(&format!("/assessments/{id}/review"));
    assert_eq!(
        colleague_review.status, 403,
        "each assessor's answers are the lead's to see"
    );
    assert!(
        colleague_review.body.contains("Only the lead assessor")
            && !colleague_review.body.contains("Finalise the assessment")
    );
}

fn a_consultant_creates_a_client_and_starts_an_assessment_with_forms(app: &TestApp) {
    let admin = app.admin();
    let (colleague, _) = app.user(&admin, "colleague@a.test", "consultant");
    let mut browser = Browser::new(app);
    browser.login(ADMIN_EMAIL, PASSWORD);
    let form = browser.get("/clients/new");
    let token = Browser::token(&form);
    let refused = browser.send(
        "POST",
        "/clients/new",
        Some(&[
            ("csrf_token", &token),
            ("name", " "),
            ("sector", "Banking"),
            ("size_band", "Large"),
            ("region", "UK"),
        ]),
    );
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("id=\"client-name-error\">Name must not be empty.")
            && refused.body.contains("value=\"Banking\""),
        "{}",
        refused.body
    );
    let created = browser.send(
        "POST",
        "/clients/new",
        Some(&[
            ("csrf_token", &token),
            ("name", "Summit Bank"),
            ("sector", "Banking"),
            ("size_band", "Large"),
            ("region", "UK"),
        ]),
    );
    assert_eq!(created.status, 303);
    let client_page = created.location.expect("where next");
    assert!(client_page.starts_with("/clients/"), "{client_page}");
    let client_id = client_page
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(browser
        .get(&client_page)
        .body
        .contains("<h1>Summit Bank</h1>"));

    // The same name again, in other case and spacing: refused beside the
    // field, with what was typed kept and a link to the client that has it.
    let twin = browser.send(
        "POST",
        "/clients/new",
        Some(&[
            ("csrf_token", &token),
            ("name", "  summit   BANK "),
            ("sector", "Retail"),
            ("size_band", "Large"),
            ("region", "UK"),
        ]),
    );
    assert_eq!(twin.status, 422);
    assert!(
        twin.body
            .contains("A client named “Summit Bank” exists already.")
            && twin
                .body
                .contains(&format!("href=\"/clients/{client_id}\""))
            && twin.body.contains("value=\"Retail\""),
        "{}",
        twin.body
    );

    let next = format!("/assessments/new?client_id={client_id}");
    let page = browser.get(&next);
    assert!(
        page.body.contains("selected>Summit Bank</option>"),
        "{}",
        page.body
    );
    let questionnaire = app.get("/api/v1/questionnaires", &admin).expect(200)[0]["id"].to_string();
    let colleague = colleague.to_string();
    let started = browser.send(
        "POST",
        "/assessments/new",
        Some(&[
            ("csrf_token", &token),
            ("client_id", &client_id),
            ("questionnaire_id", &questionnaire),
            ("assessment_date", "2026-11-23"),
            ("customer_group", "current high value"),
            ("assessor", &colleague),
        ]),
    );
    assert_eq!(started.status, 303, "{}", started.body);
    let id = started
        .location
        .expect("the new assessment")
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let assessment = app
        .get(&format!("/api/v1/assessments/{id}"), &admin)
        .expect(200);
    assert_eq!(assessment["scope"]["customer_group"], "current high value");
    assert_eq!(
        assessment["assessor_ids"].as_array().map(Vec::len),
        Some(2),
        "the lead and the colleague"
    );

    let bad_date = browser.send(
        "POST",
        "/assessments/new",
        Some(&[
            ("csrf_token", &token),
            ("client_id", &client_id),
            ("questionnaire_id", &questionnaire),
            ("assessment_date", "someday"),
        ]),
    );
    assert_eq!(bad_date.status, 422);
    assert!(bad_date
        .body
        .contains("Give the assessment date as a date."));
    let forged = browser.send(
        "POST",
        "/clients/new",
        Some(&[
            ("csrf_token", "guess"),
            ("name", "X"),
            ("sector", "Y"),
            ("size_band", "Z"),
            ("region", "W"),
        ]),
    );
    assert_eq!(forged.status, 403);

    let (_, _) = app.user(&admin, "ceo@a.test", "executive");
    let mut executive = Browser::new(app);
    executive.login("ceo@a.test", PASSWORD);
    assert_eq!(executive.get("/clients/new").status, 403);
}

fn the_password_page_changes_the_password_and_ends_the_session(app: &TestApp) {
    let mut browser = Browser::new(app);
    browser.login(ADMIN_EMAIL, PASSWORD);
    let form = browser.get("/password");
    assert_eq!(form.status, 200);
    let token = Browser::token(&form);
    let change = |current: &str, new: &str, repeat: &str| -> Vec<(String, String)> {
        [
            ("csrf_token", token.as_str()),
            ("current_password", current),
            ("new_password", new),
            ("repeat", repeat),
        ]
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
    };
    let post = |browser: &mut Browser, fields: Vec<(String, String)>| {
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        browser.send("POST", "/password", Some(&pairs))
    };
    let differ = post(
        &mut browser,
        change(PASSWORD, "a-new-long-password", "another-one-entirely"),
    );
    assert!(differ.status == 422 && differ.body.contains("The two new passwords differ."));
    let wrong = post(
        &mut browser,
        change(
            "not it at all",
            "a-new-long-password",
            "a-new-long-password",
        ),
    );
    assert!(
        wrong.status == 422 && wrong.body.contains("The current password is wrong."),
        "{}",
        wrong.body
    );
    let done = post(
        &mut browser,
        change(PASSWORD, "a-new-long-password", "a-new-long-password"),
    );
    assert_eq!(
        (done.status, done.location.as_deref()),
        (303, Some("/login"))
    );
    assert_eq!(
        browser.get("/").status,
        303,
        "every session ended, this one too"
    );
    assert_eq!(
        browser.login(ADMIN_EMAIL, "a-new-long-password").status,
        303
    );
}

fn the_login_page_says_when_an_account_is_held_back(app: &TestApp) {
    let mut browser = Browser::new(app);
    for _ in 0..5 {
        assert_eq!(browser.login(ADMIN_EMAIL, "a guess").status, 401);
    }
    let held = browser.login(ADMIN_EMAIL, PASSWORD);
    assert_eq!(held.status, 429);
    assert!(
        held.body
            .contains("Too many failed logins for this account; try again in 15 minutes."),
        "{}",
        held.body
    );
}
