"""schemathesis hooks for scripts/schemathesis.sh.

- A PDF answer is checked for what it must be (it starts with `%PDF-` and
  ends with `%%EOF`) and handed to the schema check as text, as the document
  describes it (`type: string`).
- The run's copy of the document gets, as request-body examples, bodies that
  name the demo's own records (written by scripts/schemathesis_config.py to
  the file SCHEMATHESIS_EXAMPLES names): the coverage phase starts from them,
  so an operation whose body must name existing records is tried with one
  the API takes, not only with ids the schema's bounds suggest.
"""

import json
import os

import schemathesis


@schemathesis.hook
def before_load_schema(context, raw_schema):
    path = os.environ.get("SCHEMATHESIS_EXAMPLES")
    if not path:
        return
    with open(path) as f:
        examples = json.load(f)
    for operation, body in examples.items():
        method, route = operation.split(" ", 1)
        content = (
            raw_schema.get("paths", {})
            .get(route, {})
            .get(method, {})
            .get("requestBody", {})
            .get("content", {})
            .get("application/json")
        )
        if content is not None:
            content["example"] = body


@schemathesis.deserializer("application/pdf")
def pdf(ctx, response):
    body = response.content
    if not body.startswith(b"%PDF-") or b"%%EOF" not in body[-1024:]:
        raise ValueError("the answer is not a whole PDF document")
    return body.decode("latin-1")


# An evidence file comes back as the type its bytes showed; the document
# calls every such answer a binary string.
EVIDENCE_TYPES = [
    "image/png",
    "image/jpeg",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
    "text/csv",
    "text/plain",
    "application/zip",
]


def as_text(ctx, response):
    return response.content.decode("latin-1")


for media_type in EVIDENCE_TYPES:
    schemathesis.deserializer(media_type)(as_text)
