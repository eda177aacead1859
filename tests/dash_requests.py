"""Callback requests as the browser sends them, for tests that talk to the server directly."""

from __future__ import annotations

EXPERIENCE_OUTPUTS = [
    {"id": "experience-pay-graph", "property": "figure"},
    {"id": "experience-pay-caption", "property": "children"},
    {"id": "experience-steps", "property": "children"},
    {"id": "url", "property": "search"},
]


def experience_output(outputs) -> str:
    """The registered output key of the experience callback (it carries a per-app hash)."""
    return next(k for k in outputs if k.startswith("..experience-pay-graph.figure"))


def experience_body(output: str, value, /, **overrides) -> dict:
    body = {
        "output": output,
        "outputs": EXPERIENCE_OUTPUTS,
        "inputs": [{"id": "experience-stat", "property": "value", "value": value}],
        "changedPropIds": ["experience-stat.value"],
        "state": [],
    }
    body.update(overrides)
    return body
