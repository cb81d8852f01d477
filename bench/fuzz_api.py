"""Schemathesis against a live server, as every role and as a relay point: `make fuzz`.

    .venv/bin/python -m bench.fuzz_api [--examples 50] [--roles admin,editor,officer,leader,relay]
                                       [--database-url postgresql+psycopg://root@127.0.0.1:5432/test]

Each role gets a fresh `loa init --demo` in a temporary data directory (a run as admin may
deactivate the editor or revoke the relay token, which would blind the next role's run), a
`loa serve` without the scheduler, and `st run --checks all`. The per-operation exceptions the
run accepts are in schemathesis.toml beside this file, each with its reason. Prints schemathesis'
summary for each role and exits non-zero if any run failed.

Not part of `make test`: 50 examples per operation for five identities take minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

from tests.fixtures.live_server import ROOT, LoaServer, postgres_schema

ROLES = ("admin", "editor", "officer", "leader", "relay")
CONFIG = Path(__file__).with_name("schemathesis.toml")
DEMO_ACCOUNT = re.compile(r"^\s+(admin|editor|officer|leader)\s+(\S+)\s+(\S+)\s*$", re.MULTILINE)
SUMMARY_START = re.compile(r"^=+ SUMMARY =+$", re.MULTILINE)


def _st() -> str:
    """schemathesis' `st`: beside this Python, else on PATH (it may live in a venv of its own)."""
    beside = Path(sys.executable).with_name("st")
    return str(beside) if beside.exists() else shutil.which("st") or "st"


def _token(server: LoaServer, role: str, accounts: dict[str, tuple[str, str]]) -> str:
    if role != "relay":
        username, password = accounts[role]
        r = httpx.post(f"{server.url}/api/v1/auth/token", data={"username": username, "password": password})
        r.raise_for_status()
        return str(r.json()["access_token"])
    admin = _token(server, "admin", accounts)
    headers = {"Authorization": f"Bearer {admin}"}
    area = httpx.get(f"{server.url}/api/v1/stations/1", headers=headers).json()["areas"][0]["id"]
    r = httpx.post(f"{server.url}/api/v1/areas/{area}/relay-points", headers=headers,
                   json={"name": "Cụm loa thử (fuzz)"})
    r.raise_for_status()
    return str(r.json()["token"])


def run_role(role: str, examples: int, database_url: str | None) -> tuple[int, str]:
    """Schemathesis as `role` on a fresh demo server; its exit code and its summary."""
    with contextlib.ExitStack() as stack:
        env = stack.enter_context(postgres_schema(database_url)) if database_url else {}
        tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix=f"loa-fuzz-{role}-"))
        server = LoaServer(Path(tmp), env=env)
        accounts = {m[0]: (m[1], m[2]) for m in DEMO_ACCOUNT.findall(server.cli("init", "--demo"))}
        server.start()
        try:
            token = _token(server, role, accounts)
            done = subprocess.run(
                [_st(), "--config-file", str(CONFIG), "run",
                 f"{server.url}/openapi.json", "--checks", "all", "--max-examples", str(examples),
                 "--workers", "1", "--request-timeout", "30", "--no-color",
                 "--header", f"Authorization: Bearer {token}"],
                cwd=tmp, capture_output=True, text=True, check=False)
        finally:
            server.stop()
    output = done.stdout + done.stderr
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    (ROOT / "bench" / "out" / f"fuzz-{role}.txt").write_text(output)
    found = SUMMARY_START.search(output)
    return done.returncode, output[found.start():] if found else output[-3000:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=50)
    parser.add_argument("--roles", default=",".join(ROLES))
    parser.add_argument("--database-url", default=None, help="PostgreSQL URL; default SQLite")
    args = parser.parse_args()
    failed = []
    for role in args.roles.split(","):
        code, summary = run_role(role, args.examples, args.database_url)
        print(f"######## {role}: exit {code}\n{summary}", flush=True)
        if code:
            failed.append(role)
    print(f"failed: {', '.join(failed)}" if failed else "every role: no failures")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
