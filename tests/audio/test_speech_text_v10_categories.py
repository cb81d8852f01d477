"""Categories blind set v10 showed missing (new sentences, not v10's): initials after a name, counts of months,
counts out of a total, scores, formulas, shares and concentrations, abbreviated document types, codes and service
numbers read digit by digit, loan words, abbreviations and unaccented words in addresses and hashtags."""

from __future__ import annotations

import pytest

from audio.speech_text import to_spoken


@pytest.mark.parametrize(("written", "spoken"), [
    # A single capital after a Vietnamese personal name is the initial, by its letter name (NEW-v10-3).
    ("Hộ anh Phạm Văn D, xóm 4, nuôi 20 con gà.", "Hộ anh Phạm Văn Dê, xóm bốn, nuôi hai mươi con gà."),
    ("Đối tượng Vũ Đức V (sinh năm 1999) bị bắt.",
     "Đối tượng Vũ Đức Vê (sinh năm một nghìn chín trăm chín mươi chín) bị bắt."),
    ("Cháu Hoàng Thị X bị sốt.", "Cháu Hoàng Thị Ích bị sốt."),
    ("Kỳ họp thứ V HĐND xã.", "Kỳ họp thứ năm hội đồng nhân dân xã."),
])
def test_initial_after_a_name(written: str, spoken: str) -> None:
    assert to_spoken(written) == spoken


@pytest.mark.parametrize(("written", "spoken"), [
    # A count of months before "năm <year>" is no date in May.
    ("Trong 6 tháng năm 2026, toàn xã thu ngân sách đạt 80%.",
     "Trong sáu tháng năm hai nghìn không trăm hai mươi sáu, toàn xã thu ngân sách đạt tám mươi phần trăm."),
    ("Ngày 9 tháng 5 năm 2026.", "Ngày mùng chín tháng năm năm hai nghìn không trăm hai mươi sáu."),
    # "x/y units" with leading zeros counts out of a total; after "ngày" it is a date.
    ("Có 08/10 xã đạt chuẩn nông thôn mới.", "Có tám trên mười xã đạt chuẩn nông thôn mới."),
    ("Đã có 05/05 tổ dân phố ra quân.", "Đã có năm trên năm tổ dân phố ra quân."),
    ("Ngày 05/05 thôn tổ chức họp.", "Ngày mùng năm tháng năm thôn tổ chức họp."),
    # A score's dash is silent (NEW-v10-5); a range's is "đến".
    ("Đội xã Đông thắng với tỷ số 2-0.", "Đội xã Đông thắng với tỷ số hai không."),
    ("Hai đội hòa với tỷ số 1 - 1.", "Hai đội hòa với tỷ số một một."),
    ("Tập luyện 2-3 buổi.", "Tập luyện hai đến ba buổi."),
    # "×" after "%" in a formula (NEW-v10-9).
    ("Mức đóng 1,5% × 2.340.000 đồng.",
     "Mức đóng một phẩy năm phần trăm nhân hai triệu ba trăm bốn mươi nghìn đồng."),
])
def test_counts_scores_formulas(written: str, spoken: str) -> None:
    assert to_spoken(written) == spoken


@pytest.mark.parametrize(("written", "spoken"), [
    # A quantity shared out to a household or an area a few words on is "mỗi" (NEW-v10-6).
    ("Hỗ trợ 10 kg gạo tẻ/người.", "Hỗ trợ mười ki lô gam gạo tẻ mỗi người."),
    ("Cấp 03 bao phân NPK/hộ nghèo.", "Cấp ba bao phân NPK mỗi hộ nghèo."),
    ("Bón 8 kg kali clorua/sào.", "Bón tám ki lô gam kali clorua mỗi sào."),
    # A mass in a volume is a concentration, "trên".
    ("Nồng độ clo dư 0,5 mg/l.", "Nồng độ clo dư không phẩy năm mi li gam trên lít."),
    # Two ID papers joined by "/" both expanded.
    ("Mang theo CCCD/CMND bản gốc.", "Mang theo căn cước công dân, chứng minh nhân dân bản gốc."),
])
def test_shares_and_concentrations(written: str, spoken: str) -> None:
    assert to_spoken(written) == spoken


@pytest.mark.parametrize(("written", "spoken"), [
    # A document type abbreviated before "số".
    ("Theo CV số 88/UBND ngày 12/3/2026.",
     "Theo công văn số tám mươi tám ủy ban nhân dân ngày mười hai tháng ba năm hai nghìn không trăm hai mươi sáu."),
    ("Căn cứ TB số 14/TB-UBND.", "Căn cứ thông báo số mười bốn thông báo ủy ban nhân dân."),
    # A card number: letters by name, digits one by one.
    ("Mã thẻ BHYT: GD4797912345678.",
     "Mã thẻ bảo hiểm y tế: gờ dê bốn bảy chín bảy chín một hai ba bốn năm sáu bảy tám."),
    # Digits after a code label.
    ("Không cung cấp mã xác thực như 908172 cho người lạ.",
     "Không cung cấp mã xác thực như chín không tám một bảy hai cho người lạ."),
    ("Nhập mã 4455 để tra cứu.", "Nhập mã bốn bốn năm năm để tra cứu."),
    # A service number after a dialled number and "hoặc"; a count stays a number.
    ("Báo tin qua số 0212.3852.114 hoặc 114.",
     "Báo tin qua số không hai một hai, ba tám năm hai, một một bốn hoặc một một bốn."),
    ("Xã có 114 hộ nghèo.", "Xã có một trăm mười bốn hộ nghèo."),
])
def test_documents_and_digit_codes(written: str, spoken: str) -> None:
    assert to_spoken(written) == spoken


@pytest.mark.parametrize(("written", "spoken"), [
    # Loan words (NEW-v10-4) and abbreviations (NEW-v10-2).
    ("Kiểm tra bình gas và chip điện thoại.", "Kiểm tra bình ga và chíp điện thoại."),
    ("Không tham gia nhóm Telegram lạ, không chuyển tiền qua MoMo.",
     "Không tham gia nhóm tê lê gram lạ, không chuyển tiền qua mô mô."),
    ("Giải Marathon của huyện.", "Giải ma ra tông của huyện."),
    ("Tiêm vắc xin THT cho trâu bò.", "Tiêm vắc xin tụ huyết trùng cho trâu bò."),
    ("BCH Đoàn TN phường họp.", "ban chấp hành Đoàn thanh niên phường họp."),
    ("TT DVVL huyện tuyển lao động.", "trung tâm dịch vụ việc làm huyện tuyển lao động."),
    ("Bác sĩ CKI Trần Văn Nam khám bệnh.", "Bác sĩ chuyên khoa một Trần Văn Nam khám bệnh."),
    ("Xe máy 110cc.", "Xe máy một trăm mười phân khối."),
])
def test_loan_words_and_abbreviations(written: str, spoken: str) -> None:
    assert to_spoken(written) == spoken


@pytest.mark.parametrize(("written", "spoken"), [
    # Unaccented syllables take their commonest accented form in bulletin text; frequent pairs from a short list.
    ("#NoiKhongVoiLuaDao", "hát tác nói không với lừa đảo"),
    ("#TetSumVay", "hát tác tết sum vầy"),
    ("#ChuyenTienChoNguoiLa", "hát tác chuyển tiền cho người lạ"),
    ("Xem tại khonggianmang.gov.vn.", "Xem tại không gian mạng chấm gờ o vê chấm vê en."),
])
def test_unaccented_words(written: str, spoken: str) -> None:
    assert to_spoken(written) == spoken
