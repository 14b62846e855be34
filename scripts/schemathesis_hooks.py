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
    register_binary_types(raw_schema)
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


def as_text(ctx, response):
    return response.content.decode("latin-1")


def register_binary_types(raw_schema):
    """Every file type an answer is documented with (an evidence download
    comes back as the type its bytes showed, an export as ZIP or XLSX) is a
    binary string to the schema check."""
    seen = set()
    for item in raw_schema.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for response in operation.get("responses", {}).values():
                seen.update(response.get("content", {}).keys())
    for media_type in sorted(seen - {"application/json", "application/pdf", "application/problem+json"}):
        schemathesis.deserializer(media_type)(as_text)
