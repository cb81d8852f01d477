"""Uploading a letter to the API: a draft back, or a 4xx that says what to do."""

from __future__ import annotations

import io
import zipfile

from tests.fixtures.builders import auth
from tests.letters.letters import letter_docx, letter_pdf, scanned_pdf

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _post(client, user, name, data, mime="application/octet-stream"):
    return client.post("/api/v1/letters", headers=auth(user), files={"file": (name, data, mime)})


def test_a_docx_letter_becomes_a_draft_with_its_number_and_date(client, world):
    r = _post(client, world.users["officer"], "KH-15.docx", letter_docx(), DOCX)
    assert r.status_code == 200, r.text
    draft = r.json()
    assert draft["title"] == "Tuyên truyền phòng, chống dịch sốt xuất huyết"
    assert draft["source_number"] == "15/KH-UBND"
    assert draft["source_date"] == "2025-03-12"
    assert draft["source_ref"] == "Công văn số 15/KH-UBND ngày 12/03/2025"
    assert draft["body"].startswith("Thực hiện Kế hoạch số 09/KH-UBND")
    assert "Nơi nhận" not in draft["body"]
    assert "Kính gửi" not in draft["body"]


def test_a_text_pdf_becomes_a_draft(client, world):
    r = _post(client, world.users["officer"], "thong-bao.pdf", letter_pdf(), "application/pdf")
    assert r.status_code == 200, r.text
    draft = r.json()
    assert draft["source_number"] == "21/TB-UBND"
    assert draft["source_date"] == "2025-04-03"
    assert draft["title"] == "Thông báo lịch tiêm chủng vắc-xin sởi tháng 4/2025"
    assert "Trạm Y tế phường" in draft["body"]


def test_a_scanned_pdf_is_refused_with_the_reason(client, world):
    r = _post(client, world.users["officer"], "scan.pdf", scanned_pdf(), "application/pdf")
    assert r.status_code == 422
    assert r.json()["error"] == "ScannedLetter"
    assert "bản scan" in r.json()["detail"]


def test_damaged_or_foreign_files_get_a_clear_4xx(client, world):
    officer = world.users["officer"]
    broken_zip = io.BytesIO()
    with zipfile.ZipFile(broken_zip, "w") as z:
        z.writestr("hello.txt", "not a word document")
    cases = [
        ("cong-van.docx", b"PK\x03\x04 this is not a zip", 422, "UnreadableLetter"),
        ("cong-van.docx", broken_zip.getvalue(), 422, "UnreadableLetter"),
        ("cong-van.pdf", b"%PDF-1.7\n garbage without objects", 422, "UnreadableLetter"),
        ("cong-van.pdf", letter_docx(), 422, "UnreadableLetter"),
        ("cong-van.doc", b"\xd0\xcf\x11\xe0 old word", 415, "UnsupportedLetter"),
        ("cong-van.docx", b"", 422, "UnreadableLetter"),
    ]
    for name, data, status, error in cases:
        r = _post(client, officer, name, data)
        assert (r.status_code, r.json()["error"]) == (status, error), (name, r.text)
        assert r.json()["detail"]


def test_a_letter_over_the_size_limit_is_refused(client, world):
    big = letter_docx() + b"\0" * 10_000_001
    r = _post(client, world.users["officer"], "big.docx", big)
    assert r.status_code == 413
    assert "MB" in r.json()["detail"]


def test_only_authors_read_letters(client, world):
    for role in ("leader", "admin"):
        r = _post(client, world.users[role], "KH-15.docx", letter_docx(), DOCX)
        assert r.status_code == 403
