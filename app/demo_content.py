"""Demo content for Loa, a system for Vietnamese ward loudspeaker stations.

Loa ("loudspeaker") schedules and plays the programmes of a đài truyền thanh cơ
sở, the loudspeaker station of a ward. This module holds the demo data for one
such station, phường Hà Tu (thành phố Hạ Long, tỉnh Quảng Ninh): its six
neighbourhoods (``DEMO_AREAS``) and twelve broadcast scripts
(``DEMO_SCRIPTS``) written the way a ward culture officer (công chức Văn hóa -
xã hội) would type them for the loudspeakers.

The propaganda items follow the real directives in the seed material, chiefly
Công văn 79/UBND ngày 22/01/2024 của UBND phường Hà Tu (KT-XH results of
Quảng Ninh in 2023, the 2024 tasks and the "Năm quyết tâm", Nghị quyết số
43-NQ/TW, national security and so on) and the 2024 anniversaries named in
the other directives. The ward notices (water cut, vaccination schedule,
storm preparedness, the phone number 0203 3 835 123) are illustrative
examples written for the demo, not real announcements.

Bodies keep numbers, dates, times, abbreviations (UBND, HĐND, MTTQ, TDP,
KT-XH, BHYT, PCCC, ATGT) and Roman numerals (Đại hội XIII, khóa XV) exactly as
an officer would type them, so that they exercise the text-to-speech
normalizer.

Field conventions of ``DemoScript``:

* ``days``: length of the air window in days, counted from the day the demo
  loader runs (today + days).
* The ward's own notices (water cut, vaccination, fire checks, storm season) are
  dated relative to that day: ``{ngay+3}`` is today + 3 days (dd/mm/yyyy),
  ``{ngay-1}`` yesterday, ``{nam}`` this year, ``{thang_toi}`` next month and
  ``{thang_truoc}`` last month (mm/yyyy); ``demo.fill`` writes them in. The
  propaganda items cite real documents and keep those documents' dates.
* ``airings``: how many times the script should air in total (1-6).
* ``slots``: ``()`` means any broadcast slot; otherwise ``("morning",)`` or
  ``("afternoon",)``.
* ``areas``: indices into ``DEMO_AREAS``; ``()`` means all areas.
* ``rejection_reason``: set only when ``status == "rejected"``.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoScript:
    """One broadcast script of the demo station."""

    title: str
    body: str
    topic: str
    source_ref: str
    priority: str
    status: str
    days: int
    airings: int
    slots: tuple[str, ...] = ()
    areas: tuple[int, ...] = ()
    rejection_reason: str | None = None


DEMO_AREAS: tuple[str, ...] = (
    "Khu 1",
    "Khu 2",
    "Khu 3",
    "Khu 4",
    "Khu 5",
    "Khu 6",
)

_CV79 = "Công văn 79/UBND ngày 22/01/2024 của UBND phường Hà Tu"


DEMO_SCRIPTS: tuple[DemoScript, ...] = (
    DemoScript(
        title="Quảng Ninh hoàn thành toàn diện các chỉ tiêu KT-XH năm 2023",
        body=(
            "Thưa bà con nhân dân phường Hà Tu!\n\n"
            "Năm 2023, trong bối cảnh tình hình thế giới và trong nước còn nhiều "
            "khó khăn, thách thức, tỉnh Quảng Ninh đã hoàn thành toàn diện các chỉ "
            "tiêu phát triển KT-XH, giữ vững đà tăng trưởng cao ở mức 02 con số "
            "trong 9 năm liên tiếp. Tốc độ tăng trưởng GRDP năm 2023 ước đạt "
            "11,03%, gấp đôi bình quân chung cả nước; quy mô nền kinh tế đạt trên "
            "315.800 tỷ đồng, gấp 1,5 lần so với năm 2020.\n\n"
            "Quảng Ninh là địa phương đầu tiên trong Vùng đồng bằng sông Hồng được "
            "phê duyệt Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050 và "
            "là địa phương đầu tiên trong cả nước hoàn thành phê duyệt Kế hoạch "
            "triển khai Quy hoạch tỉnh. Kinh tế vĩ mô cơ bản ổn định, lạm phát "
            "được kiểm soát; an ninh năng lượng, lương thực, thực phẩm được bảo "
            "đảm; thị trường lao động phục hồi nhanh. Công tác an sinh xã hội, "
            "chăm lo người có công, hộ nghèo, cận nghèo được thực hiện kịp thời.\n\n"
            "Kết quả đó khẳng định sự lãnh đạo, chỉ đạo quyết liệt, sâu sát của "
            "Tỉnh ủy, HĐND, UBND tỉnh, sự vào cuộc của cả hệ thống chính trị, sự "
            "đồng hành, ủng hộ của Nhân dân và cộng đồng doanh nghiệp. Quảng Ninh "
            "tiếp tục khẳng định vị trí là một cực tăng trưởng của khu vực phía "
            "Bắc.\n\n"
            "Năm 2024, tỉnh phấn đấu thu hút 17 triệu lượt khách du lịch, trong đó "
            "có 03 triệu lượt khách quốc tế; thành lập mới trên 2.000 doanh "
            "nghiệp; giải ngân 100% kế hoạch vốn đầu tư công đến 31/12/2024, trong "
            "đó hết Quý III/2024 đạt tối thiểu 80%.\n\n"
            "UBND phường Hà Tu đề nghị bà con nhân dân, các hộ kinh doanh trên địa "
            "bàn tiếp tục đoàn kết, hăng hái thi đua lao động sản xuất, cùng chung "
            "tay xây dựng phường Hà Tu và thành phố Hạ Long ngày càng giàu đẹp, văn "
            "minh, hiện đại.\n\n"
            "Đài truyền thanh phường Hà Tu vừa phát tin về kết quả KT-XH năm 2023 "
            "của tỉnh Quảng Ninh."
        ),
        topic="kinh-te",
        source_ref=_CV79,
        priority="normal",
        status="approved",
        days=21,
        airings=2,
    ),
    DemoScript(
        title="Năm 2024: kỷ cương trách nhiệm, tăng tốc sáng tạo với tinh thần “Năm quyết tâm”",
        body=(
            "Kính thưa toàn thể bà con nhân dân!\n\n"
            "Năm 2024 là năm có ý nghĩa quyết định để hoàn thành Nghị quyết đại "
            "hội đảng bộ các cấp nhiệm kỳ 2020 - 2025, tiến tới Đại hội đại biểu "
            "toàn quốc lần thứ XIV của Đảng. Thực hiện Kết luận số 64-KL/TW ngày "
            "18/10/2023 của Hội nghị Trung ương 8 khóa XIII và Nghị quyết số "
            "103/2023/QH15 ngày 09/11/2023 của Quốc hội khóa XV về Kế hoạch phát "
            "triển KT-XH năm 2024, Chính phủ xác định chủ đề điều hành năm 2024 là: "
            "“Kỷ cương trách nhiệm, chủ động kịp thời, tăng tốc sáng tạo, hiệu quả "
            "bền vững”.\n\n"
            "Cùng với chủ đề đó là tinh thần “Năm quyết tâm”. Một là, tháo gỡ khó "
            "khăn, vượt qua mọi thách thức trong các lĩnh vực. Hai là, thực hiện "
            "không nói không, không nói khó, không nói có mà không làm. Ba là, bảo "
            "vệ cán bộ dám nghĩ, dám làm vì lợi ích chung; nghĩ thật, nói thật, làm "
            "thật, hiệu quả thật, Nhân dân được thụ hưởng thật. Bốn là, thúc đẩy "
            "sản xuất kinh doanh, bảo đảm người dân, doanh nghiệp được hưởng các "
            "chế độ, chính sách và thành quả mang lại. Năm là, nỗ lực phấn đấu cao "
            "nhất để đạt kết quả tốt nhất trong năm 2024.\n\n"
            "Tại tỉnh Quảng Ninh, Nghị quyết số 20-NQ/TU ngày 27/11/2023 của Tỉnh "
            "ủy về phương hướng, nhiệm vụ năm 2024 đặt mục tiêu giữ vững đà tăng "
            "trưởng bền vững hai con số, góp phần thực hiện thắng lợi Nghị quyết "
            "Đại hội Đảng bộ tỉnh lần thứ XV và Đại hội XIII của Đảng.\n\n"
            "UBND phường Hà Tu đề nghị các ban, ngành, đoàn thể, trưởng các khu phố, "
            "tổ trưởng TDP và toàn thể bà con nhân dân quán triệt tinh thần trên, "
            "tích cực hưởng ứng các phong trào thi đua yêu nước, góp phần hoàn "
            "thành thắng lợi nhiệm vụ KT-XH năm 2024 của phường."
        ),
        topic="thoi-su",
        source_ref=_CV79,
        priority="normal",
        status="approved",
        days=30,
        airings=2,
        slots=("morning",),
    ),
    DemoScript(
        title="Phát huy sức mạnh đại đoàn kết toàn dân tộc theo Nghị quyết số 43-NQ/TW",
        body=(
            "Thưa bà con nhân dân!\n\n"
            "Ngày 24/11/2023, thay mặt Ban Chấp hành Trung ương Đảng khóa XIII, "
            "Tổng Bí thư đã ký ban hành Nghị quyết số 43-NQ/TW Hội nghị lần thứ "
            "tám về “tiếp tục phát huy truyền thống, sức mạnh đại đoàn kết toàn "
            "dân tộc, xây dựng đất nước ta ngày càng phồn vinh, hạnh phúc”. Ngày "
            "28/11/2023, Ban Chấp hành Trung ương ban hành Kế hoạch số 21-KH/TW "
            "để thực hiện Nghị quyết.\n\n"
            "Nghị quyết khẳng định đại đoàn kết toàn dân tộc là đường lối chiến "
            "lược, là nguồn sức mạnh, động lực chủ yếu, nhân tố có ý nghĩa quyết "
            "định bảo đảm thắng lợi bền vững của sự nghiệp xây dựng và bảo vệ Tổ "
            "quốc. Lấy mục tiêu xây dựng nước Việt Nam hòa bình, độc lập, thống "
            "nhất, toàn vẹn lãnh thổ, dân giàu, nước mạnh, dân chủ, công bằng, văn "
            "minh làm điểm tương đồng; tôn trọng những điểm khác biệt không trái "
            "với lợi ích chung của quốc gia - dân tộc.\n\n"
            "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội giữ vai trò nòng "
            "cốt tập hợp, đoàn kết Nhân dân, tăng cường giám sát và phản biện xã "
            "hội. Năm 2024 cũng là năm tổ chức Đại hội MTTQ các cấp nhiệm kỳ 2024 - "
            "2029.\n\n"
            "Tại phường Hà Tu, UB MTTQ phường phối hợp với các đoàn thể tiếp tục "
            "thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô "
            "thị văn minh”, phát huy vai trò của Ban công tác Mặt trận ở các khu "
            "phố. Đề nghị bà con nhân dân tích cực tham gia các sinh hoạt tại khu "
            "dân cư, thực hiện tốt Luật Thực hiện dân chủ ở cơ sở, đóng góp ý kiến "
            "xây dựng Đảng, xây dựng chính quyền, chung sức xây dựng khu dân cư "
            "đoàn kết, văn minh, an toàn."
        ),
        topic="thoi-su",
        source_ref=_CV79,
        priority="normal",
        status="submitted",
        days=14,
        airings=1,
    ),
    DemoScript(
        title="Kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024)",
        body=(
            "Kính thưa toàn thể bà con nhân dân phường Hà Tu!\n\n"
            "Cách đây tròn 94 năm, ngày 03/02/1930, tại Cửu Long, Hương Cảng, "
            "Trung Quốc, dưới sự chủ trì của lãnh tụ Nguyễn Ái Quốc, Hội nghị hợp "
            "nhất các tổ chức cộng sản đã thành lập Đảng Cộng sản Việt Nam. Sự ra "
            "đời của Đảng là bước ngoặt vĩ đại của cách mạng Việt Nam, chấm dứt "
            "thời kỳ khủng hoảng về đường lối cứu nước.\n\n"
            "Trải qua 94 năm lãnh đạo, Đảng ta đã đưa dân tộc đi từ thắng lợi này "
            "đến thắng lợi khác: Cách mạng Tháng Tám năm 1945, Chiến thắng Điện "
            "Biên Phủ năm 1954, đại thắng mùa Xuân năm 1975 và gần 40 năm đổi mới. "
            "Đất nước ta chưa bao giờ có được cơ đồ, tiềm lực, vị thế và uy tín "
            "quốc tế như ngày nay.\n\n"
            "Thực hiện Nghị quyết Đại hội XIII của Đảng, Đảng bộ và Nhân dân tỉnh "
            "Quảng Ninh đã hoàn thành toàn diện các chỉ tiêu KT-XH năm 2023, GRDP "
            "ước đạt 11,03%. Dịp kỷ niệm năm nay gắn liền với Tết Nguyên đán Giáp "
            "Thìn 2024; UBND phường đề nghị các khu phố treo cờ Tổ quốc, cờ Đảng "
            "từ ngày 01/02/2024, chỉnh trang đường phố, khu dân cư xanh, sạch, "
            "đẹp.\n\n"
            "Đề nghị các chi bộ, các đoàn thể, cán bộ, đảng viên và bà con nhân "
            "dân tổ chức các hoạt động chào mừng thiết thực; vui Xuân, đón Tết an "
            "toàn, lành mạnh, tiết kiệm; thăm hỏi, tặng quà các gia đình chính "
            "sách, hộ nghèo, hộ cận nghèo; không đốt pháo, không tham gia đánh bạc "
            "dưới mọi hình thức.\n\n"
            "Mừng Đảng quang vinh, mừng Xuân Giáp Thìn 2024!"
        ),
        topic="van-hoa",
        source_ref="Hướng dẫn 127-HD/BTGTW ngày 19/12/2023 của Ban Tuyên giáo Trung ương",
        priority="normal",
        status="approved",
        days=10,
        airings=3,
    ),
    DemoScript(
        title="Hưởng ứng Tết trồng cây đời đời nhớ ơn Bác Hồ Xuân Giáp Thìn 2024",
        body=(
            "Thưa bà con nhân dân!\n\n"
            "Ngày 28/11/1959, Chủ tịch Hồ Chí Minh viết bài “Tết trồng cây” đăng "
            "trên Báo Nhân Dân, phát động phong trào “Mùa xuân là Tết trồng cây, "
            "làm cho đất nước càng ngày càng xuân”. Hơn 60 năm qua, Tết trồng cây "
            "đã trở thành nét đẹp văn hóa của Nhân dân ta mỗi dịp xuân về.\n\n"
            "Hưởng ứng Đề án trồng một tỷ cây xanh giai đoạn 2021 - 2025 của Thủ "
            "tướng Chính phủ và Chương trình trồng 5.000 ha rừng cây gỗ lớn, giá "
            "trị kinh tế cao của tỉnh Quảng Ninh, UBND phường Hà Tu phát động Tết "
            "trồng cây đời đời nhớ ơn Bác Hồ Xuân Giáp Thìn 2024. Lễ ra quân dự "
            "kiến tổ chức vào 7h30 sáng ngày 17/02/2024, tức mùng 8 Tết, tại khu "
            "vực bãi thải mỏ đã hoàn nguyên trên địa bàn phường.\n\n"
            "Trồng cây xanh góp phần phủ xanh bãi thải mỏ, chống sạt lở đất, giảm "
            "bụi than và cải thiện môi trường sống, thích ứng với biến đổi khí "
            "hậu. Đề nghị các khu phố, tổ dân phố, trường học, doanh nghiệp trên "
            "địa bàn đăng ký số lượng cây trồng với UBND phường trước ngày "
            "08/02/2024; mỗi hộ gia đình trồng ít nhất 01 cây xanh hoặc cây bóng "
            "mát tại khuôn viên nhà, ven đường khu dân cư.\n\n"
            "Bà con lưu ý chọn cây phù hợp, trồng đúng kỹ thuật, chăm sóc sau khi "
            "trồng để cây sống và phát triển tốt; không chặt phá, bẻ cành cây xanh "
            "nơi công cộng. Hãy cùng nhau làm cho phường Hà Tu ngày càng xanh, "
            "sạch, đẹp."
        ),
        topic="moi-truong",
        source_ref="Công văn 581-CV/BTGTU ngày 02/02/2023 của Ban Tuyên giáo Thành ủy Cẩm Phả",
        priority="normal",
        status="approved",
        days=12,
        airings=2,
        slots=("afternoon",),
    ),
    DemoScript(
        title="70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)",
        body=(
            "Kính thưa bà con nhân dân!\n\n"
            "Năm 2024, cả nước kỷ niệm 70 năm Ngày Chiến thắng Điện Biên Phủ "
            "(07/5/1954 - 07/5/2024). Sau 56 ngày đêm “khoét núi, ngủ hầm, mưa "
            "dầm, cơm vắt”, từ ngày 13/3/1954 đến ngày 07/5/1954, quân và dân ta "
            "dưới sự lãnh đạo của Đảng, đứng đầu là Chủ tịch Hồ Chí Minh và sự chỉ "
            "huy trực tiếp của Đại tướng Võ Nguyên Giáp đã tiêu diệt toàn bộ tập "
            "đoàn cứ điểm Điện Biên Phủ, bắt sống tướng De Castries cùng toàn bộ "
            "Bộ chỉ huy tập đoàn cứ điểm.\n\n"
            "Chiến thắng Điện Biên Phủ “lừng lẫy năm châu, chấn động địa cầu” đã "
            "buộc thực dân Pháp phải ký Hiệp định Giơ-ne-vơ ngày 20/7/1954, chấm "
            "dứt chiến tranh, lập lại hòa bình ở Đông Dương, mở ra thời kỳ mới cho "
            "cách mạng Việt Nam.\n\n"
            "Phát huy tinh thần Điện Biên Phủ, thực hiện Nghị quyết Hội nghị Trung "
            "ương 8 khóa XIII về Chiến lược bảo vệ Tổ quốc trong tình hình mới, "
            "phường Hà Tu tiếp tục củng cố thế trận quốc phòng toàn dân, thế trận "
            "an ninh nhân dân gắn với thế trận lòng dân vững chắc; xây dựng lực "
            "lượng dân quân tự vệ vững mạnh; làm tốt công tác tuyển quân và chăm "
            "lo hậu phương quân đội.\n\n"
            "Hưởng ứng kỷ niệm, Đoàn Thanh niên và Hội Cựu chiến binh phường sẽ tổ "
            "chức gặp mặt các cựu chiến sĩ Điện Biên, thăm hỏi gia đình chính sách "
            "và phát động đợt thi đua cao điểm từ ngày 15/4/2024 đến ngày "
            "07/5/2024. Đề nghị các khu phố treo cờ Tổ quốc trong các ngày từ "
            "05/5 đến hết ngày 07/5/2024."
        ),
        topic="quoc-phong",
        source_ref="Kế hoạch tuyên truyền nhiệm vụ KT-XH năm 2024 của UBND quận Thanh Xuân",
        priority="normal",
        status="draft",
        days=30,
        airings=1,
    ),
    DemoScript(
        title="Tăng cường công tác PCCC trong mùa hanh khô",
        body=(
            "Thưa bà con nhân dân!\n\n"
            "Hiện nay đang là mùa hanh khô, độ ẩm không khí thấp, nhu cầu sử dụng "
            "điện, gas, vàng mã và hương nến trong dịp lễ, Tết "
            "tăng cao nên nguy cơ xảy ra cháy, nổ rất lớn. Trên địa bàn tỉnh "
            "đã xảy ra một số vụ cháy nhà ở kết hợp kinh doanh gây thiệt hại về "
            "người và tài sản.\n\n"
            "Thực hiện Luật PCCC và chỉ đạo của UBND thành phố Hạ Long, UBND phường "
            "Hà Tu đề nghị bà con nhân dân thực hiện tốt một số nội dung sau:\n\n"
            "Một là, không câu móc, sử dụng điện quá tải; ngắt điện các thiết bị "
            "khi không sử dụng và khi ra khỏi nhà. Hai là, để bình gas ở nơi "
            "thoáng khí, khóa van sau khi đun nấu; thắp hương, đốt vàng mã phải có "
            "người trông coi, tuyệt đối không đốt ở gần vật dễ cháy. Ba là, không "
            "đốt rơm rạ, rác thải, thực bì gần khu dân cư và rừng trồng. Bốn là, "
            "nhà ở kết hợp kinh doanh phải trang bị bình chữa cháy, có lối thoát "
            "nạn thứ hai, không lắp “chuồng cọp” bịt kín lối thoát.\n\n"
            "Công an phường phối hợp với các khu phố tổ chức kiểm tra an toàn PCCC "
            "tại các hộ kinh doanh, nhà trọ từ ngày {ngay+2} đến ngày {ngay+9}; "
            "đề nghị các hộ tạo điều kiện cho đoàn kiểm tra.\n\n"
            "Khi phát hiện cháy, bà con hãy bình tĩnh hô hoán, ngắt điện, dùng "
            "phương tiện tại chỗ để dập lửa và gọi ngay số 114 hoặc báo Công an "
            "phường qua số điện thoại 0203 3 835 123."
        ),
        topic="phap-luat",
        source_ref=_CV79,
        priority="priority",
        status="approved",
        days=20,
        airings=3,
    ),
    DemoScript(
        title="Tham gia BHYT hộ gia đình: chủ động bảo vệ sức khỏe cả nhà",
        body=(
            "Thưa bà con nhân dân phường Hà Tu!\n\n"
            "BHYT là chính sách xã hội lớn, mang ý nghĩa nhân đạo và chia sẻ cộng "
            "đồng sâu sắc. Theo Luật BHYT, tham gia BHYT là bắt buộc đối với mọi "
            "người dân. Những người trong hộ gia đình chưa tham gia BHYT theo các "
            "nhóm khác như người lao động, học sinh, sinh viên, người có công... "
            "thì tham gia theo hình thức BHYT hộ gia đình.\n\n"
            "Với mức lương cơ sở 1.800.000 đồng/tháng, mức đóng BHYT hộ gia đình "
            "năm 2024 như sau: người thứ nhất đóng 4,5% mức lương cơ sở, tương "
            "đương 972.000 đồng/năm; người thứ hai đóng bằng 70% mức của người thứ "
            "nhất, tương đương 680.400 đồng/năm; người thứ ba đóng 60%, người thứ "
            "tư đóng 50% và từ người thứ năm trở đi đóng 40% mức của người thứ "
            "nhất. Như vậy, cả gia đình cùng tham gia sẽ được giảm đáng kể chi "
            "phí.\n\n"
            "Khi có thẻ BHYT, người tham gia được quỹ BHYT chi trả chi phí khám, "
            "chữa bệnh theo phạm vi quyền lợi, kể cả những bệnh nặng, chi phí lớn. "
            "Thẻ BHYT có thể được tích hợp trên căn cước công dân gắn chíp và ứng "
            "dụng VNeID, thuận tiện khi đi khám bệnh.\n\n"
            "Bà con có nhu cầu tham gia hoặc gia hạn BHYT hộ gia đình vui lòng liên "
            "hệ tổ trưởng TDP, đại lý thu BHXH, BHYT tại UBND phường hoặc Trạm Y "
            "tế phường trong giờ hành chính. Mỗi người dân hãy tham gia BHYT để "
            "bảo vệ sức khỏe của bản thân, gia đình và cộng đồng."
        ),
        topic="y-te",
        source_ref=_CV79,
        priority="normal",
        status="submitted",
        days=25,
        airings=2,
        slots=("morning",),
    ),
    DemoScript(
        title="Đã uống rượu bia thì không lái xe: bảo đảm ATGT dịp Tết",
        body=(
            "Thưa bà con nhân dân!\n\n"
            "Dịp Tết Nguyên đán và mùa lễ hội xuân là thời điểm nhu cầu đi lại, "
            "vận chuyển hàng hóa tăng cao, đồng thời là lúc nhiều người sử dụng "
            "rượu bia, tiềm ẩn nguy cơ cao xảy ra tai nạn giao thông. Để bảo đảm "
            "ATGT, UBND phường Hà Tu đề nghị bà con nhân dân thực hiện nghiêm quy "
            "định “Đã uống rượu, bia thì không lái xe”.\n\n"
            "Theo Nghị định số 100/2019/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định "
            "số 123/2021/NĐ-CP, người điều khiển xe mô tô, xe gắn máy mà trong máu "
            "hoặc hơi thở có nồng độ cồn vượt quá 0,4 miligam/1 lít khí thở bị "
            "phạt tiền từ 6.000.000 đồng đến 8.000.000 đồng và tước quyền sử dụng "
            "giấy phép lái xe từ 22 đến 24 tháng; đối với người điều khiển xe ô "
            "tô, mức phạt từ 30.000.000 đồng đến 40.000.000 đồng.\n\n"
            "Bà con khi tham gia giao thông cần đội mũ bảo hiểm đạt chuẩn, cài "
            "quai đúng quy cách; không chở quá số người quy định; không phóng "
            "nhanh, vượt ẩu, nhất là trên tuyến Quốc lộ 18 đoạn qua địa bàn "
            "phường. Phụ huynh không giao xe mô tô, xe gắn máy cho con em chưa đủ "
            "tuổi điều khiển.\n\n"
            "Mỗi người dân hãy là một tuyên truyền viên về ATGT, vì sự an toàn của "
            "bản thân, gia đình và cộng đồng."
        ),
        topic="phap-luat",
        source_ref=_CV79,
        priority="normal",
        status="rejected",
        days=14,
        airings=2,
        slots=("afternoon",),
        rejection_reason=(
            "Trùng nội dung với tin ATGT đã phát tuần trước; đề nghị bổ sung số "
            "liệu tai nạn giao thông tháng {thang_truoc} của Công an phường và kiểm tra "
            "lại mức phạt trước khi trình lại."
        ),
    ),
    DemoScript(
        title="Thông báo lịch tiêm chủng mở rộng tháng {thang_toi} cho trẻ em Khu 1 và Khu 4",
        body=(
            "Thông báo của UBND phường Hà Tu.\n\n"
            "Thưa bà con nhân dân Khu 1 và Khu 4!\n\n"
            "Thực hiện kế hoạch tiêm chủng mở rộng năm {nam}, Trạm Y tế phường Hà Tu "
            "tổ chức buổi tiêm chủng định kỳ tháng {thang_toi} cho trẻ em thuộc Khu 1 "
            "và Khu 4 như sau:\n\n"
            "Thời gian: từ 7h30 đến 11h00 ngày {ngay+5} và ngày {ngay+6}.\n\n"
            "Địa điểm: Trạm Y tế phường Hà Tu.\n\n"
            "Đối tượng: trẻ em từ 0 đến 18 tháng tuổi đến lịch tiêm các loại vắc "
            "xin phòng bệnh lao, viêm gan B, bạch hầu, ho gà, uốn ván, bại liệt, "
            "viêm phổi, viêm màng não mủ do Hib, sởi; trẻ 18 tháng tuổi tiêm nhắc "
            "sởi - rubella. Phụ nữ có thai tiêm phòng uốn ván theo lịch.\n\n"
            "Khi đưa trẻ đi tiêm, đề nghị các bậc phụ huynh mang theo sổ tiêm "
            "chủng hoặc giấy chứng nhận tiêm chủng; cho trẻ ăn no trước khi tiêm; "
            "thông báo cho cán bộ y tế nếu trẻ đang sốt, ho hoặc có tiền sử phản "
            "ứng với lần tiêm trước. Sau khi tiêm, phụ huynh cho trẻ ở lại Trạm "
            "30 phút để theo dõi và tiếp tục theo dõi tại nhà ít nhất 24 giờ.\n\n"
            "Trẻ chưa tiêm đủ mũi hoặc bị lỡ lịch tiêm trước đây cũng được tiêm "
            "bù trong buổi này. Mọi thắc mắc xin liên hệ Trạm Y tế phường qua số "
            "điện thoại 0203 3 835 123.\n\n"
            "Đề nghị trưởng các khu phố, tổ trưởng TDP thông báo rộng rãi đến các "
            "hộ gia đình có con nhỏ."
        ),
        topic="y-te",
        source_ref="Thông báo của UBND phường Hà Tu ngày {ngay-1}",
        priority="normal",
        status="approved",
        days=7,
        airings=4,
        slots=("morning",),
        areas=(0, 3),
    ),
    DemoScript(
        title="Thông báo tạm ngừng cấp nước ngày {ngay+3} tại Khu 2 và Khu 3",
        body=(
            "Thông báo của UBND phường Hà Tu.\n\n"
            "Thưa bà con nhân dân Khu 2 và Khu 3!\n\n"
            "Để thi công đấu nối, thay thế đường ống cấp nước chính trên tuyến "
            "đường qua địa bàn phường, đơn vị cấp nước thông báo tạm ngừng cấp "
            "nước sinh hoạt từ 7h30 đến 11h00 ngày {ngay+3}.\n\n"
            "Khu vực bị ảnh hưởng: toàn bộ các hộ dân, cơ quan, trường học và hộ "
            "kinh doanh thuộc Khu 2 và Khu 3. Sau 11h00, nước sẽ được cấp trở lại; "
            "trong 1 đến 2 giờ đầu, áp lực nước có thể yếu và nước có thể hơi đục, "
            "bà con nên xả bỏ nước đầu vòi trước khi sử dụng.\n\n"
            "Đề nghị bà con chủ động dự trữ nước sinh hoạt từ chiều tối ngày "
            "{ngay+2}; khóa van tổng và tắt máy bơm trong thời gian ngừng cấp "
            "nước để tránh hư hỏng thiết bị. Trường hợp thời gian thi công thay đổi "
            "do thời tiết, UBND phường sẽ thông báo lại trên hệ thống loa truyền "
            "thanh.\n\n"
            "Mọi thông tin cần hỗ trợ, bà con liên hệ bộ phận thường trực UBND "
            "phường qua số điện thoại 0203 3 835 123 hoặc trưởng khu phố nơi cư "
            "trú.\n\n"
            "UBND phường Hà Tu xin thông báo để bà con nhân dân được biết và mong "
            "bà con thông cảm vì sự bất tiện này."
        ),
        topic="thong-bao",
        source_ref="Thông báo của UBND phường Hà Tu ngày {ngay-1}",
        priority="priority",
        status="approved",
        days=3,
        airings=6,
        areas=(1, 2),
    ),
    DemoScript(
        title="Chủ động phòng chống thiên tai mùa mưa bão năm {nam}",
        body=(
            "Thưa bà con nhân dân!\n\n"
            "Theo nhận định của cơ quan khí tượng thủy văn, năm {nam} thiên tai "
            "tiếp tục diễn biến phức tạp, khó lường; khu vực Bắc Bộ có khả năng "
            "chịu ảnh hưởng của bão, áp thấp nhiệt đới, mưa lớn gây ngập úng và "
            "sạt lở đất. Phường Hà Tu có nhiều hộ dân sinh sống gần chân bãi thải "
            "mỏ và sườn đồi, nguy cơ sạt lở khi mưa lớn kéo dài là rất cao.\n\n"
            "Bà con cần biết: bão cấp 8 có sức gió từ 62-74 km/h, có thể làm gãy "
            "cành cây, tốc mái nhà, gây nguy hiểm cho người đi đường; bão cấp 10 "
            "có sức gió 89-102 km/h, có thể làm đổ cây lớn, cột điện, phá hủy nhà "
            "cửa không kiên cố.\n\n"
            "Thực hiện phương châm “4 tại chỗ”: chỉ huy tại chỗ, lực lượng tại "
            "chỗ, phương tiện, vật tư tại chỗ và hậu cần tại chỗ, Ban Chỉ huy phòng "
            "chống thiên tai và tìm kiếm cứu nạn phường đề nghị bà con:\n\n"
            "Một là, kiểm tra, gia cố nhà cửa, chằng chống mái tôn, biển quảng "
            "cáo; chặt tỉa cành cây có nguy cơ gãy đổ. Hai là, khơi thông cống "
            "rãnh, không xả rác xuống khe suối. Ba là, dự trữ lương thực, nước "
            "uống, thuốc men, đèn pin đủ dùng từ 3 đến 5 ngày. Bốn là, các hộ ở "
            "khu vực có nguy cơ sạt lở chấp hành nghiêm lệnh sơ tán của chính "
            "quyền khi có yêu cầu.\n\n"
            "Khi có bão, hạn chế ra đường, tuyệt đối không đứng gần cột điện, cây "
            "to, mái tôn. Mọi tình huống khẩn cấp, bà con báo ngay cho trưởng khu "
            "phố, tổ trưởng TDP hoặc Ban Chỉ huy phòng chống thiên tai và tìm kiếm "
            "cứu nạn phường qua số điện thoại 0203 3 835 123."
        ),
        topic="moi-truong",
        source_ref=_CV79,
        priority="normal",
        status="draft",
        days=30,
        airings=2,
    ),
)
