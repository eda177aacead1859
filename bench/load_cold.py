"""The cache-busting mix of bench/load.py: every request a view nobody sent before.

A person who types a salary, chooses a state or picks careers sends a view the answer cache has
never seen, so the server must build it. Each simulated user here sends only such requests, in
turn: a typed salary on Pay distribution, an offer checked for a state on /offer, two careers
picked on Related careers. The Lua script numbers the requests across wrk's threads and makes
every body unique from its number (a salary, a state, a pair of occupations), so no answer is
ever served from the cache. Target (issue 14): >= 300 answers/s, p95 <= 250 ms as the users
see it (wrk's, waiting in the server's queue included), 0 errors (wrk's and the server's).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pandas as pd

from bench.load_kit import callback_body, dependencies, lua_list
from dashboard import ids

TARGET_RATE, TARGET_P95_MS = 300.0, 250.0
THREADS = 2  # wrk threads; the Lua script numbers requests across them
COLD_LUA = """
local bodies = %(bodies)s
local states = %(states)s
local occupations = %(occupations)s
local threads = %(threads)d
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
  -- One number per request of the whole run, never repeated: thread `id` of `threads` takes
  -- id, id + threads, id + 2 threads... So every typed salary (pay, offer) is new while
  -- n < 100000 (7919 is prime to 100000: n -> n * 7919 mod 100000 is one-to-one, and spreads
  -- the salaries over 20,000-119,999), and every pair of careers too while n < K * K (first:
  -- n mod K; second: another, n div K further on).
  local n = (counter - 1) * threads + id
  local body = bodies[counter %% #bodies + 1]
  local k = #occupations
  local first = n %% k
  local second = (first + 1 + math.floor(n / k)) %% k
  body = body:gsub("__SALARY__", tostring(20000 + (n * 7919) %% 100000))
  body = body:gsub("__STATE__", states[n %% #states + 1])
  body = body:gsub("__OCC1__", occupations[first + 1])
  body = body:gsub("__OCC2__", occupations[second + 1])
  return wrk.format("POST", "/_dash-update-component",
    {["Content-Type"] = "application/json"}, body)
end

-- What the users saw, queueing included (the server's log times only the handling).
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("CLIENT %%d %%.3f %%.3f %%.3f %%.3f %%d %%d %%d %%d %%d\\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
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
        "threads": THREADS,
    }


def client(wrk_out: str) -> dict[str, float]:
    """What the script's `done` printed: requests, latency percentiles as the users saw them
    (ms), and wrk's errors (connect, read, write, status: a non-2xx/3xx answer, timeout)."""
    line = next((x for x in wrk_out.splitlines() if x.startswith("CLIENT ")), None)
    if line is None:
        raise SystemExit("wrk printed no CLIENT line: the cold mix's script did not finish")
    names = ["requests", "p50", "p95", "p99", "max", "connect", "read", "write", "status"]
    return dict(zip([*names, "timeout"], map(float, line.split()[1:]), strict=True))


def run(wrk: str, base: str, processed: Path, work: Path, users: int, seconds: int) -> str:
    """wrk's report of the cold mix against the server at `base`."""
    path = work / "cold.lua"
    path.write_text(script(base, processed))
    command = [wrk, f"-t{THREADS}", f"-c{users}", f"-d{seconds}s", "--timeout", "30s", "--latency"]
    return subprocess.run(
        [*command, "-s", str(path), base], capture_output=True, text=True, check=True
    ).stdout
