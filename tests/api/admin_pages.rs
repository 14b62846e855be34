use crate::browser::Browser;
use crate::helpers::{Cred, TestApp, ADMIN_EMAIL, PASSWORD};
use crate::on_both_backends;
use serde_json::{json, Value};

on_both_backends!(
    an_admin_adds_changes_and_deactivates_a_user_with_the_users_page,
    only_admins_reach_the_admin_pages_and_the_menu_shows_what_each_may_use,
    an_admin_gives_and_removes_an_executives_access_to_a_client,
    the_tokens_page_shows_a_secret_once_and_revokes_tokens,
    admin_and_token_forms_without_the_right_csrf_token_change_nothing,
    hostile_names_are_escaped_on_the_admin_and_token_pages,
);

/// The id of a user of the admin's organisation.
fn user_id(app: &TestApp, admin: &Cred, email: &str) -> i64 {
    find(&app.get("/api/v1/users", admin).expect(200), "email", email)
}

/// The id of one of the owner's tokens.
fn token_id(app: &TestApp, owner: &Cred, name: &str) -> i64 {
    find(&app.get("/api/v1/tokens", owner).expect(200), "name", name)
}

fn find(list: &Value, field: &str, value: &str) -> i64 {
    list.as_array()
        .and_then(|items| items.iter().find(|i| i[field] == value))
        .and_then(|i| i["id"].as_i64())
        .unwrap_or_else(|| panic!("no {field} {value} in {list}"))
}

