"""Every gunicorn worker sends the same bytes for the same request: answers must not depend on
the process's string hashing (a set's order), which differs from one process to the next.

Each chart page's callback is asked for a few views in two processes with different
PYTHONHASHSEED values; the answers must match byte for byte (the phone form's fixed axes were
once listed in set order)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import hashlib, json, sys
from dashboard.app import create_app

client = create_app(sys.argv[1]).server.test_client()
digest = hashlib.sha256()
answered = 0
for spec in client.get("/_dash-dependencies").get_json():
    if spec.get("clientside_function") or spec["output"].lstrip(".").startswith("{"):
        continue
    for value in (None, "mean", "constant", "buying_power", "2019", ["bls-oews"]):
        body = {
            "output": spec["output"],
            "outputs": [
                dict(zip(("id", "property"), o.rsplit(".", 1)))
                for o in spec["output"].strip(".").split("...")
            ],
            "inputs": [{**i, "value": value} for i in spec["inputs"]],
            "changedPropIds": [spec["inputs"][0]["id"] + "." + spec["inputs"][0]["property"]],
            "state": [{**s, "value": ""} for s in spec.get("state", [])],
        }
        if not spec["output"].startswith(".."):
            body["outputs"] = body["outputs"][0]
        response = client.post("/_dash-update-component", json=body)
        answered += response.status_code == 200
        digest.update(spec["output"].encode() + str(response.status_code).encode())
        digest.update(response.data)
print(answered, digest.hexdigest())
"""


def answers_digest(processed_dir: Path, seed: str) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(processed_dir)],
        cwd=ROOT,
        env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    answered, digest = done.stdout.strip().splitlines()[-1].split()
    return int(answered), digest


def test_two_processes_send_the_same_bytes(processed_dir):
    first, second = answers_digest(processed_dir, "1"), answers_digest(processed_dir, "2")
    assert first[0] > 50  # answers, not only refusals: each chart page's views were drawn
    assert first == second
