""""TT" before a name: a centre (trung tâm), a town (thị trấn) or the standing members (thường trực).

"TT Y tế", "TT Văn hóa", "TT Phục vụ hành chính công" name a centre by what it does; "TT Phong Điền",
"TT. Phú Lộc" name a town by its place name; "TT HĐND", "TT Đảng ủy" are the standing members of a
council or committee. Inside a document code "TT" is a thông tư (read by the code reader, never here), and
"TT" before anything else is left to the letter speller. A station that defines its own "TT" keeps it
(the caller skips this pass).
"""

from __future__ import annotations

import re

# What a public centre does: the word right after "TT" in "TT Y tế huyện", "TT Dịch vụ việc làm" …
_SERVICES = (
    r"y tế|văn hóa|văn hoá|vh|dịch vụ|phục vụ|hành chính|giáo dục|gdnn|gdtx|bồi dưỡng|chính trị|truyền thông"
    r"|thông tin|thể dục|thể thao|tdtt|công nghệ|khuyến nông|khuyến công|phát triển|quỹ đất|nước sạch|điều hành"
    r"|giám định|pháp y|cấp cứu|trợ giúp|bảo trợ|công tác xã hội|quan trắc|dự báo|huấn luyện|đăng kiểm|lưu trữ"
    r"|hội nghị|học tập|giới thiệu|dạy nghề|kiểm soát|kiểm nghiệm|y học|chăm sóc|nuôi dưỡng|điều dưỡng|cai nghiện"
    r"|xúc tiến|kỹ thuật|tin học|ngoại ngữ|thương mại|quản lý|môi trường|vận hành|chỉ huy|tư vấn|nghiên cứu"
    r"|hỗ trợ|phòng chống|hoạt động|thanh thiếu niên|sát hạch|triển lãm|giống|thủy sản|lâm nghiệp|nông nghiệp"
    # What a centre does, itself abbreviated: "TT DVVL" (dịch vụ việc làm), "TT YT", "TT VH-TT", "TT GDNN-GDTX".
    r"|dvvl|dvhcc|yt|vh|vhtt|gdnn|pvhcc|khuyến nông|tdtt"
)
# The standing members of a council, committee or party committee: "TT HĐND", "TT Đảng ủy".
_STANDING = (r"HĐND|UBND|MTTQ|BCĐ|BCH|[UỦ]y ban|Uỷ ban|Đảng [uủ]y|Huyện [uủ]y|Tỉnh [uủ]y|Thành [uủ]y|Quận [uủ]y"
             r"|Hội đồng|Ban")
_TT = re.compile(
    rf"(?<![\w/.-])TT(?:\.\s?|\s)(?=(?P<standing>(?:{_STANDING})(?![^\W\d_]))"
    rf"|(?P<service>(?i:{_SERVICES})(?![^\W\d_]))|(?P<place>[A-ZĐÀ-Ỹ][a-zà-ỹđ]+))"
)


# "TT" as the second half of a dashed pair, read by the first half: a police unit's "CSGT-TT" is trật tự
# (cảnh sát giao thông trật tự); a culture centre's "TTVH-TT", "Trung tâm VH-TT" is thể thao (văn hóa thể thao),
# while the office "Phòng VH-TT" keeps văn hóa thông tin (the dictionary's reading).
_POLICE_ORDER = re.compile(r"(?<![\w-])(CS[A-ZĐ]{1,4})-TT(?![\w-])")
_CENTRE_SPORT = re.compile(r"(?<![\w-])(TTVH|(?:TT|[Tt]rung tâm) VH)-TT(?![\w-])")


def read_tt(text: str) -> str:
    """ "TT Y tế" -> "trung tâm Y tế", "TT Phong Điền" -> "thị trấn Phong Điền"; other "TT" unchanged."""
    if "TT" not in text:
        return text
    if "-TT" in text:
        text = _POLICE_ORDER.sub(r"\1 trật tự", text)
        text = _CENTRE_SPORT.sub(lambda m: f"{m[1]} thể thao", text)
    return _TT.sub(lambda m: "thường trực " if m["standing"] else "trung tâm " if m["service"] else "thị trấn ", text)
