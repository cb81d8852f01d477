"""Categories blind set v9 showed missing (new sentences, not v9's): listed and ranged days with "mùng", rates over
an area or a number of hours, spaced account numbers, law points by letter, unlisted document-code parts, pipe
diameters, S1 letter names and unaccented words in addresses."""

from __future__ import annotations

import pytest

from audio.speech_text import to_spoken


@pytest.mark.parametrize(("written", "spoken"), [
    # Days listed or ranged after "ngày" take "mùng" (D1), unless a count follows.
    ("Họp giao ban vào ngày 03 và 18 hàng tháng.", "Họp giao ban vào ngày mùng ba và mười tám hàng tháng."),
    ("Chi trả từ ngày 02 đến ngày 10 hằng tháng.", "Chi trả từ ngày mùng hai đến ngày mùng mười hằng tháng."),
    ("Tiêm phòng từ ngày 06-12/8/2026.",
     "Tiêm phòng từ ngày mùng sáu đến mười hai tháng tám năm hai nghìn không trăm hai mươi sáu."),
    ("Trong ngày 5, 20 hộ dân được hỗ trợ.", "Trong ngày năm, hai mươi hộ dân được hỗ trợ."),
    # "/" after a quantity: over an area "trên", a price "mỗi", over a number of hours "trong", per year "mỗi".
    ("Mật độ nuôi 5 con/m², giá 20.000 đồng/m².",
     "Mật độ nuôi năm con trên mét vuông, giá hai mươi nghìn đồng mỗi mét vuông."),
    ("Mưa 80 mm/6 giờ.", "Mưa tám mươi mi li mét trong sáu giờ."),
    ("Tiêu thụ 3 triệu kWh/tháng.", "Tiêu thụ ba triệu ki lô oát giờ mỗi tháng."),
    # Every spaced group of an account number digit by digit.
    ("Chuyển khoản vào tài khoản 1903 456 78 tại ngân hàng.",
     "Chuyển khoản vào tài khoản một chín không ba bốn năm sáu bảy tám tại ngân hàng."),
    # A letter naming a point of a law before the capitalised next level.
    ("Theo Điểm b Khoản 1 Điều 8.", "Theo Điểm bê Khoản một Điều tám."),
    # A code with a part nobody can say is left out whole; a known one is read.
    ("Công văn số 15/QWZ-UBND.", "Công văn số mười lăm."),
    ("Thông báo số 9/TB-ĐL.", "Thông báo số chín thông báo điện lực."),
    # A pipe's nominal diameter; DN elsewhere is doanh nghiệp.
    ("Thay van DN150, hỗ trợ 20 DN.", "Thay van dê en một trăm năm mươi, hỗ trợ hai mươi doanh nghiệp."),
    # S1 letter names: O "o", R "rờ".
    ("Xét nghiệm RT-PCR và uống ORS.", "Xét nghiệm rờ tê pê xê rờ và uống o rờ ét."),
    # A form's code after its label: letters by name, digits one by one, the dash silent.
    ("Nộp tờ khai theo mẫu CT-01 tại công an phường.", "Nộp tờ khai theo mẫu xê tê không một tại công an phường."),
    # Unaccented words in addresses.
    ("Xem tại hatu.edu.vn/lich-thi.", "Xem tại hà tu chấm e dê u chấm vê en gạch chéo lịch gạch ngang thi."),
    ("Gửi về mamnonhatu@gmail.com.", "Gửi về mầm non hà tu a còng gờ meo chấm com."),
])
def test_v9_categories_are_read_as_an_announcer_reads_them(written: str, spoken: str) -> None:
    assert to_spoken(written) == spoken
