"""The run's schemathesis config: schemathesis.toml, plus the ids of records
the demo holds, so the operations that take an id reach real data and not
only 404s (scripts/schemathesis.sh).

    python3 scripts/schemathesis_config.py BASE_URL TOKEN OUT.toml OPERATOR_TOKEN

Each bound parameter is fixed to a real record (the coverage phase takes
fixed values, not dictionaries, which the other phases draw from). Unknown
ids are still tried, by every operation that is not bound here.
"""

import base64
import hmac
import json
import struct
import sys
import time
import urllib.request


def totp(secret, at):
    """The RFC 6238 code of a base32 secret at a time (SHA-1, six digits, 30 s)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), "sha1").digest()
    offset = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def get(base, token, path, body=None):
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


def main():
    base, token, out, operator = sys.argv[1:5]
    # The run's admin enrols a second factor first: a policy the run sets
    # (two factors for admins or everyone) then leaves its token working.
    enrolment = get(base, token, "/api/v1/me/two-factor", {})
    get(base, token, "/api/v1/me/two-factor/confirm", {"code": totp(enrolment["secret"], time.time())})
    # An organisation of the run's own for the operator's routes (switching
    # the demo's off would end the run's own token).
    sandbox = get(base, operator, "/api/v1/operator/organisations", {
        "name": "Schemathesis sandbox", "slug": "schemathesis-sandbox",
        "admin_email": "sandbox@schemathesis.test", "admin_name": "Sandbox admin",
    })["organisation"]["id"]
    sessions = [s["id"] for s in get(base, token, "/api/v1/sessions")]
    users = get(base, token, "/api/v1/users")
    people = [u["id"] for u in users if u["role"] in ("executive", "programme_manager")][:10]
    consultants = [u["id"] for u in users if u["role"] == "consultant"][:10]
    clients = [c["id"] for c in get(base, token, "/api/v1/clients")][:10]
    questionnaires = [q["id"] for q in get(base, token, "/api/v1/questionnaires")]
    detail = get(base, token, "/api/v1/questionnaires/%d" % questionnaires[0])
    questions = [
        q["id"]
        for area in detail["definition"]["areas"]
        for sub in area["sub_areas"]
        for q in sub["questions"]
    ][:10]
    # The demo's assessments are final: one the run's admin leads, with a
    # consultant beside them, takes scores, agreed scores and a workbook.
    new = {"client_id": clients[0], "questionnaire_id": questionnaires[0], "assessment_date": "2026-01-15"}
    open_ = [get(base, token, "/api/v1/assessments", new)["id"]]
    # One the run's admin only scores: the operations that change a team,
    # its assignments or its evidence act on the other, so whether a save is
    # accepted does not hang on the order they happen to run in.
    scoring = [get(base, token, "/api/v1/assessments", dict(new, assessment_date="2026-01-16"))["id"]]
    get(base, token, "/api/v1/assessments/%d/assessors" % open_[0], {"user_id": consultants[0]})
    # An agreed score there, for the operation that clears one.
    agreed = "/api/v1/assessments/%d/agreed/%s" % (open_[0], questions[0])
    put = urllib.request.Request(
        base + agreed,
        data=json.dumps({"intention": 5, "reality": 4}).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"},
        method="PUT",
    )
    urllib.request.urlopen(put, timeout=30).close()
    # Single sign-on, for the operations that read and remove it.
    sso = urllib.request.Request(
        base + "/api/v1/settings/sso",
        data=json.dumps({"issuer": "https://idp.schemathesis.test", "client_id": "cmas",
                         "client_secret": "run-secret", "allowed_domains": ["demo.cmas"]}).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"},
        method="PUT",
    )
    urllib.request.urlopen(sso, timeout=30).close()
    # Evidence on it: a link (the operations on an item), a plain-text
    # document (its download) and an interview (its replacement).
    link = get(base, token, "/api/v1/assessments/%d/evidence/links" % open_[0],
               {"title": "Schemathesis link", "url": "https://example.test/plan"})
    upload = urllib.request.Request(
        base + "/api/v1/assessments/%d/evidence/files?file_name=notes.txt" % open_[0],
        data=b"Notes of the schemathesis run\n",
        headers={"Authorization": "Bearer " + token, "Content-Type": "text/plain"},
        method="POST",
    )
    with urllib.request.urlopen(upload, timeout=30) as answer:
        document = json.load(answer)
    interview_body = {
        "interviewee": "Run interviewee", "job_title": "Head of service", "function": "service",
        "scheduled_at": "2026-01-10T10:00:00", "status": "held",
        "area_ids": [detail["definition"]["areas"][0]["id"]], "assessor_ids": [],
    }
    interview = get(base, token, "/api/v1/assessments/%d/interviews" % open_[0], interview_body)
    programmes = [p["id"] for p in get(base, token, "/api/v1/programmes")][:5]
    grid = get(base, token, "/api/v1/programmes/%d" % programmes[0])
    plan = grid["report"]["projects"]
    # The first project no other depends on: one that may be removed.
    needed = {d for p in plan for d in p["depends_on"]}
    projects = [p["id"] for p in plan if p["id"] not in needed][:10]
    units, groups = grid["grid"]["units"], grid["grid"]["groups"]

    # Two final whole-company waves of one client, for the comparison and
    # the targets; an action of that client for the operations on one.
    waves = {}
    for a in get(base, token, "/api/v1/assessments?status=final&per_page=500"):
        if not any(a["scope"].values()):
            waves.setdefault((a["client_id"], a["questionnaire_id"]), []).append(a["id"])
    pair = next((ids for ids in waves.values() if len(ids) >= 2), [])
    later, earlier = (sorted(pair)[-1:], sorted(pair)[-2:-1]) if pair else ([], [])
    planned_client = next((client for (client, _), ids in waves.items() if ids == pair), clients[0])
    action_body = {
        "title": "Schemathesis action",
        "addresses": [detail["definition"]["areas"][0]["id"]],
        "owner_name": "Run owner",
        "due_date": "2027-06-30",
        "status": "agreed",
    }
    action = get(base, token, "/api/v1/clients/%d/actions" % planned_client, action_body)

    dictionaries = {
        "later_waves": later,
        "earlier_waves": earlier,
        "planned_clients": [planned_client],
        "actions": [action["id"]],
        "people": people,
        "consultants": consultants,
        "clients": clients,
        "questionnaires": questionnaires,
        "questions": questions,
        "open_assessments": open_,
        "scoring_assessments": scoring,
        "evidence": [link["id"]],
        "documents": [document["id"]],
        "interviews": [interview["id"]],
        "programmes": programmes[:1],
        "projects": projects,
        "units": units,
        "groups": groups,
        "sandboxes": [sandbox],
        "sessions": sessions,
    }
    # What a project's body must hold to fit the demo's programme.
    project_fields = {
        "body.placement.unit": "units",
        "body.placement.group": "groups",
        "body.areas": ["AP"],
        "body.start": "2026-01-01",
        "body.end": "2026-12-31",
        "body.milestones": [],
        "body.depends_on": [],
    }

    def bind(key, value):
        # A dictionary's name stands for its first record (schemathesis's
        # coverage phase takes fixed values, not dictionaries); anything else
        # for itself.
        if isinstance(value, str) and value in dictionaries:
            value = dictionaries[value][0]
        return json.dumps(value)

    operations = {
        "POST /api/v1/assessments": {
            "body.client_id": "clients",
            "body.questionnaire_id": "questionnaires",
            "body.lead_assessor_id": "consultants",
            "body.assessment_date": "2026-01-15",
            "body.assessor_ids": [],
        },
        "POST /api/v1/clients/{id}/members": {"path.id": "clients", "body.user_id": "people"},
        "DELETE /api/v1/clients/{id}/members/{user_id}": {"path.id": "clients", "path.user_id": "people"},
        "POST /api/v1/assessments/{id}/assessors": {"path.id": "open_assessments", "body.user_id": "consultants"},
        "DELETE /api/v1/assessments/{id}/assessors/{user_id}": {
            "path.id": "open_assessments",
            "path.user_id": "consultants",
        },
        "PUT /api/v1/assessments/{id}/scores/{question_id}": {
            "path.id": "scoring_assessments",
            "path.question_id": "questions",
        },
        "PUT /api/v1/assessments/{id}/agreed/{question_id}": {
            "path.id": "open_assessments",
            "path.question_id": "questions",
        },
        "DELETE /api/v1/assessments/{id}/agreed/{question_id}": {
            "path.id": "open_assessments",
            "path.question_id": "questions",
        },
        "GET /api/v1/assessments/{id}/workbook.xlsx": {"path.id": "open_assessments"},
        "GET /api/v1/assessments/{id}/evidence": {"path.id": "open_assessments"},
        "POST /api/v1/assessments/{id}/evidence/files": {"path.id": "open_assessments"},
        "POST /api/v1/assessments/{id}/evidence/links": {"path.id": "open_assessments"},
        "PATCH /api/v1/assessments/{id}/evidence/{evidence_id}": {
            "path.id": "open_assessments",
            "path.evidence_id": "evidence",
        },
        "DELETE /api/v1/assessments/{id}/evidence/{evidence_id}": {
            "path.id": "open_assessments",
            "path.evidence_id": "evidence",
        },
        "GET /api/v1/assessments/{id}/evidence/{evidence_id}/file": {
            "path.id": "open_assessments",
            "path.evidence_id": "documents",
        },
        "GET /api/v1/assessments/{id}/interviews": {"path.id": "open_assessments"},
        "POST /api/v1/assessments/{id}/interviews": {"path.id": "open_assessments"},
        "PUT /api/v1/assessments/{id}/interviews/{interview_id}": {
            "path.id": "open_assessments",
            "path.interview_id": "interviews",
        },
        "GET /api/v1/assessments/{id}/coverage": {"path.id": "open_assessments"},
        "GET /api/v1/assessments/{id}/assignments": {"path.id": "open_assessments"},
        "PUT /api/v1/assessments/{id}/assignments": {"path.id": "open_assessments"},
        "POST /api/v1/programmes/{id}/projects": dict(project_fields, **{"path.id": "programmes"}),
        "PUT /api/v1/programmes/{id}/projects/{project_id}": dict(
            project_fields, **{"path.id": "programmes", "path.project_id": "projects"}
        ),
        "DELETE /api/v1/programmes/{id}/projects/{project_id}": {
            "path.id": "programmes",
            "path.project_id": "removable",
        },
        "PUT /api/v1/assessments/{id}/targets": {"path.id": "later_waves"},
        "POST /api/v1/clients/{id}/actions": {"path.id": "planned_clients"},
        "GET /api/v1/actions/{id}": {"path.id": "actions"},
        "PUT /api/v1/actions/{id}": {"path.id": "actions"},
        "PUT /api/v1/actions/{id}/status": {"path.id": "actions"},
        "DELETE /api/v1/users/{id}/two-factor": {"path.id": "people"},
        "DELETE /api/v1/sessions/{id}": {"path.id": "sessions"},
        "POST /api/v1/assessments/{id}/ready": {"path.id": "open_assessments"},
    }
    # The operator's routes, with the operator's token, on the run's sandbox.
    operator_operations = {
        "GET /api/v1/operator/organisations": {},
        "POST /api/v1/operator/organisations": {},
        "POST /api/v1/operator/organisations/{id}/disable": {"path.id": "sandboxes"},
        "POST /api/v1/operator/organisations/{id}/enable": {"path.id": "sandboxes"},
        "POST /api/v1/operator/organisations/{id}/admins": {"path.id": "sandboxes"},
    }
    for suffix in ("", ".pdf", ".html", ".docx"):
        operations["GET /api/v1/assessments/{id}/comparison/{other}" + suffix] = {
            "path.id": "later_waves",
            "path.other": "earlier_waves",
        }
    # Request bodies the API takes, with these records, as the examples the
    # coverage phase starts from (schemathesis_hooks.py puts them in the
    # run's copy of the document): it takes no bound body values.
    project = {
        "name": "Schemathesis project",
        "objective": "Shows the run a valid project",
        "owner": "Run owner",
        "placement": {"kind": "row", "unit": units[0]},
        "areas": [detail["definition"]["areas"][0]["id"]],
        "start": "2026-01-01",
        "end": "2026-12-31",
        "status": "planned",
        "cost_planned": 1000.0,
        "benefit_planned": 2000.0,
    }
    examples = {
        "post /api/v1/assessments": {
            "client_id": clients[0],
            "questionnaire_id": questionnaires[0],
            "assessment_date": "2026-01-15",
            "lead_assessor_id": consultants[0],
        },
        "post /api/v1/clients/{id}/members": {"user_id": people[0]} if people else None,
        "post /api/v1/programmes/{id}/projects": project,
        "put /api/v1/programmes/{id}/projects/{project_id}": dict(
            project, name="Schemathesis replacement", version=grid["project_versions"][str(projects[0])]
        ),
        "post /api/v1/assessments/{id}/evidence/links": {"title": "Run link", "url": "https://example.test/a"},
        "patch /api/v1/assessments/{id}/evidence/{evidence_id}": {"title": "Run link, renamed"},
        "post /api/v1/assessments/{id}/interviews": interview_body,
        "put /api/v1/assessments/{id}/interviews/{interview_id}": dict(interview_body, version=interview["version"]),
        "put /api/v1/assessments/{id}/assignments": {"assignments": []},
        "post /api/v1/auth/login": {"email": "consultant@demo.cmas", "password": "demo-consultant-pass"},
        "post /api/v1/stats/correlation": {"x": [1.0, 2.0, 3.0, 4.0, 5.0], "y": [2.0, 1.0, 4.0, 3.0, 5.0]},
        "put /api/v1/assessments/{id}/targets": {
            "targets": [{"node_id": detail["definition"]["areas"][0]["id"], "target": 70, "due_date": "2027-12-31"}],
        },
        "post /api/v1/clients/{id}/actions": action_body,
        "put /api/v1/actions/{id}": dict(action_body, title="Schemathesis action, changed", version=action["version"]),
        "put /api/v1/actions/{id}/status": {"status": "in_progress", "version": action["version"]},
        "post /api/v1/operator/organisations": {
            "name": "Schemathesis example", "slug": "schemathesis-example",
            "admin_email": "example@schemathesis.test", "admin_name": "Example admin",
        },
        "post /api/v1/operator/organisations/{id}/admins": {"email": "second@schemathesis.test", "name": "Second admin"},
    }
    # A project of the run's own for the operation that removes one: the
    # demo's may be gone by then with their client (erasure is tested too).
    removable = get(base, token, "/api/v1/programmes/%d/projects" % programmes[0], dict(project, name="Schemathesis removal"))
    dictionaries["removable"] = [removable["id"]]
    with open(out.replace(".toml", "-examples.json"), "w") as f:
        json.dump({k: v for k, v in examples.items() if v is not None}, f)
    with open("schemathesis.toml") as f:
        # The admin's token for every operation (a top-level key, before any table).
        lines = [
            'headers = { Authorization = "Bearer %s" }\n\n' % token,
            f.read(),
            "\n# The demo's records, found by scripts/schemathesis_config.py.\n",
        ]
    for name, values in dictionaries.items():
        lines.append("[dictionaries.%s]\nvalues = %s\n\n" % (name, json.dumps(values)))
    for operation, parameters in operations.items():
        # A kind of record the demo does not have leaves its parameter unbound.
        empty = {name for name, values in dictionaries.items() if not values}
        parameters = {key: value for key, value in parameters.items() if not (isinstance(value, str) and value in empty)}
        bound = ", ".join('"%s" = %s' % (key, bind(key, name)) for key, name in parameters.items())
        lines.append('[[operations]]\ninclude-name = "%s"\nparameters = { %s }\n\n' % (operation, bound))
    for operation, parameters in operator_operations.items():
        bound = ", ".join('"%s" = %s' % (key, bind(key, name)) for key, name in parameters.items())
        lines.append(
            '[[operations]]\ninclude-name = "%s"\nheaders = { Authorization = "Bearer %s" }\nparameters = { %s }\n\n'
            % (operation, operator, bound)
        )
    with open(out, "w") as f:
        f.write("".join(lines))


if __name__ == "__main__":
    main()
