"""schemathesis hooks for scripts/schemathesis.sh: how to read our PDFs.

A PDF answer is checked for what it must be (it starts with `%PDF-` and ends
with `%%EOF`) and handed to the schema check as text, as the document
describes it (`type: string`).
"""

import schemathesis


@schemathesis.deserializer("application/pdf")
def pdf(ctx, response):
    body = response.content
    if not body.startswith(b"%PDF-") or b"%%EOF" not in body[-1024:]:
        raise ValueError("the answer is not a whole PDF document")
    return body.decode("latin-1")
