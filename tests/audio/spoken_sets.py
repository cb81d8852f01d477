"""The spoken-form test sets in fixtures/: rows of category, written text, expected reading."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

Row = tuple[str, str, str]


def rows(name: str) -> list[Row]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [(parts[0], parts[1], parts[2]) for parts in
            (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))]


def row_ids(set_rows: list[Row]) -> list[str]:
    return [f"{i}-{row[0]}" for i, row in enumerate(set_rows)]

