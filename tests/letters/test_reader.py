"""Finding the title, number and date in the text of real letters (the seed directives)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.letters.reader import read_letter

SEEDS = Path("/work/shared/seeds")


def test_a_cong_van_gives_its_subject_number_and_date():
    lines = ["UỶ BAN NHÂN DÂN", "PHƯỜNG HÀ TU", "Số: 79 /UBND", "V/v tuyên truyền một số", "nội dung trọng tâm",
             "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Tu, ngày 22 tháng 01 năm 2024",
             "- Kính gửi: - Ban biên tập đài truyền thanh cơ sở phường;", "- Trưởng các khu phố.",
             "Thực hiện Công văn số 128/STTTT-TTBCXB ngày 16/01/2024, UBND phường chỉ đạo như sau:",
             "1. Tuyên truyền kết quả năm 2023.", "Nơi nhận:", "- Như trên;"]
    letter = read_letter(lines, 10_000)
    assert letter.title == "Tuyên truyền một số nội dung trọng tâm"
    assert letter.number == "79/UBND"
    assert letter.issued_on == date(2024, 1, 22)
    assert letter.source_ref == "Công văn số 79/UBND ngày 22/01/2024"
    assert letter.body.startswith("Thực hiện Công văn số 128/STTTT-TTBCXB")
    assert "Kính gửi" not in letter.body
    assert "Nơi nhận" not in letter.body
    assert letter.notes == []


def test_a_plan_without_number_or_date_yet_says_what_is_missing():
    lines = ["Số: /KH-UBND", "Thanh Xuân, ngày tháng năm 2023", "KẾ HOẠCH",
             "Tuyên truyền nhiệm vụ phát triển kinh tế - xã hội", "của quận Thanh Xuân năm 2024",
             "Năm 2024 là năm bản lề."]
    letter = read_letter(lines, 10_000)
    assert letter.title == "Kế hoạch tuyên truyền nhiệm vụ phát triển kinh tế - xã hội của quận Thanh Xuân năm 2024"
    assert letter.number is None
    assert letter.issued_on is None
    assert letter.body == "Năm 2024 là năm bản lề."
    assert any("số văn bản" in n for n in letter.notes)
    assert any("ngày ban hành" in n for n in letter.notes)


def test_an_impossible_date_is_not_taken():
    letter = read_letter(["Số: 5/TB-UBND", "Hà Tu, ngày 31 tháng 02 năm 2025", "V/v lịch cắt điện", "Nội dung."],
                         10_000)
    assert letter.issued_on is None
    assert any("không có thật" in n for n in letter.notes)


def test_a_long_letter_is_cut_at_a_paragraph_and_says_so():
    lines = ["V/v tuyên truyền", *[f"Đoạn {n}: " + "chữ " * 100 for n in range(40)]]
    letter = read_letter(lines, 2_000)
    assert len(letter.body) <= 2_000
    assert letter.body.endswith("chữ")
    assert any("chỉ lấy phần đầu" in n for n in letter.notes)


def test_the_city_orientation_seed_reads_right():
    seed = next(SEEDS.glob("001_*.txt"), None)
    if seed is None:
        return  # the seeds live beside the repository in development only
    letter = read_letter(seed.read_text().splitlines(), 10_000)
    assert letter.number == "581-CV/BTGTU"
    assert letter.issued_on == date(2023, 2, 2)
    assert letter.title.startswith("Định hướng trọng tâm công tác thông tin, tuyên truyền trong tháng 02/2023")
