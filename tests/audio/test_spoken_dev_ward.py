"""Development set for the ward abbreviation table and the categories of issue 11 worked on with it.

Written alongside the code (fixtures/spoken_dev_ward.tsv says so): a regression guard, not a blind measure.
"""

from __future__ import annotations

import pytest

from audio.speech_text import to_spoken
from audio.speech_text.abbreviations import DEFAULT_ABBREVIATIONS
from audio.speech_text.conventions import LOAN_WORDS
from audio.speech_text.notice_abbreviations import NOTICE_ABBREVIATIONS
from audio.speech_text.ward_abbreviations import WARD_ABBREVIATIONS
from tests.audio.spoken_sets import row_ids, rows

ROWS = rows("spoken_dev_ward.tsv")


@pytest.mark.parametrize(("category", "text", "expected"), ROWS, ids=row_ids(ROWS))
def test_every_row_is_read_exactly(category: str, text: str, expected: str) -> None:
    del category
    assert to_spoken(text) in expected.split(" | ")  # alternatives added by CORRECTED lines


def test_ward_table_is_large_and_the_only_place_of_its_keys() -> None:
    assert len(WARD_ABBREVIATIONS) >= 90
    elsewhere = {**NOTICE_ABBREVIATIONS, **LOAN_WORDS}
    assert not set(WARD_ABBREVIATIONS) & set(elsewhere)
    assert all(DEFAULT_ABBREVIATIONS[key] == value for key, value in WARD_ABBREVIATIONS.items())


def test_a_station_entry_wins_over_the_ward_table() -> None:
    assert to_spoken("Đài TTCS phường.", {"TTCS": "truyền thanh cơ sở"}) == "Đài truyền thanh cơ sở phường."
    # An empty value switches the built-in reading off: the code is then spelled.
    assert to_spoken("Đài TTCS phường.", {"TTCS": ""}) == "Đài tê tê xê ét phường."


def test_a_station_entry_wins_inside_a_document_number() -> None:
    assert to_spoken("Số 12/KH-UBND.") == "Số mười hai kế hoạch ủy ban nhân dân."
    station = {"UBND": "ủy ban phường", "QLĐT": "quản lý đô thị và xây dựng"}
    assert to_spoken("Số 12/KH-UBND, 5/BC-QLĐT.", station) == \
        "Số mười hai kế hoạch ủy ban phường, năm báo cáo quản lý đô thị và xây dựng."


def test_a_station_entry_wins_over_a_two_meaning_abbreviation() -> None:
    assert to_spoken("BCH Đoàn phường.", {"BCH": "ban chỉ huy"}) == "ban chỉ huy Đoàn phường."
    # A station entry equal to the built-in reading still fixes it (the sentence no longer decides).
    assert to_spoken("BCH Quân sự phường.", {"BCH": "ban chấp hành"}) == "ban chấp hành Quân sự phường."
    assert to_spoken("Kế hoạch 5/KH-BCH của BCH Quân sự.", {"BCH": "ban chấp hành"}) == \
        "Kế hoạch năm kế hoạch ban chấp hành của ban chấp hành Quân sự."
    assert to_spoken("BCH Quân sự phường.", {"TTCS": "truyền thanh cơ sở"}) == "ban chỉ huy Quân sự phường."
