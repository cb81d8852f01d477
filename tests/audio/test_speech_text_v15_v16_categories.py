"""The categories blind sets v15 and v16 missed, on new sentences of our own (not their rows).

A "/" between two small numbers read by its context (a share before a quantity noun, also after "tới"/"đến"; a
knock-out round; a street or square named after a date; a house number), an event day before a dashed date,
sports, family-planning and border abbreviations, "TT" read by the other half of its pair, "VN" closing an
organisation's name, a glued alarm level, one initial after a kin word, short service and 1800/1900 numbers,
file codes, pipe and hydrant sizes, loan words (also after a hyphen), VNeID, a volume per hour.

The expectations follow the written conventions (spoken_blind_v15.tsv and spoken_blind_v16.tsv headers, NEW-v15-*,
NEW-v16-*, and the earlier sets they build on); they were written alongside the rules, so this file is a regression
kind of test: it keeps the categories read, it does not measure how Loa reads unseen bulletins.
"""

from __future__ import annotations

import pytest

from audio.speech_text import to_spoken

CASES = [
    # A share before a quantity noun, after words of amount or "tới" (NEW-v16-3); a date word keeps the date.
    ("Gần 1/3 số học sinh của trường được nhận học bổng.",
     "Gần một phần ba số học sinh của trường được nhận học bổng."),
    ("Có tới 3/4 diện tích lúa bị ngập.", "Có tới ba phần tư diện tích lúa bị ngập."),
    ("Xã miễn 1/2 chi phí khám bệnh cho người cao tuổi.",
     "Xã miễn một phần hai chi phí khám bệnh cho người cao tuổi."),
    ("Đội nhà giành quyền vào vòng 1/16 của giải.", "Đội nhà giành quyền vào vòng một phần mười sáu của giải."),
    ("Từ 1/6 học sinh được nghỉ hè.", "Từ mùng một tháng sáu học sinh được nghỉ hè."),
    # A street or square named after a date; a house number after "số".
    ("Lễ diễu hành đi qua đường 2/9 và quảng trường 19/8.",
     "Lễ diễu hành đi qua đường hai tháng chín và quảng trường mười chín tháng tám."),
    ("Hộ bà Lan ở số 12/5 đường Lê Lợi.", "Hộ bà Lan ở số mười hai trên năm đường Lê Lợi."),
    # An event day before a dashed date (NEW-v16-4).
    ("Ngày hội hiến máu 26-3 thu hút đông đảo đoàn viên.",
     "Ngày hội hiến máu hai mươi sáu tháng ba thu hút đông đảo đoàn viên."),
    # Abbreviations (NEW-v15-1, NEW-v16-1).
    ("Đoàn VĐV của huyện giành 3 HCV và 2 HCĐ.",
     "Đoàn vận động viên của huyện giành ba huy chương vàng và hai huy chương đồng."),
    ("Theo HLV trưởng, đội đã sẵn sàng.", "Theo huấn luyện viên trưởng, đội đã sẵn sàng."),
    ("Đội CSGT-TT công an huyện ra quân đầu năm.",
     "Đội cảnh sát giao thông trật tự công an huyện ra quân đầu năm."),
    ("Trung tâm VH-TT huyện tổ chức hội thi.", "Trung tâm văn hóa thể thao huyện tổ chức hội thi."),
    ("Hội LHPN VN tặng quà cho hộ nghèo.", "Hội liên hiệp phụ nữ Việt Nam tặng quà cho hộ nghèo."),
    ("Mực nước sông đang ở mức BĐII và còn lên.", "Mực nước sông đang ở mức báo động hai và còn lên."),
    ("Anh K. (SN 1990) đã được đưa đi cấp cứu.",
     "Anh ca (sinh năm một nghìn chín trăm chín mươi) đã được đưa đi cấp cứu."),
    # Digits: a service number after a long line name, a 1800 number in groups, a file code, pipe sizes.
    ("Gọi đường dây nóng hỗ trợ người dân bị bạo lực gia đình 111 khi cần.",
     "Gọi đường dây nóng hỗ trợ người dân bị bạo lực gia đình một một một khi cần."),
    ("Khách hàng gọi 1800 588822 để được hỗ trợ.",
     "Khách hàng gọi một tám không không, năm tám tám tám hai hai để được hỗ trợ."),
    ("Mã hồ sơ trực tuyến là G08.12-250601-0119.",
     "Mã hồ sơ trực tuyến là gờ không tám, một hai, hai năm không sáu không một, không một một chín."),
    ("Công ty thay đường ống D600mm trên tuyến phố chính.",
     "Công ty thay đường ống dê sáu trăm mi li mét trên tuyến phố chính."),
    ("Mỗi khu dân cư có 1 trụ nước chữa cháy D100.", "Mỗi khu dân cư có một trụ nước chữa cháy dê một trăm."),
    # Loan words (NEW-v15-6, NEW-v16-6), also after a hyphen; VNeID as the conventions read it (v10-4).
    ("Người dân được tiêm vắc-xin Viêm gan-Rubella miễn phí.",
     "Người dân được tiêm vắc-xin Viêm gan ru bê la miễn phí."),
    ("Trẻ được chụp X-quang tim phổi.", "Trẻ được chụp ích quang tim phổi."),
    ("Thủ tục xin visa lao động được hướng dẫn tại xã.", "Thủ tục xin vi sa lao động được hướng dẫn tại xã."),
    ("Tra cứu căn cước trên ứng dụng VNeID.", "Tra cứu căn cước trên ứng dụng vê en e i đê."),
    # A volume per hour is read like a volume per day or second; a speed stays "trên" (NEW-v14-7, v15-5).
    ("Trạm bơm tiêu công suất 3.600 m³/giờ vận hành hết công suất.",
     "Trạm bơm tiêu công suất ba nghìn sáu trăm mét khối mỗi giờ vận hành hết công suất."),
    ("Xe chạy tốc độ tối đa 50 km/giờ trong khu dân cư.",
     "Xe chạy tốc độ tối đa năm mươi ki lô mét trên giờ trong khu dân cư."),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_category_is_read(text: str, expected: str) -> None:
    assert to_spoken(text) == expected
