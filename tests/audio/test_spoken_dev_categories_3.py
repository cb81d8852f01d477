"""Third development set: the categories blind set v5 missed ("g" as giờ, dialled service numbers, loan words in
capitals, party-title and vehicle abbreviations, BCH by its sentence, word/word, units after triệu/nghìn/tỷ, comparison
signs glued to numbers, words inside web addresses, account numbers in dotted groups).

The expected readings were written before the code was run on these sentences; the rules were then built to
read them, so this set shows the categories are covered, not how Loa reads unseen bulletins.
"""

from __future__ import annotations

from collections import Counter

import pytest

from audio.speech_text import to_spoken
from tests.audio.spoken_sets import row_ids, rows

ROWS = rows("spoken_dev_categories_3.tsv")


def test_every_category_has_cases() -> None:
    categories = Counter(row[0] for row in ROWS)
    assert len(categories) == 11
    assert min(categories.values()) >= 3


@pytest.mark.parametrize(("category", "text", "expected"), ROWS,
                         ids=row_ids(ROWS))
def test_every_row_is_read_exactly(category: str, text: str, expected: str) -> None:
    del category
    assert to_spoken(text).lower() == expected.lower()


# Readings the new rules must leave alone.
@pytest.mark.parametrize(("text", "expected"), [
    ("Mua 500g đường và 2 kg gạo.", "Mua năm trăm gam đường và hai ki lô gam gạo."),
    ("Bổ sung 3g muối mỗi bữa.", "Bổ sung ba gam muối mỗi bữa."),
    ("Dùng khoảng 5g muối và 10g đường.", "Dùng khoảng năm gam muối và mười gam đường."),
    ("Mở cửa từ 7g, đóng lúc 17g.", "Mở cửa từ bảy giờ, đóng lúc mười bảy giờ."),
    ("Khám từ 13g30-17g, nghỉ từ 7-11g thứ bảy.",
     "Khám từ mười ba giờ ba mươi phút đến mười bảy giờ, nghỉ từ bảy đến mười một giờ thứ bảy."),
    ("Mỗi ngày 5-10g muối.", "Mỗi ngày năm đến mười gam muối."),
    ("Hỗ trợ 5 triệu đ/hộ.", "Hỗ trợ năm triệu đồng mỗi hộ."),
    ("Số nhà 12, Phường 5/Quận 3.", "Số nhà mười hai, Phường năm, Quận ba."),
    ("Tốc độ tối đa 50 km/h.", "Tốc độ tối đa năm mươi ki lô mét trên giờ."),
    ("Gọi 3 lần không được.", "Gọi ba lần không được."),
    ("Xã có 113 hộ dân.", "Xã có một trăm mười ba hộ dân."),
])
def test_readings_left_alone(text: str, expected: str) -> None:
    assert to_spoken(text) in expected.split(" | ")  # alternatives added by CORRECTED lines
