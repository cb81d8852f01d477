"""Module-level job functions the service tests schedule by textual reference."""

from pathlib import Path


def record_run(path: str) -> None:
    """Append one line per run, so a test can count runs across threads and restarts."""
    with Path(path).open("a", encoding="utf-8") as fh:
        fh.write("ran\n")
