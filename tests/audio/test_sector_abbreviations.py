"""Sector abbreviations (land, justice, power, schools, police, tax, farms…) read inside sentences, codes and lists.

The expectations were written by the author of `sector_abbreviations.py` from its tables and checked by reading them:
a regression test of those readings, not a blind set.
"""

from __future__ import annotations

import pytest

from audio.speech_text import DEFAULT_ABBREVIATIONS, to_spoken
from audio.speech_text.commune_abbreviations import COMMUNE_ABBREVIATIONS
from audio.speech_text.conventions import LOAN_WORDS
from audio.speech_text.notice_abbreviations import NOTICE_ABBREVIATIONS
from audio.speech_text.sector_abbreviations import SECTOR_ABBREVIATIONS
from audio.speech_text.ward_abbreviations import WARD_ABBREVIATIONS

SENTENCES = [
    ('Thực hiện Công văn của VPCP và TTCP về tiếp công dân.',
     'Thực hiện Công văn của văn phòng chính phủ và thanh tra chính phủ về tiếp công dân.'),
    ('Người dân nộp hồ sơ tại TTPVHCC xã hoặc trên CDVCQG.',
     'Người dân nộp hồ sơ tại trung tâm phục vụ hành chính công xã hoặc trên cổng dịch vụ công quốc gia.'),
    ('Thông tin được đăng trên CTTĐT của UBND phường.',
     'Thông tin được đăng trên cổng thông tin điện tử của ủy ban nhân dân phường.'),
    ('STC và SXD phối hợp kiểm tra giá vật liệu.',
     'sở tài chính và sở xây dựng phối hợp kiểm tra giá vật liệu.'),
    ('Thường trực HĐND-UBND xã tổ chức tiếp xúc cử tri.',
     'Thường trực hội đồng nhân dân - ủy ban nhân dân xã tổ chức tiếp xúc cử tri.'),
    ('Xã phấn đấu đạt chuẩn NTMNC trong năm nay.',
     'Xã phấn đấu đạt chuẩn nông thôn mới nâng cao trong năm nay.'),
    ('Cty CP cấp nước thông báo lịch thu tiền.',
     'công ty cổ phần cấp nước thông báo lịch thu tiền.'),
    ('Đồng chí Nguyễn Văn A, UVBTVHU, Bí thư Đảng ủy xã dự hội nghị.',
     'Đồng chí Nguyễn Văn A, ủy viên ban thường vụ huyện ủy, Bí thư Đảng ủy xã dự hội nghị.'),
    ('Năm qua chi bộ đạt danh hiệu TSVM, 95% đảng viên HTNV.',
     'Năm qua chi bộ đạt danh hiệu trong sạch, vững mạnh, chín mươi lăm phần trăm đảng viên hoàn thành nhiệm vụ.'),
    ('Hội PN xã phối hợp với BTTND kiểm tra công trình.',
     'Hội phụ nữ xã phối hợp với ban thanh tra nhân dân kiểm tra công trình.'),
    ('ĐTNCSHCM phường ra quân chiến dịch thanh niên tình nguyện.',
     'đoàn thanh niên cộng sản Hồ Chí Minh phường ra quân chiến dịch thanh niên tình nguyện.'),
    ('Các CSYT trên địa bàn tăng cường giám sát SXHD.',
     'Các cơ sở y tế trên địa bàn tăng cường giám sát sốt xuất huyết Dengue.'),
    ('TTYTDP huyện tổ chức tiêm vắc xin VNNB cho trẻ.',
     'trung tâm y tế dự phòng huyện tổ chức tiêm vắc xin viêm não Nhật Bản cho trẻ.'),
    ('Mời các bà mẹ đến TYT để được tư vấn CSSKBMTE.',
     'Mời các bà mẹ đến trạm y tế để được tư vấn chăm sóc sức khỏe bà mẹ trẻ em.'),
    ('Người dân cài đặt ứng dụng để xem HSSKĐT.',
     'Người dân cài đặt ứng dụng để xem hồ sơ sức khỏe điện tử.'),
    ('Trường TH&THCS Lê Lợi thông báo họp PHHS.',
     'Trường tiểu học và trung học cơ sở Lê Lợi thông báo họp phụ huynh học sinh.'),
    ('Kỳ thi TN THPT năm nay có ba bài thi bắt buộc.',
     'Kỳ thi tốt nghiệp trung học phổ thông năm nay có ba bài thi bắt buộc.'),
    ('TTGDNN-GDTX huyện tuyển sinh lớp GDQP-AN.',
     'trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên huyện tuyển sinh lớp giáo dục quốc phòng - an ninh.'),
    ('Xã duy trì chuẩn PCGD-XMC mức độ 2.',
     'Xã duy trì chuẩn phổ cập giáo dục - xóa mù chữ mức độ hai.'),
    ('CATT phối hợp ĐCSGT tuần tra ban đêm.',
     'công an thị trấn phối hợp đội cảnh sát giao thông tuần tra ban đêm.'),
    ('Tổ BVANTTCS tham gia giữ gìn trật tự thôn.',
     'Tổ bảo vệ an ninh, trật tự ở cơ sở tham gia giữ gìn trật tự thôn.'),
    ('Lực lượng vũ trang luôn SSCĐ bảo vệ Tổ quốc.',
     'Lực lượng vũ trang luôn sẵn sàng chiến đấu bảo vệ Tổ quốc.'),
    ('CCTKV nhắc hộ kinh doanh nộp hồ sơ QTT đúng hạn.',
     'chi cục thuế khu vực nhắc hộ kinh doanh nộp hồ sơ quyết toán thuế đúng hạn.'),
    ('Người dân tham gia BHXHTN để được hưởng lương hưu.',
     'Người dân tham gia bảo hiểm xã hội tự nguyện để được hưởng lương hưu.'),
    ('Chế độ TNLĐ-BNN được chi trả đúng quy định.',
     'Chế độ tai nạn lao động, bệnh nghề nghiệp được chi trả đúng quy định.'),
    ('Cán bộ KN-KL hướng dẫn bà con chăm sóc lúa.',
     'Cán bộ khuyến nông - khuyến lâm hướng dẫn bà con chăm sóc lúa.'),
    ('Chủ hộ chăn nuôi tiêm phòng VDNC cho trâu bò.',
     'Chủ hộ chăn nuôi tiêm phòng viêm da nổi cục cho trâu bò.'),
    ('Mùa khô, các hộ nhận khoán thực hiện PCCCR.',
     'Mùa khô, các hộ nhận khoán thực hiện phòng cháy chữa cháy rừng.'),
    ('HKL huyện phối hợp BQLRPH tuần tra rừng.',
     'hạt kiểm lâm huyện phối hợp ban quản lý rừng phòng hộ tuần tra rừng.'),
    ('Hồ sơ cấp GCNQSDĐ, QSHNƠ và TSKGLVĐ nộp tại bộ phận một cửa.',
     'Hồ sơ cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất'
     ' nộp tại bộ phận một cửa.'),
    ('Công khai phương án BT-HT-TĐC dự án đường liên xã.',
     'Công khai phương án bồi thường, hỗ trợ, tái định cư dự án đường liên xã.'),
    ('Người dân xem KHSDĐ năm 2026 tại trụ sở xã.',
     'Người dân xem kế hoạch sử dụng đất năm hai nghìn không trăm hai mươi sáu tại trụ sở xã.'),
    ('Không lấn chiếm HLATĐB để họp chợ.',
     'Không lấn chiếm hành lang an toàn đường bộ để họp chợ.'),
    ('Chủ phương tiện ĐTNĐ phải đăng ký, đăng kiểm.',
     'Chủ phương tiện đường thủy nội địa phải đăng ký, đăng kiểm.'),
    ('Theo BLHS, hành vi này có thể bị truy cứu trách nhiệm.',
     'Theo bộ luật hình sự, hành vi này có thể bị truy cứu trách nhiệm.'),
    ('Người nghèo được TGPL miễn phí; tổ HGCS hòa giải mâu thuẫn.',
     'Người nghèo được trợ giúp pháp lý miễn phí; tổ hòa giải ở cơ sở hòa giải mâu thuẫn.'),
    ('Tạm ngừng cấp điện ĐZ 22kV để bảo trì HLATLĐ.',
     'Tạm ngừng cấp điện đường dây hai mươi hai ki lô vôn để bảo trì hành lang an toàn lưới điện.'),
    ('Khuyến khích lắp ĐMTMN và TKĐ giờ cao điểm.',
     'Khuyến khích lắp điện mặt trời mái nhà và tiết kiệm điện giờ cao điểm.'),
    ('Số 12/KH-BCĐ ngày 5/3/2026 của Ban chỉ đạo xã.',
     'Số mười hai kế hoạch ban chỉ đạo ngày mùng năm tháng ba năm hai nghìn không trăm hai mươi sáu'
     ' của Ban chỉ đạo xã.'),
    ('Thực hiện Công văn số 45/TTPTQĐ-KH về việc bồi thường.',
     'Thực hiện Công văn số bốn mươi lăm trung tâm phát triển quỹ đất kế hoạch về việc bồi thường.'),
    ('Các TTYT, CSYT và TYT tham gia chiến dịch.',
     'Các trung tâm y tế, cơ sở y tế và trạm y tế tham gia chiến dịch.'),
    ('Đội PCCC-CNCH cơ sở diễn tập.',
     'Đội phòng cháy chữa cháy - cứu nạn cứu hộ cơ sở diễn tập.'),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[text[:40] for text, _ in SENTENCES])
