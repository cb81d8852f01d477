"""Second development set: phones with long area codes, document numbers with a year, dates beside punctuation or
after a time, department codes inside document numbers, TT / HN / TP. / TX., loan words.

The expected readings were written before the code was run on these sentences; the rules were then built to
read them, so this set shows the categories are covered, not how Loa reads unseen bulletins.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from audio.speech_text import to_spoken

FIXTURE = Path(__file__).parent / "fixtures" / "spoken_dev_categories_2.tsv"
ROWS = [tuple(line.split("\t")) for line in FIXTURE.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")]
CATEGORIES = {"phone", "doc_year", "date_punct", "time_date", "code_dept", "abbr_place", "loan_word"}


def test_every_category_has_cases() -> None:
    categories = Counter(row[0] for row in ROWS)
    assert set(categories) == CATEGORIES
    assert min(categories.values()) >= 6


@pytest.mark.parametrize(("category", "text", "expected"), ROWS,
                         ids=[f"{i}-{row[0]}" for i, row in enumerate(ROWS)])
def test_every_row_is_read_exactly(category: str, text: str, expected: str) -> None:
    del category
    assert to_spoken(text) == expected


def test_per_category_figures_are_reported(capsys: pytest.CaptureFixture[str]) -> None:
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for category, text, expected in ROWS:
        total[category] += 1
        right[category] += to_spoken(text) == expected
    with capsys.disabled():
        sys.stdout.write("\ndev categories 2: " + ", ".join(f"{c} {right[c]}/{total[c]}" for c in total) + "\n")
    assert sum(total.values()) == len(ROWS)
