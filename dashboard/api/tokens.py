"""Page tokens: `_next` values the API hands out and checks before using.

A token is the offset of the next page, signed (HMAC-SHA256) together with the data version,
the table and the query's filters and sort. So an edited, made-up or truncated token, or one
from another query, table or data version, is refused with 400 instead of silently returning
some other rows. Offsets are not secret (any page can be asked for by narrowing the filters),
so the token guards integrity, not privacy: the key is CMA_API_TOKEN_KEY when set, else a
constant, which also keeps every gunicorn worker agreeing on it without shared state.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from dashboard.api.query import ApiError

DEFAULT_KEY = b"cma-dashboard api page token v1"
SIGNATURE_BYTES = 12
MAX_TOKEN_CHARS = 64


def _key() -> bytes:
    return os.environ.get("CMA_API_TOKEN_KEY", "").encode() or DEFAULT_KEY


def _signature(offset: int, bound_to: str) -> bytes:
    message = f"{offset}|{bound_to}".encode()
    return hmac.new(_key(), message, hashlib.sha256).digest()[:SIGNATURE_BYTES]


def make(offset: int, bound_to: str) -> str:
    """The token for the page starting at `offset` of the selection `bound_to` names."""
    raw = offset.to_bytes(8, "big") + _signature(offset, bound_to)
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def read(token: str, bound_to: str) -> int:
    """The offset inside a token made for `bound_to`; 400 for anything else."""
    problem = ApiError("_next: not a page token of this query; start again without _next")
    if not token or len(token) > MAX_TOKEN_CHARS or not token.isascii():
        raise problem
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except ValueError:
        raise problem from None
    if len(raw) != 8 + SIGNATURE_BYTES:
        raise problem
    offset = int.from_bytes(raw[:8], "big")
    if not hmac.compare_digest(raw[8:], _signature(offset, bound_to)):
        raise problem
    return offset