def test_sector_abbreviations_are_read_in_sentences(text: str, expected: str) -> None:
    assert to_spoken(text) == expected


def test_sector_table_is_the_only_place_of_its_keys() -> None:
    assert len(SECTOR_ABBREVIATIONS) >= 250
    elsewhere = {**WARD_ABBREVIATIONS, **NOTICE_ABBREVIATIONS, **COMMUNE_ABBREVIATIONS, **LOAN_WORDS}
    assert not set(SECTOR_ABBREVIATIONS) & set(elsewhere)
    assert all(DEFAULT_ABBREVIATIONS[key] == value for key, value in SECTOR_ABBREVIATIONS.items())


def test_known_abbreviations_joined_by_a_dash_are_each_read() -> None:
    assert to_spoken("Thường trực HĐND-UBND phường.") == "Thường trực hội đồng nhân dân - ủy ban nhân dân phường."
    # A token the table knows whole keeps its own reading; with an unknown part the dash stays as written.
    assert to_spoken("Phát triển KT-XH.") == "Phát triển kinh tế - xã hội."
    assert to_spoken("Đội PCCC-XYZ.") == "Đội phòng cháy chữa cháy-XYZ."


def test_a_station_entry_wins_over_the_sector_table() -> None:
    assert to_spoken("Lắp ĐMTMN.", {"ĐMTMN": "điện mái nhà"}) == "Lắp điện mái nhà."
    assert to_spoken("Lắp ĐMTMN.", {"ĐMTMN": ""}) == "Lắp ĐMTMN."
