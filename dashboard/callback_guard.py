"""The door of /_dash-update-component: a callback request is read and checked before Dash sees it.

Dash's dispatcher trusts the body's shape: a value it expects to be a list, a string or an id
of a given form that is something else ends in an exception, and so in a 500. Every part of the
body is therefore checked against the callback it names:

- the body is JSON nested at most MAX_DEPTH levels (json.loads recurses: 10,000 levels raise
  RecursionError, which Flask's get_json does not catch);
- `output` names a callback with a server function (a clientside-only callback has none);
- `outputs` has the declared form: a list for a multi-output callback, one object for a
  single output, a list of objects for an output matching ALL components of a pattern;
- `inputs` and `state` likewise, item by item;
- every id is the declared id: a pattern id has exactly the declared keys, its fixed keys the
  declared values and its wildcard keys plain values (text, numbers, booleans);
- `changedPropIds` is a short list of text;
- no pattern matches more than `max_matches` components (see dashboard.server), so no request
  can make an answer, and the cache that keeps it, larger than a real page's.
"""

from __future__ import annotations

import json

from dash.dependencies import Wildcard

# Location properties are always text in a real browser; Dash's own page router assumes it.
TEXT_PROPERTIES = {"pathname", "search", "hash", "href"}
# Real bodies nest about 6 levels (a value that is a list of strings inside an input object);
# values such as a figure's relayout data may nest deeper, but never near this.
MAX_DEPTH = 32
WILDCARDS = ("ALL", "ALLSMALLER", "MATCH")
# Wildcards that stand for many components: the browser sends a list of them.
MANY = ("ALL", "ALLSMALLER")
MAX_PROP_ID_CHARS = 1000


class BadRequest(ValueError):
    """The body is not a well-formed call of a registered callback; the text says why."""


def parse_body(data: bytes) -> object:
    """The body as JSON, refusing anything nested deeper than MAX_DEPTH before parsing it."""
    if too_deep(data, MAX_DEPTH):
        raise BadRequest("the body is nested too deeply")
    try:
        return json.loads(data)
    except (ValueError, RecursionError):  # RecursionError: a backstop, too_deep should catch it
        raise BadRequest("the body is not JSON") from None


def too_deep(data: bytes, limit: int) -> bool:
    """Whether brackets outside JSON strings nest deeper than `limit`.

    A scan of the raw bytes, so the check itself cannot recurse; bytes.translate keeps it
    fast (it touches only brackets, quotes and backslashes in Python code).
    """
    depth = 0
    in_string = escaped = False
    for byte in data.translate(None, _NOT_STRUCTURAL):
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return True
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return False


# Everything but [ ] { } " and backslash is dropped before the scan. Dropping characters inside
# strings is safe: only quotes and backslashes decide where a string ends.
_NOT_STRUCTURAL = bytes(b for b in range(256) if b not in b'[]{}"\\')


def callback_problem(body: object, callbacks: dict, max_matches: int) -> str | None:
    """Why `body` is not a well-formed call of a server callback in `callbacks`, or None."""
    try:
        check_callback(body, callbacks, max_matches)
    except BadRequest as err:
        return str(err)
    return None


def check_callback(body: object, callbacks: dict, max_matches: int) -> None:
    """Raise BadRequest unless `body` is a well-formed call of a server callback."""
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object")
    output = body.get("output")
    spec = callbacks.get(output) if isinstance(output, str) else None
    if spec is None or not callable(spec.get("callback")):
        raise BadRequest("unknown callback")  # clientside-only callbacks have no server side
    for part, declared in (("inputs", spec["inputs"]), ("state", spec["state"])):
        _check_values(part, body.get(part, []), declared, max_matches)
    _check_outputs(body.get("outputs"), spec, max_matches)
    _check_changed(body.get("changedPropIds", []), body)


