"""The one table of readings where Vietnamese announcers differ, and the reading Loa picked.

A station overrides any entry by adding an abbreviation with the same key (`loa abbreviations set`
or the API): e.g. "≥" -> "từ … trở lên" is not expressible, but "≥" -> "không dưới" is, and
"Zalo" -> "gia lô" replaces the loan-word reading. Conventions that are rules, not words:

| question                         | Loa reads                                   | also heard                  |
| -------------------------------- | ------------------------------------------- | --------------------------- |
| days 1-10 of a month             | "mùng một" … "mùng mười", also listed or    | "ngày một" (Southern)       |
|                                  | ranged days ("ngày 05 và 20 hàng tháng",    |                             |
|                                  | "từ ngày 10-15/5/2025")                     |                             |
| 1000                             | "nghìn"                                     | "ngàn" (Southern)           |
| 105                              | "một trăm linh năm"                         | "lẻ năm" (Southern)         |
| "dd/mm" after no "ngày"          | the date alone ("hôm mùng chín tháng tư")   | "ngày" added                |
| "d.m" (dots)                     | a date after ngày/sáng/từ/đến… or ending a  | a decimal                   |
|                                  | day range ("từ 7 - 13.9"); "10.9 triệu" is  |                             |
|                                  | "mười phẩy chín triệu"                      |                             |
| lunar month 1 / 12               | "tháng giêng" / "tháng chạp"                | "tháng một" / "mười hai"    |
| "/" in a document number         | silent ("15/KH-UBND" -> mười lăm kế hoạch…) | "trên", "xẹt"               |
| "/" in house numbers, ratios     | "trên" ("12/3", "9/9", "140/90")            | "xẹt"                       |
| "/" per unit                     | "mỗi" ("đồng/con"); "N năm/lần" "một lần"   | "trên"                      |
| a quantity over an area or hour  | "trên" ("tấn/ha", "km/h", "người/km²"); a   | "mỗi", "một"                |
| (tấn/ha, km/h, người/km²)        | price stays "mỗi" ("đồng/m²"); "kWh/năm"    |                             |
|                                  | "mỗi năm"                                   |                             |
| a volume per time (m³/giờ, m³/s, | "mỗi" like m³/ngày đêm (NEW-v14-7, v15-5;   | "trên"                      |
| lít/giờ)                         | settled 2026-12-01)                         |                             |
| "mm/3 giờ" (rain over hours)     | "trong ba giờ"                              | "trên ba giờ"               |
| "/" between two words            | a pause (comma): "quận/phường"              | "hoặc"                      |
| "/" after "tỷ lệ", before a      | "trên" ("tỷ lệ chết/mắc", "ca/100.000 dân", | "chia", "mỗi"               |
| number, "N/M" + counted noun     | "1/7 vị trí" một trên bảy vị trí)           |                             |
| digit strings                    | digit by digit, a comma between written     | read in pairs               |
|                                  | groups; unbroken strings stay unbroken      |                             |
| times                            | "7h30" "bảy giờ ba mươi phút"; "14h00"      | "bảy rưỡi", "không không"   |
|                                  | "mười bốn giờ"                              |                             |
| letters in codes and initials    | `LETTER_NAMES` ("en", "em", "gờ")           | "nờ", "mờ", "giê"           |
| unknown capital code, 2-3 letters| spelled, O "o" and D "đê" ("o pê vê")       | "ô" for O; left to the voice|
| or without a vowel               | (`acronyms.py`); longer names said (YAGI)   |                             |
| "7 giờ 30" (no "phút" written)   | as written: "bảy giờ ba mươi"; "giờ 00"     | "phút" added                |
|                                  | silent                                      |                             |
| "Km12+500" (kilometre post)      | "ki lô mét mười hai cộng năm trăm"; "+00"   | "cây số"                    |
|                                  | silent; "QL1A" "quốc lộ một a"              |                             |
| a letter naming a group/point    | its letter name, lowercase ("nhóm máu O, A" | the capital said as written |
| ("nhóm máu O", "điểm đ")         | "nhóm máu o, a"; "điểm đ" "điểm đê")        |                             |
| "ĐT" before a number             | "điện thoại" before 0 or "(" ("ĐT: 0210…"), | "đê tê"                     |
|                                  | "đường tỉnh" otherwise ("ĐT.741")           |                             |
| a ministry inside a code         | "BNN" bộ nông nghiệp và phát triển nông     | spelled                     |
|                                  | thôn, "TY" thú y, "BTC" bộ tài chính        |                             |
| a department after the issuer    | its name (`codes._DEPARTMENTS`): "VPCP-NN"  | spelled; "TH" tiểu học,     |
| ("7476/VPCP-NN", "UBND-TH")      | nông nghiệp, "-TH" tổng hợp, "-KTTH", "-NC",| "CN" chủ nhật               |
|                                  | "-VX", "-TCCB" …; a code with a part not    |                             |
|                                  | listed is left out whole (number only)      |                             |
| "document number 02/KH-…"        | "hai" (leading zero dropped)                | "không hai"                 |
| app, link, Google, Android, iOS, | "áp", "lin", "gu gồ", "an đờ roi", "ai ô    | "ép", "linh", "gồ gồ", "an  |
| Messenger, Viber, e-mail         | ét", "mét xen giơ", "vai bơ", "i meo"       | đroi", "mét xen gơ"         |
|                                  | (`LOAN_WORDS`)                              |                             |
| "TT" before a name               | "trung tâm" before what a centre does (TT Y | "tê tê"                     |
|                                  | tế, TT Văn hóa), "thường trực" before HĐND, |                             |
|                                  | UBND, Đảng ủy …, "thị trấn" before a place  |                             |
|                                  | name (TT Phong Điền, TT. Phú Lộc); HN "Hà   |                             |
|                                  | Nội"                                        |                             |
| a date after a time, no "ngày"   | a date when the time follows lúc/từ/đến/    | a number ("hai mươi hai đến |
| ("đến 5 giờ 22-8", "17h 5.9")    | trước/sau/vào/hết: "năm giờ hai mươi hai    | tám")                       |
|                                  | tháng tám"                                  |                             |
| the next dates of a range/list   | dates, whatever the punctuation after them  | numbers                     |
| ("ngày 31.8 - 6.9,", "10-9 đến   | ("đến mùng sáu tháng chín,")                |                             |
| 15-9", "ngày 15.8, 16.8 và 17.8")|                                             |                             |
| "Thông tư 304/2016", "số 15/2019"| "ba trăm linh bốn năm hai nghìn không trăm  | "trên", "xẹt"               |
| (N/YYYY after a document type or | mười sáu": the year as in a full code; other|                             |
| "số")                            | "N/YYYY" a month (N <= 12) or "trên"        |                             |
| spaced phone groups "0203 3 835  | digit by digit in the written groups when   | cardinals per group         |
| 123", "02888 865 154", "(02838)" | the digits from the 0 number 10 or 11       |                             |
| "+84 912 345 678"                | "cộng tám bốn, chín một hai, …" (dialled    | "cộng tám tư"               |
|                                  | digit by digit like the rest)               |                             |
| a term-numbered body in a code   | "quốc hội khóa mười bốn" ("68/2020/QH14",   | "quốc hội mười bốn"         |
| (QH14, UBTVQH15)                 | "UBTVQH15")                                 |                             |
| TikTok, camera, test, vitamin,   | "tích tốc", "ca me ra", "tét", "vi ta min", | "tíc tóc", "ca mê ra"       |
| virus, karaoke, taxi, SIM …      | "vi rút", "ca ra ô kê", "tắc xi", "sim"     | the English word, spelled   |
|                                  | (`LOAN_WORDS`)                              |                             |
| the first date of a lunar range  | lunar too: "từ ngày 2/1 đến ngày 30/3 âm    | "tháng một"                 |
| ("2/1 đến 30/3 âm lịch")         | lịch" "mùng hai tháng giêng đến …"          |                             |
| unaccented words in addresses    | Vietnamese words (`web.py`): "hatu" hà tu,  | spelled                     |
| and hashtags                     | "hoi-dap" hỏi gạch ngang đáp,               |                             |
|                                  | "#PhongChongSotXuatHuyet" phòng chống sốt   |                             |
|                                  | xuất huyết; an unknown CamelCase syllable   |                             |
|                                  | said as written                             |                             |
| a code after its label ("mã hồ   | letters by name, digits one by one, a pause | the groups as numbers       |
| sơ H37.22-240315-0012", "mã số   | between written groups: "hát ba bảy, hai    |                             |
| thuế 0101234567-001")            | hai, …"                                     |                             |
| a service number after the name  | digit by digit: "Tổng đài quốc gia bảo vệ   | cardinals                   |
| of a line (tổng đài/đường dây …  | trẻ em 111" một một một (up to eight words  |                             |
| + up to eight words) or of the   | of name), "Công an 113", "Cứu hỏa 114"; a   |                             |
| service (công an, cứu hỏa …)     | count after it stays a number ("113 hộ")    |                             |
| a bare "g" after a number        | "giờ" when the number is at most 24 and a   | "gam" always                |
| ("19g ngày 14-11", "24/24g")     | time word is near (từ/lúc/đến…, ngày/sáng…  |                             |
|                                  | after, or "/" before); otherwise "gam"      |                             |
| short service numbers 111-119,   | digit by digit when gọi/đài/tổng đài/đường  | cardinals                   |
| 10xx (1022, 1080)                | dây nóng/khẩn cấp is within three words     |                             |
| loan words in capitals (HOTLINE) | as the usual spelling ("hót lai"); words    | spelled                     |
|                                  | under four letters in capitals are acronyms |                             |
| account numbers in irregular     | digit by digit in the written groups, a     | one long digit run; groups  |
| dotted groups ("3761.0.10629…")  | comma between them (after "tài khoản"), and | as numbers                  |
| or spaced ("3700 201 012345")    | every spaced group after "tài khoản"        |                             |
| "DN100" (a pipe's diameter)      | "dê en một trăm"                            | "đường kính một trăm"       |
| a dash before "ngày <date>" or   | "đến" ("từ ngày 01/12 - ngày 02/12",        | silent                      |
| after "… giờ/phút" before a time | "7 giờ 05 phút – 10 giờ")                   |                             |
| "~" between two numbers          | "đến" ("25 ~ 30 độ"); before one number     | "khoảng" both               |
|                                  | "khoảng" ("~ 5 km")                         |                             |
| "5′", "30″"                      | "năm phút", "ba mươi giây"                  | "phẩy", left out            |
| "N:M" after "tỷ lệ"              | "trên" ("tỷ lệ 3:1" ba trên một); other     | "so với", "chia"            |
|                                  | "N:M" (a score) left as a pause             |                             |
| "QĐ" after "Quy định số"         | "quy định" ("Quy định số 69-QĐ/TW"), else   | "quyết định" always         |
|                                  | "quyết định"; "QĐi" "quy định"              |                             |
| vaccine                          | "vắc xin"                                   | the English word            |
| Olympic, VietGAP, VssID, urê     | "ô lim pích", "việt gáp", "vê ét ét ai đi", | "ô lim píc", "việt gi ê pê",|
|                                  | "u rê" (`LOAN_WORDS`)                       | "vê ét ét i dê"             |
| "+" between quantities, "‰"      | "cộng" ("… đồng + 2 tấn gạo"); "phần nghìn" | "và"                        |
| a period after "/" a few words   | "mỗi" ("2.000 lít nước … đóng chai/ngày")   | "một", a pause              |
| after a quantity                 |                                             |                             |
| a list of service numbers after  | every number of the list dialled ("gọi 113, | the last one as a cardinal  |
| a calling word                   | 114, 115 khi …")                            |                             |
| a single capital after a         | "Nguyễn Văn C" xê, "Lê Thị D" dê, "bà Trần  | the Roman numeral, the bare |
| personal name (surname or title  | Văn B" bê: the letter name, also for C, D,  | letter                      |
| + name)                          | V, X (v10 NEW-v10-3)                        |                             |
| "N tháng năm YYYY"               | "chín tháng năm hai nghìn …" (a count of    | "mùng chín tháng năm"       |
|                                  | months in the year), never a date in May    |                             |
| "04/04 thôn" (x of y units,      | "bốn trên bốn thôn" even with the leading   | a date (mùng bốn tháng tư)  |
| leading zeros)                   | zeros of a date, unless a date word is      |                             |
|                                  | before it                                   |                             |
| "tỷ số 3-1"                      | "ba một" (NEW-v10-5)                        | "ba đến một", "ba với một"  |
| "×" after "%" (4,5% × 2.340.000) | "nhân" (NEW-v10-9)                          | silent                      |
| a share a few words after the    | "mỗi" ("5-6 kg đạm urê/sào", "02 con lợn    | "một", "trên"               |
| quantity (…/sào, …/hộ nghèo)     | giống/hộ nghèo"; NEW-v10-6)                 |                             |
| a mass over a volume (mg/l)      | "trên" ("mi li gam trên lít"; NEW-v10-6)    | "mỗi", "một"                |
| "CV số", "TB số", "QĐ số"        | the document type: "công văn số", "thông    | spelled ("xê vê số")        |
|                                  | báo số" (codes.read_document_types)         |                             |
| QH15 in a law number             | kept "quốc hội khóa mười lăm" (row above):  | "quốc hội mười lăm" (v8 A2, |
|                                  | v10 NEW-v10-2 prefers no "khóa", against    | NEW-v10-2)                  |
|                                  | the earlier choice spoken_cases/v7 keep     |                             |
| VNeID                            | "vê en e i đê" (NEW-v10-4, settled          | "vê en e ai đi" (v2 F1, v8) |
|                                  | 2026-12-01: the writers' conventions)       |                             |
| a card or record number: letters | letters by name, digits one by one          | a cardinal after "Hà Nội"   |
| + six or more digits             | ("HN401…" hát en bốn không một …)           |                             |
| digits after mã / OTP / mật khẩu | digit by digit ("mã OTP … như 123456" một   | a cardinal                  |
| / PIN (+ như, là, :)             | hai ba bốn năm sáu)                         |                             |
| a service number after a dialled | dialled too ("0239.3856.113 hoặc 113" …     | "một trăm mười ba"          |
| number and "hoặc" / ","          | một một ba)                                 |                             |
| gas, chip, web, Telegram,        | "ga", "chíp", "oép", "tê lê gram", "ma ra   | the English word            |
| Marathon, MoMo, ZaloPay,         | tông", "mô mô", "da lô pây", "clo ra min    |                             |
| Cloramin B, cc                   | bê", "phân khối" (NEW-v10-4, U1)            | "xê xê"                     |
| unaccented syllables in          | the hand lists, then the commonest accented | said as written             |
| addresses/hashtags not in the    | form in bulletin text (`syllable_table`):   |                             |
| hand lists                       | "tet" tết, "mang" mạng, "cho" cho; a few    |                             |
|                                  | pairs: chuyển tiền, người lạ                |                             |
| a list of days ending on a month,| "mùng" on every day 1-10 of the list ("các  | "mùng" on the first only    |
| âm lịch or hằng tháng            | ngày 03, 10, 17 và 31 tháng 7"; NEW-v11-2)  |                             |
| a written "mồng"                 | read as written, never doubled (NEW-v11-6)  | "mùng"                      |
| "07/08 chi bộ", "5/6 chi hội"    | a count out of a total: "bảy trên tám"      | a date                      |
| "gọi 234 công dân" (≤ 4 digits,  | a cardinal (people counted)                 | dialled digit by digit      |
| not 0…, before people counted)   |                                             |                             |
| "quý I, II/2026"                 | "quý một quý hai năm …" (NEW-v11-11)        | "quý một, hai năm …"        |
| "Đợt 1/2026", "kỳ 2/2025"        | "đợt một năm …" (like quý I/2025, SL2)      | "tháng một năm …", "trên"   |
| "(+84-28) 38 653 050"            | "cộng tám bốn, hai tám, …" dialled          | —                           |
| letters + digits after mã /      | letters by name, digits one by one ("mã HN2"| the place (Hà Nội hai)      |
| ký hiệu                          | hát en hai)                                 |                             |
| NVCA, CSXH, TNHH MTV, PĐ, Td     | nghĩa vụ công an, chính sách xã hội, một    | spelled                     |
|                                  | thành viên, phân đoạn, tê dê (NEW-v11-4)    |                             |
| "RON 95-III"                     | "rôn chín mươi lăm ba" (dash silent)        | "rờ o en"                   |
| scan, file, photo, Agribank      | "xờ can", "phai", "phô tô", "a gờ ri băng"  | "ét can", "a gri banh";     |
|                                  | (Vietcombank stays as written, heldout_v4)  |                             |
| body initials glued to a place in| initials spelled, place by syllables        | every letter spelled        |
| a domain (pgdtrieuson)           | ("pê gờ dê triệu sơn"); edu kept "e dê u"   | "e đu"                      |
| bit.ly, cdc in an address        | "bít chấm li"; "xê đê xê" (as CDC, F2)      | "xê dê xê"                  |
| "thắng 3-1", "hòa 1 - 1"         | a score, "ba một" (like tỷ số, NEW-v10-5)   | "ba đến một"                |
| VssID (v11 again)                | kept "… ai đi" (v2 F1, v8); VNeID "i đê"    | "… i đê" (NEW-v10-4, v11)   |
| "tuyến đường ĐT.295"             | every word: "đường đường tỉnh …" (v11 row)  | "đường" once                |
| capitals for emphasis in a line  | ordinary words ("KHÔNG BAO GIỜ" không bao   | spelled                     |
| that is no heading               | giờ; NEW-v12-12, `pre_number_passes`)       |                             |
| "chị N. T." (dotted initials     | letter names ("en tê")                      | "nờ tê"                     |
| after chị/anh/ông/bà …)          |                                             |                             |
| days listed before a date        | "mùng" on each day 1-10 ("(4, 5 và 6/3)",   | "mùng" on the last only     |
| without "ngày" ("gieo 05 - 20/2")| "05 - 20/02" mùng năm đến …; NEW-v11-2)     |                             |
| "hai buổi sáng-chiều/ngày"       | "mỗi ngày" (a quantity in words is a        | "một ngày", a pause         |
|                                  | quantity too)                               |                             |
| issuers in codes (BCĐTƯATTP,     | read: ban chỉ đạo trung ương                | left out                    |
| BCHPCTT, CSTE, TE, MTLC)         | an toàn thực phẩm, ban chỉ huy phòng chống  |                             |
|                                  | thiên tai, chăm sóc trẻ em …; Hội NDVN      |                             |
|                                  | "nông dân Việt Nam" (NEW-v12-1)             |                             |
|                                  | (`commune_abbreviations`)                   |                             |
| WHO (NEW-v12-2 "vê kép hát o")   | kept "tổ chức y tế thế giới" (v2); after    | "vê kép hát o"              |
|                                  | the same name in words, said once           |                             |
| cc in a dose ("1cc/15kg")        | kept "phân khối" (U1, NEW-v10-4)            | "xê xê" (NEW-v12-6)         |
| "ngày 10/9" (NEW-v12 slip)       | kept "mùng mười" (D1, NEW-v12-5)            | "ngày mười"                 |
| Dengue, biogas, rubella          | "đen gơ", "bi ô ga", "ru bê la" (NEW-v12-10)| the English word            |
| miligam, mililít, kilôgam, a     | by syllables, like the symbols ("mi li      | as written                  |
| unit with no number ("cho kWh")  | gam", "ki lô oát giờ")                      |                             |
| livestream, voucher, combo,      | "lai xtrim", "vao chơ", "com bô", "gờ rúp", | "lai chim", "vâu chơ",      |
| group, mail, tivi, QR code,      | "meo", "ti vi", "kiu a cốt", "da lô o a",   | "gơ rúp", "mã QR"           |
| Zalo OA, video call, Mobile      | "vi đê ô côn", "mô bai banh king", "vê en   |                             |
| Banking, VNPay, App Store, CH    | pây", "áp xto", "xê hát pờ lây", "ra đi ô", | "plây"                      |
| Play, Google Play, radio, Zoom   | "gu gồ pờ lây", "dum" (`LOAN_WORDS`)        |                             |
| nick, shop, workshop, nilon,     | "ních", "sốp", "guốc sốp", "ni lông", "pao  | "oóc sốp", "dô ga",         |
| PowerPoint, Zumba, Aerobic, Yoga | ơ poi", "dum ba", "e rô bích", "giô ga"     | "ê rô bích"                 |
| banks: Techcombank, Vietinbank,  | "-bank" "băng" like Agribank ("tếch com     | "banh"; Vietcombank as      |
| Sacombank, VPBank, BIDV          | băng"); BIDV spelled "bê i đê vê"           | written (heldout_v4)        |
| "dichvucong", "baohiemxahoi"     | the syllables ("dịch vụ công"), when three  | as written                  |
| (run together, no address)       | or more of three letters on average         |                             |
| "NPK 5-10-3" (fertiliser grade)  | "năm mười ba" (dashes silent)               | "năm đến mười …"            |
| "tracuunnt" (a domain label:     | words by syllables, initials spelled ("tra  | every letter spelled        |
| words + a body's initials)       | cứu en en tê"); "city" "xi ti"              |                             |
| SNNMT, CCTY, CCCNTY, VBHN in a   | sở nông nghiệp và môi trường, chi cục thú y,| left out                    |
| document code                    | chi cục chăn nuôi và thú y, văn bản hợp nhất|                             |
| "BCA-C06", "CAT-PC06"            | the police department after the issuer:     | left out                    |
|                                  | "bộ công an xê không sáu"                   |                             |
| a code just after its own name   | spelled: "xê đê xê" (review of v12)         | left out                    |
| ("… Kiểm soát bệnh tật CDC")     |                                             |                             |
| VNeTraffic, Traffic              | "vê en e tráp phích" (review of v12)        | "tra phích"                 |
| TTĐT                             | "Đội TTĐT" trật tự đô thị, "Cổng/Trang      | spelled                     |
|                                  | TTĐT" thông tin điện tử; alone: spelled     |                             |
| "cột số 112", "phòng số 113"     | a numbered thing: cardinal ("một trăm mười  | digit by digit              |
|                                  | hai"); 111-115 dialled only elsewhere (v13) |                             |
| "ĐT trực ban 0262…"              | "điện thoại": up to three words may stand   | "đê tê"                     |
|                                  | between ĐT and a number starting with 0     |                             |
| "cụm III", "tiểu đoàn II"        | cardinals "cụm ba" (v13)                    | "cụm i i i"                 |
| Khmer, mini, Oresol, type        | "khơ me", "mi ni", "ô rê dôn", "típ" (v13)  | "ô rê sôn", "tai"           |
| kHz, MHz; "35 tr.đồng"           | "ki lô héc", "mê ga héc"; "triệu đồng"      | "ca hát dét"                |
| PT-TH, PCBL, CSKH                | phát thanh truyền hình, phòng chống bão lụt,| spelled                     |
|                                  | chăm sóc khách hàng (v13)                   |                             |
| "các ngày 03, 10, 17 và 24"      | days 1-10 "mùng" (month named before) (v13) | "ngày ba"                   |
| "công viên 30-4", "đường 3-2"    | the date: "ba mươi tháng tư" (v13)          | "ba mươi bốn"               |
| "2 ngày, 14 và 15-11"            | a date list: "mười bốn và mười lăm tháng    | "mười lăm đến mười một"     |
|                                  | mười một" (after "ngày") (v13)              |                             |
| "ống D300", "cống D1000"         | "dê ba trăm" (a diameter, cardinal) (v13)   | "dê ba không không"         |
| "kèm hashtag #Tet"               | the word left to the sign: "hát tác tết"    | "hashtag hát tác"           |
| "Số tài khoản nhận ủng hộ: 7601" | digit by digit (words before the colon)     | cardinal groups             |
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Symbols read as words (">" and "<" only between words and numbers; "&" only between spaces).
SYMBOLS: Mapping[str, str] = MappingProxyType({
    "≥": "lớn hơn hoặc bằng",
    "≤": "nhỏ hơn hoặc bằng",
    ">": "lớn hơn",
    "<": "nhỏ hơn",
    "±": "cộng trừ",
    "~": "khoảng",
    "&": "và",
    "×": "nhân",
    "+": "cộng",
    "v.v.": "vân vân",
    "(*)": "sao",
    "-": "âm",  # a minus sign before a number after a word: "-2°C"
    "′": "phút",  # "5′"
    "″": "giây",  # "30″"
})

# Vietnamese letter names used to spell codes, plates and initials ("H5N1" -> hát năm en một).
LETTER_NAMES: Mapping[str, str] = MappingProxyType({
    "A": "a", "B": "bê", "C": "xê", "D": "dê", "Đ": "đê", "E": "e", "F": "ép", "G": "gờ",
    "H": "hát", "I": "i", "J": "gi", "K": "ca", "L": "e lờ", "M": "em", "N": "en", "O": "o",
    "P": "pê", "Q": "quy", "R": "rờ", "S": "ét", "T": "tê", "U": "u", "V": "vê", "W": "vê kép",
    "X": "ích", "Y": "i dài", "Z": "dét",
})

# Foreign words and brands in the form Vietnamese announcers use; matched like abbreviations.
LOAN_WORDS: dict[str, str] = {
    "COVID": "cô vít", "Covid": "cô vít", "Zalo": "da lô", "Facebook": "phây búc", "Fanpage": "phan pết",
    "YouTube": "diu túp", "Youtube": "diu túp", "TikTok": "tích tốc", "Tiktok": "tích tốc", "online": "on lai",
    "hotline": "hót lai", "email": "i meo", "e-mail": "i meo", "website": "oép sai", "Internet": "in tơ nét",
    "Wi-Fi": "oai phai", "WiFi": "oai phai", "Wifi": "oai phai", "QR": "kiu a", "VNeID": "vê en e i đê",
    "VssID": "vê ét ét ai đi",  # the social-insurance app, its "ID" said like VNeID's
    # Loan words written as one word: "Olympic", the VietGAP standard, the fertiliser urê (u-rê).
    "Olympic": "ô lim pích", "VietGAP": "việt gáp", "GlobalGAP": "gờ lô bồ gáp", "urê": "u rê", "OTP": "o tê pê",
    "SMS": "ét em ét", "LED": "lét", "OCOP": "ô cốp", "COP": "cốp", "ASEAN": "a-xê-an", "UNESCO": "u-nét-xcô",
    "app": "áp", "link": "lin", "Google": "gu gồ", "Gmail": "gờ meo", "Android": "an đờ roi", "iOS": "ai ô ét",
    "Messenger": "mét xen giơ", "Viber": "vai bơ", "E-Mail": "i meo",
    "video": "vi đê ô", "clip": "clíp", "camera": "ca me ra",
    "test": "tét",  # "test nhanh" (a rapid test)
    "virus": "vi rút",
    # Loan words with one settled Vietnamese form (the dictionaries write them so: ca-ra-ô-kê, tắc-xi, công-te-nơ).
    "karaoke": "ca ra ô kê", "taxi": "tắc xi", "container": "công te nơ", "robot": "rô bốt",
    "logo": "lô gô", "pano": "pa nô", "SIM": "sim", "Sim": "sim",
    "laptop": "láp tóp", "game": "gêm", "offline": "óp lai", "shipper": "síp pơ", "vitamin": "vi ta min",
    "smartphone": "xờ mát phôn",  # NEW-v14-2 (no earlier set reads it; "điện thoại thông minh" was a seed choice)
    "vaccine": "vắc xin",  # "vắc-xin" is already said so
    "iHanoi": "ai Hà Nội", "PC-Covid": "pê xê cô vít", "PC-COVID": "pê xê cô vít",
    # Place and disease names with a settled Vietnamese form (the v9 conventions: Fansipan, Rubella).
    "Fansipan": "phan xi păng", "Rubella": "ru bê la",
    # v10 NEW-v10-4: words of daily life and the apps and brands bulletins name, as announcers say them.
    "gas": "ga", "chip": "chíp", "web": "oép", "Telegram": "tê lê gram", "Marathon": "ma ra tông",
    "MoMo": "mô mô", "Momo": "mô mô", "ZaloPay": "da lô pây", "Zalopay": "da lô pây",
    "Cloramin B": "clo ra min bê", "Cloramin": "clo ra min",
    # Disputed v10 rows (one common reading given): office software, sports, medicines, the tax app.
    "Word": "oọc", "Excel": "ếch xeo", "Pickleball": "pích cơ bon",
    "Paracetamol": "pa ra xê ta mon", "Aspirin": "át pi rin",
    "Ibuprofen": "i bu pro phen", "eTax Mobile": "i tắc mô bai", "eTax": "i tắc",
    # v11: office words of online filing (bản scan, file mềm, bản photo) and the banks bulletins name ("-bank" băng,
    # v11 disputed; "banh" also heard); RON, the fuel grade (RON 95-III: codes after it are read by the fuel rule).
    "scan": "xờ can", "file": "phai", "photo": "phô tô",
    # Vietcombank stays as written: spoken_heldout_v4 (an earlier convention) expects it so.
    "Agribank": "a gờ ri băng", "RON": "rôn",
    # v12 (NEW-v12-10): disease and farm words; unit names written out as one word are said by syllables like their
    # symbols ("miligam" as "mg"); a unit symbol with no number before it ("giá cho kWh") is read as the unit.
    "Dengue": "đen gơ", "biogas": "bi ô ga",
    "miligam": "mi li gam", "mililít": "mi li lít", "mililit": "mi li lít", "milimét": "mi li mét",
    "kilôgam": "ki lô gam", "kilogam": "ki lô gam", "kilômét": "ki lô mét", "kilomet": "ki lô mét",
    "centimét": "xăng ti mét", "xentimét": "xăng ti mét", "kilôoát": "ki lô oát", "kWh": "ki lô oát giờ",
    # Words of online shopping and social networks in bulletins (scams, e-commerce, digital transformation), in the
    # form announcers say them; "pin" and "ti vi" are Vietnamese words already ("tivi" is split).
    "livestream": "lai xtrim", "voucher": "vao chơ", "combo": "com bô", "group": "gờ rúp", "mail": "meo",
    "tivi": "ti vi", "QR code": "kiu a cốt", "QR Code": "kiu a cốt", "Zalo OA": "da lô o a",
    "selfie": "xen phi", "Bluetooth": "blu tút",
    "iPhone": "ai phôn", "Shopee": "sốp pi", "Lazada": "la da đa", "Grab": "gráp", "Viettel": "vi ét ten",
    "Techcombank": "tếch com băng", "Vietinbank": "viết tin băng", "VietinBank": "viết tin băng",
    "Sacombank": "sa com băng", "BIDV": "bê i đê vê", "VPBank": "vê pê băng", "MBBank": "em bê băng",
    "video call": "vi đê ô côn",
    "Mobile Banking": "mô bai banh king", "Mobile banking": "mô bai banh king", "VNPay": "vê en pây",
    "App Store": "áp xto", "CH Play": "xê hát pờ lây", "Google Play": "gu gồ pờ lây", "Google Meet": "gu gồ mít",
    "Zoom": "dum", "radio": "ra đi ô", "adapter": "a đáp tơ", "Big Data": "bích đa ta",
    "nick": "ních", "Shop": "sốp", "Tiki": "ti ki", "workshop": "guốc sốp",
    "nilon": "ni lông", "nylon": "ni lông", "PowerPoint": "pao ơ poi", "Zumba": "dum ba",
    "Aerobic": "e rô bích", "Yoga": "giô ga",
    "VNeTraffic": "vê en e tráp phích", "traffic": "tráp phích",  # blind review of v12
    "Internet Banking": "in tơ nét banh king", "Internet banking": "in tơ nét banh king",
    # v13: the Khmer people and their words as announcers say them; everyday loans (bóng đá mini, Oresol, type of a
    # vaccine strain).
    "Khmer": "khơ me", "mini": "mi ni", "Oresol": "ô rê dôn", "type": "típ",
    # v14 (NEW-v14-2): festivals, climate, fruit varieties, payment services; the fertiliser DAP by its letters
    # (S1 "dê": an unknown acronym's D is "đê" as in ODA, but a fertiliser is named by its S1 letters like NPK).
    "Carnaval": "các na van", "Carnival": "các na van", "Festival": "phét ti van",
    "El Nino": "en ni nô", "El Niño": "en ni nô", "La Nina": "la ni na", "La Niña": "la ni na",
    "Idor": "i đo", "Java": "gia va", "Monthong": "môn thoong", "Asia": "a xi a",
    "Mobile Money": "mô bai mo ni", "City Tour": "xi ti tua", "Hanoi": "hà nội", "Saigon": "sài gòn",
    "DAP": "dê a pê",
    # v15/v16 (NEW-v15-6, NEW-v16-6): health, travel and sports loans; the Korean-language test of EPS.
    "X-quang": "ích quang", "X-Quang": "ích quang", "x-quang": "ích quang", "Rabisin": "ra bi xin",
    "visa": "vi sa", "Futsal": "phút xan", "TOPIK": "tô pích", "EPS-TOPIK": "e pê ét tô pích",
    "ShopeePay": "sốp pi pây", "Digibank": "đi gi banh",
}
# Each loan word is listed once; it is read the same at the start of a sentence and in lower case ("Zalo", "zalo";
# "Video call", "video call"), so a word with a lower-case letter gets both forms. It is read the same in capitals
# ("HOTLINE", "ONLINE", "ZALO"): every word of four letters or more gets its all-capital form too (shorter ones in
# capitals are more often acronyms). Abbreviations are not folded: their case carries meaning.
for _word, _spoken in list(LOAN_WORDS.items()):
    if any(letter.islower() for letter in _word):
        LOAN_WORDS.setdefault(_word.lower(), _spoken)
        LOAN_WORDS.setdefault(_word[:1].upper() + _word[1:], _spoken)
for _word, _spoken in list(LOAN_WORDS.items()):
    if _word.isalpha() and len(_word) >= 4:
        LOAN_WORDS.setdefault(_word.upper(), _spoken)

# Reading of the punctuation inside web and e-mail addresses and hashtags.
WEB_SIGNS: Mapping[str, str] = MappingProxyType({
    "@": "a còng", ".": "chấm", "/": "gạch chéo", "-": "gạch ngang", "_": "gạch dưới", "#": "hát tác",
    ":": "hai chấm",
})