/// The names of the clients a caller sees.
fn client_names(app: &TestApp, cred: &Cred) -> Vec<String> {
    let clients = app.get("/api/v1/clients", cred).expect(200);
    clients
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|c| c["name"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The secret a token page shows once.
fn secret_in(body: &str) -> String {
    let start = body.find("<code>cmas_").expect("a secret on the page") + "<code>".len();
    body[start..]
        .split("</code>")
        .next()
        .unwrap_or("")
        .to_owned()
}

fn an_admin_adds_changes_and_deactivates_a_user_with_the_users_page(app: &TestApp) {
    let api = app.admin();
    let mut admin = Browser::new(app);
    admin.login(ADMIN_EMAIL, PASSWORD);
    let page = admin.get("/admin/users");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Invite a user") && page.body.contains(ADMIN_EMAIL),
        "{}",
        page.body
    );

    let invite = |email| {
        [
            ("email", email),
            ("name", "Nina Novak"),
            ("role", "executive"),
        ]
    };
    let bad = admin.post("/admin/users", &invite("not-an-address"));
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains("value=\"Nina Novak\"") && bad.body.contains("value=\"not-an-address\""),
        "the message, and the form as sent: {}",
        bad.body
    );
    let invited = admin.post("/admin/users", &invite("nina@a.test"));
    assert_eq!(invited.status, 200);
    let start = invited
        .body
        .find("/invitations/i_")
        .expect("the link, shown once");
    let link = invited.body[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(
        invited.body.contains("Send this link to Nina Novak"),
        "{}",
        invited.body
    );
    let mut nina = Browser::new(app);
    assert_eq!(
        nina.login("nina@a.test", PASSWORD).status,
        401,
        "not before she accepts"
    );
    let stored: Vec<String> = app
        .db
        .read(|conn| -> anyhow::Result<Vec<String>> {
            use diesel::RunQueryDsl;
            #[derive(diesel::QueryableByName)]
            struct Hash {
                #[diesel(sql_type = diesel::sql_types::Text)]
                token_hash: String,
            }
            Ok(diesel::sql_query("SELECT token_hash FROM invitations")
                .load::<Hash>(conn)?
                .into_iter()
                .map(|h| h.token_hash)
                .collect())
        })
        .expect("the invitations");
    let secret = link.trim_start_matches("/invitations/");
    assert!(
        stored.len() == 1 && !stored[0].contains(secret) && stored[0].len() == 64,
        "only a digest is kept: {stored:?}"
    );

    let welcome = nina.get(&link);
    assert!(welcome.body.contains("Welcome, Nina Novak") && welcome.body.contains("nina@a.test"));
    let weak = nina.send(
        "POST",
        &link,
        Some(&[("password", "too short"), ("confirm", "too short")]),
    );
    assert_eq!(weak.status, 422);
    assert!(
        weak.body.contains(
            "id=\"invite-password-error\">The password must have at least 10 characters."
        ),
        "{}",
        weak.body
    );
    assert!(!weak.body.contains("too short\""), "never the password");
    let differ = nina.send(
        "POST",
        &link,
        Some(&[("password", PASSWORD), ("confirm", "another-long-one")]),
    );
    assert!(differ.status == 422 && differ.body.contains("The two new passwords differ"));
    let set = nina.send(
        "POST",
        &link,
        Some(&[("password", PASSWORD), ("confirm", PASSWORD)]),
    );
    assert!(
        set.status == 200 && set.body.contains("Your password is set"),
        "{}",
        set.body
    );
    let again = nina.get(&link);
    assert!(
        again.status == 404 && again.body.contains("does not work"),
        "once only"
    );
    assert_eq!(
        nina.send(
            "POST",
            &link,
            Some(&[("password", PASSWORD), ("confirm", PASSWORD)])
        )
        .status,
        404
    );
    assert_eq!(nina.login("nina@a.test", PASSWORD).status, 303);

    let taken = admin.post("/admin/users", &invite("nina@a.test"));
    assert!(
        taken.status == 422
            && taken.body.contains("id=\"invite-email-error\">A user with the email nina@a.test exists already in your organisation.")
            && taken.body.contains("value=\"Nina Novak\""),
        "{}",
        taken.body
    );

    let id = user_id(app, &api, "nina@a.test");
    let row = format!("/admin/users/{id}");
    let changed = admin.post(
        &row,
        &[
            ("name", "Nina N. Novak"),
            ("role", "programme_manager"),
            ("active", "on"),
        ],
    );
    assert_eq!(
        (changed.status, changed.location.as_deref()),
        (303, Some("/admin/users?done=updated"))
    );
    let stored = app.get(&format!("/api/v1/users/{id}"), &api).expect(200);
    assert_eq!(
        (&stored["name"], &stored["role"], &stored["active"]),
        (
            &json!("Nina N. Novak"),
            &json!("programme_manager"),
            &json!(true)
        )
    );
    assert_eq!(nina.get("/").status, 303, "a new role ends the sessions");
    let unnamed = admin.post(
        &row,
        &[("name", " "), ("role", "executive"), ("active", "on")],
    );
    assert!(
        unnamed.status == 422 && unnamed.body.contains("must not be empty."),
        "{}",
        unnamed.body
    );

    let deactivated = admin.post(
        &row,
        &[("name", "Nina N. Novak"), ("role", "programme_manager")],
    );
    assert_eq!(deactivated.status, 303);
    let stored = app.get(&format!("/api/v1/users/{id}"), &api).expect(200);
    assert_eq!(stored["active"], false);
    assert_eq!(
        Browser::new(app).login("nina@a.test", PASSWORD).status,
        401,
        "a deactivated user cannot log in"
    );

    let own = format!("/admin/users/{}", user_id(app, &api, ADMIN_EMAIL));
    let lock_outs: [&[(&str, &str)]; 2] = [
        &[("name", "Administrator"), ("role", "admin")],
        &[
            ("name", "Administrator"),
            ("role", "consultant"),
            ("active", "on"),
        ],
    ];
    for fields in lock_outs {
        let refused = admin.post(&own, fields);
        assert_eq!(refused.status, 422);
        assert!(
            refused
                .body
                .contains("You cannot deactivate yourself or give up your own admin role."),
            "{}",
            refused.body
        );
    }
    assert_eq!(
        admin.get("/admin/users").status,
        200,
        "still an active admin, still logged in"
    );
}

fn only_admins_reach_the_admin_pages_and_the_menu_shows_what_each_may_use(app: &TestApp) {
    let api = app.admin();
    app.user(&api, "carla@a.test", "consultant");
    app.user(&api, "ceo@a.test", "executive");
    let mut anonymous = Browser::new(app);
    for path in ["/admin/users", "/admin/access", "/admin/audit", "/tokens"] {
        let page = anonymous.get(path);
        assert_eq!(
            (page.status, page.location.as_deref()),
            (303, Some("/login")),
            "{path}"
        );
    }

    for (email, staff) in [("carla@a.test", true), ("ceo@a.test", false)] {
        let mut browser = Browser::new(app);
        browser.login(email, PASSWORD);
        for path in ["/admin/users", "/admin/access", "/admin/audit"] {
            let page = browser.get(path);
            assert!(
                page.status == 403 && page.body.contains("Only admins"),
                "{email} {path}: {} {}",
                page.status,
                page.body
            );
        }
        let sneaked = browser.post(
            "/admin/users",
            &[
                ("email", "mole@a.test"),
                ("name", "Mole"),
                ("role", "admin"),
                ("password", PASSWORD),
            ],
        );
        assert_eq!(sneaked.status, 403);
        let home = browser.get("/").body;
        // A menu entry: its link, an icon, its words.
        let entry = |href: &str, words: &str| {
            home.split("<li><a href=\"").any(|item| {
                item.starts_with(&format!("{href}\""))
                    && item.contains(&format!("</svg>{words}</a>"))
            })
        };
        assert!(
            home.contains("<nav class=\"site\" aria-label=\"Main\">")
                && entry("/tokens", "API tokens")
                && entry("/password", "Password")
                && !home.contains("href=\"/admin/users\""),
            "{home}"
        );
        assert_eq!(entry("/study", "Study"), staff, "{email}");
        assert_eq!(entry("/data", "Data"), staff, "{email}");
    }
    let users = app.get("/api/v1/users", &api).expect(200);
    assert_eq!(users.as_array().map(Vec::len), Some(3), "no mole: {users}");

    let mut admin = Browser::new(app);
    admin.login(ADMIN_EMAIL, PASSWORD);
    let home = admin.get("/").body;
    assert!(
        home.contains("<li><a href=\"/admin/users\"><svg")
            && home.contains("</svg>Admin</a>")
            && home.contains("</svg>Study</a>"),
        "{home}"
    );
    // The audit trail page tells of the users just added, in sentences.
    let trail = admin.get("/admin/audit");
    assert_eq!(trail.status, 200);
    assert!(
        trail.body.contains("added ceo@a.test as a user.")
            && trail.body.contains("/api/v1/audit.csv"),
        "{}",
        trail.body
    );
}

fn an_admin_gives_and_removes_an_executives_access_to_a_client(app: &TestApp) {
    let api = app.admin();
    let harbour = app.client(&api, "Harbour Bank");
    app.client(&api, "Crown Bank");
    let (ceo_id, ceo) = app.user(&api, "ceo@a.test", "executive");
    let (carla_id, carla) = app.user(&api, "carla@a.test", "consultant");
    let (ceo_id, carla_id, harbour_id) = (
        ceo_id.to_string(),
        carla_id.to_string(),
        harbour.to_string(),
    );
    let members = format!("/api/v1/clients/{harbour}/members");
    let mut admin = Browser::new(app);
    admin.login(ADMIN_EMAIL, PASSWORD);
    let page = admin.get("/admin/access");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("ceo@a.test")
            && page.body.contains("No clients")
            && page.body.contains(">Harbour Bank</option>"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("carla@a.test"),
        "consultants see every client already"
    );
    assert!(client_names(app, &ceo).is_empty());

    let access = [("user_id", ceo_id.as_str()), ("client_id", &harbour_id)];
    let given = admin.post("/admin/access", &access);
    assert_eq!(
        (given.status, given.location.as_deref()),
        (303, Some("/admin/access?done=given"))
    );
    assert_eq!(client_names(app, &ceo), ["Harbour Bank"]);
    let listed = app.get(&members, &carla).expect(200);
    assert_eq!(
        (listed.as_array().map(Vec::len), &listed[0]["email"]),
        (Some(1), &json!("ceo@a.test")),
        "{listed}"
    );
    app.get(&members, &ceo).problem(403, "role_not_allowed");
    let shown = admin.get("/admin/access?done=given");
    assert!(
        shown.body.contains("The access was given.")
            && shown.body.contains(
                "Remove<span class=\"visually-hidden\"> the access of ceo@a.test to Harbour Bank"
            ),
        "{}",
        shown.body
    );
    let staff = admin.post(
        "/admin/access",
        &[("user_id", carla_id.as_str()), ("client_id", &harbour_id)],
    );
    assert!(
        staff.status == 422 && staff.body.contains("sees every client already."),
        "{}",
        staff.body
    );

    // Removing asks first, naming both; only the confirmation removes.
    let asked = admin.post(
        "/admin/access/remove",
        &[
            ("user_id", ceo_id.as_str()),
            ("client_id", &harbour_id),
            ("person", "ceo@a.test"),
            ("client", "Harbour Bank"),
        ],
    );
    assert!(
        asked.status == 200
            && asked.body.contains("<strong>ceo@a.test</strong> will no longer see the results of <strong>Harbour Bank</strong>")
            && asked.body.contains("name=\"confirm\" value=\"yes\""),
        "{}",
        asked.body
    );
    assert_eq!(
        client_names(app, &ceo),
        ["Harbour Bank"],
        "not before the confirmation"
    );
    let confirmed = [
        ("user_id", ceo_id.as_str()),
        ("client_id", &harbour_id),
        ("confirm", "yes"),
    ];
    let removed = admin.post("/admin/access/remove", &confirmed);
    assert_eq!(
        (removed.status, removed.location.as_deref()),
        (303, Some("/admin/access?done=removed"))
    );
    assert!(client_names(app, &ceo).is_empty());
    assert_eq!(app.get(&members, &api).expect(200), json!([]));
    let again = admin.post("/admin/access/remove", &confirmed);
    assert!(
        again.status == 404 && again.body.contains("Membership not found."),
        "{}",
        again.body
    );

    // Several clients at once.
    let fjord_id = app.client(&api, "Fjord Mutual").to_string();
    let both = admin.post(
        "/admin/access",
        &[
            ("user_id", ceo_id.as_str()),
            ("client_id", &harbour_id),
            ("client_id", &fjord_id),
        ],
    );
    assert_eq!(both.status, 303);
    assert_eq!(client_names(app, &ceo), ["Fjord Mutual", "Harbour Bank"]);
    for id in [&harbour_id, &fjord_id] {
        admin.post(
            "/admin/access/remove",
            &[
                ("user_id", ceo_id.as_str()),
                ("client_id", id),
                ("confirm", "yes"),
            ],
        );
    }

    let outsider = app.other_organisation("admin@b.test");
    app.get(&members, &outsider).problem(404, "not_found");
    let mut beta = Browser::new(app);
    beta.login("admin@b.test", PASSWORD);
    let foreign = beta.post("/admin/access", &access);
    assert_eq!(foreign.status, 404);
    assert!(client_names(app, &ceo).is_empty());
    let theirs = beta.get("/admin/access").body;
    assert!(!theirs.contains("Harbour Bank") && !theirs.contains("ceo@a.test"));
}

fn the_tokens_page_shows_a_secret_once_and_revokes_tokens(app: &TestApp) {
    let api = app.admin();
    app.user(&api, "carla@a.test", "consultant");
    let mut carla = Browser::new(app);
    carla.login("carla@a.test", PASSWORD);
    let unnamed = carla.post("/tokens", &[("name", " ")]);
    assert!(
        unnamed.status == 422 && unnamed.body.contains("must not be empty."),
        "{}",
        unnamed.body
    );
    let created = carla.post("/tokens", &[("name", "nightly export")]);
    assert_eq!(created.status, 201);
    assert!(created.body.contains("Copy it now; it is not shown again."));
    let secret = secret_in(&created.body);
    let nightly = Cred::Bearer(secret.clone());
    app.get("/api/v1/me", &nightly).expect(200);
    let listed = carla.get("/tokens");
    assert!(
        listed.body.contains("nightly export") && !listed.body.contains(&secret),
        "the secret is shown once only"
    );
    assert!(!listed.body.contains("All tokens in the organisation"));

    let id = token_id(app, &nightly, "nightly export");
    let revoked = carla.post(&format!("/tokens/{id}/revoke"), &[]);
    assert_eq!(
        (revoked.status, revoked.location.as_deref()),
        (303, Some("/tokens?done=revoked"))
    );
    app.get("/api/v1/me", &nightly)
        .problem(401, "unauthenticated");
    assert!(carla
        .get("/tokens?done=revoked")
        .body
        .contains("The token was revoked; it no longer works."));

    let feed = Cred::Bearer(secret_in(
        &carla.post("/tokens", &[("name", "dashboard feed")]).body,
    ));
    let feed_id = token_id(app, &feed, "dashboard feed");
    let revoke_feed = format!("/tokens/{feed_id}/revoke");
    let (_, dan) = app.user(&api, "dan@a.test", "consultant");
    let mut colleague = Browser::new(app);
    colleague.login("dan@a.test", PASSWORD);
    assert_eq!(
        colleague.post(&revoke_feed, &[]).status,
        404,
        "not a colleague's token"
    );
    let outsider = app.other_organisation("admin@b.test");
    let mut beta = Browser::new(app);
    beta.login("admin@b.test", PASSWORD);
    assert_eq!(
        beta.post(&revoke_feed, &[]).status,
        404,
        "not another organisation's"
    );
    assert!(!beta.get("/tokens").body.contains("dashboard feed"));
    app.get("/api/v1/me", &feed).expect(200);

    let mut admin = Browser::new(app);
    admin.login(ADMIN_EMAIL, PASSWORD);
    let overview = admin.get("/tokens").body;
    assert!(
        overview.contains("All tokens in the organisation")
            && overview.contains(
                "<td data-label=\"Owner\">carla@a.test</td><th scope=\"row\">dashboard feed</th>"
            ),
        "{overview}"
    );
    assert_eq!(admin.post(&revoke_feed, &[]).status, 303);
    app.get("/api/v1/me", &feed).problem(401, "unauthenticated");

    // The API lets an admin revoke any token of the organisation, too.
    let dans = format!("/api/v1/tokens/{}", token_id(app, &dan, "tests"));
    app.request("DELETE", &dans, &outsider, None, "")
        .problem(404, "not_found");
    app.request("DELETE", &dans, &api, None, "").expect(204);
    app.get("/api/v1/me", &dan).problem(401, "unauthenticated");
}

fn admin_and_token_forms_without_the_right_csrf_token_change_nothing(app: &TestApp) {
    let api = app.admin();
    let harbour = app.client(&api, "Harbour Bank").to_string();
    let (ceo_id, ceo) = app.user(&api, "ceo@a.test", "executive");
    let ceo_id = ceo_id.to_string();
    let token = token_id(app, &api, "tests");
    let mut admin = Browser::new(app);
    admin.login(ADMIN_EMAIL, PASSWORD);
    let posts: [(String, Vec<(&str, &str)>); 6] = [
        (
            "/admin/users".into(),
            vec![
                ("email", "x@a.test"),
                ("name", "X"),
                ("role", "admin"),
                ("password", PASSWORD),
            ],
        ),
        (
            format!("/admin/users/{ceo_id}"),
            vec![("name", "Renamed"), ("role", "admin"), ("active", "on")],
        ),
        (
            "/admin/access".into(),
            vec![
                ("user_id", ceo_id.as_str()),
                ("client_id", harbour.as_str()),
            ],
        ),
        (
            "/admin/access/remove".into(),
            vec![
                ("user_id", ceo_id.as_str()),
                ("client_id", harbour.as_str()),
            ],
        ),
        ("/tokens".into(), vec![("name", "forged")]),
        (format!("/tokens/{token}/revoke"), vec![]),
    ];
    for (path, fields) in &posts {
        for sent in [None, Some("guess")] {
            let mut all = fields.clone();
            all.extend(sent.map(|t| ("csrf_token", t)));
            let refused = admin.send("POST", path, Some(&all));
            assert!(
                refused.status == 403 && refused.body.contains("expired"),
                "{path} with {sent:?}: {} {}",
                refused.status,
                refused.body
            );
        }
    }
    let users = app.get("/api/v1/users", &api).expect(200);
    assert_eq!(users.as_array().map(Vec::len), Some(2), "{users}");
    let stored = app
        .get(&format!("/api/v1/users/{ceo_id}"), &api)
        .expect(200);
    assert_eq!(
        (&stored["name"], &stored["role"]),
        (&json!("ceo@a.test"), &json!("executive"))
    );
    assert!(client_names(app, &ceo).is_empty());
    let tokens = app.get("/api/v1/tokens", &api).expect(200);
    assert_eq!(
        (tokens.as_array().map(Vec::len), &tokens[0]["revoked_at"]),
        (Some(1), &Value::Null),
        "{tokens}"
    );
}

fn hostile_names_are_escaped_on_the_admin_and_token_pages(app: &TestApp) {
    let api = app.admin();
    let hostile = "<script>alert(1)</script>";
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
    let body = json!({ "email": "evil@a.test", "name": hostile, "role": "executive", "password": PASSWORD });
    let evil = app.send("POST", "/api/v1/users", &api, &body).expect(201)["id"]
        .as_i64()
        .expect("id");
    let client = app.client(&api, "<b>Bold</b> Bank");
    app.send(
        "POST",
        &format!("/api/v1/clients/{client}/members"),
        &api,
        &json!({ "user_id": evil }),
    )
    .expect(204);
    let mut admin = Browser::new(app);
    admin.login(ADMIN_EMAIL, PASSWORD);
    for path in ["/admin/users", "/admin/access"] {
        let page = admin.get(path).body;
        assert!(
            !page.contains(hostile) && page.contains(escaped),
            "{path}: {page}"
        );
    }
    assert!(!admin.get("/admin/access").body.contains("<b>Bold</b>"));
    let created = admin.post("/tokens", &[("name", hostile)]);
    assert!(
        created.status == 201 && !created.body.contains(hostile) && created.body.contains(escaped),
        "{}",
        created.body
    );
}
