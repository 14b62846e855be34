//! A browser for page tests: plain HTTP without redirects, keeping cookies.

use crate::helpers::TestApp;

/// A browser without redirects, keeping its own cookies by hand.
pub(crate) struct Browser<'a> {
    app: &'a TestApp,
    agent: ureq::Agent,
    cookies: Vec<(String, String)>,
}

/// What came back for one request.
pub(crate) struct Page {
    pub(crate) status: u16,
    pub(crate) location: Option<String>,
    pub(crate) body: String,
}

impl<'a> Browser<'a> {
    pub(crate) fn new(app: &'a TestApp) -> Browser<'a> {
        Browser {
            app,
            agent: ureq::AgentBuilder::new().redirects(0).build(),
            cookies: Vec::new(),
        }
    }

    fn keep(&mut self, response: &ureq::Response) {
        for header in response.all("set-cookie") {
            let pair = header.split(';').next().unwrap_or("");
            if let Some((name, value)) = pair.split_once('=') {
                self.cookies.retain(|(n, _)| n != name);
                if !value.is_empty() && !header.contains("Max-Age=0") {
                    self.cookies.push((name.to_owned(), value.to_owned()));
                }
            }
        }
    }

    pub(crate) fn send(&mut self, method: &str, path: &str, form: Option<&[(&str, &str)]>) -> Page {
        match form {
            Some(fields) => self.submit(method, path, Body::Form(fields)),
            None => self.submit(method, path, Body::None),
        }
    }

    /// Posts a file-upload form (multipart), as a browser does: the session's
    /// CSRF token first, then `fields`; a field named `file`, `workbook` or `logo` is a file.
    pub(crate) fn upload(&mut self, path: &str, csrf: &str, fields: &[(&str, &[u8])]) -> Page {
        let mut all = vec![("csrf_token", csrf.as_bytes())];
        all.extend_from_slice(fields);
        let (content_type, body) = multipart(&all);
        self.submit("POST", path, Body::Raw(&content_type, &body))
    }

    fn submit(&mut self, method: &str, path: &str, body: Body<'_>) -> Page {
        let cookie = self
            .cookies
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let request = self
            .agent
            .request(method, &format!("{}{path}", self.app.address))
            .set("Cookie", &cookie);
        let result = match body {
            Body::Form(fields) => request.send_form(fields),
            Body::Raw(content_type, bytes) => {
                request.set("Content-Type", content_type).send_bytes(bytes)
            }
            Body::None => request.call(),
        };
        let response = match result {
            Ok(r) | Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{method} {path}: {e}"),
        };
        self.keep(&response);
        Page {
            status: response.status(),
            location: response.header("location").map(str::to_owned),
            body: response.into_string().unwrap_or_default(),
        }
    }

    pub(crate) fn get(&mut self, path: &str) -> Page {
        self.send("GET", path, None)
    }

    /// Posts a form the way its page would: with the session's CSRF token,
    /// read from the start page.
    pub(crate) fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let token = Browser::token(&self.get("/"));
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.send("POST", path, Some(&all))
    }

    /// The CSRF token of the first form on a page.
    pub(crate) fn token(page: &Page) -> String {
        let start = page
            .body
            .find("name=\"csrf_token\" value=\"")
            .expect("a form with a token")
            + 25;
        page.body[start..]
            .split('"')
            .next()
            .unwrap_or("")
            .to_owned()
    }

    pub(crate) fn login(&mut self, email: &str, password: &str) -> Page {
        let form = self.get("/login");
        let token = Browser::token(&form);
        self.send(
            "POST",
            "/login",
            Some(&[
                ("csrf_token", &token),
                ("email", email),
                ("password", password),
            ]),
        )
    }
}

enum Body<'a> {
    None,
    Form(&'a [(&'a str, &'a str)]),
    Raw(&'a str, &'a [u8]),
}

/// A multipart form body and its content type.
pub(crate) fn multipart(fields: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----cmas-test-boundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        let file = if matches!(*name, "file" | "workbook" | "logo") {
            "; filename=\"upload\"\r\nContent-Type: application/octet-stream"
        } else {
            ""
        };
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"{file}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(value);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}
