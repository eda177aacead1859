"""Callback requests as the browser sends them, for tests that talk to the server directly."""

from __future__ import annotations

import json

from dashboard import html_block, ids
from tests import html_tables

EXPERIENCE_OUTPUTS = [
    {"id": ids.EXPERIENCE_PAY_GRAPH, "property": "figure"},
    {"id": ids.EXPERIENCE_PAY_CAPTION, "property": "children"},
    {"id": f"{ids.EXPERIENCE_PAY}-summary", "property": "children"},
    {"id": f"{ids.EXPERIENCE_PAY}-table", "property": "children"},
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


def callback_body(client, output_id: str, inputs: dict[str, object]) -> dict:
    """The JSON the browser posts to /_dash-update-component for the callback writing output_id.

    `inputs` maps "component-id.property" to the value sent, so tests can send anything.
    """
    dependencies = json.loads(client.get("/_dash-dependencies").data)
    found = next(d for d in dependencies if f"{output_id}." in d["output"])
    outputs = [
        dict(zip(("id", "property"), part.split(".", 1), strict=True))
        for part in found["output"].strip(".").split("...")
    ]

    def sent(specs: list[dict]) -> list[dict]:
        return [{**spec, "value": inputs.get(f"{spec['id']}.{spec['property']}")} for spec in specs]

    return {
        "output": found["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": sent(found["inputs"]),
        "changedPropIds": [
            k for k in inputs if any(k == f"{i['id']}.{i['property']}" for i in found["inputs"])
        ],
        "state": sent(found.get("state", [])),
    }


def strings(value: object) -> str:
    """Every string inside a JSON value, one per line: roughly the text a page shows."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and value.get("namespace") == html_block.NAMESPACE:
        return html_text(value["props"]["html"])  # the tables, written as HTML
    if isinstance(value, dict):
        # A page's deferred tables (components.deferred) are shown once the browser writes
        # them from this attribute: their text is the page's too.
        return "\n".join(
            strings(json.loads(v) if k == "data-deferred" else v) for k, v in value.items()
        )
    if isinstance(value, list):
        return "\n".join(strings(v) for v in value)
    return ""


def html_text(markup: str) -> str:
    """The text of HTML (an HtmlBlock's), one text node per line."""
    return "\n".join(html_tables.parse(markup).strings())
