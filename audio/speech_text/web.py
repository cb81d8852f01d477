"""Web and e-mail addresses and hashtags, read so that a listener can write them down.

"vanphong@hanoi.gov.vn" -> "văn phòng a còng hà nội chấm gờ o vê chấm vê en": unaccented
Vietnamese words are read as words (split into the fewest known pieces: the hand lists `WORDS`, `SYLLABLES` and a
few pairs first, then each syllable's commonest accented form in bulletin text, `syllable_table.COMMONEST`, built
by bench/build_syllable_table.py: "khonggianmang" không gian mạng, "#TetAnToan" tết an toàn), the rest spelled.
A station adds its own address words as abbreviations ("bode" -> "bồ đề").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from audio.speech_text.codes import spell_letters
from audio.speech_text.conventions import LOAN_WORDS, WEB_SIGNS
from audio.speech_text.numbers import read_cardinal
from audio.speech_text.syllable_table import COMMONEST
from audio.speech_text.word_restoration import cheapest_split, split_words

_BASE = 0xE000  # private-use characters stand for an address already read

# "ly" only as the short-link host bit.ly (a lowercase "ly" after a dot is no Vietnamese word either).
_TLD = r"(?:vn|com|net|org|gov|edu|info|int|asia|ly)"
_ADDRESS = re.compile(
    rf"(?P<email>(?<![\w@.-])[A-Za-z0-9][A-Za-z0-9._-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.{_TLD}\b)"
    rf"|(?P<url>(?<![\w@./-])(?:https?://)?(?:[a-z0-9_-]+\.)+{_TLD}(?:\.vn)?\b(?:/[A-Za-z0-9._/-]*[A-Za-z0-9/])?)"
    r"|(?P<tag>(?<![\w#])#[^\W_][\w]*)"
)

_HAS_TLD = re.compile(rf"[a-z0-9]\.{_TLD}\b")

# Labels spelled or said as one word whatever their letters look like.
_LABELS: Mapping[str, str] = {
    "com": "com", "net": "nét", "gmail": "gờ meo", "yahoo": "da hu", "info": "in phô",
    "www": "vê kép vê kép vê kép", "gov": "gờ o vê", "vn": "vê en", "edu": "e dê u", "org": "o rờ gờ",
    # short-link hosts (bit.ly/…), and a health body's address named like its acronym (cdc@…, F2 "xê đê xê")
    "bit": "bít", "ly": "li", "cdc": "xê đê xê",
}

# Place names and words common in addresses whose syllables alone would be read wrong.
WORDS: Mapping[str, str] = {
    "bode": "bồ đề", "trangnguyen": "trạng nguyên", "hochiminh": "hồ chí minh", "haiphong": "hải phòng",
    "danang": "đà nẵng", "cantho": "cần thơ", "quangninh": "quảng ninh", "halong": "hạ long",
    "dichvucong": "dịch vụ công", "vacxin": "vắc xin", "tiemchung": "tiêm chủng", "suckhoe": "sức khỏe",
    "baohiem": "bảo hiểm", "congan": "công an", "thuedientu": "thuế điện tử",
    "baohiemxahoi": "bảo hiểm xã hội", "mienphi": "miễn phí", "vanthu": "văn thư", "lienhe": "liên hệ",
    "city": "xi ti",  # "hochiminhcity.gov.vn"
    # Provinces and large towns: their domains are the commonest address words of a bulletin (hatinh.gov.vn).
    "angiang": "an giang", "bariavungtau": "bà rịa vũng tàu", "baclieu": "bạc liêu", "bacgiang": "bắc giang",
    "backan": "bắc kạn", "bacninh": "bắc ninh", "bentre": "bến tre", "binhduong": "bình dương",
    "binhdinh": "bình định", "binhphuoc": "bình phước", "binhthuan": "bình thuận", "camau": "cà mau",
    "caobang": "cao bằng", "daklak": "đắk lắk", "daknong": "đắk nông", "dienbien": "điện biên",
    "dongnai": "đồng nai", "dongthap": "đồng tháp", "gialai": "gia lai", "hagiang": "hà giang", "hanam": "hà nam",
    "hatinh": "hà tĩnh", "haiduong": "hải dương", "haugiang": "hậu giang", "hoabinh": "hòa bình",
    "hungyen": "hưng yên", "khanhhoa": "khánh hòa", "kiengiang": "kiên giang", "kontum": "kon tum",
    "laichau": "lai châu", "lamdong": "lâm đồng", "langson": "lạng sơn", "laocai": "lào cai", "longan": "long an",
    "namdinh": "nam định", "nghean": "nghệ an", "ninhbinh": "ninh bình", "ninhthuan": "ninh thuận",
    "phutho": "phú thọ", "phuyen": "phú yên", "quangbinh": "quảng bình", "quangnam": "quảng nam",
    "quangngai": "quảng ngãi", "quangtri": "quảng trị", "soctrang": "sóc trăng", "sonla": "sơn la",
    "tayninh": "tây ninh", "thaibinh": "thái bình", "thainguyen": "thái nguyên", "thuathienhue": "thừa thiên huế",
    "hue": "huế", "tiengiang": "tiền giang", "travinh": "trà vinh", "tuyenquang": "tuyên quang",
    "vinhlong": "vĩnh long", "vinhphuc": "vĩnh phúc", "yenbai": "yên bái", "campha": "cẩm phả", "uongbi": "uông bí",
    "mongcai": "móng cái", "bachdang": "bạch đằng", "hongai": "hòn gai", "baichay": "bãi cháy",
    "longxuyen": "long xuyên", "chaudoc": "châu đốc", "rachgia": "rạch giá", "tamky": "tam kỳ", "hoian": "hội an",
    "buonmathuot": "buôn ma thuột", "pleiku": "plây cu", "thudaumot": "thủ dầu một", "bienhoa": "biên hòa",
    "vungtau": "vũng tàu", "nhatrang": "nha trang", "dalat": "đà lạt", "vinh": "vinh",
}

# Unaccented syllables and their usual reading in Vietnamese addresses and hashtags.
SYLLABLES: Mapping[str, str] = {
    "a": "a", "an": "an", "anh": "anh", "ba": "ba", "bac": "bắc", "bao": "báo", "bien": "biên",
    "binh": "bình", "bo": "bộ", "cao": "cao", "chi": "chí", "chinh": "chính", "cong": "công",
    "cu": "cư", "cuu": "cứu", "dan": "dân", "dang": "đảng", "dec": "đéc", "dich": "dịch", "dien": "điện",
    "dinh": "định", "do": "đô", "doan": "đoàn", "dong": "đồng", "duc": "đức", "dung": "dũng",
    "duong": "đường", "gia": "gia", "giang": "giang", "giao": "giáo", "ha": "hà", "hai": "hải",
    "hanh": "hành", "hiem": "hiểm", "hoa": "hòa", "hoc": "học", "hoi": "hội", "hung": "hưng",
    "huyen": "huyện", "khanh": "khánh", "khoa": "khoa", "kinh": "kinh", "la": "là", "lai": "lai",
    "lam": "lâm", "lao": "lao", "le": "lê", "long": "long", "luat": "luật", "ly": "lý", "mai": "mai",
    "minh": "minh", "nam": "nam", "nghe": "nghệ", "ngoc": "ngọc", "nguyen": "nguyên", "nha": "nhà",
    "nhan": "nhân", "nien": "niên", "ninh": "ninh", "noi": "nội", "nong": "nông", "nuoc": "nước",
    "o": "ở", "phat": "phát", "phong": "phòng", "phu": "phú", "phuc": "phúc", "phuong": "phường",
    "quan": "quận", "quang": "quang", "quoc": "quốc", "sa": "sa", "sinh": "sinh", "so": "sở",
    "son": "sơn", "tai": "tại", "tam": "tâm", "tan": "tân", "tay": "tây", "te": "tế", "thai": "thái",
    "thanh": "thanh", "thap": "tháp", "thi": "thị", "thien": "thiện", "thon": "thôn", "thong": "thông",
    "thu": "thủ", "thuan": "thuận", "tien": "tiến", "tin": "tin", "tinh": "tỉnh", "to": "tổ",
    "tra": "tra", "trung": "trung", "truong": "trường", "tu": "tu", "tuyen": "tuyển", "uy": "ủy",
    "van": "văn", "viet": "việt", "vinh": "vinh", "vu": "vụ", "xa": "xã", "xuan": "xuân",
    "y": "y", "yen": "yên", "yeu": "yêu", "tiem": "tiêm", "vac": "vắc", "xin": "xin", "benh": "bệnh",
    "vien": "viện", "suc": "sức", "khoe": "khỏe", "thue": "thuế", "lang": "làng",
    "moi": "mới", "thuong": "thương", "tuc": "tục",
    # Frequent in administrative addresses: tuyển sinh đầu cấp, nộp hồ sơ, cổng thông tin, giáo dục, việc làm.
    "dau": "đầu", "cap": "cấp", "nop": "nộp", "khai": "khai", "ky": "ký", "viec": "việc",
    "xay": "xây", "dat": "đất", "kiem": "kiểm", "sat": "sát", "ve": "về", "hop": "hợp", "tac": "tác",
    "ho": "hộ", "xe": "xe",
    # Campaign hashtags and service addresses (#PhongChongSotXuatHuyet, hoi-dap@…, tiep_dan@…).
    "chong": "chống", "sot": "sốt", "xuat": "xuất", "huyet": "huyết", "dap": "đáp", "bau": "bầu", "cuoc": "cuộc",
    "sach": "sạch", "xanh": "xanh", "dep": "đẹp", "sang": "sáng", "ket": "kết", "nhat": "nhất",
    "toan": "toàn", "gioi": "giới", "tre": "trẻ", "em": "em", "nguoi": "người", "tuoi": "tuổi",
    "chay": "cháy", "no": "nổ", "lua": "lúa", "rac": "rác", "nhua": "nhựa", "khong": "không",
    "phap": "pháp", "mat": "mặt", "tran": "trận", "hieu": "hiểu", "biet": "biết", "trach": "trách",
    "nhiem": "nhiệm", "ban": "ban", "lanh": "lành", "manh": "mạnh", "vung": "vững",
    "hong": "hồng", "bach": "bạch", "chuyen": "chuyển", "doi": "đổi", "song": "sống", "vi": "vì",
    "mot": "một", "loi": "lời", "khuyen": "khuyên", "ngay": "ngày", "tich": "tích",
    # Common syllables of place names and slogans (long xuyên, bãi cháy, tự hào, châu, hậu, đảo).
    "xuyen": "xuyên", "bai": "bãi", "hao": "hào", "chau": "châu", "hau": "hậu", "dao": "đảo", "khu": "khu",
    "pho": "phố", "cho": "cho", "nghia": "nghĩa", "lien": "liên", "huong": "hương", "dieu": "điều",
    # Syllables of names and administrative words with one usual reading (Cao Bằng, bưu điện, cục, đại, được, giải).
    "bang": "bằng", "bich": "bích", "bui": "bùi", "buu": "bưu", "cai": "cái", "canh": "cảnh", "chien": "chiến",
    "chuan": "chuẩn", "chung": "chung", "cuc": "cục", "cuong": "cường", "dai": "đại", "danh": "danh", "dia": "địa",
    "duoc": "được", "giai": "giải", "giam": "giảm", "hinh": "hình", "hoang": "hoàng", "hoan": "hoàn", "huu": "hữu",
    "huy": "huy", "kien": "kiến", "kim": "kim", "lac": "lạc", "lich": "lịch", "linh": "linh", "loc": "lộc",
    "luong": "lương", "nang": "năng", "nhu": "như", "phuoc": "phước", "que": "quê", "quy": "quy", "thach": "thạch",
    "thinh": "thịnh", "tho": "thọ", "thuy": "thủy", "tri": "trị", "trieu": "triệu", "trinh": "trình", "truc": "trực",
    "tuan": "tuấn", "tuong": "tường", "vuong": "vương", "that": "thất", "khuong": "khương",
    # Syllables of school, blood-donation, form and banking addresses (tuyensinhlop1, giotmauvang, bieu-mau).
    "lop": "lớp", "giot": "giọt", "mau": "máu", "vang": "vàng", "bieu": "biểu", "mam": "mầm", "non": "non",
    "tieu": "tiểu", "diem": "điểm", "don": "đơn", "giay": "giấy", "phep": "phép", "hen": "hẹn", "tro": "trợ",
    "giup": "giúp", "phi": "phí", "ngan": "ngân", "hang": "hàng", "luc": "lực", "nan": "nạn", "nhap": "nhập",
    "tim": "tìm", "khau": "khẩu", "khoan": "khoản", "qua": "quả", "hien": "hiến", "tham": "thăm", "mon": "môn",
}
# Whole words (several syllables) that the syllables alone would read wrong are pieces too: "dangky" is
# đăng ký, not đảng ký. Dictionary lookups only: an address label stays a few dozen characters.
# The two orders of the frequency tables: bulletin text decides a syllable's marks ("cho" is cho, not chợ; "mang"
# mạng), the hand lists above decide the words and places they name; pairs of syllables read otherwise together
# ("chuyển tiền", "người lạ") come from the same counts and the short list below.
_COMMON_PAIRS: Mapping[str, str] = {
    "chuyentien": "chuyển tiền", "nguoila": "người lạ", "khonggianmang": "không gian mạng", "luadao": "lừa đảo",
    "antoan": "an toàn", "morong": "mở rộng", "tiemchung": "tiêm chủng",
    # "le" alone is the surname Lê (lehongphong); with "hội" it is lễ hội, the festival sites (lehoi.tiengiang…).
    "lehoi": "lễ hội", "letet": "lễ tết",
}
_PIECES: Mapping[str, str] = {**COMMONEST, **SYLLABLES, **_COMMON_PAIRS, **{
    "dangky": "đăng ký", "hoso": "hồ sơ", "tracuu": "tra cứu", "giaoduc": "giáo dục", "giadinh": "gia đình",
    "laodong": "lao động", "vieclam": "việc làm", "nongnghiep": "nông nghiệp", "moitruong": "môi trường",
    "xaydung": "xây dựng", "dichvu": "dịch vụ", "thutuc": "thủ tục", "hanhchinh": "hành chính",
    "daucap": "đầu cấp", "tuyensinh": "tuyển sinh", "canhsat": "cảnh sát", "giaothong": "giao thông",
    # Government and press sites a bulletin points to (chinhphu.vn, thanhuy@…, vanban.chinhphu.vn, quochoi.vn).
    "chinhphu": "chính phủ", "tuyendung": "tuyển dụng", "thanhuy": "thành ủy", "tinhuy": "tỉnh ủy",
    "huyenuy": "huyện ủy", "quanuy": "quận ủy", "dangbo": "đảng bộ", "vanban": "văn bản", "quochoi": "quốc hội",
    "congbao": "công báo", "phapluat": "pháp luật", "thuvien": "thư viện", "nhandan": "nhân dân",
    "dangcongsan": "đảng cộng sản", "tuoitre": "tuổi trẻ", "thanhnien": "thanh niên", "quandoi": "quân đội",
    "antoan": "an toàn", "thucpham": "thực phẩm", "gopy": "góp ý", "phananh": "phản ánh", "kiennghi": "kiến nghị",
    "hotro": "hỗ trợ", "tintuc": "tin tức", "thongbao": "thông báo", "vanhoa": "văn hóa", "thethao": "thể thao",
    "dulich": "du lịch", "daotao": "đào tạo", "nongthon": "nông thôn", "tainguyen": "tài nguyên",
    "congnghe": "công nghệ", "truyenthong": "truyền thông", "thanhhoa": "thanh hóa", "tiep": "tiếp",
    "truyen": "truyền", "hanoi": "hà nội", "sukien": "sự kiện",
    # Words whose syllables alone take the wrong tone ("hoi" is hội, but "hoidap" hỏi đáp).
    "hoidap": "hỏi đáp", "tiepdan": "tiếp dân", "tiepnhan": "tiếp nhận", "tuphap": "tư pháp", "tuvan": "tư vấn",
    "phongchong": "phòng chống", "baucu": "bầu cử", "cutri": "cử tri", "daibieu": "đại biểu", "dancu": "dân cư",
    "sotxuathuyet": "sốt xuất huyết", "chuyendoiso": "chuyển đổi số", "chuyendoi": "chuyển đổi",
    "dienbien": "điện biên", "phongchay": "phòng cháy", "chuachay": "chữa cháy", "matuy": "ma túy",
    "antoangiaothong": "an toàn giao thông", "baochinhphu": "báo chính phủ", "hoichuthapdo": "hội chữ thập đỏ",
    "chuthapdo": "chữ thập đỏ", "thanhphodep": "thành phố đẹp", "thanhpho": "thành phố", "khupho": "khu phố",
    "tudan": "tự dân", "tuquan": "tự quản", "tunguyen": "tự nguyện", "nghiavuquansu": "nghĩa vụ quân sự",
    "nghiavu": "nghĩa vụ", "quansu": "quân sự", "hientang": "hiến tặng", "hienmau": "hiến máu",
    "nhanai": "nhân ái", "dongbao": "đồng bào", "vungcao": "vùng cao", "cuuho": "cứu hộ", "cuunan": "cứu nạn",
    "bienbao": "biển báo", "nongsan": "nông sản", "sanpham": "sản phẩm", "ungho": "ủng hộ",
    "noikhong": "nói không", "voi": "với", "chungtay": "chung tay", "camon": "cảm ơn", "yeuthuong": "yêu thương",
    "hanhdong": "hành động", "thang": "tháng", "quyettam": "quyết tâm", "quyet": "quyết", "khancap": "khẩn cấp",
    "toandan": "toàn dân", "baove": "bảo vệ", "ngayhoi": "ngày hội", "dichbenh": "dịch bệnh", "benhdich": "bệnh dịch",
    "ngheo": "nghèo", "giamngheo": "giảm nghèo", "nguoidan": "người dân", "canbo": "cán bộ", "hocsinh": "học sinh",
    "sinhvien": "sinh viên", "treem": "trẻ em", "phunu": "phụ nữ", "cuuchienbinh": "cựu chiến binh",
    "ketqua": "kết quả", "dieutra": "điều tra", "thongtin": "thông tin", "cuocsong": "cuộc sống", "vanminh": "văn minh",
    "dothi": "đô thị", "moitruongxanh": "môi trường xanh", "thientai": "thiên tai", "baolu": "bão lũ",
    "ubnd": "u bê en dê", "hdnd": "hát đê en dê", "mttq": "em tê tê quy",
    "taichinh": "tài chính", "canhbao": "cảnh báo", "tocgiac": "tố giác", "toipham": "tội phạm",
    "kinhdoanh": "kinh doanh", "doanhnghiep": "doanh nghiệp", "doanh": "doanh", "nghiep": "nghiệp",
    "kehoach": "kế hoạch", "dautu": "đầu tư", "noivu": "nội vụ", "yte": "y tế", "soyte": "sở y tế",
    "khoahoc": "khoa học", "ngoaivu": "ngoại vụ", "truyenhinh": "truyền hình",
    "phatthanh": "phát thanh", "giaothongvantai": "giao thông vận tải", "vantai": "vận tải",
    "laodongthuongbinh": "lao động thương binh", "thuongbinh": "thương binh", "xahoi": "xã hội",
    "tainguyenmoitruong": "tài nguyên môi trường", "tuphaphotich": "tư pháp hộ tịch", "hotich": "hộ tịch",
    "cutru": "cư trú", "cancuoc": "căn cước", "dinhdanh": "định danh", "dientu": "điện tử",
    "thanhtoan": "thanh toán", "tructuyen": "trực tuyến", "nopthue": "nộp thuế",
    "khuyennong": "khuyến nông", "khuyencao": "khuyến cáo", "khuyenhoc": "khuyến học", "tuhao": "tự hào",
    "cuocthi": "cuộc thi", "cuocthianh": "cuộc thi ảnh", "hinhanh": "hình ảnh", "bienxanh": "biển xanh",
    "biendao": "biển đảo", "bienphong": "biên phòng", "quehuong": "quê hương", "tunhien": "tự nhiên",
    "bieumau": "biểu mẫu", "maudon": "mẫu đơn", "mamnon": "mầm non", "tieuhoc": "tiểu học", "trunghoc": "trung học",
    "lichhen": "lịch hẹn", "nganhang": "ngân hàng", "taikhoan": "tài khoản", "matkhau": "mật khẩu",
    "diemthi": "điểm thi", "lichthi": "lịch thi", "kythi": "kỳ thi", "giayphep": "giấy phép", "hocphi": "học phí",
    "quyhoach": "quy hoạch", "datdai": "đất đai", "nhao": "nhà ở", "diachi": "địa chỉ", "diaphuong": "địa phương",
}, **WORDS}
_MAX_SYLLABLE = max(len(s) for s in _PIECES)


@lru_cache(maxsize=1024)
def _syllables(word: str, place: bool = False) -> tuple[str, ...] | None:
    """Split an unaccented word into the fewest known words and syllables (word_restoration), or None."""
    return split_words(word, _PIECES, place)


def unaccented_syllables(word: str) -> tuple[str, ...] | None:
    """The known syllables of an unaccented word run together ("dichvucong" -> dịch, vụ, công), or None."""
    return _syllables(word)


# The shape of one Vietnamese syllable written without its marks ("dap", "xuat", "nghieng"): an unknown piece of
# that shape in a CamelCase hashtag is said as written rather than spelled letter by letter.
_SYLLABLE_SHAPE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:uye|uya|ieu|yeu|oai|oay|oeo|uay|uoi|uou|uyu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye"
    r"|[aeiouy])"
    r"(?:ng|nh|ch|[cmnpt])?"
)


@lru_cache(maxsize=1024)
def _shaped_syllables(word: str) -> tuple[str, ...] | None:
    """A long unaccented word with a syllable missing from `SYLLABLES` ("thachthat"): known pieces by their reading,
    the rest as syllables said as written, if every piece has the shape of a syllable; spelling twelve letters one by
    one would lose the listener. Known pieces cost 1, unknown ones 3: the fewest unknown syllables win."""
    def price(piece: str) -> tuple[tuple[int], str] | None:
        if piece in _PIECES:
            return (1,), _PIECES[piece]
        if len(piece) >= 2 and _SYLLABLE_SHAPE.fullmatch(piece):
            return (3,), piece
        return None

    return cheapest_split(word, _MAX_SYLLABLE, price, (0,))


# CamelCase pieces: a capitalised word, a run of capitals (an acronym: "ANTQ"), a run of lowercase letters.
_CAMEL_PIECE = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]")


def _read_camel(word: str, table: Mapping[str, str]) -> str | None:
    """ "PhongChongSotXuatHuyet" -> phòng chống sốt xuất huyết: the capitals mark the syllables (or words);
    neighbouring pieces that form a known word are read as that word ("Phong"+"Chong" phòng chống); an acronym
    inside ("BaoVeANTQ") is expanded like any abbreviation, or spelled."""
    originals = _CAMEL_PIECE.findall(word)
    pieces = [p.lower() for p in originals]
    if len(pieces) < 2:
        return None
    # best[i]: (cost, words) for the first i pieces; a known word costs 1, an acronym 2, a syllable said as
    # written 3.
    best: list[tuple[int, tuple[str, ...]] | None] = [(0, ())] + [None] * len(pieces)
    for end in range(1, len(pieces) + 1):
        for start in range(max(0, end - 4), end):
            head = best[start]
            if head is None:
                continue
            joined = "".join(pieces[start:end])
            original = originals[start]
            if end - start == 1 and len(original) >= 2 and original.isupper():
                candidate = (head[0] + 2, (*head[1], table.get(original) or spell_letters(original)))
            elif joined in _PIECES:
                candidate = (head[0] + 1, (*head[1], _PIECES[joined]))
            elif end - start == 1 and (syllables := _syllables(joined)) is not None:
                candidate = (head[0] + len(syllables), (*head[1], *syllables))
            elif end - start == 1 and _SYLLABLE_SHAPE.fullmatch(joined):
                candidate = (head[0] + 3, (*head[1], joined))
            else:
                continue
            current = best[end]
            if current is None or candidate[0] < current[0]:
                best[end] = candidate
    found = best[-1]
    return " ".join(found[1]) if found else None


def _read_label(label: str, table: Mapping[str, str], place: bool = False) -> str:
    words: list[str] = []
    for part in re.findall(r"[^\W\d_]+|\d+", label):
        if not part.isascii() and part.isalpha():
            # Accented words are Vietnamese already: said as written, one word at a time.
            words.append(" ".join(w.lower() for w in _split_camel(part)))
            continue
        if part.isalpha() and not part.isupper() and (camel := _read_camel(part, table)) is not None:
            words.append(camel)
            continue
        lower = part.lower()
        known = table.get(part) or table.get(lower) or LOAN_WORDS.get(part)
        loan = next((v for k, v in LOAN_WORDS.items() if k.lower() == lower), None)
        if part.isdigit():
            words.append(read_cardinal(int(part)))
        elif lower in _LABELS or lower in WORDS:
            words.append(_LABELS.get(lower) or WORDS[lower])
        elif loan or known:
            words.append(loan or known or "")
        elif (syllables := _syllables(lower, place)) is not None:
            words.append(" ".join(syllables))
        elif len(lower) >= 6 and (syllables := _shaped_syllables(lower)) is not None:
            words.append(" ".join(syllables))
        elif (prefixed := _consonant_prefixed(lower)) is not None:
            words.append(prefixed)
        else:
            words.append(spell_letters(part))
    return " ".join(words)


# "pgdtrieuson", "ttytdonghoi", "ubndxaan": the initials of a body (no vowel in them: pgd, ttyt, ubnd) glued to a
# place or word that the syllables read.
_CONSONANTS = frozenset("bcdđghklmnpqrstvx")


def _consonant_prefixed(word: str) -> str | None:
    for cut in range(2, 5):
        initials, rest = word[:cut], word[cut:]
        if len(rest) < 4 or not set(initials) <= _CONSONANTS:
            break
        syllables = _syllables(rest)
        if syllables is not None:  # a body known by its initials keeps their reading ("cdcnghean" xê đê xê …)
            return f"{_LABELS.get(initials) or spell_letters(initials)} {' '.join(syllables)}"
    # "tracuunnt", "dichvucongbhxh": words then the initials of a body (nnt người nộp thuế, bhxh), spelled.
    for cut in range(2, 5):
        head, initials = word[:-cut], word[-cut:]
        if len(head) < 4 or not set(initials) <= _CONSONANTS:
            break
        syllables = _syllables(head)
        if syllables is not None:
            return f"{' '.join(syllables)} {spell_letters(initials)}"
    return None


def _split_camel(word: str) -> list[str]:
    pieces, start = [], 0
    for index in range(1, len(word)):
        if word[index].isupper() and word[index - 1].islower():
            pieces.append(word[start:index])
            start = index
    return [*pieces, word[start:]]


def read_address(address: str, table: Mapping[str, str]) -> str:
    """Read an address or hashtag piece by piece, signs by their names."""
    address = re.sub(r"^https?://", "", address)
    words = []
    pieces = re.split(r"([@./_#:-])", address)
    for index, piece in enumerate(pieces):
        if piece in WEB_SIGNS:
            words.append((table.get(piece) if piece in "#@" else None) or WEB_SIGNS[piece])
        elif piece:
            # a label before a province's or "gov" names a place: phuloi.laichau.gov.vn (Phú Lợi)
            place = index + 2 < len(pieces) and pieces[index + 1] == "." and pieces[index + 2] in (*WORDS, "gov")
            words.append(_joined_reading(pieces, index) or _read_label(piece, table, place))
    return " ".join(words)


def _joined_reading(pieces: list[str], index: int) -> str | None:
    """ "hoi-dap", "tiep_dan": two syllables of one word joined by "-" or "_" take that word's tones
    (hỏi gạch ngang đáp); each keeps its place around the sign."""
    piece = pieces[index].lower()
    for first, second, mine in ((index, index + 2, 0), (index - 2, index, 1)):
        if first < 0 or second >= len(pieces) or pieces[first + 1] not in ("-", "_"):
            continue
        word = _PIECES.get(pieces[first].lower() + pieces[second].lower())
        if word and len(word.split()) == 2 and piece in SYLLABLES:
            return word.split()[mine]
    return None


def protect_addresses(text: str, table: Mapping[str, str]) -> tuple[str, list[str]]:
    """Replace addresses by placeholders (so no later pass touches them); return their readings."""
    saved: list[str] = []

    def keep(match: re.Match[str]) -> str:
        saved.append(read_address(match[0], table))
        return chr(_BASE + len(saved) - 1)

    if "@" not in text and "#" not in text and not _HAS_TLD.search(text):
        return text, saved
    if "#" in text:
        text = _HASHTAG_WORD.sub("", text)
    return _ADDRESS.sub(keep, text), saved


# "kèm hashtag #XanhSachDep": the word is said by the sign itself (hát tác), not twice (v13).
_HASHTAG_WORD = re.compile(r"(?i)\b(?:hashtag|hash tag)\s+(?=#\w)")


def restore(text: str, saved: list[str]) -> str:
    """Put the readings of the addresses back in place of their placeholders."""
    for index, spoken in enumerate(saved):
        text = text.replace(chr(_BASE + index), spoken)
    return text
