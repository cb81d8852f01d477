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

# Rows whose expected reading contradicts an older set's settled reading, with the reason: written -> why. Empty since
# the lead settled on v8/v9's readings (2026-12-01: letter O "o", "mùng" for listed and ranged days); the older
# sets' rows that read otherwise are listed in spoken_blind_v2_disputed.tsv.
DISPUTED: dict[str, str] = {}


def test_the_set_is_whole_and_disputed_rows_are_its_rows() -> None:
    assert len(CASES) == 374
    assert len(Counter(case.category for case in CASES)) == 16
    written = {case.written for case in CASES}
    assert set(DISPUTED) <= written


@pytest.mark.parametrize("case", [c for c in CASES if c.written not in DISPUTED],
                         ids=[f"{i}-{c.category}" for i, c in enumerate(CASES) if c.written not in DISPUTED])
def test_every_undisputed_row_is_read_as_one_of_its_alternatives(case: Case) -> None:
    spoken = to_spoken(case.written)
    assert is_right(case, spoken), f"{comparable(spoken)!r} not in {case.alternatives}"


@pytest.mark.skipif(not DISPUTED, reason="no disputed rows")
@pytest.mark.parametrize("written", sorted(DISPUTED))
def test_a_disputed_row_is_read_the_older_sets_way(written: str) -> None:
    case = next(c for c in CASES if c.written == written)
    assert not is_right(case, to_spoken(written)), "the row is read as v8 expects: it is no longer disputed"
