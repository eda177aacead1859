"""The cache-busting mix of bench/load.py: every request a view nobody sent before.

A person who types a salary, chooses a state or picks careers sends a view the answer cache has
never seen, so the server must build it. Each simulated user here sends only such requests, in
turn: a typed salary on Pay distribution, an offer checked for a state on /offer, two careers
picked on Related careers. The Lua script makes every body unique (a salary drawn from the
request's number, a state and a pair of occupations that cycle independently), so no answer is
ever served from the cache. Target (issue 14): >= 300 answers/s, p95 <= 250 ms, 0 errors.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pandas as pd

from bench.load_kit import callback_body, dependencies, lua_list
from dashboard import ids

TARGET_RATE, TARGET_P95_MS = 300.0, 250.0
COLD_LUA = """
local bodies = %(bodies)s
local states = %(states)s
local occupations = %(occupations)s
local thread_no = 0

function setup(thread)
  thread:set("id", thread_no)
  thread_no = thread_no + 1
end

function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  -- One number per request of the whole run: (thread, counter) never repeats.
  local n = id * 1000003 + counter
  local body = bodies[counter %% #bodies + 1]
  body = body:gsub("__SALARY__", tostring(20000 + n %% 100000))
  body = body:gsub("__STATE__", states[n %% #states + 1])
  body = body:gsub("__OCC1__", occupations[n %% #occupations + 1])
  local second = (math.floor(n / #occupations) + id) %% #occupations + 1
  body = body:gsub("__OCC2__", occupations[second])
  return wrk.format("POST", "/_dash-update-component",
    {["Content-Type"] = "application/json"}, body)
end
"""


def templates(base: str) -> list[str]:
    """Callback bodies with placeholders the Lua script fills in, one per kind of request."""
    specs = list(dependencies(base).values())

    def fired_by(component: str) -> dict:
        """The server callback that one of this component's properties triggers."""
        return next(s for s in specs if any(i["id"] == component for i in s["inputs"]))

    return [
        callback_body(
            fired_by(ids.PAY_SALARY),
            [(ids.PAY_SALARY, "value", "__SALARY__"), (ids.PAY_SOURCES, "value", [])],
        ),
        callback_body(
            fired_by(ids.OFFER_SUBMIT),
            [
                (ids.OFFER_SUBMIT, "n_clicks", 1),
                (ids.OFFER_SALARY, "value", "__SALARY__"),
                (ids.OFFER_PERIOD, "value", "year"),
                (ids.OFFER_STATE, "value", "__STATE__"),
                (ids.OFFER_YEARS, "value", "3"),
            ],
        ),
        callback_body(
            fired_by(ids.CAREERS_OCCUPATIONS),
            [(ids.CAREERS_OCCUPATIONS, "value", ["__OCC1__", "__OCC2__"])],
        ),
    ]


def script(base: str, processed: Path) -> str:
    """The Lua script: the body templates, the states and the occupations to cycle through."""
    states = pd.read_parquet(processed / "price_parities.parquet", columns=["state_code"])
    wages = pd.read_parquet(processed / "official_wages.parquet", columns=["occupation_code"])
    return COLD_LUA % {
        "bodies": lua_list(templates(base)),
        "states": lua_list(sorted(states["state_code"].unique())),
        "occupations": lua_list(sorted(wages["occupation_code"].unique())),
    }


def run(wrk: str, base: str, processed: Path, work: Path, users: int, seconds: int) -> str:
    """wrk's report of the cold mix against the server at `base`."""
    path = work / "cold.lua"
    path.write_text(script(base, processed))
    command = [wrk, "-t2", f"-c{users}", f"-d{seconds}s", "--timeout", "30s", "--latency"]
    return subprocess.run(
        [*command, "-s", str(path), base], capture_output=True, text=True, check=True
    ).stdout
