"""Callback requests as the browser sends them, for tests that talk to the server directly."""

from __future__ import annotations

from dashboard import ids

EXPERIENCE_OUTPUTS = [
    {"id": ids.EXPERIENCE_PAY_GRAPH, "property": "figure"},
    {"id": ids.EXPERIENCE_PAY_CAPTION, "property": "children"},
    {"id": ids.EXPERIENCE_STEPS, "property": "children"},
    {"id": ids.URL, "property": "search"},
]


def experience_output(outputs) -> str:
    """The registered output key of the experience callback (it carries a per-app hash)."""
    return next(k for k in outputs if k.startswith(f"..{ids.EXPERIENCE_PAY_GRAPH}.figure"))


def experience_body(output: str, value, /, search: object = "", **overrides) -> dict:
    body = {
        "output": output,
        "outputs": EXPERIENCE_OUTPUTS,
        "inputs": [{"id": ids.EXPERIENCE_STAT, "property": "value", "value": value}],
        "changedPropIds": [f"{ids.EXPERIENCE_STAT}.value"],
        "state": [{"id": ids.URL, "property": "search", "value": search}],
    }
    body.update(overrides)
    return body