def _check_values(part: str, given: object, declared: list[dict], max_matches: int) -> None:
    if not isinstance(given, list) or len(given) != len(declared):
        raise BadRequest(f"{part} do not match the callback")
    for entry, expected in zip(given, declared, strict=True):
        wanted_id = _plain_id(expected["id"])
        for item in _matches(entry, wanted_id, part, max_matches):
            if not isinstance(item, dict) or item.get("property") != expected["property"]:
                raise BadRequest(f"{part} do not match the callback")
            _check_id(item.get("id"), wanted_id, part)
            value = item.get("value")
            if item["property"] in TEXT_PROPERTIES and not isinstance(value, str | None):
                raise BadRequest(f"{item['property']} must be text")
            # A browser's path always starts with "/"; Dash's page router fails on any other.
            if item["property"] == "pathname" and not (value is None or value.startswith("/")):
                raise BadRequest("pathname must start with /")


def _check_outputs(given: object, spec: dict, max_matches: int) -> None:
    declared = spec["output"]
    many = isinstance(declared, list | tuple)
    declared = list(declared) if many else [declared]
    if many:
        if not isinstance(given, list) or len(given) != len(declared):
            raise BadRequest("outputs do not match the callback")
    else:
        given = [given]
    for entry, output in zip(given, declared, strict=True):
        wanted_id = _plain_id(output.component_id)
        for item in _matches(entry, wanted_id, "outputs", max_matches):
            if not isinstance(item, dict) or not isinstance(item.get("property"), str):
                raise BadRequest("outputs do not match the callback")
            # "prop@hash" marks an output that allows duplicates: the hash is Dash's own.
            if item["property"].split("@")[0] != output.component_property:
                raise BadRequest("outputs do not match the callback")
            _check_id(item.get("id"), wanted_id, "outputs")


def _check_changed(changed: object, body: dict) -> None:
    """changedPropIds: text naming triggered inputs; Dash only tests membership in it."""
    count = sum(len(e) if isinstance(e, list) else 1 for e in body.get("inputs", []))
    if not isinstance(changed, list) or len(changed) > max(count, 1):
        raise BadRequest("changedPropIds must be a list of the inputs that changed")
    for prop_id in changed:
        if not isinstance(prop_id, str) or len(prop_id) > MAX_PROP_ID_CHARS:
            raise BadRequest("changedPropIds must be text")


def _matches(entry: object, wanted_id: object, part: str, max_matches: int) -> list:
    """The items an entry stands for: a list for ALL-like patterns, else the entry itself."""
    if not _is_many(wanted_id):
        return [entry]
    if not isinstance(entry, list):
        raise BadRequest(f"{part} for a pattern matching many components must be a list")
    if len(entry) > max_matches:
        raise BadRequest(f"{part} match more components than a page has")
    return entry


def _check_id(given: object, wanted: object, part: str) -> None:
    if isinstance(wanted, str):
        if given != wanted:
            raise BadRequest(f"{part} do not match the callback")
        return
    if not isinstance(given, dict) or set(given) != set(wanted):
        raise BadRequest(f"{part} do not match the callback")
    for key, value in wanted.items():
        if _wildcard(value):
            # bool is an int subclass; JSON true/false are fine as pattern values too
            if not isinstance(given[key], str | int | float):
                raise BadRequest(f"{part}: a pattern id's values must be text or numbers")
        elif given[key] != value:
            raise BadRequest(f"{part} do not match the callback")


def _plain_id(component_id: object) -> object:
    """A declared id as the browser writes it: wildcards as ["ALL"], pattern ids as objects.

    The callback map keeps input ids of patterns as JSON text, outputs' as dicts of Wildcards.
    """
    if isinstance(component_id, str) and component_id.startswith("{"):
        component_id = json.loads(component_id)
    if not isinstance(component_id, dict):
        return component_id
    return {
        key: [value.value] if isinstance(value, Wildcard) else value
        for key, value in component_id.items()
    }


def _wildcard(value: object) -> bool:
    return isinstance(value, list) and len(value) == 1 and value[0] in WILDCARDS


def _is_many(wanted_id: object) -> bool:
    return isinstance(wanted_id, dict) and any(
        _wildcard(v) and v[0] in MANY for v in wanted_id.values()
    )
