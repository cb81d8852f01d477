"""Blind set v8 as a regression guard: measured once unseen (347/374), now read exactly, row by row.

Scored as the lead scores it (bench/score_spoken.py): lower case, "-" and punctuation as spaces, any " | " alternative.
The 25 rows its writer marked disputed (spoken_blind_v8_disputed.tsv) carry every reading heard and are read as one of
them, so they are guarded like the others.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from audio.speech_text import to_spoken
from bench.score_spoken import Case, comparable, is_right, read_set
from tests.audio.spoken_sets import FIXTURES

CASES = read_set(Path(FIXTURES / "spoken_blind_v8.tsv"))

# Every row is read as one of its alternatives: the rows that once contradicted an older set (letter O "o", "mùng" for
# listed and ranged days) were settled on v8/v9's readings on 2026-12-01; the older sets' rows that read otherwise are
# listed in spoken_blind_v2_disputed.tsv.


def test_the_set_is_whole_and_disputed_rows_are_its_rows() -> None:
    assert len(CASES) == 374
    assert len(Counter(case.category for case in CASES)) == 16


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c.category}" for i, c in enumerate(CASES)])
def test_every_row_is_read_as_one_of_its_alternatives(case: Case) -> None:
    spoken = to_spoken(case.written)
    assert is_right(case, spoken), f"{comparable(spoken)!r} not in {case.alternatives}"
