"""Categories blind set v13 showed missing (new sentences, not v13's): a numbered thing before a service-like
number, "ĐT" with words before the number, Roman numerals after "cụm", v13 loan words, units and abbreviations."""

from __future__ import annotations

import pytest

from audio.speech_text import to_spoken

CASES = [
    # A numbered pole, room or house is a count even when its number looks like 111-115.
    ('Thi công từ cột số 20 đến cột số 115 trên tuyến đường thôn.',
     'Thi công từ cột số hai mươi đến cột số một trăm mười lăm trên tuyến đường thôn.'),
    ('Hồ sơ nộp tại phòng số 113, tầng hai nhà A.',
     'Hồ sơ nộp tại phòng số một trăm mười ba, tầng hai nhà a.'),
    # "ĐT" followed by a few words, then a number starting with 0, is a telephone label.
    ('Liên hệ ĐT đường dây nóng 0912.345.678 để được hỗ trợ.',
     'Liên hệ điện thoại đường dây nóng không chín một hai, ba bốn năm, sáu bảy tám để được hỗ trợ.'),
    # Roman numerals after "cụm" are cardinals.
    ('Các xã thuộc cụm II thi đấu vào sáng thứ bảy.',
     'Các xã thuộc cụm hai thi đấu vào sáng thứ bảy.'),
    # Loan words, units and abbreviations of v13.
    ('Phum sóc của đồng bào Khmer tổ chức giải bóng chuyền mini.',
     'Phum sóc của đồng bào khơ me tổ chức giải bóng chuyền mi ni.'),
    ('Cho trẻ uống Oresol khi bị tiêu chảy.',
     'Cho trẻ uống ô rê dôn khi bị tiêu chảy.'),
    ('Đài phát trên tần số 98 MHz và 7906 kHz.',
     'Đài phát trên tần số chín mươi tám mê ga héc và bảy nghìn chín trăm linh sáu ki lô héc.'),
    ('Hỗ trợ 50 Tr.đ cho mỗi hộ.',
     'Hỗ trợ năm mươi triệu đồng cho mỗi hộ.'),
    ('Thiệt hại ước khoảng 120 tr.đồng.',
     'Thiệt hại ước khoảng một trăm hai mươi triệu đồng.'),
    ('Đài PT-TH huyện phối hợp với Ban PCBL xã và phòng CSKH Điện lực.',
     'Đài phát thanh truyền hình huyện phối hợp với Ban phòng chống bão lụt xã và phòng chăm sóc khách hàng Điện lực.'),
    # A list of days after "các/những ngày" (month named before): days 1-10 take mùng.
    ('Tháng 9, Trạm Y tế tiêm chủng vào các ngày 05, 15 và 25.',
     'Tháng chín, Trạm Y tế tiêm chủng vào các ngày mùng năm, mười lăm và hai mươi lăm.'),
    # A place named after a date says the date, not a range.
    ('Đoàn diễu hành qua đường 3-2 và sân vận động 19-8.',
     'Đoàn diễu hành qua đường ba tháng hai và sân vận động mười chín tháng tám.'),
    # An account number whose label has words before its colon: every group digit by digit.
    ('Số tài khoản tiếp nhận ủng hộ: 1020 3040 5678 tại Kho bạc huyện.',
     'Số tài khoản tiếp nhận ủng hộ: một không hai không, ba không bốn không, năm sáu bảy tám tại Kho bạc huyện.'),
    # A pipe's diameter after ống/cống is a size: the letter, then the number as a cardinal.
    ('Thay thế đoạn cống D1000 và ống nhựa D110 bị vỡ.',
     'Thay thế đoạn cống dê một nghìn và ống nhựa dê một trăm mười bị vỡ.'),
    # The word "hashtag" before "#" is said by the sign itself.
    ('Đăng ảnh kèm hashtag #TetXanh lên trang của xã.',
     'Đăng ảnh kèm hát tác tết xanh lên trang của xã.'),
    # Days listed after "ngày", the last with a dashed month: a date, not a range.
    ('Hội chợ mở cửa các ngày 4, 5 và 6-9 tại sân vận động.',
     'Hội chợ mở cửa các ngày mùng bốn, mùng năm và mùng sáu tháng chín tại sân vận động.'),
    ('Gió mạnh cấp 6 và 7-8 trong ngày.',
     'Gió mạnh cấp sáu và bảy đến tám trong ngày.'),
]


@pytest.mark.parametrize(("written", "spoken"), CASES)
def test_v13_category(written: str, spoken: str) -> None:
    assert to_spoken(written) == spoken
