"""Reading HTML form posts (urlencoded) or JSON bodies into plain dicts, without extra packages."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

from fastapi import HTTPException, Request

MAX_FIELDS = 20


async def read_form(request: Request) -> dict[str, str]:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if ctype in ("application/x-www-form-urlencoded", ""):
        try:
            text = body.decode("utf-8")
            pairs = parse_qs(text, keep_blank_values=True, max_num_fields=MAX_FIELDS)
        except (UnicodeDecodeError, ValueError):
            raise HTTPException(422, "the form could not be read (not UTF-8, or too many fields)") from None
        return {k: v[0] for k, v in pairs.items()}
    if ctype == "application/json":
        try:
            data = json.loads(body or b"{}")
        except ValueError:
            raise HTTPException(422, "the body is not valid JSON") from None
        if not isinstance(data, dict):
            raise HTTPException(422, "the body must be a JSON object")
        return {str(k): "" if v is None else str(v) for k, v in data.items()}
    raise HTTPException(415, "send the form as application/x-www-form-urlencoded or application/json")
